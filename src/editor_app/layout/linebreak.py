"""Chinese line breaking (禁则): the marks that may not start a line and those that may not end one.

One rule, one place: the copy fitter counts lines with these sets, the DOCX export writes them into
the document's settings (`w:noLineBreaksBefore` / `w:noLineBreaksAfter`), and the page composer
breaks its lines with them. Qt-free and import-light.

After GB/T 15834-2011 §5.1: 句号、逗号、顿号、分号、冒号、问号、叹号 never start a line (5.1.1–5.1.2);
the closing half of quotation marks, brackets and 书名号 never starts one and the opening half never
ends one (5.1.7); 破折号 and 省略号 are never split across lines (5.1.3–5.1.4: each half may not start
a line, so the pair stays whole); 间隔号 never starts a line (5.1.6). Half-width counterparts and the
per-cent sign follow the same rule, as Word's and LibreOffice's own Chinese lists do.
"""

from __future__ import annotations

# In reading order of the standard's clauses; the strings are what the DOCX settings carry.
LINE_START_FORBIDDEN_TEXT = "，。、；：？！）》〉」』】〕〗”’…—·％,.;:?!)]}%"
LINE_END_FORBIDDEN_TEXT = "（《〈「『【〔〖“‘([{"

LINE_START_FORBIDDEN: frozenset[str] = frozenset(LINE_START_FORBIDDEN_TEXT)
LINE_END_FORBIDDEN: frozenset[str] = frozenset(LINE_END_FORBIDDEN_TEXT)


def may_break_between(before: str, after: str) -> bool:
    """True when a line may end after `before` and the next begin with `after` (single characters)."""
    return before not in LINE_END_FORBIDDEN and after not in LINE_START_FORBIDDEN
