"""Atomic output for every export format: a failure leaves the previous file as it was."""

from __future__ import annotations

from pathlib import Path

from editor_app.errors import ExportError
from editor_app.messages import msg
from editor_app.storage.atomic import atomic_writer


def write_bytes(out: Path, data: bytes, backup: bool = False) -> None:
    """Replace `out` atomically, turning file-system failures into messages the user can act on.

    With `backup`, a file replaced is kept as OUT.bak (a re-export never loses the previous one)."""
    try:
        with atomic_writer(out, backup=backup) as handle:
            handle.write(data)
    except PermissionError:
        raise ExportError(
            msg(
                "{path}: cannot write here (permission denied); choose another folder. Nothing was changed.",
                path=out,
            )
        ) from None
    except FileNotFoundError:
        raise ExportError(_missing_reason(out)) from None
    except IsADirectoryError:
        raise ExportError(msg("{path}: is a folder; give a file name", path=out)) from None
    except OSError as exc:
        raise ExportError(
            msg(
                "{path}: could not write the file ({reason}). The previous file, if any, is unchanged.",
                path=out,
                reason=exc.strerror or exc,
            )
        ) from None


def _missing_reason(out: Path) -> str:
    """ENOENT on write: the folder is missing, or it exists but takes no new files (/proc, a pseudo-folder)."""
    if out.parent.is_dir():
        return msg(
            "{path}: the folder {folder} does not accept new files; choose another folder. "
            "Nothing was changed.",
            path=out,
            folder=out.parent,
        )
    return msg("{path}: the folder {folder} does not exist", path=out, folder=out.parent)
