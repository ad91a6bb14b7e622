"""Every character judged in its sentence: 机智 → 机制 in 完善工作机智, 推近 → 推进, 心里健康 → 心理健康.

The fast detector only looks where two characters read badly together; a slip that makes a real word
(机智, 公式, 心里) passes it. Here every Han character is tried against its sound-alikes (same and near toneless
reading) and look-alikes (glyph and component neighbours) that complete a word the trigram model knows with the
characters beside it (`TrigramLM.holes`); the window around it is read with and without each by two models — the
trigram model and, at half weight, the fast pass's bigram model (SunPinyin's, which also knows where a clause ends:
机智。 against 机制。) — and a fix is proposed only when together they read the window far better:
`Settings.min_gain` nats, `real_word_gain` when the original character already sits in a word the trigram model
knows, a little more for near readings and look-alikes. The bigram model may only tip a close call: the trigram
model alone must come within `bigram_lead` nats of the bar (terms it does not know, 竖抱, 清利湿热, were read as
slips on the bigram model's word). Two adjacent slips are replaced together by a common word of matching
readings, whether or not the two make a word themselves (独岛 for 督导, 滑雪 for 化学).
Thresholds were chosen on the official-document set with the law and medicine sets' precision and clean rates in
view, by replaying the scorer's readings offline (docs/benchmarks.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

# two unusual characters before one of these are a name (淀浦河, 漕溪路), not two slips (as in the fast pass)
from editor_app.proof.typo.pairs import NAME_ENDINGS

_UNSEEN = object()
#: words of the fast pass's dictionary at least this frequent (the hand-written official vocabulary of
#: resources/typo/supplement.txt has 1000) that the trigram model does not know silence the scorer around them
OWN_WORD_FREQ = 1000


@dataclass(frozen=True)
class Settings:
    """How sure the language model must be (nats saved over the window), and how far it reads."""

    min_gain: float = 14.0  # a fix that turns an unknown stretch into words
    real_word_gain: float = 11.0  # the original character already sits in a word the model knows
    bigram_weight: float = 0.5  # per nat the fast pass's bigram model saves over the same window
    bigram_lead: float = 3.0  # ... which may make up at most this much of the bar (4 nats when the original
    bigram_lead_known: float = 4.0  # sits in a known word): the trigram model alone must come this close
    fuzzy_extra: float = 2.0  # near readings (z/zh, n/l, in/ing …) must save this much more
    shape_extra: float = 2.0  # look-alikes too
    pair_gain: float = 5.0  # a listed real-word confusion (机智/机制, resources/rules/deep/word_pairs.tsv)
    two_gain: float = 21.0  # two adjacent slips replaced together (督导 written 独岛), the pair a word
    two_word_gain: float = 21.0  # itself or not (绝顶 for 决定, 滑雪 for 化学)
    window: int = 4  # characters either side that the model reads
    min_run: int = 4  # shorter runs of Han characters are left alone
    max_word: int = 4  # longest word a candidate may complete (the holes index holds 2-4)


class ContextScorer:
    """Proposes one-character fixes inside runs of Han characters (see the module docstring)."""

    def __init__(self, tables, lm, settings: Settings | None = None, bigram_lm=None):
        self.tables = tables
        self.lm = lm
        self.bigram_lm = bigram_lm  # the fast pass's WordLM (typo/lm.py), or None
        self.own_words: set[str] = set()  # current official vocabulary (resources/typo/supplement.txt)
        self.settings = settings or Settings()
        self._similar: dict[str, dict[str, str]] = {}
        self._memo: dict[tuple, tuple[str, float] | None] = {}

    def similar(self, c: str) -> dict[str, str]:
        """Characters a slip for `c` could stand for: char -> kind ("sound", "fuzzy" or "shape")."""
        found = self._similar.get(c)
        if found is None:
            t = self.tables
            found = {}
            standard = t.standard
            for x in t.components.get(c, "") + t.shapes.get(c, ""):
                if x in standard:
                    found[x] = "shape"
            readings = t.readings.get(c, ())
            for r in readings:
                for f in t.fuzzy(r):
                    for x in t.by_reading.get(f, ""):
                        found[x] = "fuzzy"
            for r in readings:
                for x in t.by_reading.get(r, ""):
                    found[x] = "sound"
            found.pop(c, None)
            if len(self._similar) > 20_000:
                self._similar.clear()
            self._similar[c] = found
        return found

    def candidates(self, s: str, i: int) -> dict[str, str]:
        """Replacements of s[i] that complete a word the model knows with its neighbours: char -> kind."""
        similar = self.similar(s[i])
        if not similar:
            return {}
        holes = self.lm.holes
        n = len(s)
        out: dict[str, str] = {}
        for size in range(2, self.settings.max_word + 1):
            for a in range(max(0, i - size + 1), min(i, n - size) + 1):
                chars = holes.get(s[a:i] + "?" + s[i + 1 : a + size])
                if chars:
                    for x in chars:
                        kind = similar.get(x)
                        if kind is not None:
                            out[x] = kind
        out.pop(s[i - 1] if i else "", None)  # a fix that doubles a neighbour is a model artefact
        out.pop(s[i + 1] if i + 1 < n else "", None)
        return out

    def best_fix(self, s: str, i: int) -> tuple[str, float] | None:
        """The best replacement of s[i] (a run of Han characters) and the nats it saves beyond its bar, or
        None. Memoised by what the decision reads: the window."""
        st = self.settings
        lo, hi = max(0, i - st.window), min(len(s), i + 1 + st.window)
        key = (s[lo:hi], i - lo, lo == 0, hi == len(s))
        found = self._memo.get(key, _UNSEEN)
        if found is not _UNSEEN:
            return cast("tuple[str, float] | None", found)
        found = self._decide(s[lo:hi], i - lo, key[2:])
        if len(self._memo) > 100_000:
            self._memo.clear()
        self._memo[key] = found
        return found

    def _decide(self, window: str, k: int, edges: tuple[bool, bool]) -> tuple[str, float] | None:
        cands = self.candidates(window, k)
        if not cands:
            return None
        st = self.settings
        lm = self.lm
        words = self.tables.words
        own = self.own_words
        if any(
            (window[a:b] in own or words.get(window[a:b], 0) >= OWN_WORD_FREQ) and not lm.knows(window[a:b])
            for a in range(max(0, k - 3), k + 1)
            for b in range(max(k + 1, a + 2), min(len(window), a + 4) + 1)
        ):
            return None  # the character sits in current vocabulary the model never saw (纠治, 赋能): it cannot judge
        states = lm.start()
        before = lm.resume(states, window, 0)
        bigram = self.bigram_lm
        before2 = None  # the bigram model reads the window when a candidate gets that far
        known = any(
            lm.knows(window[a:b])
            for a in range(max(0, k - 3), k + 1)
            for b in range(max(k + 1, a + 2), min(len(window), a + 4) + 1)
        )
        base = st.real_word_gain if known else st.min_gain
        best = None
        lead = st.bigram_lead_known if known else st.bigram_lead
        for x, kind in cands.items():
            need = base + (st.fuzzy_extra if kind == "fuzzy" else st.shape_extra if kind == "shape" else 0.0)
            fixed = window[:k] + x + window[k + 1 :]
            gain = before - lm.resume(states[: k + 1], fixed, k)
            if gain < need - lead:
                continue  # the bigram model may tip a close call, not carry one the trigram model doubts
            if bigram is not None and gain > 0:
                if before2 is None:
                    before2 = bigram.cost(window, *edges)
                gain += st.bigram_weight * (before2 - bigram.cost(fixed, *edges))
            margin = gain - need
            if margin >= 0 and (best is None or margin > best[1]):
                best = (x, margin)
        return best

    def gain(self, s: str, start: int, end: int, fix: str) -> float:
        """Nats both models save (the bigram model at its weight) when s[start:end] becomes `fix`, read over
        the window around it within the run `s`."""
        st = self.settings
        lo, hi = max(0, start - st.window), min(len(s), end + st.window)
        window = s[lo:hi]
        fixed = window[: start - lo] + fix + window[end - lo :]
        gain = self.lm.text_cost(window) - self.lm.text_cost(fixed)
        if self.bigram_lm is not None and gain > 0:
            edges = lo == 0, hi == len(s)
            gain += st.bigram_weight * (
                self.bigram_lm.cost(window, *edges) - self.bigram_lm.cost(fixed, *edges)
            )
        return gain

    def two_fix(self, s: str, i: int) -> tuple[str, float] | None:
        """Two adjacent slips (督导 written 独岛, 化学 written 滑雪): s[i:i+2] replaced by a
        common word whose readings as a word match readings of the two characters (the fast pass's pair index,
        `readings.tsv`), when both models together save `two_gain` nats. Returns (word, margin) or None."""
        pair = s[i : i + 2]
        st = self.settings
        lo, hi = max(0, i - st.window), min(len(s), i + 2 + st.window)
        key = (s[lo:hi], i - lo, lo == 0, hi == len(s), 2)
        found = self._memo.get(key, _UNSEEN)
        if found is not _UNSEEN:
            return cast("tuple[str, float] | None", found)
        found = None
        t = self.tables
        # a pair that is a word itself (绝顶 for 决定, 滑雪 for 化学) needs the models surer
        need = st.two_word_gain if self.lm.knows(pair) or pair in t.words else st.two_gain
        if not (i + 2 < len(s) and s[i + 2] in NAME_ENDINGS):
            index = t.reading_pairs()
            readings = t.readings
            joined = "".join(
                index.get(f"{x}_{y}", "")
                for x in readings.get(pair[0], ())
                for y in readings.get(pair[1], ())
            )
            for k in range(0, len(joined), 2):
                word = joined[k : k + 2]
                if word[0] == pair[0] or word[1] == pair[1]:
                    continue  # one slip only: the one-character scorer's business
                margin = self.gain(s, i, i + 2, word) - need
                if margin >= 0 and (found is None or margin > found[1]):
                    found = (word, margin)
        if len(self._memo) > 100_000:
            self._memo.clear()
        self._memo[key] = found
        return found
