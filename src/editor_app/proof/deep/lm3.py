"""The deep pass's language model: a word trigram model converted from libime's `zh_CN.lm`.

A trigram model reads 工作机制 after 完善 and 心理健康 after 关注青少年 better than the fast pass's bigram model,
which is what judging every character in context needs. The data (`resources/typo/context_lm.bin`, built by
`resources/typo/build_libime.py`, LGPL-2.1-or-later, see NOTICE) is one replaceable file; its sections are
checked against their CRC-32 and read as arrays, so loading costs a few hundred milliseconds.
"""

from __future__ import annotations

import json
import sys
import zlib
from array import array
from bisect import bisect_left
from pathlib import Path

MAGIC = b"editor-app context-lm 1 "
FILE = "context_lm.bin"
#: cost (nats) of a single character the model does not know
UNKNOWN_CHAR = 18.0
#: the longest word the segmentation tries
MAX_WORD = 6
_MEMO = 200_000


class ContextLMError(ValueError):
    """The model file is missing pieces or damaged."""


class TrigramLM:
    """Costs (-ln P, nats) of short texts under a backed-off word trigram model."""

    def __init__(
        self,
        words: list[str],
        uni: array,
        bi_rows: array,
        bi_ctx: array,
        bi_cost: bytes,
        tri_keys: array,
        tri_rows: array,
        tri_ctx: array,
        tri_cost: bytes,
    ):
        self.index = dict(zip(words, range(len(words))))
        self.uni_cost = uni[0::2]
        self.uni_backoff = uni[1::2]
        self.bi_rows, self.bi_ctx, self.bi_cost = bi_rows, bi_ctx, bi_cost
        self.tri_keys, self.tri_rows, self.tri_ctx, self.tri_cost = tri_keys, tri_rows, tri_ctx, tri_cost
        self._memo: dict[int, float] = {}  # ((w + 1) << 42 | (v + 1) << 21 | u) -> cost(w, v, u)
        #: the last three or more characters of every word of three or more (see `resume`)
        self._stems = frozenset(w[-m:] for w in words if len(w) > 2 for m in range(3, len(w) + 1))
        #: "机?" -> characters that make a word of 2-4 characters the model knows in the hole (制智器 …)
        self.holes: dict[str, str] = {}

    @classmethod
    def load(cls, path: Path) -> TrigramLM:
        """Read the model; ContextLMError names what is wrong, OSError when it cannot be read."""
        blob = path.read_bytes()
        line, _, body = blob.partition(b"\n")
        if not line.startswith(MAGIC):
            raise ContextLMError(f"{path.name} is not a context language model")
        try:
            meta = json.loads(line[len(MAGIC) :].decode("ascii"))
            sections = {}
            for name, (offset, length, crc) in meta["sections"].items():
                part = body[offset : offset + length]
                if len(part) != length or f"{zlib.crc32(part):08x}" != crc:
                    raise ContextLMError(
                        f"{path.name}: section {name} is damaged (rebuild with build_libime.py)"
                    )
                sections[name] = part
            words = sections["words"].decode("utf-8").split("\n")[:-1]
            toks = sections["holes"].decode("utf-8").split()
            if len(toks) % 2:
                raise ContextLMError(f"{path.name}: section holes is damaged")
            holes = dict(zip(toks[::2], toks[1::2]))
            arrays = {}
            for name, code in (
                ("uni", "H"),
                ("bi_rows", "i"),
                ("bi_ctx", "I"),
                ("tri_keys", "i"),
                ("tri_rows", "i"),
                ("tri_ctx", "I"),
            ):
                column = array(code, sections[name])
                if sys.byteorder != "little":
                    column.byteswap()
                arrays[name] = column
        except (KeyError, TypeError, ValueError, UnicodeDecodeError) as exc:
            if isinstance(exc, ContextLMError):
                raise
            raise ContextLMError(f"{path.name} is damaged: {exc}") from exc
        n = len(words)
        if n >= 1 << 21:
            raise ContextLMError(f"{path.name}: more words than the cost memo's keys allow")
        if (
            len(arrays["uni"]) != 2 * n
            or len(arrays["bi_rows"]) != n + 1
            or arrays["bi_rows"][-1] != len(arrays["bi_ctx"])
            or len(sections["bi_cost"]) != 2 * len(arrays["bi_ctx"])
            or len(arrays["tri_rows"]) != len(arrays["tri_keys"]) + 1
            or arrays["tri_rows"][-1] != len(arrays["tri_ctx"])
            or len(sections["tri_cost"]) != len(arrays["tri_ctx"])
        ):
            raise ContextLMError(f"the sections of {path.name} do not fit together")
        lm = cls(
            words,
            arrays["uni"],
            arrays["bi_rows"],
            arrays["bi_ctx"],
            sections["bi_cost"],
            arrays["tri_keys"],
            arrays["tri_rows"],
            arrays["tri_ctx"],
            sections["tri_cost"],
        )
        lm.holes = holes
        return lm

    def knows(self, word: str) -> bool:
        return word in self.index

    def _bigram(self, v: int, u: int) -> int:
        """Index of the bigram (v, u), or -1."""
        lo, hi = self.bi_rows[u], self.bi_rows[u + 1]
        if lo == hi:
            return -1
        j = bisect_left(self.bi_ctx, v, lo, hi)
        return j if j < hi and self.bi_ctx[j] == v else -1

    def cost(self, w: int, v: int, u: int) -> float:
        """-ln P(u | w v); -1 for a missing context word (start of a clause, after an unknown character)."""
        key = ((w + 1) << 42) | ((v + 1) << 21) | u
        found = self._memo.get(key)
        if found is not None:
            return found
        if v < 0:
            found = self.uni_cost[u] * 0.01
        else:
            j = self._bigram(v, u)
            backoff = 0.0
            found = None
            if w >= 0:
                if j >= 0:
                    k = bisect_left(self.tri_keys, j)
                    if k < len(self.tri_keys) and self.tri_keys[k] == j:
                        lo, hi = self.tri_rows[k], self.tri_rows[k + 1]
                        t = bisect_left(self.tri_ctx, w, lo, hi)
                        if t < hi and self.tri_ctx[t] == w:
                            found = self.tri_cost[t] * 0.25
                if found is None:
                    c = self._bigram(w, v)
                    if c >= 0:
                        backoff = self.bi_cost[2 * c + 1] * 0.05
            if found is None:
                if j >= 0:
                    found = backoff + self.bi_cost[2 * j] * 0.25
                else:
                    found = backoff + (self.uni_backoff[v] + self.uni_cost[u]) * 0.01
        if len(self._memo) >= _MEMO:
            self._memo.clear()
        self._memo[key] = found
        return found

    def text_cost(self, text: str) -> float:
        """Cost of the best segmentation of `text` (Viterbi over words, the state being the last two words)."""
        return self.resume(self.start(), text, 0)

    @staticmethod
    def start() -> list[dict[tuple[int, int], float]]:
        """The Viterbi states before the first character (see `resume`)."""
        return [{(-1, -1): 0.0}]

    def resume(self, states: list[dict[tuple[int, int], float]], text: str, k: int) -> float:
        """text_cost() of `text` given `states[:k + 1]`, the states of a text that agrees with `text` on its first
        k characters: a candidate fix at k is read from k on. `states` is extended in place (pass a copy of a
        prefix to keep the original's)."""
        ids = self.index
        n = len(text)
        cost = self.cost
        memo = self._memo
        stems = self._stems
        del states[k + 1 :]
        for j in range(k + 1, n + 1):
            here: dict[tuple[int, int], float] = {}
            # shortest word first, stopping at a stretch no word ends with (each state keeps its cheapest value)
            for q in range(j - 1, max(0, j - MAX_WORD) - 1, -1):
                piece = text[q:j]
                if j - q > 2 and piece not in stems:
                    break
                before = states[q]
                if not before:
                    continue
                u = ids.get(piece)
                if u is None:
                    if j - q == 1:
                        best = min(before.values()) + UNKNOWN_CHAR
                        if best < here.get((-1, -1), 1e18):
                            here[(-1, -1)] = best
                    continue
                for (a, b), value in before.items():
                    step = memo.get(((a + 1) << 42) | ((b + 1) << 21) | u)
                    value += cost(a, b, u) if step is None else step
                    key = (b, u)
                    if value < here.get(key, 1e18):
                        here[key] = value
            states.append(here)
        last = states[n]
        return min(last.values()) if last else UNKNOWN_CHAR * n
