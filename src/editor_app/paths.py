"""Where the app's data lives: bundled resources and templates, and the user's own folders.

One place decides, so that a source checkout, an installed wheel and a PyInstaller bundle all find
`resources/` and `templates/` the same way.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _candidates(name: str) -> list[Path]:
    found = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:  # PyInstaller unpacks data next to the frozen modules
        found.append(Path(bundle) / "editor_app" / name)
        found.append(Path(bundle) / name)
    found.append(_PACKAGE_DIR / name)  # installed wheel (force-included by hatchling)
    found.append(_PACKAGE_DIR.parents[1] / name)  # source checkout: src/editor_app -> repo root
    return found


@cache
def _locate(name: str) -> Path:
    for path in _candidates(name):
        if path.is_dir():
            return path
    raise FileNotFoundError(f"editor-app cannot find its '{name}' folder; looked in: "
                            + ", ".join(str(p) for p in _candidates(name)))


def resources_dir() -> Path:
    """The bundled `resources/` folder (rule packs, samples, translations, icons)."""
    return _locate("resources")


def templates_dir() -> Path:
    """The bundled `templates/` folder (page templates and reference DOCX files)."""
    return _locate("templates")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def sample_project() -> Path:
    """The sample issue that `make run` opens."""
    return resource("samples", "sample.bulletin")


def user_config_dir() -> Path:
    """Per-user configuration (user dictionary, user rules): XDG on Linux, AppData on Windows."""
    override = os.environ.get("EDITOR_APP_CONFIG_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config"))
    return base / "editor-app"


def user_data_dir() -> Path:
    """Per-user data such as autosave recovery files."""
    override = os.environ.get("EDITOR_APP_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / "editor-app"


def user_rules_dir() -> Path:
    return user_config_dir() / "rules"


def user_dictionary_path() -> Path:
    return user_config_dir() / "user-dictionary.txt"


def user_disabled_rules_path() -> Path:
    """Rule ids the user switched off, one per line."""
    return user_config_dir() / "disabled-rules.txt"


def recovery_dir() -> Path:
    return user_data_dir() / "recovery"
