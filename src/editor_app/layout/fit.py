"""Copy fit, read from the composition: does each block's text fill its box on the page?

The composer sets every block in its frames and counts what is left over (overset) or left empty
(underset); this module only turns that into the figures editors read: 超 N 行 (≈ N × column
characters to cut), 缺 N 行, or fits. A block auto layout sized to its text always fits its box; if
the page could not hold it, it is overset by all its lines.
"""

from __future__ import annotations

from dataclasses import dataclass

from editor_app.layout.composition import ComposedBlock, ComposedPage


@dataclass(frozen=True)
class FitResult:
    state: str  # "fits" | "overset" | "underset"
    lines_needed: int
    capacity: int
    delta_lines: int  # > 0 overset, < 0 underset
    delta_chars: int  # delta_lines × column characters (how much to cut or add)
    sized_by: str = "slot"  # "slot" | "editor" | "content"
    continued: bool = False  # set on a continuation page: the page itself could not hold it

    @property
    def summary_zh(self) -> str:
        if self.state == "overset":
            return f"超 {self.delta_lines} 行"
        if self.state == "underset":
            return f"缺 {-self.delta_lines} 行"
        return "合适"


def fit_of(page: ComposedPage, composed: ComposedBlock) -> FitResult:
    column_chars = page.template.column_chars
    if page.continuation and composed.sized_by == "content" and not page.template.flowing:
        lines = max(1, composed.needed_lines)
        return FitResult("overset", lines, 0, lines, lines * column_chars, composed.sized_by, True)
    delta = composed.delta_lines
    return FitResult(
        composed.state,
        composed.needed_lines,
        composed.capacity_lines,
        delta,
        delta * column_chars,
        composed.sized_by,
        bool(page.continuation),
    )
