"""Footnotes and endnotes of a Word file: read from their parts, placed where a reader finds them.

The model has no notes, so each note becomes a paragraph 「[1] …」 at the end of the article whose
text cites it, and the citation stays in the text as 「[1]」 (endnotes: 「[i]」, as Word numbers them).
A note nobody cites goes to the end of the last article. The import notes say what was done, so
the editor can move or drop them.
"""

from __future__ import annotations

import re

from editor_app.importing.docx_text import NOTE_CLOSE, NOTE_OPEN, W, paragraph_text
from editor_app.importing.result import ImportNote
from editor_app.messages import msg
from editor_app.model.document import Article, Banner, EditorNote, Issue, Paragraph, PhotoBlock

_SENTINEL = re.compile(f"{NOTE_OPEN}([fe]):([^{NOTE_CLOSE}]*){NOTE_CLOSE}")
_SKIP_TYPES = ("separator", "continuationSeparator", "continuationNotice")


def read_notes(document) -> dict[tuple[str, str], str]:
    """{("f" or "e", id): text} of the document's footnotes and endnotes."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml.parser import parse_xml

    found: dict[tuple[str, str], str] = {}
    for rel in list(document.part.rels.values()):
        if rel.is_external or rel.reltype not in (RT.FOOTNOTES, RT.ENDNOTES):
            continue
        kind, tag = ("f", f"{W}footnote") if rel.reltype == RT.FOOTNOTES else ("e", f"{W}endnote")
        root = parse_xml(rel.target_part.blob)
        for note in root.iter(tag):
            if note.get(f"{W}type") in _SKIP_TYPES:
                continue
            lines = [_SENTINEL.sub("", paragraph_text(p)).strip() for p in note.iter(f"{W}p")]
            text = " ".join(line for line in lines if line)
            if text:
                found[(kind, note.get(f"{W}id") or "")] = text
    return found


def _roman(number: int) -> str:
    out = ""
    for value, letters in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while number >= value:
            out, number = out + letters, number - value
    return out


def _fields(block):
    """(object, attribute) of every text of a block, where a citation may stand."""
    for name in (
        "kicker",
        "title",
        "subtitle",
        "dateline",
        "author_line",
        "byline",
        "caption",
        "credit",
        "label",
    ):
        if isinstance(getattr(block, name, None), str):
            yield block, name
    for paragraph in getattr(block, "paragraphs", ()):
        yield paragraph, "text"
    for photo in getattr(block, "photos", ()):
        yield photo, "caption"
        if isinstance(photo.credit, str):
            yield photo, "credit"


def place_notes(issue: Issue, texts: dict[tuple[str, str], str]) -> list[ImportNote]:
    """Turn citation sentinels into marks and append the notes to the citing articles."""
    marks: dict[tuple[str, str], str] = {}
    counters = {"f": 0, "e": 0}
    pending: dict[str, list[str]] = {}  # block id → note paragraphs
    blocks = [block for _, block in issue.blocks()]

    def mark(kind: str, note_id: str) -> str:
        key = (kind, note_id)
        if key not in marks:
            counters[kind] += 1
            marks[key] = f"[{counters[kind]}]" if kind == "f" else f"[{_roman(counters[kind])}]"
        return marks[key]

    for index, block in enumerate(blocks):
        for owner, name in _fields(block):
            value = getattr(owner, name)
            if NOTE_OPEN not in value:
                continue
            cited: list[tuple[str, str]] = []

            def replace(match, cited=cited):
                key = (match.group(1), match.group(2))
                cited.append(key)
                return mark(*key)

            setattr(owner, name, _SENTINEL.sub(replace, value).replace(NOTE_OPEN, "").replace(NOTE_CLOSE, ""))
            target = _article_for(blocks, index)
            for key in cited:
                if key in texts:
                    pending.setdefault(target.id if target else "", []).append(
                        f"{marks[key]} {texts.pop(key)}"
                    )
    for key in list(texts):  # notes nobody cites: still the author's words
        pending.setdefault(_last_article_id(blocks), []).append(f"{mark(*key)} {texts.pop(key)}")
    notes = []
    for block_id, paragraphs in pending.items():
        target = next((b for b in blocks if b.id == block_id), None)
        if target is None:
            target = Article()
            if issue.pages:
                issue.pages[-1].blocks.append(target)
        target.paragraphs.extend(Paragraph(text=text) for text in paragraphs)
        notes.append(
            ImportNote(
                msg(
                    "{count} footnote(s)/endnote(s) of the Word file were placed as paragraphs "
                    "at the end of the article",
                    count=len(paragraphs),
                ),
                target.id,
            )
        )
    return notes


def _article_for(blocks, index: int):
    """The block whose end takes the notes cited in blocks[index]: itself when it has paragraphs, else
    the next article (a citation in a banner), else the previous one."""
    block = blocks[index]
    if isinstance(block, (Article, EditorNote)):
        return block
    following = [b for b in blocks[index + 1 :] if isinstance(b, Article)]
    before = [b for b in blocks[:index] if isinstance(b, Article)]
    if isinstance(block, (Banner, PhotoBlock)) and following:
        return following[0]
    return before[-1] if before else (following[0] if following else None)


def _last_article_id(blocks) -> str:
    articles = [b for b in blocks if isinstance(b, Article)]
    return articles[-1].id if articles else ""
