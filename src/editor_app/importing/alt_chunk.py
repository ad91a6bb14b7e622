"""Text of a Word "alternative format chunk" (`w:altChunk`): HTML, plain text or a Word file that
another program pasted into the document, which Word renders in place as ordinary copy."""

from __future__ import annotations

import io
import zipfile
from html.parser import HTMLParser

from editor_app.errors import InputError
from editor_app.messages import msg
from editor_app.textio import decode_text

MAX_CHUNK_BYTES = 16 * 1024 * 1024
_BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote", "pre"}


class _HtmlText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "head", "title"):
            self.skip += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "head", "title"):
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(" ".join(data.split("\n")))


def _docx_text(blob: bytes) -> str:
    from docx.oxml.parser import parse_xml

    from editor_app.importing.docx_text import W, paragraph_text

    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        info = archive.getinfo("word/document.xml")
        if info.file_size > MAX_CHUNK_BYTES:
            raise ValueError("too large")
        root = parse_xml(archive.read(info))
    return "\n".join(paragraph_text(p) for p in root.iter(f"{W}p"))


def chunk_text(content_type: str, blob: bytes) -> tuple[str, str | None]:
    """(the chunk's text, a note for the user or None)."""
    kind = (content_type or "").split(";")[0].strip().lower()
    unreadable = msg(
        "an embedded part of type {type} (altChunk) could not be read; open the file in Word "
        "and check that nothing is missing",
        type=kind or "?",
    )
    if len(blob) > MAX_CHUNK_BYTES:
        return "", unreadable
    try:
        if kind in ("text/html", "application/xhtml+xml"):
            parser = _HtmlText()
            parser.feed(decode_text(blob, "altChunk"))
            parser.close()
            return "".join(parser.parts), None
        if kind == "text/plain":
            return decode_text(blob, "altChunk"), None
        if "wordprocessingml" in kind:
            return _docx_text(blob), None
    except (InputError, ValueError, KeyError, zipfile.BadZipFile, OSError, RecursionError):
        return "", unreadable
    except Exception as exc:  # noqa: BLE001 - lxml's syntax errors in a hostile chunk
        if exc.__class__.__module__.startswith("lxml"):
            return "", unreadable
        raise
    return "", unreadable
