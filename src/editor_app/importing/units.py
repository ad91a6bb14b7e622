"""Cut copy into units — one printed paragraph or line each — and keep the layout around them.

A unit remembers how many blank lines preceded it (printed-page extractions mark a picture with a
run of empty lines), whether it was indented, and, for Word files, the formatting signals.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from editor_app.importing.signals import SPACES, compact, is_blank, strip_line


@dataclass
class Hints:
    """Formatting signals from a Word paragraph (all optional)."""

    heading_level: int | None = None  # 0 = Title style, 1.. = Heading n
    style: str = ""
    bold: bool = False
    size: float | None = None  # points, the largest run
    align: str | None = None  # "center" | "right" | "left" | "justify"
    caption_style: bool = False


@dataclass
class Unit:
    text: str
    line: int  # 1-based line (or paragraph) number in the input
    gap: int = 0  # blank lines before this unit
    indented: bool = False
    hints: Hints | None = None
    image: str | None = None  # project image path for a Word picture paragraph

    @property
    def size(self) -> int:
        return len(compact(self.text))


def units_from_text(text: str) -> list[Unit]:
    """One unit per non-blank line; hard-wrapped paragraphs are re-joined first."""
    lines = text.split("\n")
    units: list[Unit] = []
    gap = 0
    for number, raw in enumerate(lines, start=1):
        if is_blank(raw):
            gap += 1
            continue
        indented = raw[:1] in SPACES
        units.append(Unit(strip_line(raw), number, gap, indented))
        gap = 0
    if _hard_wrapped(units):
        units = _rejoin_wrapped(units)
    return units


def usual_gap(units: list[Unit]) -> int:
    """The blank-line count that separates ordinary paragraphs on this page."""
    gaps = Counter(u.gap for u in units[1:])
    return gaps.most_common(1)[0][0] if gaps else 0


def placeholder_gap(units: list[Unit]) -> int:
    """A run of this many blank lines (or more) marks a picture or a cut on a printed page."""
    return max(2, usual_gap(units) + 1)


def _hard_wrapped(units: list[Unit]) -> bool:
    """Copy wrapped at a fixed width: most long lines have the same length and no blank between."""
    long_lines = [u.size for u in units if u.size >= 16]
    if len(long_lines) < 6:
        return False
    width, count = Counter(long_lines).most_common(1)[0]
    near = sum(1 for n in long_lines if abs(n - width) <= 1)
    tight = sum(1 for u in units[1:] if u.gap == 0)
    return near >= 0.6 * len(long_lines) and tight >= 0.5 * len(units) and any(u.gap for u in units[1:])


def _rejoin_wrapped(units: list[Unit]) -> list[Unit]:
    """Join a line to the previous one when that one filled the whole measure."""
    width = Counter(u.size for u in units if u.size >= 16).most_common(1)[0][0]
    out: list[Unit] = []
    last_width = 0  # width of the last physical line of out[-1]
    for unit in units:
        if out and unit.gap == 0 and not unit.indented and last_width >= width - 1:
            out[-1].text = out[-1].text + unit.text
        else:
            out.append(unit)
        last_width = unit.size
    return out
