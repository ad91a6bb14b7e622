"""Preferences, recent files and window state in QSettings (never project data)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

MAX_RECENT = 10
AUTOSAVE_SECONDS = 60


def settings() -> QSettings:
    """An INI file in the user's config folder (beside the user dictionary; tests isolate it)."""
    from editor_app.paths import user_config_dir

    return QSettings(str(user_config_dir() / "editor-app.ini"), QSettings.Format.IniFormat)


def recent_files() -> list[Path]:
    value = settings().value("recent_files", [])
    if isinstance(value, str):
        value = [value]
    return [Path(v) for v in (value or []) if v]


def add_recent_file(path: Path) -> None:
    path = Path(path).resolve()
    files = [p for p in recent_files() if p != path]
    files.insert(0, path)
    settings().setValue("recent_files", [str(p) for p in files[:MAX_RECENT]])


def clear_recent_files() -> None:
    settings().setValue("recent_files", [])


def language() -> str:
    """'system', 'zh_CN' or 'en'."""
    return str(settings().value("language", "system"))


def set_language(value: str) -> None:
    settings().setValue("language", value)


def default_template() -> str:
    return str(settings().value("default_template", "a4-bulletin"))


def set_default_template(value: str) -> None:
    settings().setValue("default_template", value)


def autosave_seconds() -> int:
    try:
        return max(10, int(settings().value("autosave_seconds", AUTOSAVE_SECONDS)))
    except (TypeError, ValueError):
        return AUTOSAVE_SECONDS


def set_autosave_seconds(value: int) -> None:
    settings().setValue("autosave_seconds", int(value))


def last_folder() -> str:
    """Where the last file was opened or imported from ("" before the first time)."""
    value = settings().value("files/last_folder", "")
    return value if isinstance(value, str) and Path(value).is_dir() else ""


def remember_folder(path: Path) -> None:
    settings().setValue("files/last_folder", str(Path(path).parent))
