"""The document model: plain dataclasses, no Qt, no I/O.

An `Issue` (one number of a publication) holds pages; a page holds blocks in reading order. Every
block, paragraph and photo carries a stable id so that flags, undo commands and the GUI can point at
it across edits and saves.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal

PUBLICATION_TYPES = ("newspaper", "internal", "official")
PARAGRAPH_KINDS = ("text", "subhead")
FLAG_STATUSES = ("open", "accepted", "rejected")
BLOCK_TYPES = ("banner", "editor_note", "article", "photo")


@dataclass
class Placement:
    """Where a block sits on its page's column grid, in whole columns and body lines.

    `column` is the first column (0-based), `span` the columns it covers, `top` the first body line
    (0 = the top of the text area) and `height` its depth in lines. A block without a placement is
    placed by the composer's auto layout (自动排版) until the editor fixes it.
    """

    column: int = 0
    span: int = 1
    top: int = 0
    height: int = 1


def new_id(prefix: str = "") -> str:
    """A short random id; collisions within one document are practically impossible (64 bits)."""
    return prefix + uuid.uuid4().hex[:16]


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


@dataclass
class Paragraph:
    text: str = ""
    kind: Literal["text", "subhead"] = "text"
    id: str = field(default_factory=lambda: new_id("p"))


@dataclass
class Photo:
    """A picture with its caption (图片说明) and credit (e.g. 「王晓 摄」); image is a project path or None."""

    image: str | None = None
    caption: str = ""
    credit: str | None = None
    id: str = field(default_factory=lambda: new_id("f"))


@dataclass
class Banner:
    """A headline (通栏标题) over the group of blocks that follow it."""

    title: str = ""
    kicker: str | None = None
    subtitle: str | None = None
    place: Placement | None = None  # on the page grid; None: auto layout
    id: str = field(default_factory=lambda: new_id("b"))
    type: Literal["banner"] = field(default="banner", init=False)


@dataclass
class EditorNote:
    """编者按: a labelled note, set boxed in print."""

    paragraphs: list[Paragraph] = field(default_factory=list)
    label: str = "编者按"
    place: Placement | None = None  # on the page grid; None: auto layout
    id: str = field(default_factory=lambda: new_id("n"))
    type: Literal["editor_note"] = field(default="editor_note", init=False)


@dataclass
class Article:
    title: str = ""
    kicker: str | None = None  # 引题
    subtitle: str | None = None  # 副题
    dateline: str | None = None  # 本报讯 / 本刊讯 …
    author_line: str | None = None  # （记者 ×× 通讯员 ××）
    paragraphs: list[Paragraph] = field(default_factory=list)
    photos: list[Photo] = field(default_factory=list)
    byline: str | None = None  # 署名 tag such as 申环
    slot: str | None = None  # template slot id (头条, 二条 …)
    place: Placement | None = None  # on the page grid; None: auto layout
    id: str = field(default_factory=lambda: new_id("a"))
    type: Literal["article"] = field(default="article", init=False)


@dataclass
class PhotoBlock:
    """A stand-alone photo with caption and credit."""

    image: str | None = None
    caption: str = ""
    credit: str | None = None
    place: Placement | None = None  # on the page grid; None: auto layout
    id: str = field(default_factory=lambda: new_id("g"))
    type: Literal["photo"] = field(default="photo", init=False)


Block = Banner | EditorNote | Article | PhotoBlock


@dataclass
class Page:
    number: int = 1  # 版次
    name: str | None = None  # 版名, e.g. 要闻
    template: str = "a4-bulletin"
    blocks: list[Block] = field(default_factory=list)
    id: str = field(default_factory=lambda: new_id("pg"))


@dataclass
class Location:
    """Where a flag points: a span of one field of one block, with the quoted text for re-anchoring."""

    block: str
    field: str
    start: int
    end: int
    quote: str = ""


@dataclass
class Flag:
    """A proofreader's mark: a note and a suggestion on a span, accepted or rejected by the editor."""

    location: Location
    category: str = ""
    note: str = ""
    suggestion: str | None = None
    author: str = ""
    status: Literal["open", "accepted", "rejected"] = "open"
    created: str = field(default_factory=now_iso)
    id: str = field(default_factory=lambda: new_id("fl"))
    round: int = 1  # the proof round (一校 = 1) it was raised in
    resolved_by: str = ""  # who accepted or rejected it
    resolved_at: str | None = None  # when (ISO time)


@dataclass
class Ignore:
    """A checker finding the user dismissed: rule + text, in one block or (block None) everywhere."""

    rule: str
    text: str
    block: str | None = None


@dataclass
class Note:
    """What the importer was unsure of, kept with the issue until someone dismisses it."""

    message: str
    block: str | None = None  # the block concerned, if any
    line: int | None = None  # the line (text) or paragraph (DOCX) of the imported file
    kind: str = ""
    id: str = field(default_factory=lambda: new_id("nt"))


@dataclass
class Round:
    """A closed proof round (一校, 二校 …): when, by whom, its counts, and the text as it stood.

    `texts` maps (block id, field path) to the text at closing and `flags` holds the marks as they
    stood (canonical dicts); both live in the project's `rounds/<number>.json`, not in issue.json.
    """

    number: int
    closed: str = field(default_factory=now_iso)
    closed_by: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    texts: dict[tuple[str, str], str] = field(default_factory=dict, repr=False)
    flags: list[dict] = field(default_factory=list, repr=False)


@dataclass
class Issue:
    """One number of a publication: metadata, pages, proofreading flags and the ignore list."""

    publication: str = ""
    type: Literal["newspaper", "internal", "official"] = "internal"
    number: int | None = None  # 期号
    total_number: int | None = None  # 总期号
    date: str | None = None  # ISO date, e.g. 2025-06-18
    editors: dict[str, str] = field(default_factory=dict)  # role -> names, e.g. {"责任编辑": "陈静"}
    organizer: str | None = None  # 主办/编印单位
    permit: str | None = None  # 准印证号 / 刊号
    pages: list[Page] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    ignored: list[Ignore] = field(default_factory=list)
    import_notes: list[Note] = field(default_factory=list)
    rounds: list[Round] = field(default_factory=list)
    id: str = field(default_factory=lambda: new_id("i"))

    # --- lookups used by operations, the checker and the GUI -------------------------------------

    def find_block(self, block_id: str) -> tuple[Page, int, Block]:
        for page in self.pages:
            for index, block in enumerate(page.blocks):
                if block.id == block_id:
                    return page, index, block
        raise KeyError(block_id)

    def find_page(self, page_id: str) -> tuple[int, Page]:
        for index, page in enumerate(self.pages):
            if page.id == page_id:
                return index, page
        raise KeyError(page_id)

    def find_flag(self, flag_id: str) -> tuple[int, Flag]:
        for index, flag in enumerate(self.flags):
            if flag.id == flag_id:
                return index, flag
        raise KeyError(flag_id)

    def blocks(self):
        """All blocks in reading order, with their page."""
        for page in self.pages:
            for block in page.blocks:
                yield page, block
