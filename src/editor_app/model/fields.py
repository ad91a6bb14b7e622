"""Field paths: one string names any piece of text in a block.

`title`, `dateline`, `byline` … name scalar fields; `paragraph:<id>` a paragraph's text;
`photo:<id>:caption` and `photo:<id>:credit` a photo's texts. Flags, checker findings, undo
commands and the GUI all address text this way, so ids survive reordering.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

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

SCOPES = ("headline", "body", "caption", "editor_note", "byline")

_SCALAR_FIELDS: dict[type, tuple[str, ...]] = {
    Banner: ("kicker", "title", "subtitle"),
    EditorNote: ("label",),
    Article: ("kicker", "title", "subtitle", "dateline", "author_line", "byline", "slot"),
    PhotoBlock: ("image", "caption", "credit"),
}

_SCOPE_OF_SCALAR = {
    "kicker": "headline",
    "title": "headline",
    "subtitle": "headline",
    "dateline": "body",
    "author_line": "body",
    "byline": "byline",
    "caption": "caption",
    "credit": "caption",
    "label": "editor_note",
}


@dataclass(frozen=True)
class TextField:
    """One piece of checkable text, in reading order."""

    page: Page
    block: Block
    path: str
    text: str
    scope: str
    paragraph: Paragraph | None = None  # set for paragraph fields (kind text/subhead)


def scalar_fields(block: Block) -> tuple[str, ...]:
    return _SCALAR_FIELDS[type(block)]


def _find_paragraph(block: Block, pid: str) -> Paragraph:
    for paragraph in getattr(block, "paragraphs", ()):
        if paragraph.id == pid:
            return paragraph
    raise KeyError(f"{block.id}: no paragraph {pid}")


def _find_photo(block: Block, fid: str) -> Photo:
    for photo in getattr(block, "photos", ()):
        if photo.id == fid:
            return photo
    raise KeyError(f"{block.id}: no photo {fid}")


def get_field(block: Block, path: str):
    """The value at `path` in `block` (raises KeyError for a path the block does not have)."""
    kind, _, rest = path.partition(":")
    if kind == "paragraph":
        return _find_paragraph(block, rest).text
    if kind == "paragraph_kind":
        return _find_paragraph(block, rest).kind
    if kind == "photo":
        fid, _, attr = rest.partition(":")
        if attr not in ("image", "caption", "credit"):
            raise KeyError(path)
        return getattr(_find_photo(block, fid), attr)
    if path in ("paragraphs", "photos") and hasattr(block, path):
        return getattr(block, path)
    if path not in _SCALAR_FIELDS[type(block)]:
        raise KeyError(f"{type(block).__name__} has no field {path!r}")
    return getattr(block, path)


def set_field(block: Block, path: str, value) -> None:
    kind, _, rest = path.partition(":")
    if kind == "paragraph":
        _find_paragraph(block, rest).text = value
    elif kind == "paragraph_kind":
        _find_paragraph(block, rest).kind = value
    elif kind == "photo":
        fid, _, attr = rest.partition(":")
        if attr not in ("image", "caption", "credit"):
            raise KeyError(path)
        setattr(_find_photo(block, fid), attr, value)
    elif path in ("paragraphs", "photos") and hasattr(block, path):
        setattr(block, path, value)
    elif path in _SCALAR_FIELDS[type(block)]:
        setattr(block, path, value)
    else:
        raise KeyError(f"{type(block).__name__} has no field {path!r}")


def field_text(issue: Issue, block_id: str, path: str) -> str | None:
    """The current text at `path` of a block, or None when the block or field is gone (a flag or a
    finding then has only its own quoted text to go by)."""
    try:
        _, _, block = issue.find_block(block_id)
        value = get_field(block, path)
    except KeyError:
        return None
    return value if isinstance(value, str) else None


def block_text_fields(page: Page, block: Block) -> Iterator[TextField]:
    """The texts of one block in reading order, each with its scope."""

    def scalar(name: str, scope: str | None = None):
        value = getattr(block, name)
        if value:
            yield TextField(page, block, name, value, scope or _SCOPE_OF_SCALAR[name])

    if isinstance(block, Banner):
        for name in ("kicker", "title", "subtitle"):
            yield from scalar(name)
    elif isinstance(block, EditorNote):
        for p in block.paragraphs:
            yield TextField(page, block, f"paragraph:{p.id}", p.text, "editor_note", p)
    elif isinstance(block, Article):
        for name in ("kicker", "title", "subtitle", "dateline", "author_line"):
            yield from scalar(name)
        for p in block.paragraphs:
            scope = "headline" if p.kind == "subhead" else "body"
            yield TextField(page, block, f"paragraph:{p.id}", p.text, scope, p)
        for photo in block.photos:
            if photo.caption:
                yield TextField(page, block, f"photo:{photo.id}:caption", photo.caption, "caption")
            if photo.credit:
                yield TextField(page, block, f"photo:{photo.id}:credit", photo.credit, "caption")
        yield from scalar("byline")
    elif isinstance(block, PhotoBlock):
        yield from scalar("caption")
        yield from scalar("credit")


def iter_text_fields(issue: Issue) -> Iterator[TextField]:
    """Every non-empty text of the issue in reading order (what the checker and counters read)."""
    for page in issue.pages:
        for block in page.blocks:
            yield from block_text_fields(page, block)


def block_label(block: Block) -> str:
    """A short human label for a block: its title, or the start of its first text."""
    if isinstance(block, (Banner, Article)) and block.title:
        return block.title
    if isinstance(block, EditorNote):
        return block.label or "编者按"
    if isinstance(block, PhotoBlock):
        return block.caption[:20] or "图片"
    if isinstance(block, Article) and block.paragraphs:
        return block.paragraphs[0].text[:20]
    return ""
