"""Atomic file replacement: a crash at any moment leaves the old file or the new one, never half.

Write to a temp file in the target's folder, flush and fsync, keep the previous version as a backup,
then `os.replace` (atomic on POSIX and on NTFS). Exports and project saves both go through here.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO


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


@contextlib.contextmanager
def atomic_writer(target: Path | str, backup: bool = False) -> Iterator[BinaryIO]:
    """Yield a binary file; on clean exit it replaces `target` atomically.

    With `backup`, the previous `target` is kept as `target + ".bak"` (a copy, so the original is
    never missing). On an exception the temp file is removed and `target` is untouched. Raises
    `PermissionError`/`OSError` for an unwritable folder before anything is written.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
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


def _copy_backup(target: Path) -> None:
    """Keep the previous version beside the target, itself written atomically."""
    bak = target.with_name(target.name + ".bak")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{bak.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        shutil.copyfile(target, tmp_name)
        os.replace(tmp_name, bak)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


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
