"""Blocks as stories: the styled paragraphs and figures each block prints, decided once.

This is the one place that decides what a block says in print: the dateline and author line run
into the first body paragraph, the template's 小标题 marker, the byline tag in its brackets on the
last body line, a two-part head joined by a full-width space, a 副题 opened by ——, the 编者按 label.
The composer sets these paragraphs on the page; the manuscript writer runs them down one column.
Every piece of model text remembers its field and offset, so comments and highlights land exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from editor_app.model.document import Article, Banner, Block, EditorNote, Photo, PhotoBlock


@dataclass(frozen=True)
class Piece:
    """A run of text in one character style; `source` = (block id, field path) when it is model text."""

    text: str
    char_style: str | None = None
    source: tuple[str, str] | None = None
    offset: int = 0  # where `text` starts in the source field


@dataclass
class Para:
    style: str
    pieces: list[Piece]
    # Set right-aligned on a line of its own after the paragraph's last line (the byline tag): it goes
    # with that line, never alone at the top of a column.
    tail: list[Piece] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)


@dataclass
class Figure:
    """A picture (or a placeholder when `image` is None) with its caption and credit."""

    image: str | None
    label: str  # names the photo in warnings
    photo_id: str
    caption: list[Para] = field(default_factory=list)
    alt: str = ""


@dataclass
class Story:
    """What one block prints: its head (引题/主题/副题 or 通栏), its body paragraphs and its figures."""

    block: Block
    kind: str  # "banner" | "note" | "article" | "photo_news" | "photo"
    head: list[Para] = field(default_factory=list)
    body: list[Para] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)

    @property
    def block_id(self) -> str:
        return self.block.id

    def characters(self) -> int:
        """Printed characters of the head and body (what a typesetter's count says)."""
        return sum(len(p.text) + sum(len(t.text) for t in p.tail) for p in (*self.head, *self.body))


@dataclass(frozen=True)
class StoryStyle:
    """What the template says about wording inside a story."""

    byline_brackets: str = "（）"
    subhead_marker: str = ""


def _model(text: str | None, block_id: str, path: str, char_style: str | None = None) -> Piece:
    return Piece(text or "", char_style, (block_id, path), 0)


_TWO_PART_SPACE = re.compile(r"(?<=[^\x00-\x7f]) +(?=[^\x00-\x7f])")


def head_text(text: str) -> str:
    """A two-part head is printed with a full-width space between its parts (「开好局起稳步　深入…」);
    the replacement keeps every offset, so the model text stays as typed."""
    return _TWO_PART_SPACE.sub(lambda m: "　" * len(m.group(0)), text)


def _heads(block: Banner | Article, title_style: str) -> list[Para]:
    paras = []
    if block.kicker:
        paras.append(Para("Kicker", [Piece(head_text(block.kicker), None, (block.id, "kicker"))]))
    if block.title:
        paras.append(Para(title_style, [Piece(head_text(block.title), None, (block.id, "title"))]))
    if block.subtitle:
        deck = [Piece(head_text(block.subtitle), None, (block.id, "subtitle"))]
        if not block.subtitle.lstrip().startswith(("—", "─", "-")):
            deck.insert(0, Piece("——"))  # a 副题 opens with a dash
        paras.append(Para("Deck", deck))
    return paras


def _figure(photo: Photo | PhotoBlock, block_id: str, path_prefix: str) -> Figure:
    label = photo.caption[:24] if photo.caption else (photo.image or "图片")
    figure = Figure(photo.image, label, photo.id, alt=(photo.caption or "").strip())
    if photo.caption:
        figure.caption.append(
            Para("PhotoCaption", [_model(photo.caption, block_id, f"{path_prefix}caption")])
        )
    if photo.credit:
        figure.caption.append(Para("PhotoCredit", [_model(photo.credit, block_id, f"{path_prefix}credit")]))
    return figure


# A 小标题 that carries its own marker or number (「【查原料】」「● 」「一、」「（二）」「3.」) gets no second one.
_OWN_MARKER = re.compile(
    r"^\s*(?:[■□●◆◇▲△★☆▶►◎【]|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]"
    r"|\d{1,2}[、.．](?!\d))"
)


def subhead_marker(text: str, style: StoryStyle) -> str:
    """The template's 小标题 marker for this subhead, or "" when it carries its own."""
    marker = style.subhead_marker
    if not marker or text.startswith(marker.strip()) or _OWN_MARKER.match(text):
        return ""
    return marker


def byline_pieces(byline: str, block_id: str, style: StoryStyle, char_style: str | None) -> list[Piece]:
    pieces = [_model(byline, block_id, "byline", char_style)]
    brackets = style.byline_brackets
    if len(brackets) == 2 and not byline.strip().startswith(brackets[0]):
        pieces = [Piece(brackets[0], char_style), *pieces, Piece(brackets[1], char_style)]
    return pieces


def _article_body(article: Article, style: StoryStyle) -> list[Para]:
    body: list[Para] = []
    run_in = []
    if article.dateline:
        run_in.append(_model(article.dateline, article.id, "dateline", "Dateline"))
    if article.author_line:
        run_in.append(_model(article.author_line, article.id, "author_line", "AuthorLine"))
    if run_in:
        run_in.append(Piece("　"))
    for paragraph in article.paragraphs:
        piece = _model(paragraph.text, article.id, f"paragraph:{paragraph.id}")
        if paragraph.kind == "subhead":
            marker = subhead_marker(paragraph.text, style)
            body.append(Para("Subhead", [Piece(marker), piece] if marker else [piece]))
        else:
            body.append(Para("BodyText", [*run_in, piece]))
            run_in = []
    if run_in:  # a dateline with no body text still prints
        body.append(Para("BodyText", run_in[:-1]))
    if article.byline and article.byline.strip():  # a tag of blanks would print as （  ）
        if body and body[-1].style == "BodyText":
            body[-1].tail = byline_pieces(article.byline, article.id, style, "BylineTag")
        else:  # an article that ends in a subhead or has no text: the tag is a paragraph of its own
            body.append(Para("Byline", byline_pieces(article.byline, article.id, style, None)))
    return body


def _editor_note(note: EditorNote) -> list[Para]:
    paras = []
    for index, paragraph in enumerate(note.paragraphs):
        pieces = [_model(paragraph.text, note.id, f"paragraph:{paragraph.id}")]
        if index == 0 and note.label:
            pieces[:0] = [_model(note.label, note.id, "label", "NoteLabel"), Piece("：", "NoteLabel")]
        paras.append(Para("EditorNote", pieces))
    if not paras and note.label:
        paras.append(Para("EditorNote", [_model(note.label, note.id, "label", "NoteLabel")]))
    return paras


def is_photo_news(block: Block) -> bool:
    """图片新闻: an item with a picture and a short text but no headline (never part of the story above)."""
    return isinstance(block, Article) and not (block.title or "").strip() and bool(block.photos)


def story_of(block: Block, style: StoryStyle) -> Story:
    if isinstance(block, Banner):
        return Story(block, "banner", head=_heads(block, "BannerTitle"))
    if isinstance(block, EditorNote):
        return Story(block, "note", body=_editor_note(block))
    if isinstance(block, PhotoBlock):
        return Story(block, "photo", figures=[_figure(block, block.id, "")])
    if isinstance(block, Article):
        figures = [_figure(photo, block.id, f"photo:{photo.id}:") for photo in block.photos]
        kind = "photo_news" if is_photo_news(block) else "article"
        return Story(
            block, kind, head=_heads(block, "ArticleTitle"), body=_article_body(block, style), figures=figures
        )
    raise TypeError(f"not a block: {block!r}")
