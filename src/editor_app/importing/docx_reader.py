"""Read a Word (.docx) file into units with formatting hints and its pictures.

Style names (Title, Heading n, Caption and their Chinese names), bold, headline faces, type size
and alignment travel with each unit as `Hints`, so the page reader can prefer them over guessing from shape.
Pictures become picture units in reading order; the paragraph after a picture is its caption
when it looks like one. Empty paragraphs count as blank lines, as in plain text.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import Path

from editor_app.errors import InputError
from editor_app.importing.docx_text import HIDDEN, inside, paragraph_text
from editor_app.importing.result import ImportNote
from editor_app.importing.units import Hints, Unit
from editor_app.messages import msg
from editor_app.textio import checked_size, read_capped

MAX_DOCX_BYTES = 128 * 1024 * 1024  # a page with a dozen press photos fits
MAX_UNPACKED_BYTES = 400 * 1024 * 1024
_HEADING = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
_TITLE_STYLES = {"title", "标题"}
_CAPTION_STYLES = {"caption", "题注", "图片说明", "图注"}
_BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
_ANCHOR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}anchor"
_VML_IMAGE = "{urn:schemas-microsoft-com:vml}imagedata"
_REL_EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"
_REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _DEL, _MOVE_FROM, _ALT_CHUNK = (f"{_W}{n}" for n in ("p", "del", "moveFrom", "altChunk"))
_EAST_ASIA = f"{_W}eastAsia"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
MAX_STYLE_CHAIN = 64  # Word never nests styles this deep; a longer chain is a loop or a hostile file
# Style names that say what a paragraph is (our own export uses the Chinese ones). Matched exactly or
# as a prefix (「报头信息」 is a masthead line); checked along the style's base chain.
STYLE_ROLES = (
    ("masthead", ("报头", "刊头", "masthead")),
    ("credits", ("责任编辑", "编辑信息", "credits")),
    ("placeholder", ("图片占位", "photo placeholder")),  # editor-app's 「图片待补」 frame: a photo to come
    ("caption", ("图片说明", "图注", "题注", "caption")),
    ("byline", ("署名", "byline")),
    ("subhead", ("小标题", "小题", "subhead")),
    ("deck", ("副题", "副标题", "subtitle")),
    ("kicker", ("引题", "肩题", "眉题", "kicker")),
    ("banner", ("通栏标题", "通栏题", "banner")),
    ("title", ("主题", "主标题", "article title")),
    ("note", ("编者按", "按语", "editor's note")),
    ("body", ("稿件正文", "正文文本", "body text")),
)
_ALIGN = {0: "left", 1: "center", 2: "right", 3: "justify"}


def _open(path: Path):
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    not_word = msg("not a Word document (.docx); open it in Word or WPS and save it as .docx")
    checked_size(path, MAX_DOCX_BYTES)
    data = read_capped(path, MAX_DOCX_BYTES)  # a device or a pipe says nothing true about its size
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            unpacked = sum(info.file_size for info in archive.infolist())
    except Exception:  # noqa: BLE001 - any of zipfile's errors on a hostile directory
        raise InputError(path, not_word) from None
    if "word/document.xml" not in names and not any(n.endswith("document.xml") for n in names):
        raise InputError(path, not_word)
    if unpacked > MAX_UNPACKED_BYTES:
        raise InputError(
            path,
            msg(
                "the Word file unpacks to more than {limit} MB; it may be damaged",
                limit=MAX_UNPACKED_BYTES // (1024 * 1024),
            ),
        )
    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, AttributeError):
        raise InputError(path, not_word) from None
    except (zlib.error, EOFError, NotImplementedError, RuntimeError, OverflowError) as exc:
        # a member zipfile cannot unpack: bad CRC, corrupt deflate stream, encryption, unknown method
        raise InputError(
            path, msg("the Word file is damaged ({reason})", reason=exc.__class__.__name__)
        ) from None
    except Exception as exc:  # lxml's XMLSyntaxError and friends, or python-docx tripping on a bad package
        if exc.__class__.__module__.startswith(("lxml", "docx")) or _raised_in_library(exc):
            raise InputError(
                path, msg("the Word file is damaged ({reason})", reason=exc.__class__.__name__)
            ) from None
        raise


def read_docx(path) -> tuple[list[Unit], dict[str, bytes], list[ImportNote], dict]:
    """Units in reading order (tables cell by cell), images keyed by project path, notes, and the
    texts of footnotes and endnotes (see docx_notes)."""
    from editor_app.importing.docx_notes import read_notes

    path = Path(path)
    document = _open(path)
    try:
        units, images, notes = _read(document, path)
        return units, images, notes, read_notes(document)
    except InputError:
        raise
    except RecursionError:
        raise InputError(path, msg("the Word file is nested too deeply to be read")) from None
    except Exception as exc:  # python-docx meets XML it does not expect: the file is damaged
        if exc.__class__.__module__.startswith(("lxml", "docx")) or _raised_in_library(exc):
            raise InputError(
                path,
                msg(
                    "the Word file is damaged or unusual ({reason}); "
                    "open it in Word or WPS and save it again",
                    reason=exc.__class__.__name__,
                ),
            ) from None
        raise


def _raised_in_library(exc: BaseException) -> bool:
    """True when python-docx or lxml code is on the way to the error (their own checks, or the
    standard library called from them): the file is damaged, not our code wrong."""
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if any(part in filename for part in ("/docx/", "\\docx\\", "/lxml/", "\\lxml\\")):
            return True
        tb = tb.tb_next
    return False


def _read(document, path: Path) -> tuple[list[Unit], dict[str, bytes], list[ImportNote]]:
    from editor_app.model.document import Issue
    from editor_app.storage.project import Project

    if getattr(document.element, "body", None) is None:  # a root that is not w:document
        raise InputError(path, msg("the Word file is damaged (it has no document body)"))
    store = Project(Issue())
    notes: list[ImportNote] = []
    units: list[Unit] = []
    gap = 0
    new_page = False
    symbols: list[str] = []
    for number, paragraph in enumerate(_paragraphs(document), start=1):
        if paragraph is None:  # an embedded chunk (altChunk) read into units of its own
            continue
        if isinstance(paragraph, tuple) and paragraph[0] == "picture":
            # a floating picture, read where it stands among the text boxes of a composed page
            blob = _blob(paragraph[1], document)
            if blob is not None:
                try:
                    hints = _hints(paragraph[2])
                except (ValueError, KeyError, AttributeError, TypeError):
                    hints = Hints()
                key = _add_picture(store, blob, path, number, notes)
                if key is not None:
                    units.append(Unit("", number, gap, hints=hints, image=key, new_page=new_page))
                    gap, new_page = 0, False
            continue
        if isinstance(paragraph, tuple):
            chunk_units, chunk_note = _alt_chunk(paragraph[1], document, number, gap)
            units.extend(chunk_units)
            if chunk_units:
                gap = 0
            if chunk_note:
                notes.append(chunk_note)
            continue
        pictures = _pictures(paragraph, document)
        text = paragraph_text(paragraph._p, symbols)
        if paragraph.paragraph_format.page_break_before or ("\f" in text and not text.strip()):
            new_page = True
        if not text.strip() and not pictures:
            gap += 1
            continue
        try:
            hints = _hints(paragraph)
        except (ValueError, KeyError, AttributeError, TypeError):
            hints = Hints()  # formatting we cannot read is only a missing hint: the text still counts
        for blob in pictures:
            key = _add_picture(store, blob, path, number, notes)
            if key is None:
                continue
            units.append(Unit("", number, gap, hints=hints, image=key, new_page=new_page))
            gap, new_page = 0, False
        indented = _first_line_indent(paragraph)
        for piece in text.replace("\f", "\n\f").split("\n"):
            if piece.startswith("\f"):
                new_page, piece = True, piece[1:]
            if piece.strip():
                units.append(
                    Unit(
                        piece.strip(),
                        number,
                        gap,
                        indented or piece[:1] in "\u3000 ",
                        hints,
                        new_page=new_page,
                    )
                )
                gap, new_page = 0, False
    if symbols:
        notes.append(
            ImportNote(
                msg(
                    "{count} symbol(s) of a symbol font could not be read and were kept as \ufffd: {codes}",
                    count=len(symbols),
                    codes=", ".join(sorted(set(symbols))[:5]),
                )
            )
        )
    return units, store.images, notes


def _paragraphs(document):
    """Every paragraph in reading order: body, tables, content controls and text boxes.

    A text box's paragraphs follow the paragraph that anchors it; the VML copy Word keeps for old
    readers (mc:Fallback), deletions and the old place of a tracked move are skipped so nothing is
    read twice. An embedded chunk (w:altChunk) is yielded as ("altChunk", element), a floating
    picture as ("picture", blip, its paragraph) where it stands: on a composed page (editor-app's own
    export) the blocks are anchored shapes, and a picture belongs between its block's head and text.
    """
    from docx.text.paragraph import Paragraph

    body = document.element.body
    for element in body.iter(_P, _ALT_CHUNK, _BLIP):
        if _inside(element, body, (_FALLBACK, _DEL, _MOVE_FROM)):
            continue
        if element.tag == _ALT_CHUNK:
            yield ("altChunk", element)
        elif element.tag == _BLIP:
            if _inside(element, body, (_ANCHOR,)):
                owner = element.getparent()
                while owner is not None and owner.tag != _P:
                    owner = owner.getparent()
                if owner is not None:
                    yield ("picture", element, Paragraph(owner, document._body))
        else:
            yield Paragraph(element, document._body)


def _inside(element, stop, tags: tuple[str, ...]) -> bool:
    return inside(element, stop, tags)


def _own(element, paragraph) -> bool:
    """Does `element` belong to this paragraph (not to a nested text box, deletion, move or fallback)?"""
    return not inside(element, paragraph, HIDDEN)


def _alt_chunk(element, document, number: int, gap: int) -> tuple[list[Unit], ImportNote | None]:
    """Units of an embedded chunk (HTML or plain text pasted in by another program)."""
    from editor_app.importing.alt_chunk import chunk_text

    rel = element.get(_REL_ID)
    part = document.part.related_parts.get(rel) if rel else None
    if part is None:
        return [], None
    text, note = chunk_text(part.content_type, part.blob)
    units = []
    for line in text.split("\n"):
        if line.strip():
            units.append(Unit(line.strip(), number, gap, hints=Hints()))
            gap = 0
    return units, (ImportNote(note, None, number) if note else None)


def _pictures(paragraph, document) -> list[bytes]:
    """The paragraph's own inline pictures (floating ones are read where they stand, see _paragraphs)."""
    blobs = []
    for element in paragraph._p.iter(_BLIP, _VML_IMAGE):
        if not _own(element, paragraph._p) or (
            element.tag == _BLIP and _inside(element, paragraph._p, (_ANCHOR,))
        ):
            continue
        blob = _blob(element, document)
        if blob is not None:
            blobs.append(blob)
    return blobs


