"""Flatten an issue into print elements: sections of styled paragraphs and pictures.

This is the one place that decides what a page looks like in reading order (masthead, banner,
editor's note, article heads over their columns, body, photos, byline, credits); each writer only
turns elements into its format. Every piece of text remembers the model field it came from, so
comments can be anchored on the exact span later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from editor_app.model.document import Article, Banner, EditorNote, Issue, Page, PhotoBlock


@dataclass
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
    keep_with_next: bool = False
    # Set right-aligned on a line of its own at the paragraph's end (the byline tag after the last body
    # paragraph): inside the paragraph, widow control keeps it with the line above, where a paragraph of
    # its own could be left alone at the top of a column when LibreOffice balances them.
    tail: list[Piece] = field(default_factory=list)


@dataclass
class Picture:
    image: str | None  # project image path; None = placeholder
    label: str  # names the photo in warnings
    keep_with_next: bool = True


@dataclass
class Figure:
    """A picture with its caption and credit: printed together, never split across columns."""

    picture: Picture
    paras: list[Para] = field(default_factory=list)


@dataclass
class Section:
    """Content set with `columns` columns; `new_page` starts it on a new page (a new 版)."""

    columns: int
    page: Page
    new_page: bool = False
    items: list[Para | Figure] = field(default_factory=list)


@dataclass
class Layout:
    """What the template says about arrangement (read from its `layout:` and `wording:` sections)."""

    body_columns: int
    masthead: bool = True
    heads_full_width: bool = True
    byline_brackets: str = "（）"
    subhead_marker: str = ""  # e.g. "■ " before every 小标题
    page_numbers_outside: bool = False  # GB/T 9704: odd page numbers right, even left
    figure_frame: bool = False  # picture + caption + credit in an unsplittable one-cell table
    column_rule: bool = True  # a rule between columns
    picture_max_mm: float = 0  # 0: pictures take the full column width
    wording: dict = field(default_factory=dict)

    @classmethod
    def from_template(cls, template) -> Layout:
        raw = template.data.get("layout") or {}
        return cls(body_columns=int(raw.get("body_columns", template.columns)),
                   masthead=bool(raw.get("masthead", True)),
                   heads_full_width=bool(raw.get("heads_full_width", True)),
                   byline_brackets=str(raw.get("byline_brackets", "（）")),
                   subhead_marker=str(raw.get("subhead_marker", "")),
                   page_numbers_outside=bool(raw.get("page_numbers_outside", False)),
                   figure_frame=bool(raw.get("figure_frame", False)),
                   column_rule=bool(raw.get("column_rule", True)),
                   picture_max_mm=float(raw.get("picture_max_mm", 0) or 0),
                   wording=dict(template.data.get("wording") or {}))


def chinese_date(iso: str | None) -> str:
    """2025-06-18 → 2025年6月18日 (an unparsable date is printed as given)."""
    if not iso:
        return ""
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.year}年{day.month}月{day.day}日"


_WEEKDAYS = "一二三四五六日"


def _values(issue: Issue, page: Page, wording: dict) -> dict[str, str]:
    weekday = ""
    try:
        weekday = "星期" + _WEEKDAYS[date.fromisoformat(issue.date or "").weekday()]
    except ValueError:  # no date yet, or not ISO: the folio goes without a weekday
        pass
    year = (issue.date or "")[:4]
    number = f"第{issue.number}期" if issue.number else ""
    total = f"（总第{issue.total_number}期）" if issue.total_number else ""
    name = page.name or ""
    return {
        "publication": issue.publication or str(wording.get("publication", "")),
        "organizer": issue.organizer or "", "permit": issue.permit or "",
        "notice": str(wording.get("notice", "")), "date": _unless_named(chinese_date(issue.date), name),
        "weekday": _unless_named(weekday, name),
        "year": f"{year}年" if year else "", "number": number, "issue_no": number + total,
        "page": _unless_named(f"第{page.number}版", name), "page_name": name, "pages": str(len(issue.pages)),
    }


def _unless_named(value: str, page_name: str) -> str:
    """Empty when the page name already says it: an imported running head 「社区专刊 第6版」 keeps its
    版次 and date, and the folio must not print 「第6版 社区专刊 第6版」."""
    flat = "".join(page_name.split())
    return "" if value and "".join(value.split()) in flat else value


def fill(pattern: str, values: dict[str, str]) -> str:
    """Fill `{key}` slots; runs of full-width spaces left by empty values are collapsed."""
    text = pattern
    for key, value in values.items():
        if not value:  # an empty slot takes one separator with it: 「报名　{date}　第1版」 → 「报名　第1版」
            text = text.replace("{" + key + "}　", "")
        text = text.replace("{" + key + "}", value)
    while "　　　" in text:
        text = text.replace("　　　", "　　")
    return text.strip("　 ")


def folio_text(issue: Issue, page: Page, layout: Layout) -> str:
    return fill(str(layout.wording.get("folio", "")), _values(issue, page, layout.wording))


def _model(text: str | None, block_id: str, path: str, char_style: str | None = None) -> Piece:
    return Piece(text or "", char_style, (block_id, path), 0)


def _masthead(issue: Issue, page: Page, layout: Layout) -> list[Para]:
    values = _values(issue, page, layout.wording)
    paras = [Para("Masthead", [Piece(values["publication"])])]
    lines = [fill(str(line), values) for line in layout.wording.get("masthead_lines") or ()]
    lines = [line for line in lines if line]
    for i, line in enumerate(lines):
        style = "MastheadRule" if i == len(lines) - 1 else "MastheadInfo"
        paras.append(Para(style, [Piece(line)]))
    return paras


def _heads(block: Banner | Article, title_style: str) -> list[Para]:
    paras = []
    if block.kicker:
        paras.append(Para("Kicker", [_model(block.kicker, block.id, "kicker")], keep_with_next=True))
    if block.title:
        paras.append(Para(title_style, [_model(block.title, block.id, "title")], keep_with_next=True))
    if block.subtitle:
        paras.append(Para("Deck", [_model(block.subtitle, block.id, "subtitle")], keep_with_next=True))
    return paras


def _photo_items(photo, block_id: str, path_prefix: str) -> list[Figure]:
    label = photo.caption[:24] if photo.caption else (photo.image or "图片")
    figure = Figure(Picture(photo.image, label))
    if photo.caption:
        figure.paras.append(Para("PhotoCaption", [_model(photo.caption, block_id, f"{path_prefix}caption")],
                                 keep_with_next=bool(photo.credit)))
    if photo.credit:
        figure.paras.append(Para("PhotoCredit", [_model(photo.credit, block_id, f"{path_prefix}credit")]))
    return [figure]


# A 小标题 that carries its own marker or number (「【查原料】」「● 」「一、」「（二）」「3.」) gets no second one.
_OWN_MARKER = re.compile(r"^\s*(?:[■□●◆◇▲△★☆▶►◎【]|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]"
                         r"|\d{1,2}[、.．](?!\d))")


def photo_position(article: Article) -> int:
    """How many paragraphs come before the article's photos: mid-article, as on a printed page (the page
    preview places them where the export does, so both balance their columns alike)."""
    return max(1, (len(article.paragraphs) + 1) // 2)


def subhead_marker(text: str, layout: Layout) -> str:
    """The template's 小标题 marker for this subhead, or "" when it carries its own."""
    marker = layout.subhead_marker
    if not marker or text.startswith(marker.strip()) or _OWN_MARKER.match(text):
        return ""
    return marker


