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

from editor_app.proof.typo.protect import in_parallel, protected_mask
from editor_app.proof.typo.tables import Tables, shared_tables

HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


@dataclass(frozen=True)
class Settings:
    """Thresholds (costs in nats). Tuned on the official-document development set, checked on others."""

    suspect: float = 4.0        # stage 1: the better neighbour transition must cost more than this
    min_bigram_gain: float = 2.0  # stage 2: candidate must improve the transitions by this much
    max_candidates: int = 4     # stage 3 examines the best few candidates only
    min_seg_gain: float = 4.0   # stage 3: segmentation log-probability gain of the window
    min_score: float = 10.0      # seg gain + bigram_weight * bigram gain
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
            s = run.group()
            suspects = self._suspects(s)
            if not suspects:
                continue
            if mask is None:
                mask = protected_mask(text, self.user_words)
            base = run.start()
            for i in suspects:
                if mask[base + i]:
                    continue
                fix = self._best_fix(s, i)
                if fix is not None and (in_parallel(text, base + i) or _repeated(text, base + i)):
                    fix = None
                if fix is not None:
                    right, start, score = fix
                    hits.append(TypoHit(base + start, base + start + len(right), s[start:start + len(right)],
                                        right, self._confidence(score)))
        return _drop_overlaps(hits)

    # -- stages -------------------------------------------------------------------------------
    def _suspects(self, s: str) -> list[int]:
        """Positions whose transitions to both neighbours are improbable."""
        rows = self.tables.transitions
        limit = 2 * self.settings.suspect + 33
        bad = []  # bad[k]: transition s[k] -> s[k+1] is improbable
        for k in range(len(s) - 1):
            row = rows.get(s[k])
            if row is None:
                bad.append(True)
                continue
            idx = row[0].find(s[k + 1])
            bad.append((row[1][idx] if idx >= 0 else row[2]) > limit)
        bad.append(True)
        out = []
        prev_bad = True
        for i, right_bad in enumerate(bad):
            if prev_bad and right_bad:
                out.append(i)
            prev_bad = right_bad
        return out

    def _local_cost(self, a: str | None, x: str, b: str | None) -> float:
        t = self.tables
        return (t.transition_cost(a, x) if a else 0.0) + (t.transition_cost(x, b) if b else 0.0)

    def _candidates(self, s: str, i: int) -> list[tuple[float, str]]:
        """(adjusted bigram gain, char) for replacements of s[i] that form a known word with a neighbour."""
        t = self.tables
        st = self.settings
        c = s[i]
        a = s[i - 1] if i > 0 else None
        b = s[i + 1] if i + 1 < len(s) else None
        neighbours = t.index.neighbours
        sound: set[str] = set()
        for r in t.readings.get(c, ()):
            if a:
                sound.update(neighbours.get(a + r, ""))
            if b:
                sound.update(neighbours.get(r + b, ""))
        sound.discard(c)
        shape = {x for x in t.shapes.get(c, "") if (a and a + x in t.words) or (b and x + b in t.words)}
        shape -= sound
        if not sound and not shape:
            return []
        base = self._local_cost(a, c, b)
        found = []
        for x in sound:
            gain = base - self._local_cost(a, x, b)
            if gain >= st.min_bigram_gain:
                found.append((gain, x))
        for x in shape:
            gain = base - self._local_cost(a, x, b) - st.shape_penalty
            if gain >= st.min_bigram_gain:
                found.append((gain, x))
        found.sort(reverse=True)
        return found[: st.max_candidates]

    def _window(self, s: str, start: int, end: int) -> tuple[int, int]:
        return max(0, start - self.settings.window), min(len(s), end + self.settings.window)

    def _best_fix(self, s: str, i: int) -> tuple[str, int, float] | None:
        """Best one-character replacement of s[i]: (replacement, start, score) or None."""
        st = self.settings
        cands = self._candidates(s, i)
        if not cands:
            return None
        lo, hi = self._window(s, i, i + 1)
        window = s[lo:hi]
        k = i - lo
        base_cost, _ = self._segment(window)
        best = None
        for gain, x in cands:
            cost, words = self._segment(window[:k] + x + window[k + 1:])
            seg_gain = base_cost - cost
            if seg_gain < st.min_seg_gain:
                continue
            word = _word_at(words, k)
            if len(word) < 2 or self.tables.words.get(word, 0) < st.min_word_freq:
                continue
            score = seg_gain + st.bigram_weight * gain
            if score >= st.min_score and (best is None or score > best[2]):
                best = (x, i, score)
        return best

    def _confidence(self, score: float) -> float:
        return round(1.0 / (1.0 + math.exp(-(score - self.settings.min_score - 2.0) / 2.0)), 3)

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


def _repeated(text: str, pos: int) -> bool:
    """The character with a neighbour recurs elsewhere in the text: deliberate wording, not a slip."""
    for a, b in ((pos - 1, pos + 1), (pos, pos + 2)):
        if a >= 0 and b <= len(text):
            gram = text[a:b]
            if len(gram) == 2 and text.count(gram) >= 2:
                return True
    return False


def _drop_overlaps(hits: list[TypoHit]) -> list[TypoHit]:
    hits.sort(key=lambda h: (h.start, -h.confidence))
    out: list[TypoHit] = []
    for h in hits:
        if out and h.start < out[-1].end:
            continue
        out.append(h)
    return out