def _blob(element, document) -> bytes | None:
    rel = element.get(_REL_EMBED) or element.get(_REL_ID)
    part = document.part.related_parts.get(rel) if rel else None
    return part.blob if part is not None else None


def _add_picture(store, blob: bytes, path: Path, number: int, notes: list[ImportNote]) -> str | None:
    """The picture stored in the import's project, or None with a note when it cannot be used."""
    reencoded: list[str] = []
    try:
        key = store.add_image(
            blob, msg("{name}: picture in paragraph {number}", name=path.name, number=number), reencoded
        )
    except InputError as exc:
        notes.append(
            ImportNote(msg("a picture could not be used: {reason}", reason=exc.problem), None, number)
        )
        return None
    notes.extend(ImportNote(note, None, number) for note in reencoded)
    return key


def _style_chain(paragraph):
    """The paragraph's style and the styles it is based on, each once.

    `basedOn` may point at the style itself or close a loop (A → B → A) in a damaged or hostile file;
    Word stops there, and so do we.
    """
    style = paragraph.style
    seen = set()
    while style is not None and len(seen) < MAX_STYLE_CHAIN:
        key = style.style_id or id(style.element)
        if key in seen:
            return
        seen.add(key)
        yield style
        style = style.base_style


def _hints(paragraph) -> Hints:
    hints = Hints()
    style = paragraph.style
    hints.style = style.name if style is not None else ""
    for st in _style_chain(paragraph):
        name = (st.name or "").strip()
        low = name.lower()
        if low in _TITLE_STYLES and hints.heading_level is None:
            hints.heading_level = 0
        match = _HEADING.match(name)
        if match and hints.heading_level is None:
            hints.heading_level = int(match.group(1))
        if low in _CAPTION_STYLES:
            hints.caption_style = True
        if hints.role is None:
            hints.role = _style_role(low)
    if hints.role == "caption":
        hints.caption_style = True
    runs = [r for r in paragraph.runs if r.text.strip()]
    style_bold = next((st.font.bold for st in _style_chain(paragraph) if st.font.bold is not None), None)
    hints.bold = bool(runs) and all((r.bold if r.bold is not None else style_bold) for r in runs)
    sizes = [r.font.size.pt for r in runs if r.font.size is not None]
    if not sizes:
        style_size = next((st.font.size for st in _style_chain(paragraph) if st.font.size is not None), None)
        sizes = [style_size.pt] if style_size is not None else []
    hints.size = max(sizes) if sizes else None
    faces = {_face(r._r.rPr) for r in runs} or {None}
    if faces == {None}:
        faces = {
            next((_face(st.element.rPr) for st in _style_chain(paragraph) if _face(st.element.rPr)), None)
        }
    hints.heavy_face = faces == {"heavy"}
    alignment = paragraph.alignment
    if alignment is None:
        alignment = next(
            (
                st.paragraph_format.alignment
                for st in _style_chain(paragraph)
                if st.paragraph_format.alignment is not None
            ),
            None,
        )
    hints.align = _ALIGN.get(int(alignment)) if alignment is not None else None
    return hints


def _style_role(name: str) -> str | None:
    for role, names in STYLE_ROLES:
        if any(name == n or (len(n) >= 2 and not n.isascii() and name.startswith(n)) for n in names):
            return role
    return None


def _face(rpr) -> str | None:
    """ "heavy" for 黑体 / 小标宋 / 中宋 (headline faces), "kai" for 楷体, None otherwise or unknown."""
    if rpr is None or rpr.rFonts is None:
        return None
    name = rpr.rFonts.get(_EAST_ASIA) or ""
    if "黑" in name or "小标宋" in name or "中宋" in name or "hei" in name.lower():
        return "heavy"
    if "楷" in name or "kai" in name.lower():
        return "kai"
    return None


def _first_line_indent(paragraph) -> bool:
    indent = paragraph.paragraph_format.first_line_indent
    return bool(indent is not None and indent > 0)
