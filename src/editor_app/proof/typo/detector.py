"""Find character slips that no word list names: 大数局产业→大数据产业, 营商环竟→营商环境.

Three stages, cheapest first, so that clean text costs about one table look-up per character pair:

1. Suspicious characters: a Han character whose transitions to both neighbours (or to one, when it makes
   no common word with either) are improbable in the character-bigram table and rare in the expected counts
   (most clean text leaves here).
2. Candidates: standard characters with the same toneless reading, a near reading (z/zh, n/l, in/ing …), a
   similar glyph or a shared component (院/浣, 贝/员) that form a known two-character word with a neighbour
   (one index look-up each), ranked by how much they improve the two transitions.
3. Acceptance: a local logistic model weighs the segmentation gain of the 7-character window (unigram word
   model from jieba's frequencies with a floor), the transition and corpus n-gram gains, how the fix's
   word pairs with the words either side in the corpus counts, frequencies and the kind of candidate; a word
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
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import compress
from typing import Any, NamedTuple

from editor_app.proof.typo.pairs import pair_fixes
from editor_app.proof.typo.protect import in_parallel, protected_mask
from editor_app.proof.typo.tables import UNKNOWN_COST, Tables, shared_tables

HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
MEMO_SIZE = 50_000  # remembered decisions (window -> fix) and runs (run -> fixes) per detector
_UNSEEN = object()


#: Logistic acceptance model: weight per feature (per nat, per ln-count …). Fitted on the official-document
#: development set (ecspell odw_train) and checked on the law and medicine sets it never saw; see
#: docs/benchmarks.md. A positive weight means the feature argues for a slip.
WEIGHTS = {
    "bias": -0.385,
    "seg_gain": 0.251,
    "bigram_gain": 0.040,
    "log_word_freq": -0.085,
    "fuzzy": -0.274,
    "shape": -0.484,
    "part": -0.8,
    "orig_side_cost": 0.042,
    "new_side_cost": 0.036,
    "log_char_freq": -0.013,
    "log_cand_freq": -0.155,
    "orig_in_word": 0.286,
    "corpus_bigram_gain": 0.139,
    "corpus_trigram_gain": 0.172,
    "corpus_bigram_orig": -0.182,
    "corpus_trigram_orig": -0.086,
    "pair_gain": 0.6,  # chosen on odw_train with the others fixed (0.3-1.0 tried); see docs/benchmarks.md
    "orig_rare": -1.0,  # set by hand, not fitted: rare characters in newsroom text are mostly deliberate
}


@dataclass(frozen=True)
class Settings:
    """Stage thresholds (costs in nats) and the acceptance model."""

    suspect: float = 5.0  # stage 1: the better neighbour transition must cost more than this
    suspect_corpus: float = 1.0  # ... unless the corpus counts have it with ln(1 + count) above this
    suspect_word_freq: int = 200  # one improbable transition suffices unless s[i] is in a word this common
    clear_char_freq: int = (
        300_000  # no suspect is a character this frequent (的, 是, 在: their slips are function-
    )
    #                                 word slips, which the deep pass's patterns judge)
    clear_trigram: float = 1.5  # ... or sits in a character 3-gram with a corpus weight this high
    min_bigram_gain: float = 3.0  # stage 2: candidate must improve the transitions by this much
    max_candidates: int = 4  # stage 3 examines the best few candidates only
    logit_floor: float = 0.0  # stage 3: the local model's log-odds must reach this ...
    min_logit: float = 4.0  # ... and with the language model's and the lexicon's say, this
    lm_weight: float = 0.3  # per nat the word bigram model saves over the window (lm.py)
    lexicon_penalty: float = 1.5  # when the original character sits in a word the language model knows
    lm_window: int = 4  # characters either side that the language model reads
    lm_min_run: int = 4  # shorter runs of Han characters get no credit from the language model
    pair_min_gain: float = 15.0  # two adjacent slips are fixed together when the model saves this many nats
    prefilter_logit: float = -2.5  # skip segmentation when the other features cannot reach this
    fuzzy: bool = True  # also propose near readings (z/zh, n/l, in/ing …)
    kind_penalty: dict = field(
        default_factory=lambda: {"sound": 0.0, "fuzzy": 2.0, "shape": 2.0, "part": 2.0}
    )
    weights: dict = field(default_factory=lambda: dict(WEIGHTS))
    window: int = 3  # context on each side for segmentation (>= 2: the corpus features read 2)
    max_word: int = 5


FEATURES = (
    "seg_gain",
    "bigram_gain",
    "log_word_freq",
    "fuzzy",
    "shape",
    "part",
    "orig_side_cost",
    "new_side_cost",
    "log_char_freq",
    "log_cand_freq",
    "orig_in_word",
    "corpus_bigram_gain",
    "corpus_trigram_gain",
    "corpus_bigram_orig",
    "corpus_trigram_orig",
    "pair_gain",
    "orig_rare",
)


class Candidate(NamedTuple):
    """One evaluated replacement of s[start]; the features the acceptance model weighs."""

    start: int
    right: str
    kind: str  # "sound" (same toneless reading), "fuzzy" (z/zh, n/l, in/ing …), "shape" (glyph
    #                         bitmaps) or "part" (a shared component: 院/浣, 贝/员)
    bigram_gain: float  # transition cost saved (nats), minus the kind's penalty
    seg_gain: float  # best-segmentation cost saved in the window (nats)
    word: str  # the word the replacement ends up in
    word_freq: int
    orig_in_word: bool  # the original character sat in a known multi-character word
    orig_side_cost: float  # cheaper of the original's two transitions
    new_side_cost: float  # dearer of the replacement's two transitions
    char_freq: int  # frequency of the original and the replacement character
    cand_freq: int
    corpus_bigram_gain: float  # corpus bigram/trigram evidence, replacement minus original
    corpus_trigram_gain: float
    corpus_bigram_orig: float  # the original's own corpus evidence
    corpus_trigram_orig: float
    pair_gain: float = 0.0  # corpus word-pair evidence with the neighbouring words, after minus before
    orig_rare: bool = False  # the original is outside the 3,500 common characters (terms, names)
    logit: float = 0.0  # the local model's log-odds over all of the above

    def features(self) -> tuple[float, ...]:
        """Feature values in the order of FEATURES."""
        return (
            self.seg_gain,
            self.bigram_gain,
            math.log1p(self.word_freq),
            float(self.kind == "fuzzy"),
            float(self.kind == "shape"),
            float(self.kind == "part"),
            self.orig_side_cost,
            self.new_side_cost,
            math.log1p(self.char_freq),
            math.log1p(self.cand_freq),
            float(self.orig_in_word),
            self.corpus_bigram_gain,
            self.corpus_trigram_gain,
            self.corpus_bigram_orig,
            self.corpus_trigram_orig,
            self.pair_gain,
            float(self.orig_rare),
        )


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
        self._decisions: dict[tuple, tuple[str, float] | None] = {}  # by window, see _best_fix
        self._runs: dict[str, list[tuple[int, str, float]]] = {}
        self.pair_memo: dict[tuple, tuple[str, float] | None] = {}  # pairs.py's decisions, by window

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
                if any(
                    mask()[p]
                    or text[p] not in standard
                    or in_parallel(text, p, right[p - at])
                    or _repeated(text, p, document)
                    for p in span
                ):
                    continue
                hits.append(TypoHit(at, span.stop, s[i : i + len(right)], right, self._confidence(score)))
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
        if (
            len(suspects) > 1
        ):  # two wrong characters side by side (淡味 for 单位): scored as their gain allows
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
        st = self.settings
        n = len(s)
        t = self.tables
        fine = t.fine_pairs(round(2 * st.suspect + 33), round(4 * st.suspect_corpus + 33))
        # ok[k + 1]: s[k] -> s[k+1] is fine; run edges count as bad
        ok = [False, *[y in fine[x] for x, y in zip(s, s[1:])], False]
        bad_at = list(compress(range(n + 1), map(operator.not_, ok)))
        # the characters beside an improbable transition, in order
        near = sorted({q for k in bad_at for q in (k - 1, k) if 0 <= q < n})
        floor = st.suspect_word_freq
        if not floor:
            return [i for i in near if not ok[i] and not ok[i + 1]]
        words = t.words
        frequent = t.frequent_chars(st.clear_char_freq)
        found = [
            i
            for i in near
            if s[i] not in frequent
            and (
                (not ok[i] and not ok[i + 1])
                or (
                    (i == 0 or words.get(s[i - 1 : i + 1], 0) < floor)
                    and (i + 1 == n or words.get(s[i : i + 2], 0) < floor)
                )
            )
        ]
        if not found or n < 3:
            return found
        # a character inside a 3-gram the corpus knows well reads as right whatever its transitions say
        grams = t.ngrams
        limit = chr(round(4 * st.clear_trigram + 33))
        known: dict[int, bool] = {}
        out = []
        for i in found:
            for a in range(max(0, i - 2), min(i, n - 3) + 1):
                seen = known.get(a)
                if seen is None:
                    row = grams.get(s[a : a + 2])
                    idx = row[0].find(s[a + 2]) if row is not None else -1
                    seen = known[a] = row is not None and idx >= 0 and row[1][idx] >= limit
                if seen:
                    break
            else:
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
        readings, fuzzy, looks, alike = t.look_alike(c)
        out: dict[str, str] = {}
        if alike:
            mates = t.word_mates
            for x in alike.intersection(mates(">" + a)).union(alike.intersection(mates("<" + b))):
                out[x] = looks[x]
        get = t.index.neighbours.get  # type: ignore[union-attr]
        if fuzzy and self.settings.fuzzy:
            for f in fuzzy:
                for x in get(a + f, "") + get(f + b, ""):
                    out[x] = "fuzzy"
        for r in readings:
            for x in get(a + r, "") + get(r + b, ""):
                out[x] = "sound"
        out.pop(c, None)
        out.pop(a, None)  # a fix that doubles a neighbour (点痣之后 → 点之之后) is a model artefact
        out.pop(b, None)
        return out

    def _window(self, s: str, start: int, end: int) -> tuple[int, int]:
        return max(0, start - self.settings.window), min(len(s), end + self.settings.window)

    def candidates(self, s: str, i: int) -> list[Candidate]:
        """Evaluated replacements of s[i] (a Han run), best bigram gain first; decisions are `_score`'s."""
        proposals = self._proposals(s, i)
        if not proposals:
            return []
        st = self.settings
        t = self.tables
        rows = t.transitions
        c = s[i]
        a = s[i - 1] if i > 0 else None
        b = s[i + 1] if i + 1 < len(s) else None
        left = rows.get(a) if a else None  # the transition rows the candidates are read against
        mine = rows.get(c)

        def cost(row, nxt: str) -> float:  # Tables.transition_cost with the row looked up once
            if row is None:
                return UNKNOWN_COST
            idx = row[0].find(nxt)
            return ((row[1][idx] if idx >= 0 else row[2]) - 33) * 0.5

        to_c = cost(left, c) if a else 0.0
        from_c = cost(mine, b) if b else 0.0
        base = to_c + from_c
        penalty = st.kind_penalty
        floor = st.min_bigram_gain
        ranked = []
        for x, kind in proposals.items():
            to_x = cost(left, x) if a else 0.0
            from_x = cost(rows.get(x), b) if b else 0.0
            gain = base - to_x - from_x - penalty.get(kind, 0.0)
            if gain >= floor:
                ranked.append((gain, x, kind, max(to_x, from_x)))
        if not ranked:
            return []
        ranked.sort(reverse=True)
        words = t.words
        w = self.settings.weights
        orig_side = min(to_c if a else 8.0, from_c if b else 8.0)
        orig_bi, orig_tri = self._corpus(s, i, c)
        char_freq = words.get(c, 0)
        rare = c not in t.common
        w_bigram, w_corpus2, w_corpus3 = (
            w.get("bigram_gain", 0.0),
            w.get("corpus_bigram_gain", 0.0),
            w.get("corpus_trigram_gain", 0.0),
        )
        w_new_side, w_cand_freq = w.get("new_side_cost", 0.0), w.get("log_cand_freq", 0.0)
        kinds = {kind: w.get(kind, 0.0) for kind in ("fuzzy", "shape", "part")}
        # the local model's log-odds, what depends on the position alone first
        here = (
            w.get("bias", 0.0)
            + w.get("orig_side_cost", 0.0) * orig_side
            + w.get("log_char_freq", 0.0) * math.log1p(char_freq)
            + w.get("corpus_bigram_orig", 0.0) * orig_bi
            + w.get("corpus_trigram_orig", 0.0) * orig_tri
            + w.get("orig_rare", 0.0) * rare
            - w_corpus2 * orig_bi
            - w_corpus3 * orig_tri
        )
        w_seg, w_word_freq, w_in_word, w_pairs = (
            w.get("seg_gain", 0.0),
            w.get("log_word_freq", 0.0),
            w.get("orig_in_word", 0.0),
            w.get("pair_gain", 0.0),
        )
        lo, hi = self._window(s, i, i + 1)
        window = s[lo:hi]
        k = i - lo
        seg = None
        out = []
        for gain, x, kind, new_side in ranked[: st.max_candidates]:
            new_bi, new_tri = self._corpus(s, i, x)
            if new_bi <= orig_bi:  # the fix makes none of its character pairs commoner: hardly ever a slip's
                continue
            cand_freq = words.get(x, 0)
            logit = (
                here
                + w_bigram * gain
                + kinds.get(kind, 0.0)
                + w_new_side * new_side
                + w_cand_freq * math.log1p(cand_freq)
                + w_corpus2 * new_bi
                + w_corpus3 * new_tri
            )
            # without segmentation the logit is bounded by the other features (the original's word taken as
            # known): skip hopeless ones cheaply
            if logit + w_in_word < st.prefilter_logit:
                continue
            if seg is None:
                base_cost, orig, base_pairs = self._segment(window, k)
                seg = (base_cost, len(orig) > 1 and orig in words, base_pairs)
            cost_x, word, pairs = self._segment(window[:k] + x + window[k + 1 :], k)
            word_freq = words.get(word, 0)
            logit += (
                w_seg * (seg[0] - cost_x)
                + w_word_freq * math.log1p(word_freq)
                + w_in_word * seg[1]
                + w_pairs * (pairs - seg[2])
            )
            out.append(
                Candidate(
                    i,
                    x,
                    kind,
                    gain,
                    seg[0] - cost_x,
                    word,
                    word_freq,
                    seg[1],
                    orig_side,
                    new_side,
                    char_freq,
                    cand_freq,
                    new_bi - orig_bi,
                    new_tri - orig_tri,
                    orig_bi,
                    orig_tri,
                    pairs - seg[2],
                    rare,
                    logit,
                )
            )
        return out

    def _corpus(self, s: str, i: int, x: str) -> tuple[float, float]:
        """News-corpus evidence for x at s[i]: summed ln(1+count) of its bigrams and trigrams."""
        weight = self.tables.corpus_weight
        left2 = s[max(0, i - 2) : i]
        right2 = s[i + 1 : i + 3]
        bi = (weight(left2[-1] + x) if left2 else 0.0) + (weight(x + right2[0]) if right2 else 0.0)
        tri = (
            (weight(left2 + x) if len(left2) == 2 else 0.0)
            + (weight(left2[-1] + x + right2[0]) if left2 and right2 else 0.0)
            + (weight(x + right2) if len(right2) == 2 else 0.0)
        )
        return bi, tri

    def _score(self, s: str, cand: Candidate, judged: list) -> float | None:
        """Log-odds that the candidate fixes a real slip, or None when it must not be proposed: the local
        model's, plus what the word bigram model gains over the window, less a penalty when the original
        character sits in a word that model knows (法条竞合, 代位继承: terms read as slips by a general model).
        `judged` keeps the model's reading of the original window across the candidates of one position."""
        st = self.settings
        if len(cand.word) < 2:
            return None
        logit = cand.logit
        if logit < st.logit_floor:
            return None
        lm = self.tables.language_model()
        i = cand.start
        lo, hi = max(0, i - st.lm_window), min(len(s), i + 1 + st.lm_window)
        window = s[lo:hi]
        k = i - lo
        edges = lo == 0, hi == len(s)  # a run of Han characters is read as a clause
        if not judged:
            known = any(
                lm.knows(window[a:b])
                for a in range(max(0, k - 3), k + 1)
                for b in range(max(k + 1, a + 2), min(len(window), a + 4) + 1)
            )
            states = lm.start(edges[0])
            judged.extend((lm.resume(states, window, 0, edges[1]), known, states))
        gain = judged[0] - lm.resume(
            judged[2][: k + 1], window[:k] + cand.right + window[k + 1 :], k, edges[1]
        )
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
        """Cheapest segmentation of s under the unigram word model: (cost, the word covering s[k], corpus
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
            # shortest first; on a tie the longer word wins, as when the words were tried longest first
            for start in range(j - 2, max(0, j - max_word) - 1, -1):
                w = s[start:j]
                cost = memo.get(w)
                if cost is None:
                    freq = words.get(w)
                    if not freq:
                        continue
                    cost = memo[w] = log_total - math.log(freq)
                c = best[start] + cost
                if c < bj or (c == bj and bk != j - 1):
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
        word = s[bounds[at] : bounds[at + 1]]
        pair = self.tables.pair_weight
        evidence = 0.0
        if at > 0:
            evidence += pair(s[bounds[at - 1] : bounds[at]], word)
        if at + 2 < len(bounds):
            evidence += pair(word, s[bounds[at + 1] : bounds[at + 2]])
        return best[n], word, evidence


def _repeated(text: str, pos: int, document: str) -> bool:
    """The character with a neighbour recurs elsewhere in the document: deliberate wording, not a slip."""
    counts = _bigram_counts(document)
    for a, b in ((pos - 1, pos + 1), (pos, pos + 2)):
        if a >= 0 and b <= len(text):
            gram = text[a:b]
            if len(gram) == 2 and (document.count(gram) if gram[0] == gram[1] else counts.get(gram, 0)) >= 2:
                return True
    return False


_COUNTED: list = [None, None]  # the last document and its bigram counts (the GUI checks one field at a time)


def _bigram_counts(document: str) -> Counter:
    """How often each character pair occurs in `document`, counted once per document: str.count over a long
    document for every hit cost more than finding the hits."""
    last, counts = _COUNTED
    if last is not document and last != document:
        counts = Counter(map(operator.add, document, document[1:]))
        _COUNTED[:] = [document, counts]
    return counts


def _drop_overlaps(hits: list[TypoHit]) -> list[TypoHit]:
    """Keep the more confident of two hits that touch: one slip usually spoils both of its neighbours'
    transitions, and the better-scoring fix is the one that explains them."""
    kept: list[TypoHit] = []
    taken: set[int] = set()  # the positions kept hits cover, their end included (touching hits share one)
    for h in sorted(hits, key=lambda h: -h.confidence):
        span = range(h.start, h.end + 1)
        if taken.isdisjoint(span):
            kept.append(h)
            taken.update(span)
    return sorted(kept, key=lambda h: h.start)
