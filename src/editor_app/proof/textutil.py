"""Character classes and small text helpers shared by the mechanisms.

Han characters are "word characters" for `re`, so rules never use `\\b`: they match on explicit
character classes instead.
"""

from __future__ import annotations

import re

# CJK Unified Ideographs, Extension A, compatibility ideographs and the astral extensions B–H.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
HAN_CLASS = f"[{HAN}]"
HAN_RE = re.compile(HAN_CLASS)

# Marks that end a sentence (or a paragraph that is complete), including closing quotes after them.
TERMINAL = "。！？…；：.!?;"
CLOSERS = "”’」』）)》〉】"


def is_han(char: str) -> bool:
    return bool(char) and HAN_RE.fullmatch(char) is not None


def ends_sentence(text: str) -> bool:
    """True when `text` ends with terminal punctuation, possibly followed by closing marks."""
    stripped = text.rstrip()
    while stripped and stripped[-1] in CLOSERS:
        stripped = stripped[:-1]
    return bool(stripped) and stripped[-1] in TERMINAL + "—"


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line of `text`, without surrounding whitespace."""
    spans = []
    position = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            spans.append((position + lead, position + lead + len(stripped)))
        position += len(line) + 1
    return spans


def line_bounds(text: str, index: int) -> tuple[int, int]:
    """The [start, end) of the line that contains `index`."""
    start = text.rfind("\n", 0, index) + 1
    end = text.find("\n", index)
    return start, (len(text) if end < 0 else end)


_chars_cache: list[tuple[str | None, frozenset[str]]] = [(None, frozenset())]


def chars_of(text: str) -> frozenset[str]:
    """The set of characters in `text`, cached for the last text: many rules pre-check the same text.
    (One tuple replaced in one assignment: safe when a background thread checks too.)"""
    cached = _chars_cache[0]
    if cached[0] is text:
        return cached[1]
    chars = frozenset(text)
    _chars_cache[0] = (text, chars)
    return chars
