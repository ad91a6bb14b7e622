"""Cut copy into units — one printed paragraph or line each — and keep the layout around them.

A unit remembers how many blank lines preceded it (printed-page extractions mark a picture with a
run of empty lines), whether it was indented, and, for Word files, the formatting signals.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from unicodedata import east_asian_width

from editor_app.importing.signals import (
    SPACES,
    compact,
    ends_terminal,
    heading_like,
    is_blank,
    join_fragments,
    strip_line,
)


@dataclass
class Hints:
    """Formatting signals from a Word paragraph (all optional)."""

    heading_level: int | None = None  # 0 = Title style, 1.. = Heading n
    style: str = ""
    bold: bool = False
    size: float | None = None  # points, the largest run
    align: str | None = None  # "center" | "right" | "left" | "justify"
    caption_style: bool = False
    heavy_face: bool = False  # set in 黑体 / 小标宋 / 中宋 throughout, the faces of headlines and subheads
    role: str | None = None  # from a telling style name: masthead, kicker, banner, title, deck, subhead,
    #                          body, note, caption, byline, credits (see docx_reader.STYLE_ROLES)


@dataclass
class Unit:
    text: str
    line: int  # 1-based line (or paragraph) number in the input
    gap: int = 0  # blank lines before this unit
    indented: bool = False
    hints: Hints | None = None
    image: str | None = None  # project image path for a Word picture paragraph
    width: int = 0  # characters on the physical line, indentation included (hard-wrap detection)
    columns: int = 0  # the same in display columns (full-width = 2)
    new_page: bool = False  # a Word page break comes before this unit

    @property
    def size(self) -> int:
        return len(compact(self.text))


def units_from_text(text: str, first_line: int = 1) -> list[Unit]:
    """One unit per non-blank line; hard-wrapped paragraphs are re-joined first."""
    lines = text.split("\n")
    units: list[Unit] = []
    gap = 0
    for number, raw in enumerate(lines, start=first_line):
        if is_blank(raw):
            gap += 1
            continue
        indented = raw[:1] in SPACES
        shown = raw.rstrip(SPACES)
        units.append(
            Unit(
                strip_line(raw),
                number,
                gap,
                indented,
                width=len(shown),
                columns=sum(2 if east_asian_width(ch) in "WF" else 1 for ch in shown),
            )
        )
        gap = 0
    measure = _wrap_measure(units)
    if measure is not None:
        units = _rejoin_wrapped(units, measure)
    return units


def usual_gap(units: list[Unit]) -> int:
    """The blank-line count that separates ordinary paragraphs on this page."""
    gaps = Counter(u.gap for u in units[1:])
    return max(gaps, key=lambda gap: (gaps[gap], -gap)) if gaps else 0  # ties: the smaller gap


def placeholder_gap(units: list[Unit]) -> int:
    """A run of this many blank lines (or more) marks a picture or a cut on a printed page."""
    return max(2, usual_gap(units) + 1)


def _wrap_measure(units: list[Unit]) -> tuple[str, int] | None:
    """(metric, width) when the copy is wrapped at a fixed measure, else None.

    Wrapped copy has most long lines ending at the same width (in characters or in display
    columns), with no blank line between the lines of a paragraph.
    """
    if len(units) < 8 or sum(1 for u in units[1:] if u.gap == 0) < 0.5 * len(units):
        return None
    best = None
    for metric, slack in (("width", 1), ("columns", 2)):
        values = [getattr(u, metric) for u in units if getattr(u, metric) >= 16]
        if len(values) < 6:
            continue
        width = Counter(values).most_common(1)[0][0]
        near = sum(1 for n in values if width - slack <= n <= width)
        if near >= 0.6 * len(values) and near >= 5 and (best is None or near > best[2]):
            best = (metric, width - slack, near)
    return None if best is None else (best[0], best[1])


def _rejoin_wrapped(units: list[Unit], measure: tuple[str, int]) -> list[Unit]:
    """Join a line to the previous one when that one filled the whole measure."""
    metric, full = measure
    out: list[Unit] = []
    last = 0  # measure of the last physical line of out[-1]
    for unit in units:
        continues = not (ends_terminal(out[-1].text) and heading_like(unit.text)) if out else False
        if out and unit.gap == 0 and not unit.indented and last >= full and continues:
            out[-1].text = join_fragments(out[-1].text, unit.text)
        else:
            out.append(unit)
        last = getattr(unit, metric)
    return out
