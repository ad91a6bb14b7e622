"""Find character slips that no word list names: 大数局产业→大数据产业, 营商环竟→营商环境.

Three stages, cheapest first, so that clean text costs about one table look-up per character pair:

1. Suspicious characters: a Han character whose transitions to both neighbours (or to one, when it makes
   no common word with either) are improbable in the character-bigram table and rare in the news corpus
   (most clean text leaves here).
2. Candidates: standard characters with the same toneless reading, a near reading (z/zh, n/l, in/ing …), a
   similar glyph or a shared component (院/浣, 贝/员) that form a known two-character word with a neighbour
   (one index look-up each), ranked by how much they improve the two transitions.
3. Acceptance: a local logistic model weighs the segmentation gain of the 7-character window (unigram word
   model from jieba's frequencies with a floor), the transition and news-corpus n-gram gains, how the fix's
   word pairs with the words either side in the news corpus, frequencies and the kind of candidate; a word
   bigram language model trained on a large general corpus (`lm.py`) then reads the 9-character window with
   and without the fix, and a fix is proposed only when the two together clear a precision-first threshold
   (less when the original character sits in a word that model knows: terms such as 代位继承).

Names, places, product names, quotations, bylines, the user's words, parallel wording (治水、护水) and wording
that recurs in the document are never "corrected". Two wrong characters side by side (淡味 for 单位) are
fixed together by `pairs.py` when the language model is sure; slips whose neighbours read fine (公式 for 公示,
机智 for 机制) are out of reach of this method: see docs/benchmarks.md.
"""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from editor_app.proof.typo.pairs import pair_fixes
from editor_app.proof.typo.protect import in_parallel, protected_mask
from editor_app.proof.typo.tables import Tables, shared_tables

HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
MEMO_SIZE = 50_000  # remembered decisions (window -> fix) and runs (run -> fixes) per detector
_UNSEEN = object()


#: Logistic acceptance model: weight per feature (per nat, per ln-count …). Fitted on the official-document
#: development set (ecspell odw_train) and checked on the law and medicine sets it never saw; see
#: docs/benchmarks.md. A positive weight means the feature argues for a slip.
WEIGHTS = {
    "bias": -0.385, "seg_gain": 0.251, "bigram_gain": 0.040, "log_word_freq": -0.085, "fuzzy": -0.274,
    "shape": -0.484, "part": -0.8, "orig_side_cost": 0.042, "new_side_cost": 0.036, "log_char_freq": -0.013,
    "log_cand_freq": -0.155, "orig_in_word": 0.286, "corpus_bigram_gain": 0.139, "corpus_trigram_gain": 0.172,
    "corpus_bigram_orig": -0.182, "corpus_trigram_orig": -0.086,
    "pair_gain": 0.6,  # chosen on odw_train with the others fixed (0.3-1.0 tried); see docs/benchmarks.md
    "orig_rare": -1.0,  # set by hand, not fitted: rare characters in newsroom text are mostly deliberate
}


@dataclass(frozen=True)
class Settings:
    """Stage thresholds (costs in nats) and the acceptance model."""

    suspect: float = 5.0        # stage 1: the better neighbour transition must cost more than this
    suspect_corpus: float = 2.0  # ... unless the news corpus has it with ln(1 + count) above this
    suspect_word_freq: int = 200  # one improbable transition suffices unless s[i] is in a word this common
    min_bigram_gain: float = 3.0  # stage 2: candidate must improve the transitions by this much
    max_candidates: int = 4     # stage 3 examines the best few candidates only
    logit_floor: float = -1.0  # stage 3: the local model's log-odds must reach this ...
    min_logit: float = 4.2     # ... and with the language model's and the lexicon's say, this
    lm_weight: float = 0.3     # per nat the word bigram model saves over the window (lm.py)
    lexicon_penalty: float = 1.5  # when the original character sits in a word the language model knows
    lm_window: int = 4         # characters either side that the language model reads
    lm_min_run: int = 4        # shorter runs of Han characters get no credit from the language model
    pair_min_gain: float = 15.0  # two adjacent slips are fixed together when the model saves this many nats
    prefilter_logit: float = -2.5  # skip segmentation when the other features cannot reach this
    fuzzy: bool = True          # also propose near readings (z/zh, n/l, in/ing …)
    kind_penalty: dict = field(default_factory=lambda: {"sound": 0.0, "fuzzy": 2.0, "shape": 2.0, "part": 2.0})
    weights: dict = field(default_factory=lambda: dict(WEIGHTS))
    window: int = 3             # context on each side for segmentation (>= 2: the corpus features read 2)
    max_word: int = 5


