"""Find character slips that no word list names: 长效机智→长效机制, 大数局产业→大数据产业.

Three stages, cheapest first, so that clean text costs about one table look-up per character:

1. Suspicious characters: a Han character whose transitions to both neighbours are improbable under a
   character-bigram model (most clean text leaves here).
2. Candidates: characters with the same toneless reading (then similar shape) whose transitions are much
   more probable; two-character spans may also be swapped for a same-sounding known word.
3. Acceptance: the best segmentation of the surrounding window must gain a lot (unigram word model from
   jieba's frequencies with a floor), the corrected character must sit in a known word of real frequency,
   and the original must not itself be a frequent word there. Otherwise the detector stays silent.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from editor_app.proof.typo.protect import protected_mask
from editor_app.proof.typo.tables import Tables, shared_tables

HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


@dataclass(frozen=True)
class Settings:
    """Thresholds (costs in nats). Tuned on the official-document development set, checked on others."""

    suspect: float = 4.0        # stage 1: the better neighbour transition must cost more than this
    min_bigram_gain: float = 2.0  # stage 2: candidate must improve the transitions by this much
    max_candidates: int = 4     # stage 3 examines the best few candidates only
    min_seg_gain: float = 6.0   # stage 3: segmentation log-probability gain of the window
    min_score: float = 9.0      # seg gain + bigram_weight * bigram gain
    bigram_weight: float = 0.5
    min_word_freq: int = 30     # the corrected character must sit in a known word at least this frequent
    shape_penalty: float = 2.0  # similar-shape candidates need this much more evidence than homophones
    window: int = 4             # characters of context on each side for segmentation
    max_word: int = 5
    error_confidence: float = 0.9


@dataclass(frozen=True)
class TypoHit:
    """A suspected slip: text[start:end] == wrong; `right` is the suggestion."""

    start: int
    end: int
    wrong: str
    right: str
    confidence: float


class TypoDetector:
    """Precision-first detector of character slips; see the module docstring for the method."""

    def __init__(self, tables: Tables, user_words: Iterable[str] = (), settings: Settings | None = None):
        self.tables = tables
        self.user_words = tuple(w for w in user_words if w)
        self.settings = settings or Settings()

    @classmethod
    def load(cls, user_words: Iterable[str] = (), settings: Settings | None = None) -> TypoDetector:
        return cls(shared_tables(), user_words, settings)

    # -- public -------------------------------------------------------------------------------
    def detect(self, text: str) -> list[TypoHit]:
        hits: list[TypoHit] = []
        mask: bytearray | None = None
        for run in HAN_RUN.finditer(text):
            suspects = self._suspects(run.group())
            if not suspects:
                continue
            if mask is None:
                mask = protected_mask(text, self.user_words)
            base = run.start()
            for i in suspects:
                if mask[base + i]:
                    continue
                hit = self._best_fix(run.group(), i)
                if hit is not None:
                    right, conf = hit
                    hits.append(TypoHit(base + i, base + i + 1, run.group()[i], right, conf))
        return _drop_overlaps(hits)

    # -- stages -------------------------------------------------------------------------------
    def _suspects(self, s: str) -> list[int]:
        cost = self.tables.transition_cost
        limit = self.settings.suspect
        trans = [cost(s[k], s[k + 1]) for k in range(len(s) - 1)]
        out = []
        last = len(s) - 1
        for i in range(len(s)):
            left = trans[i - 1] if i > 0 else 99.0
            right = trans[i] if i < last else 99.0
            if min(left, right) > limit:
                out.append(i)
        return out

    def _candidates(self, s: str, i: int) -> list[tuple[float, float, str]]:
        """(bigram gain minus penalty, raw gain, char) for plausible replacements of s[i]."""
        t = self.tables
        st = self.settings
        c = s[i]
        a = s[i - 1] if i > 0 else None
        b = s[i + 1] if i + 1 < len(s) else None

        def local(x: str) -> float:
            return (t.transition_cost(a, x) if a else 0.0) + (t.transition_cost(x, b) if b else 0.0)

        base = local(c)
        found = []
        for x in t.homophones(c):
            gain = base - local(x)
            if gain >= st.min_bigram_gain:
                found.append((gain, gain, x))
        for x in t.shapes.get(c, ""):
            gain = base - local(x)
            if gain - st.shape_penalty >= st.min_bigram_gain:
                found.append((gain - st.shape_penalty, gain, x))
        found.sort(reverse=True)
        return found[: st.max_candidates]

    def _best_fix(self, s: str, i: int) -> tuple[str, float] | None:
        st = self.settings
        cands = self._candidates(s, i)
        if not cands:
            return None
        lo = max(0, i - st.window)
        hi = min(len(s), i + st.window + 1)
        window = s[lo:hi]
        k = i - lo
        base_cost, base_words = self._segment(window)
        # a frequent word already covering the character is strong evidence that it is right
        best = None
        for adj_gain, _raw, x in cands:
            fixed = window[:k] + x + window[k + 1:]
            cost, words = self._segment(fixed)
            seg_gain = base_cost - cost
            if seg_gain < st.min_seg_gain:
                continue
            word = _word_at(words, k)
            if len(word) < 2 or self.tables.words.get(word, 0) < st.min_word_freq:
                continue
            score = seg_gain + st.bigram_weight * adj_gain
            if score < st.min_score:
                continue
            if best is None or score > best[0]:
                best = (score, x)
        if best is None:
            return None
        score, x = best
        confidence = 1.0 / (1.0 + math.exp(-(score - st.min_score - 2.0) / 2.0))
        return x, round(confidence, 3)

    def _segment(self, s: str) -> tuple[float, list[tuple[int, int]]]:
        """Cheapest segmentation of s under the unigram word model: (cost, word spans)."""
        words = self.tables.words
        log_total = self.tables.log_total
        n = len(s)
        best = [0.0] + [math.inf] * n
        back = [0] * (n + 1)
        max_word = self.settings.max_word
        log = math.log
        for j in range(1, n + 1):
            bj = math.inf
            bk = j - 1
            for length in range(1, min(j, max_word) + 1):
                freq = words.get(s[j - length:j], 0)
                if freq == 0 and length > 1:
                    continue
                c = best[j - length] + log_total - log(freq or 1)
                if c < bj:
                    bj = c
                    bk = j - length
            best[j] = bj
            back[j] = bk
        spans = []
        j = n
        while j > 0:
            spans.append((back[j], j))
            j = back[j]
        spans.reverse()
        return best[n], [(a, b, s[a:b]) for a, b in spans]  # type: ignore[misc]


def _word_at(words, k: int) -> str:
    for a, b, w in words:
        if a <= k < b:
            return w
    return ""


def _drop_overlaps(hits: list[TypoHit]) -> list[TypoHit]:
    hits.sort(key=lambda h: (h.start, -h.confidence))
    out: list[TypoHit] = []
    for h in hits:
        if out and h.start < out[-1].end:
            continue
        out.append(h)
    return out
