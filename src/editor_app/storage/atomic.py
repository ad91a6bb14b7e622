"""Atomic file replacement: a crash at any moment leaves the old file or the new one, never half.

Write to a temp file in the target's folder, flush and fsync, keep the previous version as a backup,
then `os.replace` (atomic on POSIX and on NTFS). Exports and project saves both go through here.

A save killed with `kill -9` cannot remove its own temp file, so each temp file is held under an
advisory lock (`flock`) while it is written; the next save into the same folder removes the temp
files of the same target whose writer is gone (their lock is free). Saving through a symbolic link
writes the file the link points to, and a file without write permission is refused, not replaced.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

try:  # POSIX; elsewhere stale temp files are recognised by age instead
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

STALE_TEMP_SECONDS = 3600  # without flock (Windows): a temp file this old belongs to a dead save


class ReadOnlyFileError(PermissionError):
    """The target exists and is marked read-only: the user (or the newsroom) protected it."""


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:  # some file systems cannot sync a folder; the file itself was synced before the rename
        pass
    finally:
        os.close(fd)


def real_target(target: Path | str) -> Path:
    """The file a save really writes: a symbolic link is followed, so the link stays a link."""
    target = Path(target)
    if target.is_symlink():
        return Path(os.path.realpath(target))
    return target


def check_writable(target: Path) -> None:
    """Refuse to replace a file that is marked read-only (0444), even for root, who could."""
    try:
        st = target.stat()
    except FileNotFoundError:
        return
    if stat.S_ISREG(st.st_mode) and (not st.st_mode & 0o222 or not os.access(target, os.W_OK)):
        raise ReadOnlyFileError(errno.EACCES, "the file is read-only", str(target))


def _lock(fd: int) -> bool:
    """Take the advisory lock that marks a temp file as being written; False if someone holds it."""
    if fcntl is None:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _locked_temp(folder: Path, prefix: str) -> tuple[int, int, Path]:
    """(write fd, lock fd, path) of a new temp file that a concurrent cleaner will leave alone.

    The lock is held on a second descriptor until the temp file has been renamed, because closing
    the writing handle would release it. If a cleaner removed the file between its creation and the
    lock (a window of microseconds), another one is made.
    """
    for _ in range(5):
        fd, name = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=folder)
        try:
            lock_fd = os.open(name, os.O_RDONLY)
        except FileNotFoundError:
            os.close(fd)
            continue
        _lock(lock_fd)
        if os.fstat(lock_fd).st_nlink > 0:
            return fd, lock_fd, Path(name)
        os.close(lock_fd)
        os.close(fd)
    raise OSError(errno.EAGAIN, "could not create a temporary file", str(folder))


def clean_stale_temps(target: Path) -> list[Path]:
    """Remove temp files of `target` left by saves that were killed; return what was removed.

    A temp file whose lock can be taken has no living writer. Without `flock` (Windows), files older
    than an hour count as abandoned.
    """
    folder = target.parent if str(target.parent) else Path(".")
    prefix = f".{target.name}."
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not (entry.name.startswith(prefix) and entry.name.endswith(".tmp")):
            continue
        path = Path(entry.path)
        try:
            if fcntl is None:
                if time.time() - entry.stat().st_mtime < STALE_TEMP_SECONDS:
                    continue
                path.unlink()
                removed.append(path)
                continue
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            continue
        try:
            if entry.is_file(follow_symlinks=False) and _lock(fd):
                path.unlink()
                removed.append(path)
        except OSError:
            pass
        finally:
            os.close(fd)
    return removed


@contextlib.contextmanager
def atomic_writer(target: Path | str, backup: bool = False) -> Iterator[BinaryIO]:
    """Yield a binary file; on clean exit it replaces `target` atomically.

    With `backup`, the previous `target` is kept as `target + ".bak"` (with the original's
    permissions, so the original is never missing). On an exception the temp file is removed and
    `target` is untouched. Raises `PermissionError`/`OSError` for an unwritable folder and
    `ReadOnlyFileError` for a read-only target, before anything is written.
    """
    target = real_target(target)
    folder = target.parent if str(target.parent) else Path(".")
    check_writable(target)
    fd, lock_fd, tmp = _locked_temp(folder, f".{target.name}.")
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            try:
                os.chmod(tmp, target.stat().st_mode & 0o7777)
            except OSError:
                pass
            if backup:
                _copy_backup(target)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
        _fsync_dir(folder)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    finally:
        os.close(lock_fd)
    clean_stale_temps(target)


@contextlib.contextmanager
def locked_existing(target: Path | str, wait_seconds: float = 30.0) -> Iterator[None]:
    """Hold an advisory lock on an existing file (not created if missing) for the duration.

    Cooperating writers of one file (two saves of a project) take it in turn: the second one waits,
    then sees what the first one wrote. Without flock, or for a missing file, this does nothing.
    """
    target = real_target(target)
    fd = None
    if fcntl is not None:
        try:
            fd = os.open(target, os.O_RDONLY)
        except OSError:
            fd = None
    try:
        if fd is not None:
            deadline = time.monotonic() + wait_seconds
            while not _lock(fd):
                if time.monotonic() > deadline:
                    raise OSError(errno.EBUSY, "another program keeps the file busy", str(target))
                time.sleep(0.02)
        yield
    finally:
        if fd is not None:
            os.close(fd)


def _copy_backup(target: Path) -> None:
    """Keep the previous version beside the target, itself written atomically, with its mode."""
    bak = target.with_name(target.name + ".bak")
    fd, lock_fd, tmp = _locked_temp(target.parent, f".{bak.name}.")
    os.close(fd)
    try:
        shutil.copyfile(target, tmp)
        shutil.copymode(target, tmp)
        os.replace(tmp, bak)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    finally:
        os.close(lock_fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(target: Path | str, data: bytes | Callable[[BinaryIO], None], backup: bool = False) -> None:
    """Write bytes (or let a callback write into the file) atomically."""
    with atomic_writer(target, backup=backup) as handle:
        if callable(data):
            data(handle)
        else:
            handle.write(data)
