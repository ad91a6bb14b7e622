"""Shared helpers for export tests: open an export's XML parts and query them."""

from __future__ import annotations

import io
import zipfile

from lxml import etree
from PIL import Image

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W, "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
      "a": "http://schemas.openxmlformats.org/drawingml/2006/main"}


def w(name: str) -> str:
    return f"{{{W}}}{name}"


def part(path, name: str):
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name))


def parts(path, prefix: str):
    with zipfile.ZipFile(path) as archive:
        return [etree.fromstring(archive.read(n)) for n in archive.namelist() if n.startswith(prefix)]


def paragraph_text(p) -> str:
    return "".join(t.text or "" for t in p.iter(w("t")))


def body_paragraphs(path):
    """Every paragraph of the main story in document order, table cells (framed figures) included."""
    return part(path, "word/document.xml").findall(".//w:body//w:p", NS)


def style_of(p) -> str | None:
    el = p.find("w:pPr/w:pStyle", NS)
    return el.get(w("val")) if el is not None else None


def byline_tags(p) -> str:
    """The byline tag set on the paragraph's last line (runs in the 署名文字 character style)."""
    return "".join(t.text or "" for r in p.findall("w:r", NS)
                   if (s := r.find("w:rPr/w:rStyle", NS)) is not None and s.get(w("val")) == "BylineTag"
                   for t in r.iter(w("t")))


def bylines(path) -> list[str]:
    """Every byline in reading order: tags on the last body line, and 署名 paragraphs of their own."""
    out = []
    for p in body_paragraphs(path):
        tag = paragraph_text(p) if style_of(p) == "Byline" else byline_tags(p)
        if tag:
            out.append(tag)
    return out


def picture_bytes(size=(320, 200), fmt="JPEG", color=(90, 140, 200), exif_orientation: int | None = None) -> bytes:
    img = Image.new("RGB", size, color)
    out = io.BytesIO()
    kwargs = {}
    if exif_orientation:
        exif = Image.Exif()
        exif[0x0112] = exif_orientation
        kwargs["exif"] = exif.tobytes()
    img.save(out, fmt, **kwargs)
    return out.getvalue()


def commented_spans(path) -> dict[str, str]:
    """Comment id -> the document text between its commentRangeStart and commentRangeEnd."""
    root = part(path, "word/document.xml")
    active: set[str] = set()
    spans: dict[str, str] = {}
    for el in root.iter(w("commentRangeStart"), w("commentRangeEnd"), w("t")):
        if el.tag == w("commentRangeStart"):
            active.add(el.get(w("id")))
            spans.setdefault(el.get(w("id")), "")
        elif el.tag == w("commentRangeEnd"):
            active.discard(el.get(w("id")))
        else:
            for cid in active:
                spans[cid] += el.text or ""
    return spans


def comments(path) -> dict[str, tuple[str, str]]:
    """Comment id -> (author, text)."""
    root = part(path, "word/comments.xml")
    return {c.get(w("id")): (c.get(w("author")), "".join(t.text or "" for t in c.iter(w("t"))))
            for c in root.findall("w:comment", NS)}
