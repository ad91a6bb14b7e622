"""A word bigram language model that judges a candidate fix in its sentence: 予以公示 against 予以公式.

The detector's other evidence is local (character transitions, expected n-gram counts); this model, derived from
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
#: transition costs remembered (about 100 bytes each)
MEMO_SIZE = 400_000
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
        self.nexts = nexts  # the followers of every word, as id characters
        self.scores = scores  # their costs: 4 * -ln P(follower | word)
        self._mark = index.get(CLAUSE_MARK, -1)  # the clause mark's id, -1 when the model lacks it
        self._memo: dict[int, float] = {}  # (previous id + 1) << 24 | id -> transition cost
        #: the last three or more characters of every word of three or more (see `resume`)
        self._stems = frozenset(w[-m:] for w in index if len(w) > 2 for m in range(3, len(w) + 1))

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
                raise ValueError(
                    f"{name} does not match the checksum in lm_words.tsv (rebuild with build_lm.py)"
                )
        words = _parse("lm_words.tsv", lambda: body.decode("utf-8").split())
        index = _parse("lm_index.bin", lambda: array("i", raw["lm_index.bin"]))
        if index.itemsize != 4:
            raise ValueError("lm_index.bin: this platform's C int is not 4 bytes")
        if sys.byteorder != "little":
            index.byteswap()
        nexts = _parse("lm_next.bin", lambda: raw["lm_next.bin"].decode("utf-32-le"))
        scores = raw["lm_cost.bin"]
        n = len(words)
        columns = [index[k * n : (k + 1) * n] for k in range(4)]
        ids = dict(zip(words, range(n)))
        # the checksums vouch for each file; these catch files that are whole but do not belong together
        if n >= 1 << 24:
            raise ValueError("lm_words.tsv: more words than the transition memo's keys allow")
        if (
            len(index) != 4 * n
            or len(ids) != n
            or len(nexts) != len(scores)
            or (n and columns[2][-1] + columns[3][-1] != len(nexts))
        ):
            raise ValueError("lm_words.tsv, lm_index.bin, lm_next.bin and lm_cost.bin do not fit together")
        return cls(ids, columns, nexts, scores)

    def knows(self, word: str) -> bool:
        return word in self.index

    def transition(self, prev: str, word: str) -> float:
        """-ln P(word | prev), backing off to the unigram; prev "" is the start of the text."""
        return self._transition(self.index[prev] if prev else -1, self.index[word])

    def _transition(self, p: int, w: int) -> float:
        """transition() by word ids (-1: no previous word), remembered: windows share most of their pairs."""
        key = (p + 1) << 24 | w
        found = self._memo.get(key)
        if found is None:
            if p < 0:
                found = self.costs[w] * 0.1
            else:
                start = self.starts[p]
                idx = self.nexts.find(id_char(w), start, start + self.counts[p])
                found = self.scores[idx] * 0.25 if idx >= 0 else (self.backoffs[p] + self.costs[w]) * 0.1
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            self._memo[key] = found
        return found

    def cost(self, text: str, starts: bool = False, ends: bool = False) -> float:
        """Cost of the best segmentation of `text`: Viterbi over word bigrams, the state being the last word's
        id (-1 after an unknown character, after which the next word backs off to its unigram). `starts`/`ends`:
        the text begins/ends a clause, so its first word follows, and its last word precedes, a clause mark."""
        return self.resume(self.start(starts), text, 0, ends)

    def start(self, starts: bool = False) -> list[dict[int, float]]:
        """The Viterbi states before the first character (see `resume`)."""
        return [{self._mark if starts else -1: 0.0}]

    def resume(self, states: list[dict[int, float]], text: str, k: int, ends: bool = False) -> float:
        """cost() of `text` given `states[:k + 1]`, the states of a text that agrees with `text` on its first k
        characters: a candidate fix at k is read from k on, not from the window's start. `states` is extended
        in place to len(text) + 1 entries (pass a copy of a prefix to keep the original's)."""
        ids = self.index
        n = len(text)
        mark = self._mark
        memo = self._memo
        transition = self._transition
        del states[k + 1 :]
        stems = self._stems
        for j in range(k + 1, n + 1):
            here: dict[int, float] = {}
            # shortest word first, stopping at a stretch no word ends with (states keep the cheapest value,
            # whatever the order)
            for q in range(j - 1, max(0, j - MAX_WORD) - 1, -1):
                piece = text[q:j]
                if j - q > 2 and piece not in stems:
                    break
                before = states[q]
                if not before:
                    continue
                w = ids.get(piece)
                if w is None:
                    if j - q == 1:
                        best = min(before.values()) + UNKNOWN_CHAR
                        if best < here.get(-1, 1e18):
                            here[-1] = best
                    continue
                for prev, value in before.items():
                    step = memo.get((prev + 1) << 24 | w)
                    value += transition(prev, w) if step is None else step
                    if value < here.get(w, 1e18):
                        here[w] = value
            states.append(here)
        last = states[n]
        if not last:
            return UNKNOWN_CHAR * n
        if ends and mark >= 0:
            return min(value + transition(prev, mark) for prev, value in last.items())
        return min(last.values())


def _parse(name: str, parse):
    """parse(), with a damaged file named in the error."""
    try:
        return parse()
    except (UnicodeDecodeError, ValueError) as exc:
        raise ValueError(f"{name} is damaged: {exc}") from exc
