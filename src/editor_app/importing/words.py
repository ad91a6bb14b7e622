"""Does a line break fall inside a word? A tiny dictionary segmenter for the few characters around it.

A printed column can end anywhere; a headline ends on a word. The reader asks this only about
short, unpunctuated lines that could be either. The dictionary is `resources/importing/
common_words.txt` (common words from jieba's dictionary, MIT): loading it takes a few
milliseconds, where jieba itself needs half a second.
"""

from __future__ import annotations

import math
import re
from functools import cache

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
WINDOW = 4  # characters taken on each side of the break
MAX_WORD = 4


@cache
def _dictionary() -> dict[str, str]:
    """word -> frequency (as text: converted only for the few words ever looked up)."""
    from editor_app.paths import resource

    try:
        text = resource("importing", "common_words.txt").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}  # without the list no break looks like a split word: the reader falls back to shape
    return dict(line.split(" ", 1) for line in text.splitlines() if line and not line.startswith("#"))


@cache
def _total() -> float:
    return float(sum(map(int, _dictionary().values()))) or 1.0


@cache
def _logp(word: str) -> float | None:
    """Log probability of a dictionary word; an unknown single character gets the floor."""
    freq = _dictionary().get(word)
    if freq is None:
        return math.log(1 / _total()) if len(word) == 1 else None
    return math.log(int(freq) / _total())


def segment(text: str) -> list[str]:
    """Most probable split of a short text into dictionary words (unigram model, like jieba)."""
    best: list[tuple[float, int]] = [(0.0, 0)] + [(-math.inf, 0)] * len(text)
    for end in range(1, len(text) + 1):
        for size in range(1, min(MAX_WORD, end) + 1):
            piece = text[end - size : end]
            score = _logp(piece)
            if score is None:
                continue
            total = best[end - size][0] + score
            if total > best[end][0]:
                best[end] = (total, size)
    words, end = [], len(text)
    while end > 0:
        size = best[end][1]
        words.append(text[end - size : end])
        end -= size
    return words[::-1]


def splits_word(left: str, right: str) -> bool:
    """True for 「…志愿者参与鸟」|「类调查…」: a word runs across the break and the left line
    does not end on a word of its own (「…新城」|「市民…」 is no split)."""
    tail = "".join(left.split())[-WINDOW:]
    head = "".join(right.split())[:WINDOW]
    if not tail or not head or not _HAN.match(tail[-1]) or not _HAN.match(head[0]):
        return False
    if len(segment(tail)[-1]) > 1:
        return False
    position = 0
    for word in segment(tail + head):
        if position < len(tail) < position + len(word):
            return True
        position += len(word)
    return False
