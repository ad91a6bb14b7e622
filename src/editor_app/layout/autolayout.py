"""Auto layout (自动排版): places a page's blocks on its column grid in reading order.

A banner spans the page over the group of blocks it heads; an editor's note spans the group below
it; every other block takes the span its slot plans, or, without a slot, the narrowest span at which
it is no taller than the group's target depth, and goes where it sits highest on the grid (leftmost
on a tie, with the least white space left under it). Several target depths are tried and the layout
that holds every block, with the least empty space, wins. Blocks the editor placed by hand stay
where they are and the rest go around them; what the page cannot hold goes to a continuation page.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from editor_app.model.document import Placement

GAP_ROWS = 1  # an empty line (with a rule) between blocks stacked one above the other
MIN_OVERSET_ROWS = 12  # a block taller than a page starts in the rest of a page only if this much is left
MAX_MISSES = 4  # stories in a row that find no room: the rest of the group goes to the next page


@dataclass
class Request:
    block_id: str
    kind: str  # the story's kind: banner, note, article, photo_news, photo
    rows_for: Callable[[int], int]  # the block's depth at a span
    span: int | None = None  # fixed span (a slot's), else chosen here
    full_width: bool = False  # banners and notes span the whole group
    max_span: int = 0  # the widest span worth trying (0: the grid's)


@dataclass
class Result:
    places: dict[str, Placement] = field(default_factory=dict)
    spill: list[str] = field(default_factory=list)  # blocks for the continuation page, in order
    empty_rows: int = 0  # grid cells left white above the layout's bottom
    bottom: int = 0


class Occupancy:
    def __init__(self, columns: int, lines: int):
        self.columns, self.lines = columns, lines
        self.taken = [[False] * lines for _ in range(columns)]
        self.skyline = [0] * columns  # below the last auto-placed block in each column

    def fill(self, place: Placement) -> None:
        for c in range(place.column, min(self.columns, place.column + place.span)):
            for r in range(max(0, place.top), min(self.lines, place.top + place.height)):
                self.taken[c][r] = True

    def free(self, column: int, span: int, top: int, rows: int) -> bool:
        if top < 0 or top + rows > self.lines or column + span > self.columns:
            return False
        return not any(self.taken[c][r] for c in range(column, column + span) for r in range(top, top + rows))

    def spot(self, span: int, rows: int, floor: int) -> tuple[int, int, int] | None:
        """(column, top, waste) of the highest free place for a block, or None."""
        best = None
        for column in range(0, self.columns - span + 1):
            base = max([floor] + self.skyline[column : column + span])
            for top in range(base, self.lines - rows + 1):
                if self.free(column, span, top, rows):
                    waste = sum(top - max(floor, self.skyline[c]) for c in range(column, column + span))
                    key = (top, waste, column)
                    if best is None or key < best:
                        best = key
                    break
        if best is None:
            return None
        top, waste, column = best
        return column, top, waste

    def place(self, place: Placement, gap: int) -> None:
        self.fill(place)
        for c in range(place.column, place.column + place.span):
            self.skyline[c] = max(self.skyline[c], place.top + place.height + gap)

    def bottom(self) -> int:
        return max(self.skyline) if self.skyline else 0


def _groups(requests: list[Request]) -> list[list[Request]]:
    """Runs of blocks, each opened by a banner (the blocks before the first banner form a group too)."""
    groups: list[list[Request]] = [[]]
    for request in requests:
        if request.kind == "banner" and groups[-1]:
            groups.append([])
        groups[-1].append(request)
    return [g for g in groups if g]


def _span_for(request: Request, target: int, columns: int) -> int:
    if request.span:
        return min(request.span, columns)
    if request.full_width:
        return columns
    widest = min(columns, request.max_span or columns)
    for span in range(1, widest + 1):
        if request.rows_for(span) <= target:
            return span
    return widest


def _layout(
    requests: list[Request],
    fixed: dict[str, Placement],
    columns: int,
    lines: int,
    top: int,
    depth: Callable[[list[Request]], int],
) -> Result:
    occupancy = Occupancy(columns, lines)
    for place in fixed.values():
        occupancy.fill(place)
    occupancy.skyline = [top] * columns
    result = Result()
    spilled = False  # once a block has gone to the next page, so does every later group
    misses = 0  # stories that found no room since the last that did: after a few, the page is full
    for group in _groups(requests):
        target = depth(group)
        floor = occupancy.bottom()
        head_spilled = False  # the group's banner or note went: its stories go with it
        if spilled:
            result.spill.extend(r.block_id for r in group)
            continue
        for request in group:
            if head_spilled or misses >= MAX_MISSES:
                result.spill.append(request.block_id)
                continue
            span = _span_for(request, target, columns)
            rows = request.rows_for(span)
            spot = occupancy.spot(span, rows, floor)
            if spot is None and not request.span and not request.full_width:
                # the span it wanted has no room left: wider (shorter) first, then narrower (taller)
                widest = min(columns, request.max_span or columns)
                for other in [*range(span + 1, widest + 1), *range(span - 1, 0, -1)]:
                    spot = occupancy.spot(other, request.rows_for(other), floor)
                    if spot is not None:
                        span, rows = other, request.rows_for(other)
                        break
            if spot is None and request.rows_for(min(columns, request.max_span or columns)) > lines - top:
                # taller than any page: it starts here in what is left of the page, overset, rather than
                # leave this page half empty and take a page of its own
                widest = columns if request.full_width else min(columns, request.max_span or columns)
                left = lines - max(floor, occupancy.bottom())
                if left >= MIN_OVERSET_ROWS and occupancy.free(0, widest, lines - left, left):
                    span, rows, spot = widest, left, (0, lines - left, 0)
            if spot is None:  # no room for it: it goes to the next page; later stories of its group may still
                spilled = True  # fill the gaps it left here, later groups follow it
                head_spilled = head_spilled or request.full_width
                misses += 1
                result.spill.append(request.block_id)
                continue
            misses = 0
            column, row, waste = spot
            place = Placement(column, span, row, rows)
            occupancy.place(place, 0 if request.kind == "banner" else GAP_ROWS)
            result.places[request.block_id] = place
            result.empty_rows += waste
            if request.full_width:
                floor = occupancy.bottom()
    result.bottom = occupancy.bottom()
    # white space left above the layout's bottom (holes under short blocks) counts against it
    result.empty_rows += sum(max(0, result.bottom - s) for s in occupancy.skyline)
    return result


def auto_layout(
    requests: list[Request], fixed: dict[str, Placement], columns: int, lines: int, top: int = 0
) -> Result:
    """Places for the requests (fixed places are kept), and what does not fit this page."""
    if not requests:
        return Result()
    best: Result | None = None
    for factor in (0.8, 0.9, 1.0, 1.1, 1.25, 1.4, 1.6, 1.8, 2.1, 2.5):

        def depth(group: list[Request], factor=factor) -> int:
            # the group's area, as far as one page could hold it (a long run of stories spills anyway)
            area, cap = 0, columns * lines
            for r in group:
                if r.full_width or r.span:
                    continue
                area += r.rows_for(2 if columns > 1 else 1) * (2 if columns > 1 else 1)
                if area > cap:
                    break
            return max(6, math.ceil(min(area, cap) / columns * factor))

        result = _layout(requests, fixed, columns, lines, top, depth)
        key = (len(result.spill), result.empty_rows + result.bottom)
        if best is None or key < (len(best.spill), best.empty_rows + best.bottom):
            best = result
    assert best is not None
    return best
