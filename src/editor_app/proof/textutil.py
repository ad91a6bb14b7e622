"""Character classes and small text helpers shared by the mechanisms.

Han characters are "word characters" for `re`, so rules never use `\\b`: they match on explicit
character classes instead.
"""

from __future__ import annotations

import re
import threading

# CJK Unified Ideographs, Extension A, compatibility ideographs and the astral extensions B–H.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
HAN_CLASS = f"[{HAN}]"
_HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3134F))

# Marks that end a sentence (or a paragraph that is complete), including closing quotes after them.
TERMINAL = "。！？…；：.!?;"
CLOSERS = "”’」』）)》〉】"


def is_han(char: str) -> bool:
    if len(char) != 1:
        return False
    code = ord(char)
    return any(low <= code <= high for low, high in _HAN_RANGES)


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


def last_text_cache(compute):
    """`compute(text)`, remembered for the most recent text only: the rules of one check ask about the same
    text in a row. One tuple is replaced in one assignment, so a background thread checking another text
    never gets that text's value."""
    slot: list[tuple] = [(None, None)]

    def cached(text: str):
        last = slot[0]
        if last[0] is text:
            return last[1]
        value = compute(text)
        slot[0] = (text, value)
        return value

    cached.__doc__ = compute.__doc__
    return cached


@last_text_cache
def chars_of(text: str) -> frozenset[str]:
    """The set of characters in `text` (many rules pre-check the same text)."""
    return frozenset(text)


class LazyRegex:
    """A regular expression checked when packs load but compiled on first use.

    Compiling a class of all Han characters costs ~4 ms in `re` (it builds a 64 K bitmap in Python),
    so compiling every rule up front would dominate pack loading. Parsing (which finds every syntax
    error and counts the groups) is a hundred times cheaper; compiling happens once, on first match.
    """

    def __init__(self, source: str):
        from re import _parser  # type: ignore[attr-defined]  # the parser `re.compile` itself uses

        parsed = _parser.parse(source)  # raises re.error like re.compile would
        self.pattern = source
        self.groups = parsed.state.groups - 1
        self.groupindex = dict(parsed.state.groupdict)
        self._compiled: re.Pattern | None = None
        self._lock = threading.Lock()

    @property
    def compiled(self) -> re.Pattern:
        if self._compiled is None:
            with self._lock:
                if self._compiled is None:
                    self._compiled = re.compile(self.pattern)
        return self._compiled

    def finditer(self, text: str, *args):
        return self.compiled.finditer(text, *args)

    def search(self, text: str, *args):
        return self.compiled.search(text, *args)

    def match(self, text: str, *args):
        return self.compiled.match(text, *args)

    def fullmatch(self, text: str, *args):
        return self.compiled.fullmatch(text, *args)

    def sub(self, replacement, text: str):
        return self.compiled.sub(replacement, text)
