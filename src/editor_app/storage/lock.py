"""Project locks, as office suites keep them: `.~lock.NAME.bulletin#` beside the project.

Opening a project in the window writes a lock file naming the user, the host and the process (and
the process's start time, so a reused process id is not mistaken for the owner). A second opener
is told who has the project and may open it read-only; a lock whose process is gone on this host
is stale and may be taken over. The command line refuses to write a project somebody has open.

The lock is advisory: it stops editor-app instances (and tells people), not other programs, and
a lock on a shared folder from another computer cannot be proven stale from here.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from editor_app.errors import ProjectError
from editor_app.messages import msg
from editor_app.storage.atomic import real_target

LOCK_PREFIX = ".~lock."
LOCK_SUFFIX = "#"


def lock_path(project_path: Path | str) -> Path:
    target = real_target(Path(project_path).absolute())
    return target.with_name(f"{LOCK_PREFIX}{target.name}{LOCK_SUFFIX}")


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (containers)
        return str(os.getuid()) if hasattr(os, "getuid") else "?"


def process_start(pid: int) -> str | None:
    """When process `pid` started (Linux: clock ticks since boot), to tell a reused pid apart."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    try:
        return raw.rsplit(")", 1)[1].split()[19]
    except IndexError:
        return None


def process_alive(pid: int, start: str | None = None) -> bool:
    """Is process `pid` of this host running, and (when known) the same process that started then?"""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # someone else's process: it exists
    except OSError:
        return False
    if start is not None:
        now = process_start(pid)
        if now is not None and now != start:
            return False
    return True


@dataclass(frozen=True)
class LockInfo:
    path: Path
    user: str = "?"
    host: str = "?"
    pid: int = 0
    since: str = ""
    session: str = ""
    start: str | None = None

    @property
    def stale(self) -> bool:
        """True when the owner is provably gone: a process of this host that no longer runs, or a
        lock file so damaged it names nobody."""
        if not self.session:
            return True
        return self.host == socket.gethostname() and not process_alive(self.pid, self.start)

    def describe(self) -> str:
        when = self.since
        with contextlib.suppress(ValueError):
            when = datetime.fromisoformat(self.since).astimezone().strftime("%Y-%m-%d %H:%M")
        return msg(
            "{user} on {host} (process {pid}) since {since}",
            user=self.user,
            host=self.host,
            pid=self.pid,
            since=when or "?",
        )


def read_lock(project_path: Path | str) -> LockInfo | None:
    """The lock on a project, or None when nobody holds one."""
    path = lock_path(project_path)
    try:
        raw = path.read_bytes()[: 64 * 1024]
    except FileNotFoundError:
        return None
    except OSError:
        return LockInfo(path)
    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError, RecursionError):
        return LockInfo(path)  # half-written by a killed process: names nobody, so stale
    if not isinstance(data, dict):
        return LockInfo(path)

    def text(key: str) -> str:
        value = data.get(key)
        return value if isinstance(value, str) else "?"

    pid = data.get("pid")
    start = data.get("start")
    return LockInfo(
        path,
        text("user"),
        text("host"),
        pid if isinstance(pid, int) else 0,
        text("since"),
        str(data.get("session")) if isinstance(data.get("session"), str) else "",
        start if isinstance(start, str) else None,
    )


class ProjectLockedError(ProjectError):
    """The project is open elsewhere; `info` says by whom."""

    def __init__(self, path: Path, info: LockInfo):
        self.info = info
        super().__init__(
            path,
            msg(
                "is open in editor-app by {owner}; close it there first or save under another name",
                owner=info.describe(),
            ),
        )


class ProjectLock:
    """A lock this process holds on one project; `release()` when the document closes."""

    def __init__(self, project_path: Path, info: LockInfo):
        self.project_path = project_path
        self.info = info

    @property
    def session(self) -> str:
        return self.info.session

    def held(self) -> bool:
        current = read_lock(self.project_path)
        return current is not None and current.session == self.session

    def release(self) -> None:
        if self.held():
            with contextlib.suppress(OSError):
                self.info.path.unlink()


def acquire(project_path: Path | str, take_over: bool = False) -> ProjectLock | None:
    """Lock a project for this process.

    Raises ProjectLockedError when another live session holds it (a stale lock is taken over only
    with `take_over`, a live one never). Returns None when no lock file can be written there (a
    read-only folder: nobody can save there either, so there is nothing to protect).
    """
    project_path = Path(project_path).absolute()
    path = lock_path(project_path)
    info = LockInfo(
        path,
        _user(),
        socket.gethostname(),
        os.getpid(),
        datetime.now(UTC).replace(microsecond=0).isoformat(),
        uuid.uuid4().hex,
        process_start(os.getpid()),
    )
    payload = json.dumps(
        {
            "app": "editor-app",
            "user": info.user,
            "host": info.host,
            "pid": info.pid,
            "since": info.since,
            "session": info.session,
            "start": info.start,
        },
        ensure_ascii=False,
    ).encode("utf-8")
    for _ in range(3):
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            current = read_lock(project_path)
            if current is None:
                continue  # released meanwhile
            if not (take_over and current.stale):
                raise ProjectLockedError(project_path, current) from None
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
            continue
        except OSError:
            return None
        try:
            os.write(fd, payload)
        finally:
            os.close(fd)
        return ProjectLock(project_path, info)
    current = read_lock(project_path)
    raise ProjectLockedError(project_path, current or LockInfo(path))


def check_can_write(project_path: Path | str, held: ProjectLock | None) -> None:
    """Refuse to write a project that another live session has open (a stale lock does not count)."""
    current = read_lock(project_path)
    if current is None or current.stale:
        return
    if held is not None and held.session == current.session:
        return
    raise ProjectLockedError(Path(project_path), current)
