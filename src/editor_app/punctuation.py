"""规范标点: half-width , ; : ? ! ( ) and straight quotes in Chinese context → full-width forms.

Copy pasted from web pages, PDFs and English-keyboard input often carries ASCII marks inside Chinese
sentences. GB/T 15834 wants the full-width forms there. A mark is converted only in Chinese context
(a Han character or a Chinese mark beside it, or Han text inside the brackets or quotes), so numbers
(3,000 · 10:30), Latin text (f(x), "OK"), web addresses and e-mail addresses are left alone. A space
typed after a converted mark goes too: a full-width mark carries its own spacing.

Core and Qt-free: the importer (`import --normalize-punctuation`) and the window use the same code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_CJK_BEFORE = f"[{HAN}”’」』）》〉】。，、；：？！…—]"  # a mark after these is in Chinese text
_CJK_AFTER = f"[{HAN}“‘「『（《〈【]"
_HAN_RE = re.compile(f"[{HAN}]")
_PROTECTED = re.compile(
    r"(?:https?|ftp)://[!-~]+|www\.[!-~]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"
    r"|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/[!-~]*"
)
_MARKS = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_SINGLE = re.compile(r"[,;:?!]")
_PAIR_PARENS = re.compile(r"\(([^()\n]*)\)")
_BEFORE = re.compile(_CJK_BEFORE)
_AFTER = re.compile(_CJK_AFTER)


@dataclass(frozen=True)
class Change:
    """One converted place: `text[start:end]` became `replacement` (offsets in the original text)."""

    start: int
    end: int
    replacement: str


def _protected_spans(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in _PROTECTED.finditer(text)]


def _inside(spans: list[tuple[int, int]], index: int) -> bool:
    return any(start <= index < end for start, end in spans)


def _chinese_before(text: str, index: int) -> bool:
    return index > 0 and _BEFORE.match(text[index - 1]) is not None


def _chinese_after(text: str, index: int) -> bool:
    """Is the character after `index` (skipping one space) Chinese?"""
    after = index + 1
    if after < len(text) and text[after] == " ":
        after += 1
    return after < len(text) and _AFTER.match(text[after]) is not None


def punctuation_changes(text: str) -> list[Change]:
    """The places `normalize_punctuation` would change, in order, without overlaps."""
    if not text or not any(char in text for char in ",;:?!()\"'"):
        return []
    protected = _protected_spans(text)
    changes: list[Change] = []
    for match in _SINGLE.finditer(text):
        index = match.start()
        if _inside(protected, index):
            continue
        mark = match.group()
        before, after = _chinese_before(text, index), _chinese_after(text, index)
        previous = text[index - 1] if index else ""
        following = text[index + 1] if index + 1 < len(text) else ""
        if previous.isascii() and previous.isalnum() and following.isascii() and following.isalnum():
            continue  # 3,000 · 10:30 · a:b
        if mark in "?!" and (
            not before or (following.isascii() and (following.isalnum() or following == "="))
        ):
            continue  # 为什么? yes; ?id=3 or a Latin question no
        if mark in ",;:" and not (before or after):
            continue
        end = index + 1
        if end < len(text) and text[end] == " " and (after or before):
            end += 1  # the space typed after the ASCII mark
        changes.append(Change(index, end, _MARKS[mark]))
    changes.extend(_paired(text, protected, _PAIR_PARENS, "（", "）", loose=True))
    changes.extend(_quotes(text, protected, '"', "“", "”"))
    changes.extend(_quotes(text, protected, "'", "‘", "’"))
    changes.sort(key=lambda c: c.start)
    result: list[Change] = []
    for change in changes:
        if result and change.start < result[-1].end:
            continue
        result.append(change)
    return result


def _paired(text, protected, regex, opening, closing, loose=False) -> list[Change]:
    """Brackets whose content has Han (or, with `loose`, that stand right beside Han: （1）加强)."""
    found = []
    for match in regex.finditer(text):
        start, end = match.span()
        if _inside(protected, start) or _inside(protected, end - 1):
            continue
        inner = match.group(1)
        beside = loose and (_chinese_before(text, start) or (end < len(text) and _AFTER.match(text[end])))
        if _HAN_RE.search(inner) or beside:
            found.append(Change(start, start + 1, opening))
            found.append(Change(end - 1, end, closing))
    return found


def _quotes(text, protected, mark, opening, closing) -> list[Change]:
    """Straight quotes paired left to right within one paragraph, when the quoted text has Han."""
    found = []
    positions = [i for i, char in enumerate(text) if char == mark and not _inside(protected, i)]
    if mark == "'":  # an apostrophe inside a Latin word (don't) is not a quote
        positions = [
            i
            for i in positions
            if not (
                0 < i < len(text) - 1
                and text[i - 1].isascii()
                and text[i - 1].isalpha()
                and text[i + 1].isascii()
                and text[i + 1].isalpha()
            )
        ]
    for left, right in zip(positions[0::2], positions[1::2]):
        if "\n" in text[left:right] or not _HAN_RE.search(text[left + 1 : right]):
            continue
        found.append(Change(left, left + 1, opening))
        found.append(Change(right, right + 1, closing))
    return found


def apply_changes(text: str, changes: list[Change]) -> str:
    parts, position = [], 0
    for change in changes:
        parts.append(text[position : change.start])
        parts.append(change.replacement)
        position = change.end
    parts.append(text[position:])
    return "".join(parts)


def normalize_punctuation(text: str) -> tuple[str, int]:
    """(the text with full-width marks in Chinese context, how many places changed).

    A pair of brackets or quotes counts as two places, one for each mark."""
    changes = punctuation_changes(text)
    return (apply_changes(text, changes), len(changes)) if changes else (text, 0)