FEATURES = ("seg_gain", "bigram_gain", "log_word_freq", "fuzzy", "shape", "part", "orig_side_cost", "new_side_cost",
            "log_char_freq", "log_cand_freq", "orig_in_word", "corpus_bigram_gain", "corpus_trigram_gain",
            "corpus_bigram_orig", "corpus_trigram_orig", "pair_gain", "orig_rare")


class Candidate(NamedTuple):
    """One evaluated replacement of s[start]; the features the acceptance model weighs."""

    start: int
    right: str
    kind: str               # "sound" (same toneless reading), "fuzzy" (z/zh, n/l, in/ing …), "shape" (glyph
    #                         bitmaps) or "part" (a shared component: 院/浣, 贝/员)
    bigram_gain: float      # transition cost saved (nats), minus the kind's penalty
    seg_gain: float         # best-segmentation cost saved in the window (nats)
    word: str               # the word the replacement ends up in
    word_freq: int
    orig_in_word: bool      # the original character sat in a known multi-character word
    orig_side_cost: float   # cheaper of the original's two transitions
    new_side_cost: float    # dearer of the replacement's two transitions
    char_freq: int          # frequency of the original and the replacement character
    cand_freq: int
    corpus_bigram_gain: float   # news-corpus bigram/trigram evidence, replacement minus original
    corpus_trigram_gain: float
    corpus_bigram_orig: float   # the original's own corpus evidence
    corpus_trigram_orig: float
    pair_gain: float = 0.0      # news-corpus word-pair evidence with the neighbouring words, after minus before
    orig_rare: bool = False     # the original is outside the 3,500 common characters (terms, names)

    def features(self) -> tuple[float, ...]:
        """Feature values in the order of FEATURES."""
        return (self.seg_gain, self.bigram_gain, math.log1p(self.word_freq), float(self.kind == "fuzzy"),
                float(self.kind == "shape"), float(self.kind == "part"), self.orig_side_cost, self.new_side_cost, math.log1p(self.char_freq),
                math.log1p(self.cand_freq), float(self.orig_in_word), self.corpus_bigram_gain,
                self.corpus_trigram_gain, self.corpus_bigram_orig, self.corpus_trigram_orig, self.pair_gain,
                float(self.orig_rare))


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
        self._word_costs: dict[str, float] = {}  # -ln P(word), filled as windows are segmented
        self._keys: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}  # char -> (readings, fuzzy ones)
        self._decisions: dict[tuple, tuple[str, float] | None] = {}  # by window, see _best_fix
        self._runs: dict[str, list[tuple[int, str, float]]] = {}
        self.pair_memo: dict[tuple, tuple[str, float] | None] = {}  # pairs.py's decisions, by window
        weights = self.settings.weights
        self._bias = weights.get("bias", 0.0)
        self._weights = tuple(weights.get(name, 0.0) for name in FEATURES)

    @classmethod
    def load(cls, user_words: Iterable[str] = (), settings: Settings | None = None) -> TypoDetector:
        return cls(shared_tables(), user_words, settings)

    # -- public -------------------------------------------------------------------------------
    def detect(self, text: str, context: str | None = None) -> list[TypoHit]:
        """Suspected slips in `text`. `context` is the whole document the text belongs to: wording that
        recurs there is taken as deliberate."""
        document = text if context is None else context
        hits: list[TypoHit] = []
        masked: list[bytearray] = []  # the protection mask, worked out when first needed
        standard = self.tables.standard

        def mask() -> bytearray:
            if not masked:
                masked.append(protected_mask(text, self.user_words))
            return masked[0]

        for run in HAN_RUN.finditer(text):
            s = run.group()
            base = run.start()
            for i, right, score in self._run_fixes(s, base, mask):
                at = base + i
                span = range(at, at + len(right))
                # traditional and variant characters are the script rule's business
                if any(mask()[p] or text[p] not in standard or in_parallel(text, p, right[p - at])
                       or _repeated(text, p, document) for p in span):
                    continue
                hits.append(TypoHit(at, span.stop, s[i:i + len(right)], right, self._confidence(score)))
        return _drop_overlaps(hits)

    def _run_fixes(self, s: str, base: int, mask) -> list[tuple[int, str, float]]:
        """Fixes proposed inside one run of Han characters. Runs recur while an editor types, so a run's
        fixes are remembered, unless protection (which depends on the text around) skipped some of it."""
        memo = self._runs
        found = memo.get(s)
        if found is not None:
            return found
        found = []
        complete = True
        suspects = self._suspects(s)
        for i in suspects:
            if mask()[base + i]:
                complete = False
                continue
            fix = self._best_fix(s, i)
            if fix is not None:
                found.append((i, fix[0], fix[2]))
        if len(suspects) > 1:  # two wrong characters side by side (淡味 for 单位): scored as their gain allows
            st = self.settings
            for i, pair_fix, gain in pair_fixes(self, s, set(suspects), {i for i, _, _ in found}, mask, base):
                found.append((i, pair_fix, st.min_logit + st.lm_weight * (gain - st.pair_min_gain)))
        if complete:
            if len(memo) >= MEMO_SIZE:
                memo.clear()
            memo[s] = found
        return found

    # -- stages -------------------------------------------------------------------------------
    def _suspects(self, s: str) -> list[int]:
        """Positions whose transitions to both neighbours are improbable in both bigram sources, or to one
        neighbour when the character makes no common word (frequency >= `suspect_word_freq`) with either: a
        slip often spoils only one of its two transitions, while a common word such as 国籍 before an odd neighbour is far likelier right than a slip for 国家 (the floor stays
        well below 国籍's 471: at 600 it starts "correcting" it)."""
        rows = self.tables.transitions
        ngrams = self.tables.ngrams
        limit = 2 * self.settings.suspect + 33
        corpus_limit = 4 * self.settings.suspect_corpus + 33
        bad = [True]  # bad[k + 1]: transition s[k] -> s[k+1] is improbable; run edges count as bad
        append = bad.append
        for x, y in zip(s, s[1:]):
            row = rows.get(x)
            if row is not None:
                idx = row[0].find(y)
                if (row[1][idx] if idx >= 0 else row[2]) <= limit:
                    append(False)
                    continue
            seen = ngrams.get(x)
            if seen is not None:
                idx = seen[0].find(y)
                if idx >= 0 and ord(seen[1][idx]) > corpus_limit:
                    append(False)
                    continue
            append(True)
        append(True)
        floor = self.settings.suspect_word_freq
        if not floor:
            return [i for i in range(len(s)) if bad[i] and bad[i + 1]]
        words = self.tables.words
        out = []
        for i in range(len(s)):
            if bad[i] and bad[i + 1]:
                out.append(i)
            elif (bad[i] or bad[i + 1]) and (i == 0 or words.get(s[i - 1:i + 1], 0) < floor) and (
                    i + 1 == len(s) or words.get(s[i:i + 2], 0) < floor):
                out.append(i)
        return out

    def _local_cost(self, a: str | None, x: str, b: str | None) -> float:
        t = self.tables
        return (t.transition_cost(a, x) if a else 0.0) + (t.transition_cost(x, b) if b else 0.0)

    def _proposals(self, s: str, i: int) -> dict[str, str]:
        """Replacements for s[i] that form a known two-character word with a neighbour: char -> kind."""
        t = self.tables
        c = s[i]
        a = s[i - 1] if i > 0 else ""
        b = s[i + 1] if i + 1 < len(s) else ""
        neighbours = t.index.neighbours  # type: ignore[union-attr]
        out: dict[str, str] = {}
        standard = t.standard  # look-alike lists may name traditional forms: those are the script rule's
        for x in t.components.get(c, ""):
            if x in standard and ((a and a + x in t.words) or (b and x + b in t.words)):
                out[x] = "part"
        for x in t.shapes.get(c, ""):
            if x in standard and ((a and a + x in t.words) or (b and x + b in t.words)):
                out[x] = "shape"
        keys = self._keys.get(c)
        if keys is None:
            readings = t.readings.get(c, ())
            fuzzy = tuple(f for r in readings for f in t.fuzzy(r)) if self.settings.fuzzy else ()
            keys = self._keys[c] = (readings, fuzzy)
        readings, fuzzy = keys
        for f in fuzzy:
            for x in neighbours.get(a + f, "") + neighbours.get(f + b, ""):
                out[x] = "fuzzy"
        for r in readings:
            for x in neighbours.get(a + r, "") + neighbours.get(r + b, ""):
                out[x] = "sound"
        out.pop(c, None)
        out.pop(a, None)  # a fix that doubles a neighbour (点痣之后 → 点之之后) is a model artefact
        out.pop(b, None)
        return out

    def _window(self, s: str, start: int, end: int) -> tuple[int, int]:
        return max(0, start - self.settings.window), min(len(s), end + self.settings.window)

    def candidates(self, s: str, i: int) -> list[Candidate]:
        """Evaluated replacements of s[i] (a Han run), best bigram gain first; decisions are `_score`'s."""
        st = self.settings
        proposals = self._proposals(s, i)
        if not proposals:
            return []
        c = s[i]
        a = s[i - 1] if i > 0 else None
        b = s[i + 1] if i + 1 < len(s) else None
        base = self._local_cost(a, c, b)
        ranked = sorted(((base - self._local_cost(a, x, b) - st.kind_penalty.get(kind, 0.0), x, kind)
                         for x, kind in proposals.items()), reverse=True)
        ranked = [r for r in ranked if r[0] >= st.min_bigram_gain][: st.max_candidates]
        if not ranked:
            return []
        t = self.tables
        words = t.words
        tc = t.transition_cost
        orig_side = min(tc(a, c) if a else 8.0, tc(c, b) if b else 8.0)
        orig_bi, orig_tri = self._corpus(s, i, c)
        lo, hi = self._window(s, i, i + 1)
        window = s[lo:hi]
        k = i - lo
        seg_base: tuple[float, bool, float] | None = None
        out = []
        for gain, x, kind in ranked:
            new_bi, new_tri = self._corpus(s, i, x)
            cand = Candidate(i, x, kind, gain, 0.0, "", 0, True, orig_side,
                             max(tc(a, x) if a else 0.0, tc(x, b) if b else 0.0), words.get(c, 0),
                             words.get(x, 0), new_bi - orig_bi, new_tri - orig_tri, orig_bi, orig_tri,
                             orig_rare=c not in t.common)
            # without segmentation the logit is bounded by the other features: skip hopeless ones cheaply
            if self._logit(cand) < st.prefilter_logit:
                continue
            if seg_base is None:
                base_cost, orig, base_pairs = self._segment(window, k)
                seg_base = (base_cost, len(orig) > 1 and orig in words, base_pairs)
            cost, word, pairs = self._segment(window[:k] + x + window[k + 1:], k)
            out.append(cand._replace(seg_gain=seg_base[0] - cost, word=word, word_freq=words.get(word, 0),
                                     orig_in_word=seg_base[1], pair_gain=pairs - seg_base[2]))
        return out

    def _corpus(self, s: str, i: int, x: str) -> tuple[float, float]:
        """News-corpus evidence for x at s[i]: summed ln(1+count) of its bigrams and trigrams."""
        weight = self.tables.corpus_weight
        left2 = s[max(0, i - 2):i]
        right2 = s[i + 1:i + 3]
        bi = (weight(left2[-1] + x) if left2 else 0.0) + (weight(x + right2[0]) if right2 else 0.0)
        tri = ((weight(left2 + x) if len(left2) == 2 else 0.0)
               + (weight(left2[-1] + x + right2[0]) if left2 and right2 else 0.0)
               + (weight(x + right2) if len(right2) == 2 else 0.0))
        return bi, tri

    def _logit(self, cand: Candidate) -> float:
        return self._bias + sum(map(operator.mul, self._weights, cand.features()))

    def _score(self, s: str, cand: Candidate, judged: list) -> float | None:
        """Log-odds that the candidate fixes a real slip, or None when it must not be proposed: the local
        model's, plus what the word bigram model gains over the window, less a penalty when the original
        character sits in a word that model knows (法条竞合, 代位继承: terms read as slips by a general model).
        `judged` keeps the model's reading of the original window across the candidates of one position."""
        st = self.settings
        if len(cand.word) < 2:
            return None
        logit = self._logit(cand)
        if logit < st.logit_floor:
            return None
        lm = self.tables.language_model()
        i = cand.start
        lo, hi = max(0, i - st.lm_window), min(len(s), i + 1 + st.lm_window)
        window = s[lo:hi]
        k = i - lo
        edges = lo == 0, hi == len(s)  # a run of Han characters is read as a clause
        if not judged:
            known = any(lm.knows(window[a:b]) for a in range(max(0, k - 3), k + 1)
                        for b in range(max(k + 1, a + 2), min(len(window), a + 4) + 1))
            judged.extend((lm.cost(window, *edges), known))
        gain = judged[0] - lm.cost(window[:k] + cand.right + window[k + 1:], *edges)
        if len(s) < st.lm_min_run:
            gain = min(gain, 0.0)  # 点痣后 alone: too little context to overrule the local model's doubt
        logit += st.lm_weight * gain - st.lexicon_penalty * judged[1]
        return logit if logit >= st.min_logit else None

    def _best_fix(self, s: str, i: int) -> tuple[str, int, float] | None:
        """Best one-character replacement of s[i]: (replacement, start, score) or None.

        Everything the decision reads lies within `window` (`lm_window`) characters of s[i], plus whether that
        stretch starts or ends the run and whether the run is short, so decisions are memoised by those: names
        and terms that recur in a document are judged once."""
        st = self.settings
        reach = max(st.window, st.lm_window)
        lo, hi = max(0, i - reach), min(len(s), i + 1 + reach)
        key = (s[lo:hi], i - lo, lo == 0, hi == len(s), len(s) < st.lm_min_run)
        memo = self._decisions
        found: Any = memo.get(key, _UNSEEN)  # one look-up: another thread may clear the memo in between
        if found is not _UNSEEN:
            return None if found is None else (found[0], i, found[1])
        best = None
        judged: list = []
        for cand in self.candidates(s, i):
            score = self._score(s, cand, judged)
            if score is not None and (best is None or score > best[2]):
                best = (cand.right, i, score)
        if len(memo) >= MEMO_SIZE:
            memo.clear()
        memo[key] = None if best is None else (best[0], best[2])
        return best

    def _confidence(self, logit: float) -> float:
        """A probability-like confidence: 0.82 at the acceptance threshold, as before the language model, and
        never 1 (an `error_confidence` of 1.0 keeps every hit a warning)."""
        return min(0.999, round(1.0 / (1.0 + math.exp(-(logit - self.settings.min_logit + 1.5))), 3))

    def _segment(self, s: str, k: int) -> tuple[float, str, float]:
        """Cheapest segmentation of s under the unigram word model: (cost, the word covering s[k], news-corpus
        word-pair evidence of that word with the words either side: 予以|公示, 长效|机制)."""
        memo = self._word_costs
        words = self.tables.words
        log_total = self.tables.log_total
        n = len(s)
        best = [0.0] * (n + 1)
        back = [0] * (n + 1)
        max_word = self.settings.max_word
        for j in range(1, n + 1):
            ch = s[j - 1]
            cost = memo.get(ch)
            if cost is None:
                cost = memo[ch] = log_total - math.log(words.get(ch) or 1)
            bj = best[j - 1] + cost
            bk = j - 1
            for start in range(max(0, j - max_word), j - 1):
                w = s[start:j]
                cost = memo.get(w)
                if cost is None:
                    freq = words.get(w)
                    if not freq:
                        continue
                    cost = memo[w] = log_total - math.log(freq)
                c = best[start] + cost
                if c < bj:
                    bj = c
                    bk = start
            best[j] = bj
            back[j] = bk
        bounds = [n]
        j = n
        while j > 0:
            j = back[j]
            bounds.append(j)
        bounds.reverse()
        at = 0
        while bounds[at + 1] <= k:
            at += 1
        word = s[bounds[at]:bounds[at + 1]]
        pair = self.tables.pair_weight
        evidence = 0.0
        if at > 0:
            evidence += pair(s[bounds[at - 1]:bounds[at]], word)
        if at + 2 < len(bounds):
            evidence += pair(word, s[bounds[at + 1]:bounds[at + 2]])
        return best[n], word, evidence


def _repeated(text: str, pos: int, document: str) -> bool:
    """The character with a neighbour recurs elsewhere in the document: deliberate wording, not a slip."""
    for a, b in ((pos - 1, pos + 1), (pos, pos + 2)):
        if a >= 0 and b <= len(text):
            gram = text[a:b]
            if len(gram) == 2 and document.count(gram) >= 2:
                return True
    return False


def _drop_overlaps(hits: list[TypoHit]) -> list[TypoHit]:
    """Keep the more confident of two hits that touch: one slip usually spoils both of its neighbours'
    transitions, and the better-scoring fix is the one that explains them."""
    kept: list[TypoHit] = []
    for h in sorted(hits, key=lambda h: -h.confidence):
        if all(h.start > k.end or h.end < k.start for k in kept):
            kept.append(h)
    return sorted(kept, key=lambda h: h.start)
