"""Shared helpers for export tests: open an export's XML parts and query them."""

from __future__ import annotations

import io
import zipfile

from lxml import etree
from PIL import Image

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
NS = {
    "w": W,
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": WPS,
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
}
EMU_PER_MM = 36000


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
    """Every paragraph that holds text, in document order: those in the page's text boxes and, in a
    flowing document, the body's own (a page's anchor paragraph, which only holds shapes, is left out)."""
    root = part(path, "word/document.xml")
    return [p for p in root.findall(".//w:body//w:p", NS) if p.find(".//w:p", NS) is None]


def shapes(path) -> list[dict]:
    """Every anchored shape in the main story: place and size (mm), name, alt text, and what it holds:
    `chain`/`seq` for text boxes (seq 0 holds the text), `paragraphs` for the box that holds text,
    `picture` for pictures."""
    root = part(path, "word/document.xml")
    out = []
    for anchor in root.iter(f"{{{NS['wp']}}}anchor"):
        h = anchor.find("wp:positionH/wp:posOffset", NS)
        v = anchor.find("wp:positionV/wp:posOffset", NS)
        extent = anchor.find("wp:extent", NS)
        doc_pr = anchor.find("wp:docPr", NS)
        shape = {
            "x": int(h.text) / EMU_PER_MM,
            "y": int(v.text) / EMU_PER_MM,
            "w": int(extent.get("cx")) / EMU_PER_MM,
            "h": int(extent.get("cy")) / EMU_PER_MM,
            "name": doc_pr.get("name"),
            "descr": doc_pr.get("descr"),
            "id": doc_pr.get("id"),
            "chain": None,
            "seq": None,
            "paragraphs": [],
            "picture": anchor.find(".//pic:pic", NS) is not None,
        }
        box = anchor.find(".//wps:txbx", NS)
        linked = anchor.find(".//wps:linkedTxbx", NS)
        if box is not None:
            shape["chain"], shape["seq"] = box.get("id"), 0
            shape["paragraphs"] = box.findall("w:txbxContent/w:p", NS)
        elif linked is not None:
            shape["chain"], shape["seq"] = linked.get("id"), int(linked.get("seq"))
        out.append(shape)
    return out


def style_of(p) -> str | None:
    el = p.find("w:pPr/w:pStyle", NS)
    return el.get(w("val")) if el is not None else None


def byline_tags(p) -> str:
    """The byline tag set on the paragraph's last line (runs in the 署名文字 character style)."""
    return "".join(
        t.text or ""
        for r in p.findall("w:r", NS)
        if (s := r.find("w:rPr/w:rStyle", NS)) is not None and s.get(w("val")) == "BylineTag"
        for t in r.iter(w("t"))
    )


def bylines(path) -> list[str]:
    """Every byline in reading order: tags on the last body line, and 署名 paragraphs of their own."""
    out = []
    for p in body_paragraphs(path):
        tag = paragraph_text(p) if style_of(p) == "Byline" else byline_tags(p)
        if tag:
            out.append(tag)
    return out


def picture_bytes(
    size=(320, 200), fmt="JPEG", color=(90, 140, 200), exif_orientation: int | None = None
) -> bytes:
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
    return {
        c.get(w("id")): (c.get(w("author")), "".join(t.text or "" for t in c.iter(w("t"))))
        for c in root.findall("w:comment", NS)
    }
