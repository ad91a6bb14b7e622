"""Reading plain-text copy as editors receive it: UTF-8 (± BOM), GB18030/GBK, UTF-16 with BOM.

Decoding is strict: a file that is neither of these is refused with a message rather than turned
into mojibake. Line ends are normalised to "\\n" so offsets mean the same on every platform.
"""

from __future__ import annotations

import codecs
import os
import sys
from pathlib import Path

from editor_app.errors import InputError
from editor_app.messages import msg

MAX_TEXT_BYTES = 8 * 1024 * 1024  # ~2.7 M characters: far beyond a newspaper issue


def decode_text(data: bytes, name: str = "input") -> str:
    """Decode bytes of a text file, detecting the encoding; raise InputError if it is not text."""
    if data.startswith(codecs.BOM_UTF8):
        text = _strict(data[3:], "utf-8", name)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _strict(data, "utf-16", name)
    else:
        if b"\x00" in data[:4096]:
            raise InputError(name, msg("this looks like a binary file, not text"))
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _gb18030(data, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _gb18030(data: bytes, name: str) -> str:
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise InputError(
            name, msg("the text is neither UTF-8 nor GB18030/GBK; save it as UTF-8 and try again")
        ) from None
    if _looks_binary(text):
        raise InputError(name, msg("this looks like a binary file, not text"))
    return text


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(
            name, msg("the file says it is {encoding} but is not valid {encoding}", encoding=encoding.upper())
        ) from None


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bool(sample) and controls / len(sample) > 0.02


def checked_size(path: Path, limit: int) -> int:
    """The size of an input file, or an InputError saying why it cannot be read (missing, a folder,
    unreadable, larger than `limit`). Shared by every reader so the messages are the same."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(path, msg("no such file")) from None
    except OSError as exc:
        raise InputError(path, msg("cannot read: {reason}", reason=exc.strerror or exc)) from None
    if path.is_dir():
        raise InputError(path, msg("is a folder, not a file"))
    if size > limit:
        raise InputError(
            path,
            msg(
                "the file is too large ({size} MB; the limit is {limit} MB)",
                size=size // (1024 * 1024),
                limit=limit // (1024 * 1024),
            ),
        )
    return size


def read_capped(path: Path | str, limit: int) -> bytes:
    """All bytes of `path`, refusing more than `limit`.

    The size a file claims (`stat`) means nothing for devices and pipes (/dev/zero says 0 and never
    ends), so the cap is on what is actually read: at most `limit + 1` bytes are ever taken.
    """
    path = Path(path)
    try:
        with path.open("rb") as handle:
            if os.path.isdir(path):
                raise InputError(path, msg("is a folder, not a file"))
            data = handle.read(limit + 1)
    except IsADirectoryError:
        raise InputError(path, msg("is a folder, not a file")) from None
    except FileNotFoundError:
        raise InputError(path, msg("no such file")) from None
    except OSError as exc:
        raise InputError(path, msg("cannot read: {reason}", reason=exc.strerror or exc)) from None
    if len(data) > limit:
        raise InputError(
            path, msg("the file is too large (more than {limit} MB)", limit=max(1, limit // (1024 * 1024)))
        )
    return data


def is_blank(text: str) -> bool:
    """Nothing a reader would see: whitespace of any script (U+3000 too) and invisible format marks.

    One definition for every input, so a file of ASCII spaces, of ideographic spaces or of a lone
    byte-order mark is refused alike.
    """
    return not text.translate(_INVISIBLE).strip()


_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060\u00ad"), None)


def read_text_file(path: Path | str) -> str:
    """Read a text file (or '-' for standard input as UTF-8) with size and encoding checks."""
    if str(path) == "-":
        data = sys.stdin.buffer.read(MAX_TEXT_BYTES + 1)
        name = "<stdin>"
    else:
        path = Path(path)
        checked_size(path, MAX_TEXT_BYTES)
        data = read_capped(path, MAX_TEXT_BYTES)
        name = str(path)
    if len(data) > MAX_TEXT_BYTES:
        raise InputError(name, msg("the input is too large"))
    text = decode_text(data, name)
    if is_blank(text):
        raise InputError(name, msg("the file is empty"))
    return text


_CONTROL = {c: f"\\x{c:02x}" for c in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)) if c not in (0x09, 0x0A)}
_CONTROL.update({c: f"\\u{c:04x}" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))})


def printable(text: str) -> str:
    """`text` safe to print on a terminal: control characters and bidi overrides shown as escapes.

    Copy from outside may carry ESC sequences (colours, cursor moves, a changed window title) or
    right-to-left overrides; echoed raw they would rewrite the user's terminal.
    """
    return text.translate(_CONTROL)