def _article_body(article: Article, layout: Layout) -> list[Para | Figure]:
    items: list[Para | Figure] = []
    run_in = []
    if article.dateline:
        run_in.append(_model(article.dateline, article.id, "dateline", "Dateline"))
    if article.author_line:
        run_in.append(_model(article.author_line, article.id, "author_line", "AuthorLine"))
    if run_in:
        run_in.append(Piece("　"))
    photo_at = photo_position(article)
    for index, paragraph in enumerate(article.paragraphs):
        piece = _model(paragraph.text, article.id, f"paragraph:{paragraph.id}")
        if paragraph.kind == "subhead":
            marker = subhead_marker(paragraph.text, layout)
            pieces = [Piece(marker), piece] if marker else [piece]
            items.append(Para("Subhead", pieces, keep_with_next=True))
        else:
            items.append(Para("BodyText", [*run_in, piece]))
            run_in = []
        if index + 1 == photo_at:
            for photo in article.photos:
                items.extend(_photo_items(photo, article.id, f"photo:{photo.id}:"))
    if run_in:  # a dateline with no body text still prints
        items.append(Para("BodyText", run_in[:-1]))
    if not article.paragraphs:
        for photo in article.photos:
            items.extend(_photo_items(photo, article.id, f"photo:{photo.id}:"))
    if article.byline and article.byline.strip():  # a tag of blanks would print as （  ）
        ends_in_text = bool(items) and isinstance(items[-1], Para) and items[-1].style == "BodyText"
        style = "BylineTag" if ends_in_text else None
        pieces = [_model(article.byline, article.id, "byline", style)]
        brackets = layout.byline_brackets
        if len(brackets) == 2 and not article.byline.strip().startswith(brackets[0]):
            pieces = [Piece(brackets[0], style), *pieces, Piece(brackets[1], style)]
        if ends_in_text:  # the tag never starts a column on its own
            items[-1].tail = pieces
        else:  # an article that ends in a photo or has no text: the tag is a paragraph of its own
            items.append(Para("Byline", pieces))
    return items


