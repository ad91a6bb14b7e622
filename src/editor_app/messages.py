"""User-facing messages of the Qt-free core, in the reader's language.

The core writes its messages in English, as templates with `{placeholders}`; `msg(template, **values)`
looks the template up in the catalogue `resources/i18n/core_<language>.yaml` (English template →
translated template with the same placeholders) and fills it in. A template that is not in the
catalogue prints in English, so a missing translation never hides a message.

The language is the one module-level setting here: `set_language(code)` (the GUI calls it with the
language it chose), else `EDITOR_APP_LANG`, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`):
zh_* → Simplified Chinese, anything else → English.
"""

from __future__ import annotations

import os
import string
from functools import cache

from editor_app.paths import resource

_chosen: str | None = None


def _normalise(code: str | None) -> str | None:
    """'zh_CN.UTF-8', 'zh', 'zh-Hans' → 'zh_CN'; other non-empty codes → 'en'; empty → None."""
    code = (code or "").strip()
    if not code:
        return None
    return "zh_CN" if code.lower().startswith("zh") else "en"


def set_language(code: str | None) -> None:
    """Use `code` ('zh_CN' or 'en') for core messages; None goes back to the environment."""
    global _chosen
    _chosen = _normalise(code)


def current_language() -> str:
    """'zh_CN' or 'en': the language chosen with set_language, else EDITOR_APP_LANG, else the locale."""
    if _chosen:
        return _chosen
    explicit = _normalise(os.environ.get("EDITOR_APP_LANG"))
    if explicit:
        return explicit
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:  # the first one set wins, as in POSIX
            return _normalise(value) or "en"
    return "en"


@cache
def catalogue(language: str) -> dict[str, str]:
    """English template → translated template for `language` (empty for English)."""
    if language == "en":
        return {}
    path = resource("i18n", f"core_{language}.yaml")
    if not path.exists():
        return {}
    import yaml  # only when a translation is needed: importing the core stays light

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}  # a damaged catalogue must not turn every message into a crash: English it is
    if not isinstance(data, dict):
        return {}
    return {str(key): str(value) for key, value in data.items()}


def placeholders(template: str) -> set[str]:
    """The `{names}` a template fills in."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def msg(template: str, /, **values) -> str:
    """`template` in the current language, with `values` filled in."""
    text = catalogue(current_language()).get(template, template)
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):  # a translation with a broken placeholder
        return template.format(**values)
