"""Which file is this? Size, modification time and a hash of the bytes we read or wrote.

A path alone does not say that a file is still the one the user was editing: another folder may
hold a file of the same name, another program may have saved over it. The identity taken when a
project is opened or saved lets a later save (or a restore from a recovery copy) check that it
would write over that same file and nothing else.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FileIdentity:
    size: int
    mtime_ns: int
    sha256: str

    def to_dict(self) -> dict:
        return {"size": self.size, "mtime_ns": self.mtime_ns, "sha256": self.sha256}

    @classmethod
    def from_dict(cls, data) -> FileIdentity | None:
        """The identity kept in a recovery note, or None when the note has none (or a broken one)."""
        if not isinstance(data, dict):
            return None
        size, mtime, digest = data.get("size"), data.get("mtime_ns"), data.get("sha256")
        if not (isinstance(size, int) and isinstance(mtime, int) and isinstance(digest, str)):
            return None
        return cls(size, mtime, digest)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def identity_of(path: Path, data: bytes) -> FileIdentity | None:
    """The identity of the file at `path`, whose bytes (just read or written) are `data`."""
    try:
        st = path.stat()
    except OSError:
        return None
    return FileIdentity(st.st_size, st.st_mtime_ns, digest(data))


def file_hash(path: Path) -> str | None:
    sha = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                sha.update(chunk)
    except OSError:
        return None
    return sha.hexdigest()


def still_same(path: Path, identity: FileIdentity) -> bool:
    """Is the file at `path` still the one `identity` describes? (Same bytes; a touch does not count.)"""
    try:
        st = path.stat()
    except OSError:
        return False
    if st.st_size != identity.size:
        return False
    if st.st_mtime_ns == identity.mtime_ns:
        return True
    return file_hash(path) == identity.sha256
