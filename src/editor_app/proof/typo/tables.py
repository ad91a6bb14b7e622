"""The detector's data: word frequencies, character transitions, readings and shape neighbours.

Loaded once per process from the compact tables in `resources/typo/` (built by `resources/typo/build.py`);
plain text parsed with str.split so that the first use costs well under 300 ms.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass, field
from pathlib import Path

from editor_app.errors import EditorError
from editor_app.paths import resource

#: cost (negative natural log probability) of a transition whose first character is unknown
UNKNOWN_COST = 16.0
#: two-character words at least this frequent propose candidates
NEIGHBOUR_MIN_FREQ = 10


class TypoDataError(EditorError):
    """The bundled typo tables are missing or damaged."""


@dataclass
class Tables:
    words: dict[str, int]
    #: prev char -> (next chars, quantized scores as bytes (value = 2 * cost + 33), default byte)
    transitions: dict[str, tuple[str, bytes, int]]
    readings: dict[str, tuple[str, ...]]
    by_reading: dict[str, str]
    shapes: dict[str, str]
    total: float = 0.0
    log_total: float = 0.0
    _index: SoundIndex | None = field(default=None, repr=False)

    def word_cost(self, word: str) -> float:
        """-ln P(word) under the unigram model; unknown single characters cost as frequency 1."""
        freq = self.words.get(word, 0)
        return self.log_total - math.log(freq if freq > 0 else 1)

    def transition_cost(self, prev: str, nxt: str) -> float:
        row = self.transitions.get(prev)
        if row is None:
            return UNKNOWN_COST
        nexts, scores, default = row
        idx = nexts.find(nxt)
        return ((scores[idx] if idx >= 0 else default) - 33) * 0.5

    def homophones(self, char: str) -> set[str]:
        """Characters sharing a toneless reading with `char` (itself excluded)."""
        out: set[str] = set()
        for reading in self.readings.get(char, ()):
            out.update(self.by_reading.get(reading, ""))
        out.discard(char)
        return out

    @property
    def index(self) -> SoundIndex:
        if self._index is None:
            self._index = SoundIndex.build(self)
        return self._index


@dataclass
class SoundIndex:
    """Known two-character words keyed by one character and the other's toneless reading.

    `neighbours["机zhi"]` lists x such that 机x is a word (机制, 机智 …); `neighbours["zhi机"]` lists x with
    x机 a word. Built on first use from the word table, so that candidate generation is a couple of
    dictionary look-ups per suspicious character.
    """

    neighbours: dict[str, str]

    @classmethod
    def build(cls, tables: Tables, min_freq: int = NEIGHBOUR_MIN_FREQ) -> SoundIndex:
        readings = tables.readings
        neighbours: dict[str, list[str]] = {}
        for word, freq in tables.words.items():
            if len(word) != 2 or freq < min_freq:
                continue
            a, b = word
            ra = readings.get(a)
            rb = readings.get(b)
            if not ra or not rb:
                continue
            for r in rb:
                neighbours.setdefault(a + r, []).append(b)
            for r in ra:
                neighbours.setdefault(r + b, []).append(a)
        return cls({k: "".join(v) for k, v in neighbours.items()})


def _lines(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise TypoDataError(f"cannot read the typo table {path}: {exc}") from exc
    return [line for line in text.split("\n") if line and not line.startswith("#")]


def load_tables(folder: Path | None = None) -> Tables:
    folder = folder or resource("typo")
    words: dict[str, int] = {}
    for line in _lines(folder / "words.tsv"):
        word, _, freq = line.partition("\t")
        words[word] = int(freq)
    transitions: dict[str, tuple[str, bytes, int]] = {}
    for line in _lines(folder / "bigrams.tsv"):
        prev, default, nexts, scores = line.split("\t")
        transitions[prev] = (nexts, scores.encode("ascii"), ord(default))
    readings: dict[str, tuple[str, ...]] = {}
    by_reading: dict[str, list[str]] = {}
    shapes: dict[str, str] = {}
    for line in _lines(folder / "chars.tsv"):
        char, reads, similar = line.split("\t")
        readings[char] = tuple(reads.split(" "))
        for r in readings[char]:
            by_reading.setdefault(r, []).append(char)
        if similar:
            shapes[char] = similar
    if not words or not transitions or not readings:
        raise TypoDataError(f"the typo tables in {folder} are empty")
    total = float(sum(words.values()))
    return Tables(words, transitions, readings, {r: "".join(cs) for r, cs in by_reading.items()}, shapes,
                  total, math.log(total))


_LOCK = threading.Lock()
_CACHE: dict[str, Tables] = {}


def shared_tables() -> Tables:
    """The bundled tables, loaded on first use and shared by every detector in the process."""
    with _LOCK:
        if "default" not in _CACHE:
            _CACHE["default"] = load_tables()
        return _CACHE["default"]
