"""Proofreading: rules as data (YAML packs under `resources/rules/`), compiled into a `Checker`.

    from editor_app.proof import check_text
    for finding in check_text("截止目前，工作已布署完毕。"):
        print(finding.start, finding.end, finding.text, finding.suggestions, finding.message)

`default_checker()` loads the bundled packs plus the user's rules folder and dictionary once per
process; `Checker.load(...)` builds another (e.g. `editor-app check --rules DIR`).
"""

from __future__ import annotations

import threading

from editor_app.proof.checker import Checker
from editor_app.proof.findings import LEVELS, Finding, FindingLocation

__all__ = [
    "LEVELS",
    "Checker",
    "Finding",
    "FindingLocation",
    "check_issue",
    "check_text",
    "default_checker",
    "reset_default_checker",
]

_lock = threading.Lock()
_default: Checker | None = None


def default_checker() -> Checker:
    """The bundled packs plus the user's rules and dictionary, loaded once per process."""
    global _default
    with _lock:
        if _default is None:
            _default = Checker.load()
        return _default


def reset_default_checker() -> None:
    """Forget the cached checker (after the user edits their dictionary or rules folder)."""
    global _default
    with _lock:
        _default = None


def check_text(text: str, scope: str = "body") -> list[Finding]:
    return default_checker().check_text(text, scope)


def check_issue(issue) -> list[Finding]:
    return default_checker().check_issue(issue)
