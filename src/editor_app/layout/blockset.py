"""Set one block at its place on the grid: its head over its own columns, its pictures, and its text
running through a chain of frames (one per column, below the head and any picture).

The chain is filled line by line on the baseline grid. A 小标题 never ends a frame; the byline tag's
line never starts one (its last text line goes along, as Word and LibreOffice do with widow control
on that paragraph). What the chain cannot hold is the block's overset, in lines.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from editor_app.layout.composition import ComposedBlock, FigureBox, Grid, Rect, Spacing, TextFrame
from editor_app.layout.spec import Template
from editor_app.layout.story import Figure, Story
from editor_app.layout.typeset import MM_PER_PT, Typesetter, Unit, placed, step_down
from editor_app.model.document import Placement

DEFAULT_PHOTO_RATIO = 3 / 4  # height / width when the picture's size is unknown
MIN_PICTURE_MM = 12.0  # a picture is never scaled below this height to fit a small box
HEAD_LINES = 2  # a title longer than this many lines at its block's width is set smaller …
MAX_STEPS = 3  # … by up to this many grades (the whole head, so 引题 and 副题 keep their relation)
FIGURE_GAP_MM = 1.5  # between a picture and its caption


@dataclass
class _Chain:
    frames: list[TextFrame]
    overset: int
    needed: int


class BlockSetter:
    """Composes blocks of one page template."""

    def __init__(
        self,
        template: Template,
        grid: Grid,
        typesetter: Typesetter,
        image_sizes: dict[str, tuple[int, int]] | None = None,
    ):
        self.t = template
        self.grid = grid
        self.ts = typesetter
        self.image_sizes = image_sizes or {}
        self._units: dict[tuple[str, float], tuple[list[Unit], dict[int, Spacing]]] = {}
        self._heads: dict[tuple[str, float], tuple[list, float, dict[int, Spacing]]] = {}
        self._figures: dict[tuple[str, float], tuple[float, float, tuple, float]] = {}

    # --- sizes --------------------------------------------------------------------------------
    def head_rows(self, story: Story, span: int) -> int:
        if not story.head:
            return 0
        _, height, _ = self._head(story, self.grid.width(span))
        return math.ceil(height / self.grid.pitch - 1e-6)

    def natural_rows(self, story: Story, span: int) -> int:
        """The fewest rows at which the block holds all its text at `span` columns."""
        low = max(1, self.head_rows(story, span) + self._figure_rows(story, span))
        if story.kind in ("banner", "photo"):
            return low
        units, _ = self._body_units(story, span)
        needed = sum(u.rows for u in units)
        high = low + needed + 2 * len(units) + 2
        columns = len(self._frames(story, Placement(0, span, 0, high))[0]) or 1
        guess = max(low, min(high, low + math.ceil(needed / columns)))
        # from a balanced guess, step to the smallest depth with nothing overset (keep rules may add rows)
        if self._fill_probe(story, span, guess) > 0:
            while guess < high and self._fill_probe(story, span, guess + 1) > 0:
                guess += 1
            return min(high, guess + 1)
        while guess > low and self._fill_probe(story, span, guess - 1) == 0:
            guess -= 1
        return guess

    def _fill_probe(self, story: Story, span: int, rows: int) -> int:
        place = Placement(0, span, 0, rows)
        frames, _ = self._frames(story, place)
        units, _ = self._body_units(story, span)
        return _positions(units, [f.capacity for f in frames])[1]

    # --- composing ----------------------------------------------------------------------------
    def compose(self, story: Story, place: Placement, sized_by: str) -> ComposedBlock:
        grid = self.grid
        rect = grid.rect(place)
        composed = ComposedBlock(story.block, story, place, rect, sized_by, boxed=story.kind == "note")
        head_rows = 0
        if story.head:
            lines, height, spacing = self._head(story, rect.w)
            head_rows = math.ceil(height / grid.pitch - 1e-6)
            head_rect = Rect(rect.x, rect.y, rect.w, min(rect.h, head_rows * grid.pitch))
            offset = (head_rect.h - height) / 2  # the head sits in the middle of its rows
            composed.head_rect = head_rect
            composed.head = [placed(line, rect.x, rect.y + offset + y, rect.w) for y, line in lines]
            composed.head_spacing = spacing
            composed.head_top_pt = offset / MM_PER_PT
            composed.head_bottom_pt = (head_rect.h - offset - height) / MM_PER_PT + self.t.styles[
                story.head[-1].style
            ].space_after_pt
        composed.figures = self._place_figures(story, place, head_rows)
        frames, width = self._frames(story, place, composed.figures, head_rows)
        composed.text_width = width
        units, spacing = self._body_units(story, place.span)
        composed.body_spacing = spacing
        chain = _fill(units, frames)
        composed.frames = chain.frames
        composed.needed_lines = chain.needed
        composed.capacity_lines = sum(f.capacity for f in chain.frames)
        composed.overset_lines = chain.overset
        reach = max((box.rect.bottom for box in composed.figures), default=rect.bottom)
        if (
            reach > rect.bottom + 0.01
        ):  # a picture even at its smallest does not fit: its rows are overset too
            composed.overset_lines += math.ceil((reach - rect.bottom) / grid.pitch - 1e-6)
        return composed

    def flow(
        self, story: Story, span: int, top: int, page_rows: int, max_pages: int = 2000
    ) -> tuple[list[tuple[int, ComposedBlock]], int, int]:
        """A block set down a flowing page from line `top`, its text running on to following pages as
        far as it needs: [(page offset, the block's part on that page)], and the page offset and line
        where the next block starts. Its head and pictures open it and never sit alone at a page foot."""
        grid = self.grid
        lead = self.head_rows(story, span) + self._figure_rows(story, span)
        units, spacing = self._body_units(story, span)
        first = 0
        if top > 0 and top + lead + (units[0].rows if units else 0) > page_rows:
            first, top = 1, 0  # the head would be left alone at the foot: the block starts a page
        caps = [max(0, page_rows - top - lead)]
        positions, over = _positions(units, caps)
        while over and len(caps) < max_pages:
            caps.append(page_rows)
            positions, over = _positions(units, caps)
        used = [0] * len(caps)
        for unit, (at, row) in zip(units, positions, strict=False):
            used[at] = max(used[at], row + unit.rows)
        while len(caps) > 1 and used[-1] == 0:  # a chain never ends in an empty page
            caps.pop()
            used.pop()
        frames = []
        for index, rows in enumerate(caps):
            seg_top = top + lead if index == 0 else 0
            frames.append(
                TextFrame(Rect(grid.x(0), grid.y(seg_top), grid.width(span), rows * grid.pitch), rows)
            )
        chain = _fill(units, frames)
        parts = []
        for index, segment in enumerate(chain.frames):
            seg_top = top if index == 0 else 0
            height = max(1, (lead if index == 0 else 0) + used[index])
            if index == 0:
                # the head and pictures as a block sets them (two lines more, so no picture is scaled down)
                part = self.compose(story, Placement(0, span, seg_top, lead + 2), "content")
                part.place = Placement(0, span, seg_top, height)
                part.rect = grid.rect(part.place)
            else:
                part = ComposedBlock(
                    story.block,
                    story,
                    Placement(0, span, seg_top, height),
                    grid.rect(Placement(0, span, seg_top, height)),
                    "content",
                )
            part.frames = [segment]
            part.text_width = grid.width(span)
            part.body_spacing = spacing
            part.needed_lines = part.capacity_lines = used[index]
            part.overset_lines = chain.overset if index == len(chain.frames) - 1 else 0
            parts.append((first + index, part))
        last_offset, last = parts[-1]
        return parts, last_offset, last.place.top + last.place.height

    # --- the parts ----------------------------------------------------------------------------
    def _head(self, story: Story, width_mm: float):
        key = (story.block_id, round(width_mm, 3))
        if key not in self._heads:
            title = next(
                (i for i, p in enumerate(story.head) if p.style in ("ArticleTitle", "BannerTitle")), None
            )
            steps = 0
            while title is not None and steps < MAX_STEPS and story.kind != "banner":
                size = step_down(self.ts.size(story.head[title].style), steps) if steps else None
                if len(self.ts.set_para(story.head[title], width_mm, None, size)) <= HEAD_LINES:
                    break
                steps += 1
            lines, height, spacing = self.ts.stack(story.head, width_mm, align=None, steps=steps)
            # no space above the first line: the gap (and rule) between blocks is the head's air
            bottom = self.t.styles[story.head[-1].style].space_after_pt * MM_PER_PT
            self._heads[key] = (lines, height + bottom, spacing)
        return self._heads[key]

    def _body_units(self, story: Story, span: int) -> tuple[list[Unit], dict[int, Spacing]]:
        width = self._frame_width(story, span)
        key = (story.block_id, round(width, 3))
        if key not in self._units:
            self._units[key] = self.ts.units(story.body, width)
        return self._units[key]

    def _note_columns(self, span: int) -> tuple[int, float]:
        """An editor's note: how many text columns its box is set in, and the inner padding (mm)."""
        pad = self.ts.size("EditorNote") * MM_PER_PT
        inner = self.grid.width(span) - 2 * pad
        measure = self.t.layout.note_measure_chars * self.ts.size("EditorNote") * MM_PER_PT
        return max(1, min(span, math.ceil(inner / measure - 1e-6))), pad

    def _frame_width(self, story: Story, span: int) -> float:
        if story.kind == "note":
            count, pad = self._note_columns(span)
            inner = self.grid.width(span) - 2 * pad
            return (inner - (count - 1) * self.grid.gutter) / count
        return self.grid.col_w

    def _figure_span(self, story: Story, span: int) -> int:
        if story.kind in ("photo", "photo_news"):
            return span
        return max(1, min(self.t.layout.photo_span, span // 2))  # text keeps at least half the width

    def _figure_height(self, figure: Figure, width: float) -> tuple[float, float, tuple, float]:
        """Picture width and height, the caption's (lines, height, spacing) and the figure's height (mm)."""
        key = (figure.photo_id, round(width, 3))
        if key not in self._figures:
            self._figures[key] = self._measure_figure(figure, width)
        return self._figures[key]

    def _measure_figure(self, figure: Figure, width: float) -> tuple[float, float, tuple, float]:
        picture_w = width
        if self.t.layout.picture_max_mm:
            picture_w = min(picture_w, self.t.layout.picture_max_mm)
        ratio = DEFAULT_PHOTO_RATIO
        size = self.image_sizes.get(figure.image or "")
        if size and size[0] > 0 and size[1] > 0:
            ratio = size[1] / size[0]
        picture_h = min(picture_w * ratio, self.grid.lines * self.grid.pitch * 0.6)
        picture_w = min(picture_w, picture_h / ratio)
        caption = self.ts.stack(figure.caption, width) if figure.caption else ([], 0.0, {})
        total = picture_h + (FIGURE_GAP_MM + caption[1] if caption[0] else 0.0) + self.grid.pitch * 0.5
        return picture_w, picture_h, caption, total

    def _figure_rows(self, story: Story, span: int) -> int:
        if not story.figures:
            return 0
        fs = self._figure_span(story, span)
        per_row = max(1, span // fs)
        heights = [self._figure_height(f, self.grid.width(fs))[3] for f in story.figures]
        rows = 0
        for i in range(0, len(heights), per_row):
            rows += math.ceil(max(heights[i : i + per_row]) / self.grid.pitch - 1e-6)
        return rows

    def _place_figures(self, story: Story, place: Placement, head_rows: int) -> list[FigureBox]:
        """Pictures at the top of the text area, from the block's right edge leftwards, row by row.

        In a box planned smaller than its pictures (a slot, or one the editor drew) a picture is
        scaled down to leave the text two lines; it never reaches past the box."""
        if not story.figures:
            return []
        grid = self.grid
        fs = self._figure_span(story, place.span)
        per_row = max(1, place.span // fs)
        boxes = []
        top_row = place.top + head_rows
        limit = place.top + place.height - (2 if story.body and story.kind != "photo" else 0)
        for start in range(0, len(story.figures), per_row):
            row_figures = story.figures[start : start + per_row]
            row_rows = 0
            for k, figure in enumerate(row_figures):
                column = place.column + place.span - fs * (k + 1)
                width = grid.width(fs)
                picture_w, picture_h, caption, total = self._figure_height(figure, width)
                rows = math.ceil(total / grid.pitch - 1e-6)
                if top_row + rows > limit:  # scale the picture down to the room left (keeping its shape)
                    rest = total - picture_h  # the caption and the space round it
                    room = max(MIN_PICTURE_MM, (limit - top_row) * grid.pitch - rest)
                    if room < picture_h:
                        picture_w, picture_h = picture_w * room / picture_h, room
                        total = picture_h + rest
                        rows = math.ceil(total / grid.pitch - 1e-6)
                row_rows = max(row_rows, rows)
                x, y = grid.x(column), grid.y(top_row)
                picture = Rect(x + (width - picture_w) / 2, y, picture_w, picture_h)
                box = FigureBox(Rect(x, y, width, rows * grid.pitch), picture, figure)
                lines, _, spacing = caption
                if lines:
                    cap_y = y + picture_h + FIGURE_GAP_MM
                    box.caption = [placed(line, x, cap_y + dy, width) for dy, line in lines]
                    box.caption_rect = Rect(x, cap_y, width, box.rect.bottom - cap_y)
                    box.caption_spacing = spacing
                boxes.append(box)
            top_row += row_rows
        return boxes

    def _frames(
        self,
        story: Story,
        place: Placement,
        figures: list[FigureBox] | None = None,
        head_rows: int | None = None,
    ) -> tuple[list[TextFrame], float]:
        grid = self.grid
        if head_rows is None:
            head_rows = self.head_rows(story, place.span)
        if figures is None:
            figures = self._place_figures(story, place, head_rows)
        bottom = place.top + place.height
        if story.kind in ("banner", "photo"):
            return [], grid.col_w
        if story.kind == "note":
            count, pad = self._note_columns(place.span)
            width = self._frame_width(story, place.span)
            rect = grid.rect(place)
            top = rect.y + grid.pitch / 2
            height = rect.h - grid.pitch
            capacity = max(0, int(height / grid.pitch + 1e-6))
            return [
                TextFrame(
                    Rect(rect.x + pad + i * (width + grid.gutter), top, width, capacity * grid.pitch),
                    capacity,
                )
                for i in range(count)
            ], width
        frames = []
        for column in range(place.column, place.column + place.span):
            top = place.top + head_rows
            x = grid.x(column)
            for box in figures:
                if box.rect.x - 0.01 <= x < box.rect.right - 0.01:
                    top = max(top, round((box.rect.bottom - grid.top) / grid.pitch))
            rows = bottom - top
            if rows > 0:
                frames.append(TextFrame(Rect(x, grid.y(top), grid.col_w, rows * grid.pitch), rows))
        return frames, grid.col_w


def _positions(units: list[Unit], caps: list[int]) -> tuple[list[tuple[int, int]], int]:
    """Where each unit goes in a chain of frames holding `caps` rows: (frame, row) for those placed,
    and the rows left over."""
    positions: list[tuple[int, int]] = []
    f, row, i = 0, 0, 0
    while i < len(units):
        if f >= len(caps):
            break
        unit = units[i]
        if row + unit.rows > caps[f]:
            f, row = f + 1, 0
            continue
        nxt = units[i + 1] if i + 1 < len(units) else None
        if unit.keep_with_next and nxt is not None and row > 0 and row + unit.rows + nxt.rows > caps[f]:
            f, row = f + 1, 0  # a 小标题 goes to the next column with its text
            continue
        if unit.widow_control and unit.first and not unit.last and row > 0 and row + unit.rows == caps[f]:
            f, row = f + 1, 0  # a first line left alone at a column's foot goes down
            continue
        if (
            unit.widow_control
            and unit.last
            and row == 0
            and i > 0
            and units[i - 1].para == unit.para
            and positions[-1][0] == f - 1
        ):
            prev = units[i - 1]  # the line before goes along: the tag never stands alone
            if prev.rows + unit.rows <= caps[f]:
                positions[-1] = (f, 0)
                row = prev.rows
        positions.append((f, row))
        row += unit.rows
        i += 1
    return positions, sum(u.rows for u in units[len(positions) :])


def _fill(units: list[Unit], frames: list[TextFrame]) -> _Chain:
    """Run the units through the frames; place their lines; count what does not fit."""
    positions, overset = _positions(units, [frame.capacity for frame in frames])
    for unit, (frame_index, r) in zip(units, positions, strict=False):
        frame = frames[frame_index]
        top = frame.rect.y + (r * frame.rect.h / frame.capacity if frame.capacity else 0.0)
        for dy, line in unit.lines:
            frame.lines.append(placed(line, frame.rect.x, top + dy, frame.rect.w))
        frame.used = max(frame.used, r + unit.rows)
    return _Chain(frames, overset, sum(u.rows for u in units))
