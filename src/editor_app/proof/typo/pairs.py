"""Two wrong characters side by side: 淡味 for 单位, 简绍 for 减少, 堆物 for 队伍, even 郭嘉 for 国家.

Neither character alone makes a word with its (equally wrong) neighbour, so the one-character stage has
nothing to propose. Here two adjacent suspects are replaced together by a common word (`readings.tsv`:
frequency >= 300) whose readings as a word match readings of the two characters, and the fix is kept only
when the language model reads the window around it far better (`Settings.pair_min_gain` nats). The bar is
high enough to let the pair be a word itself (郭嘉 is a name, 回炉 a word: 回炉等不正当手段 reads as 贿赂);
at a lower one medical and legal terms the model does not know (湿疣) start to be "corrected".
"""

from __future__ import annotations

from editor_app.proof.typo.protect import in_parallel

_UNSEEN = object()
#: the common words whose readings match a pair of characters, by the pair (readings.tsv is fixed per process)
_FIXES: dict[str, tuple[str, ...]] = {}
#: the model reads the window for at most this many fixes, those the character transitions like best
MAX_FIXES = 2
#: two unusual characters before one of these are a name (淀浦河, 漕溪路), not two slips
NAME_ENDINGS = set("河江湖海港湾塘浦溪泾浜渠桥路街巷弄道山岭峰寺庙村镇乡区县市省州园苑")


def pair_fixes(
    detector, s: str, suspects: set[int], taken: set[int], mask, base: int
) -> list[tuple[int, str, float]]:
    """(start, two-character fix, gain in nats) for adjacent suspects of the Han run `s`; positions in
    `taken` already have a one-character fix, masked positions (names, quotes) are skipped. Decisions are
    memoised in `detector.pair_memo` by what they read: the window and whether it starts or ends the run."""
    st = detector.settings
    if len(s) < st.lm_min_run:
        return []
    memo = detector.pair_memo
    out = []
    for i in sorted(suspects):
        j = i + 1
        if j not in suspects or i in taken or j in taken or mask()[base + i] or mask()[base + j]:
            continue
        lo, hi = max(0, i - st.lm_window), min(len(s), j + 1 + st.lm_window)
        key = (s[lo:hi], i - lo, lo == 0, hi == len(s))
        decision = memo.get(key, _UNSEEN)
        if decision is _UNSEEN:
            decision = _decide(detector, s, i, lo, hi)
            if len(memo) >= 50_000:
                memo.clear()
            memo[key] = decision
        if decision is not None:
            out.append((i, *decision))
            taken.update((i, j))
    return out


def _decide(detector, s: str, i: int, lo: int, hi: int) -> tuple[str, float] | None:
    """The fix for s[i:i+2] and its gain, or None."""
    tables = detector.tables
    standard, readings = tables.standard, tables.readings
    j = i + 1
    pair = s[i : j + 1]
    if pair[0] not in standard or pair[1] not in standard or (j + 1 < len(s) and s[j + 1] in NAME_ENDINGS):
        return None
    fixes = _FIXES.get(pair)
    if fixes is None:
        index = tables.reading_pairs()  # words by their readings as words (不仅: bu jin, not fu nu)
        found = "".join(
            index.get(f"{x}_{y}", "") for x in readings.get(pair[0], ()) for y in readings.get(pair[1], ())
        )
        fixes = tuple(
            dict.fromkeys(
                w
                for w in (found[k : k + 2] for k in range(0, len(found), 2))
                if w[0] != pair[0] and w[1] != pair[1]
            )
        )
        if len(_FIXES) >= 100_000:
            _FIXES.clear()
        _FIXES[pair] = fixes
    if not fixes or in_parallel(s, i) or in_parallel(s, j):
        return None
    lm = tables.language_model()
    a = s[i - 1] if i else ""
    b = s[j + 1] if j + 1 < len(s) else ""
    ordered = sorted(fixes, key=lambda w: _transitions(tables, a, w, b))
    window, k, edges = s[lo:hi], i - lo, (lo == 0, hi == len(s))
    states = lm.start(edges[0])
    before = lm.resume(states, window, 0, edges[1])
    gain, fix = max(
        (before - lm.resume(states[: k + 1], window[:k] + w + window[k + 2 :], k, edges[1]), w)
        for w in ordered[:MAX_FIXES]
    )
    return (fix, gain) if gain >= detector.settings.pair_min_gain else None


def _transitions(tables, a: str, word: str, b: str) -> float:
    cost = tables.transition_cost(word[0], word[1])
    if a:
        cost += tables.transition_cost(a, word[0])
    if b:
        cost += tables.transition_cost(word[1], b)
    return cost
