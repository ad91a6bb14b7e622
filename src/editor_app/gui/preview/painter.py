"""Paint a composed page with any QPainter: the preview widget, a PDF writer or a printer.

Everything's place comes from the composer (millimetres on the page); this module only draws: each
line's segments at their x with their justification spacing, pictures, frames, rules, the 版眉 and
the page number, and on screen the fit tags and highlights. `scale` is device units per millimetre.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QImage, QPainter, QPen

from editor_app.gui.preview.metrics import family
from editor_app.gui.preview.tags import overset_tag, underset_tag
from editor_app.layout.composition import ComposedBlock, ComposedPage, Font, Line, Rect, Segment
from editor_app.layout.typeset import MM_PER_PT

INK = QColor("#1a1a1a")
OVERSET = QColor("#d32f2f")
UNDERSET = QColor("#f9a825")
SELECTED = QColor(25, 118, 210, 28)
FOUND = QColor(255, 214, 0, 120)
INSERTED = QColor(67, 160, 71, 90)
DELETED = QColor(229, 57, 53)


@dataclass(frozen=True)
class Mark:
    """A span of model text to show: (block id, field path, start, end) and what it is."""

    block_id: str
    path: str
    start: int
    end: int
    kind: str  # "find" | "inserted" | "deleted"


class PagePainter:
    def __init__(self, painter: QPainter, scale: float, images: dict[str, bytes] | None = None):
        self.p = painter
        self.s = scale
        self.images = images or {}
        self._fonts: dict[tuple, QFont] = {}
        self._decoded: dict[str, QImage | None] = {}

    # --- helpers ------------------------------------------------------------------------------
    def rect(self, r: Rect) -> QRectF:
        return QRectF(r.x * self.s, r.y * self.s, r.w * self.s, r.h * self.s)

    def qfont(self, font: Font, gap_mm: float = 0.0) -> QFont:
        key = (font, round(gap_mm, 3))
        if key not in self._fonts:
            qf = QFont(family(font.face))
            qf.setPixelSize(max(1, round(font.size_pt * MM_PER_PT * self.s)))
            qf.setBold(font.bold)
            qf.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
            if gap_mm:
                qf.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, gap_mm * self.s)
            self._fonts[key] = qf
        return self._fonts[key]

    def line(self, line: Line, color: QColor = INK) -> None:
        baseline = (line.y + line.baseline) * self.s
        for segment in line.segments:
            self.p.setFont(self.qfont(segment.font, segment.gap))
            self.p.setPen(QColor(f"#{segment.font.color}") if segment.font.color else color)
            self.p.drawText(QPointF((line.x + segment.x) * self.s, baseline), segment.text)

    def image(self, key: str | None) -> QImage | None:
        if not key or key not in self.images:
            return None
        if key not in self._decoded:
            image = QImage()
            image.loadFromData(self.images[key])
            self._decoded[key] = image if not image.isNull() else None
        return self._decoded[key]

    # --- the page -----------------------------------------------------------------------------
    def page(
        self,
        page: ComposedPage,
        highlight: str | None = None,
        marks: list[Mark] | None = None,
        fit_tags: dict[str, tuple[str, int, int]] | None = None,
        paper: bool = True,
    ) -> None:
        p = self.p
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        if paper:
            p.fillRect(QRectF(0, 0, page.width * self.s, page.height * self.s), QColor("white"))
        for composed in page.blocks:
            if composed.block_id == highlight:
                p.fillRect(self.rect(composed.rect).adjusted(-2, -2, 2, 2), SELECTED)
        self.furniture(page)
        for rule in page.rules:
            p.setPen(
                QPen(
                    QColor(f"#{rule.color}") if rule.color else INK,
                    max(0.6, rule.weight_pt * MM_PER_PT * self.s),
                )
            )
            p.drawLine(
                QPointF(rule.x1 * self.s, rule.y1 * self.s), QPointF(rule.x2 * self.s, rule.y2 * self.s)
            )
        for composed in page.blocks:
            self.block(composed)
        if marks:
            self.marks(page, marks)
        for composed in page.blocks:
            tag = (fit_tags or {}).get(composed.block_id)
            if tag:
                self.fit_tag(composed, *tag)
        p.restore()

    def furniture(self, page: ComposedPage) -> None:
        t = page.template
        for line in page.masthead:
            self.line(line)
        for rule in page.masthead_rules:
            self.p.setPen(
                QPen(QColor(f"#{rule.color}") if rule.color else INK, rule.weight_pt * MM_PER_PT * self.s)
            )
            self.p.drawLine(
                QPointF(rule.x1 * self.s, rule.y1 * self.s), QPointF(rule.x2 * self.s, rule.y2 * self.s)
            )
            if rule.style.startswith("thin"):
                y = (rule.y1 - 1.0) * self.s
                self.p.setPen(QPen(self.p.pen().color(), 0.5 * MM_PER_PT * self.s))
                self.p.drawLine(QPointF(rule.x1 * self.s, y), QPointF(rule.x2 * self.s, y))
        grid = page.grid
        left, right = grid.left, grid.left + grid.width(grid.columns)
        if page.folio:
            style = t.styles["Folio"]
            font = Font(style.face or "宋体", style.size_pt or 9.0, bool(style.bold))
            qf = self.qfont(font)
            y = t.page.header_mm + (style.size_pt or 9.0) * MM_PER_PT
            self.p.setFont(qf)
            self.p.setPen(INK)
            align = style.align or "left"
            width = QFontMetricsF(qf).horizontalAdvance(page.folio)
            x = (
                left * self.s
                if align == "left"
                else (
                    (left + right) / 2 * self.s - width / 2 if align == "center" else right * self.s - width
                )
            )
            self.p.drawText(QPointF(x, y * self.s), page.folio)
            if style.border:
                rule_y = (y + 1.5) * self.s
                self.p.setPen(QPen(INK, 0.5 * MM_PER_PT * self.s))
                self.p.drawLine(QPointF(left * self.s, rule_y), QPointF(right * self.s, rule_y))
        style = t.styles["PageNumber"]
        font = Font(style.face or "宋体", style.size_pt or 10.5, bool(style.bold))
        before, after = _page_number(t, page.page.number)
        text = before + str(page.page.number) + after
        qf = self.qfont(font)
        self.p.setFont(qf)
        self.p.setPen(INK)
        y = (page.height - t.page.footer_mm) * self.s
        width = QFontMetricsF(qf).horizontalAdvance(text)
        self.p.drawText(QPointF((left + right) / 2 * self.s - width / 2, y), text)
        if page.credits_line is not None:
            self.line(page.credits_line)

    def block(self, composed: ComposedBlock) -> None:
        p = self.p
        if composed.boxed:
            p.setPen(QPen(INK, max(0.6, 0.75 * MM_PER_PT * self.s)))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(self.rect(composed.rect))
        for line in composed.head:
            self.line(line)
        for box in composed.figures:
            target = self.rect(box.picture)
            image = self.image(box.figure.image)
            if image is None:
                p.fillRect(target, QColor("#cfd8dc"))
                p.setPen(QColor("#78909c"))
                p.setFont(self.qfont(Font("黑体", 9.0)))
                p.drawText(target, int(Qt.AlignmentFlag.AlignCenter), "图片待补")
            else:
                p.drawImage(target, image)
            for line in box.caption:
                self.line(line)
        for frame in composed.frames:
            for line in frame.lines:
                self.line(line)

    def fit_tag(self, composed: ComposedBlock, text: str, state: int, _unused: int = 0) -> None:
        """A red (overset) or amber (underset) bar at the foot of the block's box."""
        rect = self.rect(composed.rect)
        height = max(12.0, 3.2 * self.s)
        bar = QRectF(rect.left(), rect.bottom() - height, rect.width(), height)
        self.p.fillRect(bar, QBrush(OVERSET if state > 0 else UNDERSET))
        font = QFont(family("黑体"))
        font.setPixelSize(max(8, int(height * 0.7)))
        font.setBold(True)
        self.p.setFont(font)
        self.p.setPen(QColor("white"))
        self.p.drawText(bar, int(Qt.AlignmentFlag.AlignCenter), text)

    def marks(self, page: ComposedPage, marks: list[Mark]) -> None:
        """Find matches and changed text, over the segments that print them."""
        wanted: dict[tuple[str, str], list[Mark]] = {}
        for mark in marks:
            wanted.setdefault((mark.block_id, mark.path), []).append(mark)
        for line in _all_lines(page):
            for segment in line.segments:
                if segment.source is None or segment.source not in wanted:
                    continue
                for mark in wanted[segment.source]:
                    self._mark(line, segment, mark)

    def _mark(self, line: Line, segment: Segment, mark: Mark) -> None:
        lo = max(mark.start, segment.offset)
        hi = min(mark.end, segment.offset + len(segment.text))
        if mark.kind == "deleted":  # a deletion is a point: a red caret where the text was
            if segment.offset <= mark.start <= segment.offset + len(segment.text):
                x = self._x(line, segment, mark.start - segment.offset)
                self.p.setPen(QPen(DELETED, max(1.0, 0.3 * self.s)))
                self.p.drawLine(QPointF(x, line.y * self.s), QPointF(x, (line.y + line.height) * self.s))
            return
        if hi <= lo:
            return
        x1 = self._x(line, segment, lo - segment.offset)
        x2 = self._x(line, segment, hi - segment.offset)
        color = FOUND if mark.kind == "find" else INSERTED
        self.p.fillRect(QRectF(x1, line.y * self.s, x2 - x1, line.height * self.s), color)

    def _x(self, line: Line, segment: Segment, chars: int) -> float:
        qf = self.qfont(segment.font, segment.gap)
        return (line.x + segment.x) * self.s + QFontMetricsF(qf).horizontalAdvance(segment.text[:chars])


