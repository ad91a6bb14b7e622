"""Set story paragraphs into lines at a measure: fonts from the template's styles, breaks from
`metrics.py`, justification, and grid rows.

Body text sits on the page's baseline grid: a paragraph whose pitch is the grid's is set line by
line (each line one row, and a column may end after any of them); any other paragraph (a 小标题 at
its own size, a byline of its own) is one unit rounded up to whole rows, the extra space split above
and below, so neighbouring columns stay on a common baseline. The spacing decided here is recorded
so the DOCX writer sets exactly the same.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from editor_app.layout.composition import Font, Line, Segment, Spacing
from editor_app.layout.metrics import AUTOSPACE_EM, TextMetrics, break_lines, is_han
from editor_app.layout.spec import StyleSpec, Template
from editor_app.layout.story import Para, Piece

MM_PER_PT = 25.4 / 72
LINE_FACTOR = 1.25  # the line height of a style that sets no pitch, in multiples of its size
# 字号 in points, largest first (初号 … 六号): a head set smaller steps down this list.
GRADES = (42.0, 36.0, 26.0, 24.0, 22.0, 18.0, 16.0, 15.0, 14.0, 12.0, 10.5, 9.0, 7.5)


def step_down(size_pt: float, steps: int) -> float:
    """`size_pt` made `steps` grades smaller (a size off the list starts from the next one below)."""
    if steps <= 0:
        return size_pt
    below = [g for g in GRADES if g < size_pt - 0.01]
    return below[min(len(below), steps) - 1] if below else size_pt


@dataclass(frozen=True)
class SetLine:
    """A line set at a measure, before it has a place: segment x are relative to the line's left."""

    segments: tuple[Segment, ...]
    height: float  # mm
    baseline: float  # mm from the line's top
    style: str


@dataclass(frozen=True)
class Unit:
    """What a frame takes in one piece: a line of body text, or a whole 小标题 (`rows` grid lines)."""

    lines: tuple[tuple[float, SetLine], ...]  # (offset from the unit's top in mm, line)
    rows: int
    para: int  # index of the story paragraph it belongs to
    first: bool  # holds the paragraph's first line
    last: bool  # holds the paragraph's last line
    keep_with_next: bool = False  # a 小标题 never ends a column
    tail: bool = False  # the byline tag's line: never alone at the top of a column
    widow_control: bool = False  # the paragraph keeps two lines together at either end of a column


def line_pt(style: StyleSpec, size_pt: float) -> float:
    """A style's line pitch: its own, or its size × LINE_FACTOR rounded to a half point."""
    if style.pitch_pt:
        return style.pitch_pt
    return math.ceil(size_pt * LINE_FACTOR * 2) / 2


