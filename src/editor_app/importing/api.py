"""The importing entry points: text or file in, `ImportResult` (or one `Article`) out."""

from __future__ import annotations

import re
from pathlib import Path

from editor_app.errors import InputError
from editor_app.importing.page_reader import PageReader, PageReading
from editor_app.importing.result import ImportNote, ImportResult
from editor_app.importing.units import Unit, units_from_text
from editor_app.messages import msg
from editor_app.model.document import (
    Article,
    Banner,
    Block,
    EditorNote,
    Issue,
    Page,
    Paragraph,
    Photo,
    PhotoBlock,
)

AS_CHOICES = ("page", "article")
NEWSPAPER_TEMPLATE = "tabloid"
BULLETIN_TEMPLATE = "a4-bulletin"


def import_text(text: str, as_: str = "page") -> ImportResult:
    """Import decoded copy (a whole page, or with as_="article" one story).

    Form feeds (\\f) separate pages, as text extracted from a PDF has them.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if as_ != "page" or "\f" not in text:
        return _import_units(units_from_text(text.replace("\f", "\n")), as_)
    pages, line = [], 1
    for part in text.split("\f"):
        pages.append(units_from_text(part, first_line=line))
        line += part.count("\n")
    return _import_pages(pages)


def _import_pages(pages: list[list[Unit]]) -> ImportResult:
    """Several pages of units (form feeds, Word page breaks) into one issue."""
    pages = [units for units in pages if units]
    if not pages:
        raise InputError(None, msg("there is no text to import"))
    editors: dict[str, str] = {}  # shared: a role credited twice stays text the second time
    results = [_import_units(units, "page", editors) for units in pages]
    issue = results[0].issue
    for number, result in enumerate(results[1:], start=2):
        page = result.issue.pages[0]
        if page.number == 1:
            page.number = number
        issue.pages.append(page)
        if result.issue.type == "newspaper":
            issue.type = "newspaper"
        for name in ("publication", "number", "total_number", "date", "organizer", "permit"):
            if not getattr(issue, name):  # details from a later page's masthead or running head
                setattr(issue, name, getattr(result.issue, name))
    if issue.type == "newspaper":
        for page in issue.pages:
            page.template = NEWSPAPER_TEMPLATE
    return ImportResult(issue=issue, images={}, notes=[n for r in results for n in r.notes])


def import_file(path, as_: str = "page") -> ImportResult:
    """Import a .txt (UTF-8 ± BOM, GB18030/GBK, UTF-16 with BOM) or a .docx file.

    The content decides, not only the name: a Word file saved as 「稿件.doc」 by WPS (really a
    .docx) is read as Word; an old binary .doc or an RTF file gets a message saying what to do.
    """
    from editor_app.textio import read_text_file

    path = Path(path)
    if path.suffix.lower() == ".bulletin":
        raise InputError(path, msg("this is already an editor-app project; open it instead of importing it"))
    kind = _sniff(path)
    if kind == "ole":
        raise InputError(
            path,
            msg(
                "old Word .doc files cannot be read; save it as .docx (Word/WPS: "
                "Save As → Word Document) and try again"
            ),
        )
    if kind == "rtf":
        raise InputError(
            path, msg("RTF files cannot be read; save it as .docx or as plain text and try again")
        )
    if kind == "zip" or (kind is None and path.suffix.lower() in (".docx", ".docm", ".wps")):
        from editor_app.importing.docx_notes import place_notes
        from editor_app.importing.docx_reader import read_docx

        units, images, notes, note_texts = read_docx(path)
        if not units:
            raise InputError(path, msg("the Word document has no text"))
        breaks = [k for k, unit in enumerate(units) if unit.new_page and k > 0]
        if as_ == "page" and breaks:  # page breaks in Word: one page of the issue each
            edges = [0, *breaks, len(units)]
            result = _import_pages([units[a:b] for a, b in zip(edges, edges[1:], strict=False)])
        else:
            result = _import_units(units, as_)
        result.notes[:0] = notes
        result.notes.extend(place_notes(result.issue, note_texts))
        used = {ph.image for ph in _photos(result.issue) if ph.image}
        result.images = {key: blob for key, blob in images.items() if key in used}
        return result
    return import_text(read_text_file(path), as_)


def _sniff(path: Path) -> str | None:
    """ "zip", "ole" (old Office), "rtf" from the first bytes; None for text or an unreadable file."""
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError:
        return None  # read_text_file gives the proper message
    if head.startswith(b"PK\x03\x04") or (head.startswith(b"PK") and path.suffix.lower() == ".docx"):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    return None


def article_from_text(text: str) -> tuple[Article, list[ImportNote]]:
    """One pasted story as an article (its title, dateline, paragraphs, photos and byline)."""
    reading = _read(units_from_text(text.replace("\r\n", "\n").replace("\r", "\n")), page=False)
    return _single_article(reading)


def _read(units: list[Unit], editors: dict[str, str] | None = None, page: bool = True) -> PageReading:
    if not units:
        raise InputError(None, msg("there is no text to import"))
    return PageReader(units, editors, page_furniture=page).read()


def _import_units(units: list[Unit], as_: str, editors: dict[str, str] | None = None) -> ImportResult:
    if as_ not in AS_CHOICES:
        raise InputError(None, msg("unknown import mode {mode}; use page or article", mode=repr(as_)))
    reading = _read(units, editors, page=as_ == "page")
    blocks: list[Block]
    if as_ == "article":
        article, notes = _single_article(reading)
        blocks, notes = [article], notes
    else:
        blocks, notes = reading.blocks, reading.notes
    issue = Issue(
        type="newspaper" if reading.newspaper else "internal", editors=reading.editors, date=reading.date
    )
    notes = list(notes)
    if reading.masthead:
        notes.append(_apply_masthead(issue, reading.masthead))
    template = NEWSPAPER_TEMPLATE if reading.newspaper else BULLETIN_TEMPLATE
    issue.pages.append(
        Page(number=reading.page_number or 1, name=reading.page_name, template=template, blocks=list(blocks))
    )
    return ImportResult(issue=issue, images={}, notes=notes)


_ISSUE_NUMBER = re.compile(r"第\s*(\d+)\s*期")
_TOTAL_NUMBER = re.compile(r"总第\s*(\d+)\s*期")
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def _apply_masthead(issue: Issue, lines: list[str]) -> ImportNote:
    """Masthead paragraphs (Word 「报头」 styles) → publication, number, date, organizer, permit.

    The first line is the publication's name; the others are split at wide spaces. The note
    quotes every masthead line, so nothing of it is lost even where a field keeps only a number.
    """
    issue.publication = lines[0]
    for line in lines[1:]:
        for part in re.split(r"\s{2,}|\u3000+", line):
            part = part.strip()
            if (match := _TOTAL_NUMBER.search(part)) is not None:
                issue.total_number = int(match.group(1))
            if (match := _ISSUE_NUMBER.search(_TOTAL_NUMBER.sub("", part))) is not None:
                issue.number = int(match.group(1))
            if (match := _DATE.search(part)) is not None:
                year, month, day = (int(g) for g in match.groups())
                if 1 <= month <= 12 and 1 <= day <= 31:
                    issue.date = f"{year:04d}-{month:02d}-{day:02d}"
            if part.endswith(("编", "主办", "编印", "主编")) and issue.organizer is None:
                issue.organizer = part
            if ("准印证" in part or "刊号" in part) and issue.permit is None:
                issue.permit = part
    return ImportNote(
        msg("the masthead (报头) was read into the issue details: {details}", details=" / ".join(lines))
    )


def _photos(issue: Issue):
    for _, block in issue.blocks():
        if isinstance(block, Article):
            yield from block.photos
        elif isinstance(block, PhotoBlock):
            yield block


def _single_article(reading: PageReading) -> tuple[Article, list[ImportNote]]:
    """Fold a page reading into one article: later headlines become subheads, notes stay text."""
    story = Article()
    articles = [b for b in reading.blocks if isinstance(b, Article)]
    first = articles[0] if articles else None
    last = articles[-1] if articles else None
    last_tagged = next((a for a in reversed(articles) if a.byline), None)
    kept_notes: list[ImportNote] = []
    ids = {b.id for b in reading.blocks}
    for note in reading.notes:
        block = next((b for b in reading.blocks if b.id == note.block), None)
        if note.kind == "untitled" and block is not first:
            continue
        if note.kind == "open_end" and block is not last:
            continue
        kept_notes.append(
            ImportNote(note.message, story.id if note.block in ids else None, note.line, note.kind)
        )

    def heads(*parts):
        for part in parts:
            if part:
                story.paragraphs.append(Paragraph(text=part, kind="subhead"))

    for block in reading.blocks:
        empty = not story.title and not story.paragraphs
        if isinstance(block, Banner):
            if empty:
                story.kicker, story.title, story.subtitle = block.kicker, block.title, block.subtitle
            else:
                heads(block.kicker, block.title, block.subtitle)
        elif isinstance(block, EditorNote):
            story.paragraphs.append(Paragraph(text=block.label, kind="subhead"))
            story.paragraphs.extend(block.paragraphs)
            kept_notes.append(
                ImportNote(
                    msg("「{label}」 inside the story was kept as text", label=block.label), story.id, None
                )
            )
        elif isinstance(block, PhotoBlock):
            story.photos.append(Photo(image=block.image, caption=block.caption, credit=block.credit))
        else:
            _fold_article(story, block, empty, heads, kept_notes, last=block is last_tagged)
    return story, kept_notes


def _fold_article(
    story: Article, block: Article, empty: bool, heads, notes: list[ImportNote], last: bool
) -> None:
    if empty:
        story.kicker, story.title, story.subtitle = block.kicker, block.title, block.subtitle
    else:
        heads(block.kicker, block.title, block.subtitle)
    lead = []
    at_top = not story.paragraphs
    if block.dateline:
        if at_top and story.dateline is None:
            story.dateline = block.dateline
        else:
            lead.append(block.dateline)
    if block.author_line:
        if at_top and story.author_line is None:
            story.author_line = block.author_line
        else:
            lead.append(block.author_line)
    paragraphs = list(block.paragraphs)
    if lead:
        if paragraphs and paragraphs[0].kind == "text":
            paragraphs[0] = Paragraph(text=" ".join([*lead, paragraphs[0].text]), id=paragraphs[0].id)
        else:
            paragraphs.insert(0, Paragraph(text=" ".join(lead)))
    story.paragraphs.extend(paragraphs)
    story.photos.extend(block.photos)
    if block.byline and last:
        story.byline = block.byline
    elif block.byline:  # a tag in the middle: kept where it stood, as text
        story.paragraphs.append(Paragraph(text=block.byline))
        notes.append(ImportNote(msg("a byline in the middle of the story was kept as text"), story.id, None))


def normalize_result(result: ImportResult) -> int:
    """规范标点 over everything imported (half-width marks in Chinese text → full-width); the count
    goes into the notes so the editor knows the copy was changed. Returns the number of places."""
    from editor_app.model.fields import iter_text_fields, set_field
    from editor_app.punctuation import normalize_punctuation

    total = 0
    for tf in list(iter_text_fields(result.issue)):
        new, count = normalize_punctuation(tf.text)
        if count:
            set_field(tf.block, tf.path, new)
            total += count
    if total:
        result.notes.append(
            ImportNote(
                msg(
                    "punctuation normalised: {count} half-width mark(s) in Chinese text became full-width",
                    count=total,
                ),
                kind="punctuation",
            )
        )
    return total
