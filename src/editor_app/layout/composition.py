"""What the composer produces: pages of positioned boxes, in millimetres from the page's top left.

A `Composition` is read by everything that shows or writes a page: the preview and the PDF proof
paint it, the fit counts read each block's overset, the DOCX writer writes each box at its place.
Nothing here is computed again by a reader.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from editor_app.layout.spec import Template
from editor_app.layout.story import Figure, Para, Story
from editor_app.model.document import Block, Page, Placement

FITS_TOLERANCE = 2  # empty lines in a planned box that still count as "fits" (spacing absorbs them)


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x <= self.right and self.y <= y <= self.bottom


@dataclass(frozen=True)
class Font:
    face: str  # the template's face name (宋体, 黑体 …); the painter maps it to an installed font
    size_pt: float
    bold: bool = False
    color: str | None = None  # RRGGBB


@dataclass(frozen=True)
class Spacing:
    """How the writer must set a paragraph so it takes what the composer gave it (points)."""

    before: float
    after: float
    line: float  # exact line pitch
    size: float | None = None  # a head set smaller than its style (a long title in a narrow block)


@dataclass(frozen=True)
class Segment:
    """A run of one style on one line. `gap` is the justification space added after each character
    but the last; `source`/`offset` tie the text back to its model field."""

    text: str
    style: str
    font: Font
    x: float  # mm from the line's left edge
    gap: float = 0.0
    source: tuple[str, str] | None = None
    offset: int = 0


@dataclass(frozen=True)
class Line:
    x: float  # the line box's left edge on the page (mm)
    y: float  # the line box's top (mm)
    width: float
    height: float
    baseline: float  # from the line box's top (mm)
    segments: tuple[Segment, ...]
    style: str

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.segments)


@dataclass
class TextFrame:
    """One box of a block's text chain: text runs from frame to frame in order (linked in the DOCX)."""

    rect: Rect
    capacity: int  # body lines it holds
    lines: list[Line] = field(default_factory=list)
    used: int = 0  # body lines filled


@dataclass
class FigureBox:
    """A picture with its caption and credit set below it, inside `rect`."""

    rect: Rect
    picture: Rect
    figure: Figure
    caption: list[Line] = field(default_factory=list)
    caption_rect: Rect | None = None
    caption_spacing: dict[int, Spacing] = field(default_factory=dict)


@dataclass
class ComposedBlock:
    block: Block
    story: Story
    place: Placement
    rect: Rect
    sized_by: str  # "content" (auto layout sized it), "slot" (its slot's plan), "editor" (placed by hand)
    head_rect: Rect | None = None
    head: list[Line] = field(default_factory=list)
    frames: list[TextFrame] = field(default_factory=list)
    figures: list[FigureBox] = field(default_factory=list)
    boxed: bool = False  # drawn with a border (编者按)
    needed_lines: int = 0  # body lines the text needs (summed over columns)
    capacity_lines: int = 0  # body lines the block's frames hold
    overset_lines: int = 0
    text_width: float = 0.0  # one frame's measure (mm)
    head_spacing: dict[int, Spacing] = field(default_factory=dict)  # per head paragraph
    head_top_pt: float = 0.0  # space above the head inside its box …
    head_bottom_pt: float = 0.0  # … and below its last line, so the head fills whole grid lines
    body_spacing: dict[int, Spacing] = field(default_factory=dict)  # per body paragraph

    @property
    def block_id(self) -> str:
        return self.block.id

    @property
    def underset_lines(self) -> int:
        if self.sized_by == "content" or self.overset_lines:
            return 0
        return max(0, self.capacity_lines - self.needed_lines)

    @property
    def state(self) -> str:
        if self.overset_lines > 0:
            return "overset"
        if self.underset_lines > FITS_TOLERANCE:
            return "underset"
        return "fits"

    @property
    def delta_lines(self) -> int:
        """Lines to cut (> 0) or to add (< 0) for the text to fill its box."""
        if self.overset_lines:
            return self.overset_lines
        return -self.underset_lines

    def delta_chars(self, column_chars: int) -> int:
        return self.delta_lines * column_chars


@dataclass
class Rule:
    x1: float
    y1: float
    x2: float
    y2: float
    weight_pt: float = 0.5
    color: str | None = None
    style: str = "single"  # single | double | thinThick


@dataclass
class Grid:
    """The page's column grid in millimetres: where columns start and how tall a line is."""

    columns: int
    lines: int
    left: float
    top: float
    col_w: float
    gutter: float
    pitch: float

    def x(self, column: int) -> float:
        return self.left + column * (self.col_w + self.gutter)

    def width(self, span: int) -> float:
        return span * self.col_w + max(0, span - 1) * self.gutter

    def y(self, line: int) -> float:
        return self.top + line * self.pitch

    def rect(self, place: Placement) -> Rect:
        return Rect(
            self.x(place.column), self.y(place.top), self.width(place.span), place.height * self.pitch
        )

    def cell(self, x: float, y: float) -> tuple[int, int]:
        """The column and line under a point (clamped to the grid), for snapping a drag."""
        column = round((x - self.left) / (self.col_w + self.gutter))
        line = round((y - self.top) / self.pitch)
        return max(0, min(self.columns - 1, column)), max(0, min(self.lines - 1, line))


@dataclass
class ComposedPage:
    page: Page
    template: Template
    grid: Grid
    width: float
    height: float
    continuation: int = 0  # 0 for the page itself, 1… for pages taking what it could not hold
    folio: str = ""
    masthead: list[Line] = field(default_factory=list)
    masthead_rect: Rect | None = None
    masthead_paras: list[Para] = field(default_factory=list)
    masthead_spacing: dict[int, Spacing] = field(default_factory=dict)
    masthead_bottom_pt: float = 0.0  # space under the masthead's last line to the first block (flowing pages)
    masthead_rules: list[Rule] = field(default_factory=list)
    reserved_lines: int = 0  # grid lines the masthead takes at the top
    blocks: list[ComposedBlock] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    unset: list[str] = field(default_factory=list)  # blocks no page could take (past MAX_CONTINUATIONS)
    credits: str = ""  # 责任编辑 line, on the last page …
    credits_line: Line | None = None  # … set right-aligned in the grid's last rows
    credits_rect: Rect | None = None
    credits_para: Para | None = None
    credits_spacing: Spacing | None = None

    def block_at(self, x: float, y: float) -> ComposedBlock | None:
        for composed in reversed(self.blocks):
            if composed.rect.contains(x, y):
                return composed
        return None


@dataclass
class Composition:
    pages: list[ComposedPage]

    def blocks(self):
        for page in self.pages:
            yield from page.blocks

    def block(self, block_id: str) -> ComposedBlock | None:
        return next((b for b in self.blocks() if b.block_id == block_id), None)

    def pages_of(self, page: Page) -> list[ComposedPage]:
        return [p for p in self.pages if p.page is page]

    def problems(self) -> list[tuple[ComposedPage, ComposedBlock]]:
        """Every block that is overset or underset, with the page it is on."""
        return [(page, b) for page in self.pages for b in page.blocks if b.state != "fits"]