def _editor_note(note: EditorNote) -> list[Para]:
    paras = []
    for index, paragraph in enumerate(note.paragraphs):
        pieces = [_model(paragraph.text, note.id, f"paragraph:{paragraph.id}")]
        if index == 0 and note.label:
            pieces[:0] = [_model(note.label, note.id, "label", "NoteLabel"), Piece("：", "NoteLabel")]
        paras.append(Para("EditorNote", pieces))
    return paras


def _credits(issue: Issue, layout: Layout) -> Para | None:
    parts = [f"{role}：{names}" for role, names in issue.editors.items() if names]
    if not parts:
        return None
    return Para("Credits", [Piece("（" + "　".join(parts) + "）")])


class _Builder:
    """Collects sections, merging content that shares a page and a column count."""

    def __init__(self):
        self.sections: list[Section] = []

    def add(self, page: Page, columns: int, items, new_page: bool = False) -> None:
        if not items:
            return
        last = self.sections[-1] if self.sections else None
        if last is not None and not new_page and last.columns == columns and last.page is page:
            last.items.extend(items)
        else:
            self.sections.append(Section(columns, page, new_page, list(items)))


def flatten(issue: Issue, layout: Layout) -> list[Section]:
    """The issue as print sections in reading order; every page starts a new page."""
    builder = _Builder()
    full, cols = 1, max(1, layout.body_columns)
    heads_columns = full if layout.heads_full_width else cols
    for page_index, page in enumerate(issue.pages):
        new_page = page_index > 0
        if layout.masthead and page_index == 0:
            builder.add(page, full, _masthead(issue, page, layout), new_page)
            new_page = False
        for block in page.blocks:
            if isinstance(block, Banner):
                builder.add(page, full, _heads(block, "BannerTitle"), new_page)
            elif isinstance(block, EditorNote):
                builder.add(page, full, _editor_note(block), new_page)
            elif isinstance(block, Article):
                heads = _heads(block, "ArticleTitle")
                builder.add(page, heads_columns, heads, new_page)
                builder.add(page, cols, _article_body(block, layout), new_page and not heads)
            elif isinstance(block, PhotoBlock):
                builder.add(page, cols, _photo_items(block, block.id, ""), new_page)
            else:
                continue
            new_page = False
        if new_page:  # an empty page still gets its 版
            builder.sections.append(Section(full, page, True, [Para("BodyText", [Piece("")])]))
    credits = _credits(issue, layout)
    last_page = issue.pages[-1] if issue.pages else Page()
    # A closing one-column section makes LibreOffice and Word balance the last columns.
    closing = credits if credits is not None else Para("BodyText", [Piece("")])
    if builder.sections and builder.sections[-1].columns == full and credits is not None:
        builder.sections[-1].items.append(closing)
    elif not builder.sections or builder.sections[-1].columns != full:
        builder.sections.append(Section(full, last_page, False, [closing]))
    return builder.sections