class Typesetter:
    """Sets paragraphs in one template's styles with one set of metrics."""

    def __init__(self, template: Template, metrics: TextMetrics):
        self.t = template
        self.metrics = metrics
        self.body = template.styles["BodyText"]
        self.grid_pt = template.grid.pitch_pt
        self.hang = template.grid.hang_punctuation
        self._fonts: dict[tuple[str, str | None, float | None], Font] = {}
        self._lines: dict[tuple, list[SetLine]] = {}  # what set_para made, for recomposing on a keystroke

    # --- styles -------------------------------------------------------------------------------
    def size(self, style_id: str) -> float:
        return self.t.styles[style_id].size_pt or self.body.size_pt or self.t.grid.body_pt

    def font(self, style_id: str, char_style: str | None = None, size_pt: float | None = None) -> Font:
        key = (style_id, char_style, size_pt)
        if key not in self._fonts:
            para = self.t.styles[style_id]
            char = self.t.styles[char_style] if char_style else None
            face = (char and char.face) or para.face or self.body.face or "宋体"
            size = size_pt or (char and char.size_pt) or self.size(style_id)
            bold = bool(char.bold if char and char.bold is not None else para.bold)
            color = (char and char.color) or para.color
            self._fonts[key] = Font(face, size, bold, color)
        return self._fonts[key]

    def align(self, style_id: str) -> str:
        return self.t.styles[style_id].align or self.body.align or "justify"

    def indent_pt(self, style_id: str) -> float:
        style = self.t.styles[style_id]
        chars = style.indent_chars if (style_id == "BodyText" or "indent_chars" in style.declared) else 0.0
        return chars * self.advance_size(style_id)

    def spacing(self, style_id: str, size_pt: float | None = None) -> float:
        """Letter spacing (pt): a style's own, or, for body-size text on a template with a set number of
        characters a line (GB/T 9704's 28), what fits them into the measure (the styles carry the same)."""
        style = self.t.styles[style_id]
        if style.spacing_pt:
            return style.spacing_pt
        if self.t.grid.chars_per_line and abs((size_pt or self.size(style_id)) - self.t.grid.body_pt) < 0.01:
            return self.t.grid_spacing_pt
        return 0.0

    def advance_size(self, style_id: str, size_pt: float | None = None) -> float:
        """How far a Han character advances: its size and the letter spacing."""
        return (size_pt or self.size(style_id)) + self.spacing(style_id, size_pt)

    def pitch_pt(self, style_id: str, size_pt: float | None = None) -> float:
        style = self.t.styles[style_id]
        if size_pt and abs(size_pt - self.size(style_id)) > 0.01:  # a stepped-down head keeps its proportion
            return line_pt(style, self.size(style_id)) * size_pt / self.size(style_id)
        return line_pt(style, self.size(style_id))

    # --- lines --------------------------------------------------------------------------------
    def set_para(
        self, para: Para, width_mm: float, align: str | None = None, size_pt: float | None = None
    ) -> list[SetLine]:
        """The paragraph's lines (and the byline tag's line after them) at `width_mm`; `size_pt` sets a
        head smaller than its style."""
        key = (para.style, tuple(para.pieces), tuple(para.tail), round(width_mm, 3), align, size_pt)
        lines = self._lines.get(key)
        if lines is None:
            if len(self._lines) > 20000:
                self._lines.clear()
            lines = self._lines[key] = self._set_para(para, width_mm, align, size_pt)
        return lines

    def _set_para(
        self, para: Para, width_mm: float, align: str | None, size_pt: float | None
    ) -> list[SetLine]:
        style_id = para.style
        size = size_pt or self.size(style_id)
        spacing = self.spacing(style_id, size_pt)
        width = width_mm / MM_PER_PT
        indent = self.indent_pt(style_id)
        text = para.text
        broken = break_lines(text, size, width, indent, self.metrics, self.hang, spacing)
        advances = self._advances(text, size, spacing)
        pitch = self.pitch_pt(style_id, size_pt)
        align = align or self.align(style_id)
        out = []
        for number, line in enumerate(broken):
            start_x = indent if number == 0 else 0.0
            natural = sum(advances[line.start : line.end])
            end = line.end
            while end > line.start and text[end - 1] == " ":
                natural -= advances[end - 1]
                end -= 1
            room = max(0.0, width - start_x - natural)
            gap, shift = 0.0, 0.0
            count = end - line.start
            if align == "distribute" or (align == "justify" and not line.last):
                gap = room / (count - 1) if count > 1 else 0.0
            elif align == "center":
                shift = room / 2
            elif align == "right":
                shift = room
            segments = self._segments(
                para.pieces, line.start, end, start_x + shift, gap, advances, style_id, size_pt, spacing
            )
            out.append(SetLine(tuple(segments), pitch * MM_PER_PT, self._baseline(pitch, size), style_id))
        if para.tail:
            tail_text = "".join(p.text for p in para.tail)
            tail_adv = self._advances(tail_text, size, spacing)
            shift = max(0.0, width - sum(tail_adv))
            segments = self._segments(
                para.tail, 0, len(tail_text), shift, 0.0, tail_adv, style_id, size_pt, spacing
            )
            out.append(SetLine(tuple(segments), pitch * MM_PER_PT, self._baseline(pitch, size), style_id))
        return out

    @staticmethod
    def _baseline(pitch_pt: float, size_pt: float) -> float:
        """Where the text sits in an exact-pitch line: the glyphs centred, baseline 0.88 em down."""
        return ((pitch_pt - size_pt) / 2 + size_pt * 0.88) * MM_PER_PT

    def _advances(self, text: str, size: float, spacing: float = 0.0) -> list[float]:
        advance = self.metrics.advance_em
        out = [advance(ch) * size + spacing for ch in text]
        auto = AUTOSPACE_EM * size
        for i in range(1, len(text)):
            a, b = text[i - 1], text[i]
            latin_a = a.isascii() and a.isalnum()
            latin_b = b.isascii() and b.isalnum()
            if (latin_a and is_han(b)) or (is_han(a) and latin_b):
                out[i - 1 if latin_a else i] += auto
        return out

    def _segments(
        self,
        pieces: list[Piece],
        start: int,
        end: int,
        x0: float,
        gap: float,
        advances: list[float],
        style_id: str,
        size_pt: float | None,
        spacing: float = 0.0,
    ) -> list[Segment]:
        """The line's runs of one style each; a segment's `gap` is what the painter adds after each
        character: the justification and the style's letter spacing."""
        segments = []
        pos = 0
        x = x0
        for piece in pieces:
            p0, p1 = pos, pos + len(piece.text)
            pos = p1
            a, b = max(start, p0), min(end, p1)
            if a >= b:
                continue
            seg_x = x0 + sum(advances[start:a]) + gap * (a - start)
            x = seg_x
            segments.append(
                Segment(
                    piece.text[a - p0 : b - p0],
                    piece.char_style or style_id,
                    self.font(style_id, piece.char_style, size_pt),
                    x * MM_PER_PT,
                    (gap + spacing) * MM_PER_PT,
                    piece.source,
                    piece.offset + (a - p0),
                )
            )
        return segments

    # --- grid units ---------------------------------------------------------------------------
    def units(self, paras: list[Para], width_mm: float) -> tuple[list[Unit], dict[int, Spacing]]:
        """The paragraphs as frame units, and the spacing each paragraph must be written with."""
        units: list[Unit] = []
        spacing: dict[int, Spacing] = {}
        grid = self.grid_pt
        for index, para in enumerate(paras):
            lines = self.set_para(para, width_mm)
            style = self.t.styles[para.style]
            pitch = self.pitch_pt(para.style)
            tail = bool(para.tail)
            if abs(pitch - grid) < 0.01:  # on the grid: line by line, no space around
                spacing[index] = Spacing(0.0, 0.0, pitch)
                for number, line in enumerate(lines):
                    units.append(
                        Unit(
                            ((0.0, line),),
                            1,
                            index,
                            number == 0,
                            number == len(lines) - 1,
                            keep_with_next=para.style == "Subhead",
                            tail=tail and number == len(lines) - 1,
                            widow_control=tail,
                        )
                    )
                continue
            content = style.space_before_pt + pitch * len(lines) + style.space_after_pt
            rows = max(1, math.ceil(content / grid - 1e-6))
            extra = rows * grid - content
            before, after = style.space_before_pt + extra / 2, style.space_after_pt + extra / 2
            spacing[index] = Spacing(before, after, pitch)
            placed = tuple(((before + i * pitch) * MM_PER_PT, line) for i, line in enumerate(lines))
            units.append(Unit(placed, rows, index, True, True, keep_with_next=para.style == "Subhead"))
        return units, spacing

    def stack(
        self, paras: list[Para], width_mm: float, align: str | None = None, steps: int = 0
    ) -> tuple[list[tuple[float, SetLine]], float, dict[int, Spacing]]:
        """Paragraphs set one under another at their own pitch and spacing (heads, captions, the
        masthead), each `steps` grades smaller than its style: the lines with their offsets, the
        total height (mm) and the spacing used."""
        out: list[tuple[float, SetLine]] = []
        y = 0.0
        spacing: dict[int, Spacing] = {}
        for index, para in enumerate(paras):
            style = self.t.styles[para.style]
            size = step_down(self.size(para.style), steps) if steps else None
            pitch = self.pitch_pt(para.style, size)
            before = style.space_before_pt if index else 0.0  # the box's own top is the space above
            after = style.space_after_pt if index < len(paras) - 1 else 0.0
            spacing[index] = Spacing(before, after, pitch, size)
            y += before * MM_PER_PT
            for line in self.set_para(para, width_mm, align, size):
                out.append((y, line))
                y += pitch * MM_PER_PT
            y += after * MM_PER_PT
        return out, y, spacing


def placed(line: SetLine, x: float, y: float, width: float) -> Line:
    """A set line put at a place on the page."""
    return Line(x, y, width, line.height, line.baseline, line.segments, line.style)
