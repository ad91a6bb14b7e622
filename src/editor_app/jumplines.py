"""Jump lines (转版): 「（下转第3版）」 ends the first part of a story, 「（上接第1版）」 opens its rest on another page.

One pattern serves the importer (a line that is only a jump line) and the checker (a paragraph that ends with
one says where the story goes on, so it is not "cut off").
"""

from __future__ import annotations

import re

_JUMP = (
    r"(?:上接|下接|下转|转|接)\s*第?\s*[A-Za-zＡ-Ｚａ-ｚ]?\s*"  # 第3版, 三版, A3版
    r"[0-9０-９一二三四五六七八九十]{1,3}\s*版"
)
_LINE = re.compile(rf"[（(]?\s*{_JUMP}\s*[）)]?")
_END = re.compile(rf"[（(]\s*{_JUMP}\s*[）)]\s*$")


def is_jump_line(text: str) -> bool:
    """The whole text (surrounding space aside) is a jump line, brackets optional: 「下转第2版」."""
    return bool(_LINE.fullmatch(text.strip()))


def ends_with_jump(paragraph: str) -> bool:
    """The paragraph ends with a bracketed jump line: 「……工作。（下转第2版）」."""
    return bool(_END.search(paragraph))
