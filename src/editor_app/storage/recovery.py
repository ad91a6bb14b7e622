"""Autosave recovery files: unsaved work kept beside the user's data until it is saved or discarded.

The GUI writes one recovery file per open document every minute (and on an unexpected error); on the
next start `list_recoveries()` offers them back. Written atomically like a save, never over the
user's own file.

Each note beside a recovery copy names the original by its absolute path and its identity (size,
modification time, hash of the bytes last opened or saved): a restore saves back to the original
only while it is still that file, never to a file of the same name in another folder. Each running
window claims its session (an advisory lock on `SESSION.alive`), so another instance never offers —
or discards — the recovery files of a window that is still open.
"""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import json
import os
import socket
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from editor_app.errors import ProjectError
from editor_app.messages import msg
from editor_app.storage.atomic import atomic_writer, write_atomic
from editor_app.storage.identity import FileIdentity, still_same
from editor_app.storage.lock import process_alive
from editor_app.storage.project import Project, open_project, project_bytes_writer

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: liveness by process id only
    fcntl = None  # type: ignore[assignment]


@dataclass(frozen=True)
class Recovery:
    path: Path  # the recovery .bulletin
    original: Path | None  # the file the user was editing, if it had one (absolute)
    saved_at: str
    identity: FileIdentity | None = None  # of the original when it was last opened or saved
    session: str = ""
    pid: int = 0
    host: str = ""


class SessionClaim:
    """Held by a running window: its recovery files are not anybody else's to restore or discard."""

    def __init__(self, folder: Path, session: str):
        self.path = folder / f"{session}.alive"
        self._fd: int | None = None
        with contextlib.suppress(OSError):
            folder.mkdir(parents=True, exist_ok=True)
            self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            if fcntl is not None:
                fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                self.path.unlink()
            os.close(self._fd)
            self._fd = None


def claim_session(folder: Path, session: str) -> SessionClaim:
    return SessionClaim(folder, session)


def _session_alive(folder: Path, recovery: Recovery) -> bool:
    """Is the window that wrote `recovery` still running?"""
    if not recovery.session:
        return False
    alive = folder / f"{recovery.session}.alive"
    if fcntl is not None:  # the claim's lock is the truth: gone with its process, even after kill -9
        try:
            fd = os.open(alive, os.O_RDONLY)
        except OSError:
            return False  # released: the window closed
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return True  # its owner holds the lock
        finally:
            os.close(fd)
        return False
    return recovery.host == socket.gethostname() and process_alive(recovery.pid)


def _key(project: Project, session: str) -> str:
    source = str(project.path.absolute()) if project.path else "untitled"
    return hashlib.sha1(f"{source}\0{session}".encode()).hexdigest()[:16]


def write_recovery(project: Project, folder: Path, session: str = "") -> Path:
    """Write (or refresh) the recovery copy of `project` in `folder`; return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    key = _key(project, session)
    target = folder / f"{key}.bulletin"
    with atomic_writer(target) as handle:
        project_bytes_writer(project)(handle)
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = ""
    meta = {
        "original": str(project.path.absolute()) if project.path else None,
        "identity": project.identity.to_dict() if project.identity else None,
        "saved_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "session": session,
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "user": user,
    }
    write_atomic(folder / f"{key}.json", json.dumps(meta, ensure_ascii=False).encode("utf-8"))
    return target


def _text(meta: dict, key: str) -> str:
    value = meta.get(key)
    return value if isinstance(value, str) else ""


def _read_note(file: Path) -> dict:
    try:
        meta = json.loads(file.with_suffix(".json").read_bytes()[: 1024 * 1024].decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    return meta if isinstance(meta, dict) else {}


def list_recoveries(folder: Path, include_live: bool = False) -> list[Recovery]:
    """Recovery files found in `folder`, newest first (unreadable sidecars are tolerated).

    Those of windows still running (in this or another process) are left out unless `include_live`.
    """
    found: list[Recovery] = []
    if not folder.is_dir():
        return found
    for file in folder.glob("*.bulletin"):
        meta = _read_note(file)
        original = meta.get("original")
        original = Path(original) if isinstance(original, str) and original else None
        pid = meta.get("pid")
        item = Recovery(
            file,
            original,
            str(meta.get("saved_at", "")),
            FileIdentity.from_dict(meta.get("identity")),
            _text(meta, "session"),
            pid if isinstance(pid, int) else 0,
            _text(meta, "host"),
        )
        if include_live or not _session_alive(folder, item):
            found.append(item)
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


def original_is_unchanged(recovery: Recovery) -> bool:
    """May the restored work be saved back to its original? Only if the note names it absolutely
    and the file there is still the one the user was editing (same bytes as when last opened)."""
    original = recovery.original
    if original is None or not original.is_absolute() or recovery.identity is None:
        return False
    return still_same(original, recovery.identity)


def restore(recovery: Recovery) -> Project:
    """Open a recovery copy. The project points at the user's original file only while that file is
    unchanged; otherwise it has no path (the window asks for a name) and a note says why."""
    project = open_project(recovery.path)
    if original_is_unchanged(recovery):
        project.path = recovery.original
        project.identity = recovery.identity
    else:
        project.path, project.identity = None, None
        if recovery.original is not None:
            project.notes.append(
                msg(
                    "{path} has changed or moved since this work was kept; choose a name to save it under",
                    path=recovery.original,
                )
            )
    return project


def discard(recovery: Recovery | Path) -> None:
    path = recovery.path if isinstance(recovery, Recovery) else Path(recovery)
    for file in (path, path.with_suffix(".json")):
        with contextlib.suppress(FileNotFoundError):
            file.unlink()


def discard_for(project: Project, folder: Path, session: str = "") -> None:
    """Remove the recovery copy after a successful save or a deliberate close."""
    discard(folder / f"{_key(project, session)}.bulletin")


__all__ = [
    "Recovery",
    "SessionClaim",
    "claim_session",
    "write_recovery",
    "list_recoveries",
    "restore",
    "original_is_unchanged",
    "discard",
    "discard_for",
    "ProjectError",
]
