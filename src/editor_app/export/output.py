"""Atomic output for every export format: a failure leaves the previous file as it was."""

from __future__ import annotations

from pathlib import Path

from editor_app.errors import ExportError
from editor_app.storage.atomic import atomic_writer


def write_bytes(out: Path, data: bytes) -> None:
    """Replace `out` atomically, turning file-system failures into messages the user can act on."""
    try:
        with atomic_writer(out) as handle:
            handle.write(data)
    except PermissionError:
        raise ExportError(f"{out}: cannot write here (permission denied); choose another folder. "
                          "Nothing was changed.") from None
    except FileNotFoundError:
        raise ExportError(_missing_reason(out)) from None
    except IsADirectoryError:
        raise ExportError(f"{out}: is a folder; give a file name") from None
    except OSError as exc:
        raise ExportError(f"{out}: could not write the file ({exc.strerror or exc}). "
                          "The previous file, if any, is unchanged.") from None


def _missing_reason(out: Path) -> str:
    """ENOENT on write: the folder is missing, or it exists but takes no new files (/proc, a pseudo-folder)."""
    if out.parent.is_dir():
        return (f"{out}: the folder {out.parent} does not accept new files; choose another folder. "
                "Nothing was changed.")
    return f"{out}: the folder {out.parent} does not exist"