def _all_lines(page: ComposedPage):
    yield from page.masthead
    for composed in page.blocks:
        yield from composed.head
        for frame in composed.frames:
            yield from frame.lines
        for box in composed.figures:
            yield from box.caption


def _page_number(template, number: int) -> tuple[str, str]:
    from editor_app.layout.furniture import page_number_text

    return page_number_text(template.wording, number)


def fit_tags(pages: list[ComposedPage]) -> dict[str, tuple[str, int, int]]:
    """The overset/underset tag of every block that does not fit, in the interface language."""
    tags = {}
    for page in pages:
        for composed in page.blocks:
            chars = page.template.column_chars
            if composed.state == "overset":
                tags[composed.block_id] = (
                    overset_tag(composed.overset_lines, composed.overset_lines * chars),
                    1,
                    0,
                )
            elif composed.state == "underset":
                tags[composed.block_id] = (
                    underset_tag(composed.underset_lines, composed.underset_lines * chars),
                    -1,
                    0,
                )
    return tags


def paint_page(
    painter: QPainter,
    page: ComposedPage,
    scale: float,
    *,
    highlight: str | None = None,
    marks: list[Mark] | None = None,
    tags: dict | None = None,
    paper: bool = True,
    images: dict[str, bytes] | None = None,
) -> None:
    """Draw one composed page with 1 mm = `scale` device units."""
    PagePainter(painter, scale, images).page(page, highlight, marks, tags, paper)
