"""Where a command may write: never over its own source, never over a file without `--force`."""

from __future__ import annotations

import os
from pathlib import Path

from editor_app.errors import InputError
from editor_app.messages import msg


def same_file(a: Path | str, b: Path | str) -> bool:
    """Do `a` and `b` name one file (through links, `..`, hard links)?"""
    a, b = Path(a), Path(b)
    try:
        if os.path.realpath(a) == os.path.realpath(b):
            return True
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def check_output(out: Path | str, sources: list[Path | str], force: bool = False) -> None:
    """Refuse an output that is one of the sources (whatever `force` says) or an existing file."""
    out = Path(out)
    for source in sources:
        if same_file(out, source):
            raise InputError(
                out,
                msg(
                    "this is the file being read; the output would replace its own source. "
                    "Choose another name"
                ),
            )
    if (out.exists() or out.is_symlink()) and not force:
        raise InputError(out, msg("already exists (use --force to overwrite)"))
