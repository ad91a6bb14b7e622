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


def account_name() -> str:
    """The login name, the default for the user's name on marks."""
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name in some containers: the user types one
        return ""


def user_name() -> str:
    """The name marks carry (preferences), else the account name."""
    value = settings().value("user/name", "")
    return value if isinstance(value, str) and value.strip() else account_name()


def user_name_chosen() -> bool:
    """Whether the user has confirmed a name (asked once, the first time they make a mark)."""
    value = settings().value("user/name", "")
    return isinstance(value, str) and bool(value.strip())


def set_user_name(value: str) -> None:
    settings().setValue("user/name", value.strip())


def show_handled_marks_in_export() -> bool:
    return str(settings().value("export/handled_marks", "true")).lower() != "false"


def set_show_handled_marks_in_export(value: bool) -> None:
    settings().setValue("export/handled_marks", "true" if value else "false")
