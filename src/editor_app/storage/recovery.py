"""Autosave recovery files: unsaved work kept beside the user's data until it is saved or discarded.

The GUI writes one recovery file per open document every minute (and on an unexpected error); on the
next start `list_recoveries()` offers them back. Written atomically like a save, never over the
user's own file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from editor_app.errors import ProjectError
from editor_app.storage.atomic import atomic_writer, write_atomic
from editor_app.storage.project import Project, open_project, project_bytes_writer


@dataclass(frozen=True)
class Recovery:
    path: Path  # the recovery .bulletin
    original: Path | None  # the file the user was editing, if it had one
    saved_at: str


def _key(project: Project, session: str) -> str:
    source = str(project.path.resolve()) if project.path else f"untitled-{session}"
    return hashlib.sha1(source.encode("utf-8")).hexdigest()[:16]


def write_recovery(project: Project, folder: Path, session: str = "") -> Path:
    """Write (or refresh) the recovery copy of `project` in `folder`; return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    key = _key(project, session)
    target = folder / f"{key}.bulletin"
    with atomic_writer(target) as handle:
        project_bytes_writer(project)(handle)
    meta = {"original": str(project.path) if project.path else None,
            "saved_at": datetime.now(UTC).replace(microsecond=0).isoformat()}
    write_atomic(folder / f"{key}.json", json.dumps(meta, ensure_ascii=False).encode("utf-8"))
    return target


def list_recoveries(folder: Path) -> list[Recovery]:
    """Recovery files found in `folder`, newest first (unreadable sidecars are tolerated)."""
    found: list[Recovery] = []
    if not folder.is_dir():
        return found
    for file in folder.glob("*.bulletin"):
        meta = {}
        with contextlib.suppress(OSError, ValueError):
            meta = json.loads(file.with_suffix(".json").read_text("utf-8"))
        original = meta.get("original") if isinstance(meta, dict) else None
        saved = meta.get("saved_at", "") if isinstance(meta, dict) else ""
        found.append(Recovery(file, Path(original) if original else None, saved))
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


def restore(recovery: Recovery) -> Project:
    """Open a recovery copy; the project keeps pointing at the user's original file (if any)."""
    project = open_project(recovery.path)
    project.path = recovery.original
    return project


def discard(recovery: Recovery | Path) -> None:
    path = recovery.path if isinstance(recovery, Recovery) else Path(recovery)
    for file in (path, path.with_suffix(".json")):
        with contextlib.suppress(FileNotFoundError):
            file.unlink()


def discard_for(project: Project, folder: Path, session: str = "") -> None:
    """Remove the recovery copy after a successful save or a deliberate close."""
    discard(folder / f"{_key(project, session)}.bulletin")


__all__ = ["Recovery", "write_recovery", "list_recoveries", "restore", "discard", "discard_for",
           "ProjectError"]
