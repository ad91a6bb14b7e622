"""A word bigram language model that judges a candidate fix in its sentence: 予以公示 against 予以公式.

The detector's other evidence is local (character transitions, a small news corpus); this model, derived from
SunPinyin's open-gram model trained on a large general corpus (`resources/typo/build_lm.py`), scores the best
segmentation of a whole window, so a fix must make the words around it read better, not just itself.
Loaded on the first candidate that needs it, not with the other tables.
"""

from __future__ import annotations

import sys
import zlib
from array import array
from pathlib import Path

#: cost (nats) of a single character the model does not know
UNKNOWN_CHAR = 18.0
#: the model's files (resources/typo/build_lm.py); the first line of lm_words.tsv holds their CRC-32s
FILES = ("lm_words.tsv", "lm_index.bin", "lm_next.bin", "lm_cost.bin")
#: the longest word the segmentation tries
MAX_WORD = 7
#: a run of Han characters is read as a clause between two of these: 思想。 ends a clause, 思象 hardly
CLAUSE_MARK = "，"


def id_char(i: int) -> str:
    """A word id as one character of the supplementary planes, as resources/typo/build_lm.py writes them."""
    return chr(0x10000 + i)


class WordLM:
    """Costs (-ln P, in nats) of short texts under a backed-off word bigram model."""

    def __init__(self, index: dict[str, int], columns: list[array], nexts: str, scores: bytes):
        self.index = index  # word -> id
        # per id: -ln P(word) and -ln backoff weight in tenths of a nat, where its followers start, how many
        self.costs, self.backoffs, self.starts, self.counts = columns
        self.nexts = nexts    # the followers of every word, as id characters
        self.scores = scores  # their costs: 4 * -ln P(follower | word)

    @classmethod
    def load(cls, folder: Path) -> WordLM:
        """Read the tables as they lie on disk: one str.split for the words, arrays for the rest (~30 ms with
        the checksums). Raises ValueError (naming the file) when one is damaged or they do not fit together;
        OSError when one cannot be read."""
        raw = {name: (folder / name).read_bytes() for name in FILES}
        header, _, body = raw["lm_words.tsv"].partition(b"\n")
        sums = dict(tok.split("=", 1) for tok in header.decode("ascii", "replace").split() if "=" in tok)
        raw["lm_words.tsv"] = body
        for name, blob in raw.items():  # a damaged or mismatched file is refused, not read as wrong numbers
            if sums.get(name) != f"{zlib.crc32(blob):08x}":
                raise ValueError(f"{name} does not match the checksum in lm_words.tsv (rebuild with build_lm.py)")
        words = _parse("lm_words.tsv", lambda: body.decode("utf-8").split())
        index = _parse("lm_index.bin", lambda: array("i", raw["lm_index.bin"]))
        if index.itemsize != 4:
            raise ValueError("lm_index.bin: this platform's C int is not 4 bytes")
        if sys.byteorder != "little":
            index.byteswap()
        nexts = _parse("lm_next.bin", lambda: raw["lm_next.bin"].decode("utf-32-le"))
        scores = raw["lm_cost.bin"]
        n = len(words)
        columns = [index[k * n:(k + 1) * n] for k in range(4)]
        ids = dict(zip(words, range(n)))
        # the checksums vouch for each file; these catch files that are whole but do not belong together
        if len(index) != 4 * n or len(ids) != n or len(nexts) != len(scores) or (
                n and columns[2][-1] + columns[3][-1] != len(nexts)):
            raise ValueError("lm_words.tsv, lm_index.bin, lm_next.bin and lm_cost.bin do not fit together")
        return cls(ids, columns, nexts, scores)

    def knows(self, word: str) -> bool:
        return word in self.index

    def transition(self, prev: str, word: str) -> float:
        """-ln P(word | prev), backing off to the unigram; prev "" is the start of the text."""
        w = self.index[word]
        if not prev:
            return self.costs[w] * 0.1
        p = self.index[prev]
        start = self.starts[p]
        idx = self.nexts.find(id_char(w), start, start + self.counts[p])
        if idx >= 0:
            return self.scores[idx] * 0.25
        return (self.backoffs[p] + self.costs[w]) * 0.1

    def cost(self, text: str, starts: bool = False, ends: bool = False) -> float:
        """Cost of the best segmentation of `text`: Viterbi over word bigrams, the state being the last word
        ("" after an unknown character, after which the next word backs off to its unigram). `starts`/`ends`:
        the text begins/ends a clause, so its first word follows, and its last word precedes, a clause mark."""
        ids = self.index
        n = len(text)
        mark = CLAUSE_MARK if CLAUSE_MARK in ids else ""
        states: list[dict[str, float]] = [{} for _ in range(n + 1)]
        states[0][mark if starts else ""] = 0.0
        for j in range(1, n + 1):
            here = states[j]
            for k in range(max(0, j - MAX_WORD), j):
                before = states[k]
                if not before:
                    continue
                w = text[k:j]
                if w not in ids:
                    if j - k == 1:
                        best = min(before.values()) + UNKNOWN_CHAR
                        if best < here.get("", 1e18):
                            here[""] = best
                    continue
                for prev, value in before.items():
                    value += self.transition(prev, w)
                    if value < here.get(w, 1e18):
                        here[w] = value
        last = states[n]
        if not last:
            return UNKNOWN_CHAR * n
        if ends and mark:
            return min(value + (self.transition(prev, mark) if prev else self.costs[ids[mark]] * 0.1)
                       for prev, value in last.items())
        return min(last.values())


def _parse(name: str, parse):
    """parse(), with a damaged file named in the error."""
    try:
        return parse()
    except (UnicodeDecodeError, ValueError) as exc:
        raise ValueError(f"{name} is damaged: {exc}") from exc
