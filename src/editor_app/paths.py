"""Where the app's data lives: bundled resources and templates, and the user's own folders.

`resources/` and `templates/` are package data of `editor_app`, found through `importlib.resources`:
an installed wheel (`pip install .`) and the PyInstaller bundle carry them inside the package and
are found the same way. Only a source checkout, where the folders stay at the repository root,
falls back to `src/editor_app/../../`.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from importlib import resources
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE_DIR.parents[1]  # src/editor_app -> the repository root, in a source checkout


def _candidates(name: str) -> list[Path]:
    found = []
    packaged = resources.files("editor_app") / name  # wheel, `pip install .`, PyInstaller bundle
    if isinstance(packaged, Path):  # a zip import would need extracting; the app never ships as one
        found.append(packaged)
    if (_CHECKOUT / "pyproject.toml").is_file():
        found.append(_CHECKOUT / name)
    return found


@cache
def _locate(name: str) -> Path:
    candidates = _candidates(name)
    for path in candidates:
        if path.is_dir():
            return path
    raise FileNotFoundError(
        f"editor-app cannot find its '{name}' folder; looked in: "
        + (", ".join(str(p) for p in candidates) or "(nowhere)")
    )


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
