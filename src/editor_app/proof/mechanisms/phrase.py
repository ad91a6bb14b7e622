"""`phrase`: near-misses of canonical expressions (规范表述), e.g. 习近平新时代中国特色主义思想.

A near-miss differs from a canonical expression by one Han character substituted, missing or extra,
never at its first or last character (an edge "edit" is just the neighbouring text). Expressions
shorter than `min_length` (default 6, quotes included, so “四个意识” qualifies and its quotes must
match) are not used. Candidates are found with Aho-Corasick on each expression's two halves — one
edit leaves at least one half intact — and then verified. A window that is itself a canonical
expression is never flagged. Keys: `expressions` (list) and/or `expressions_file` (one per line).
"""

from __future__ import annotations

from editor_app.proof.dictionary import WordIndex
from editor_app.proof.loader import read_table
from editor_app.proof.mechanisms import Hit
from editor_app.proof.textutil import is_han

KEYS = {"expressions": list, "expressions_file": str, "min_length": int}


def one_edit(window: str, canonical: str) -> bool:
    """Is `window` `canonical` with one interior Han character substituted, dropped or added?"""
    n, m = len(canonical), len(window)
    if window == canonical or window[:1] != canonical[:1] or window[-1:] != canonical[-1:]:
        return False
    if m == n:
        diffs = [i for i in range(n) if window[i] != canonical[i]]
        return len(diffs) == 1 and is_han(window[diffs[0]]) and is_han(canonical[diffs[0]])
    if m == n - 1:
        i = next((k for k in range(m) if window[k] != canonical[k]), m)
        return 0 < i < n - 1 and window[i:] == canonical[i + 1 :] and is_han(canonical[i])
    if m == n + 1:
        i = next((k for k in range(n) if window[k] != canonical[k]), n)
        return 0 < i < m - 1 and window[i + 1 :] == canonical[i:] and is_han(window[i])
    return False


class PhraseDetector:
    def __init__(self, expressions: list[str]):
        self.expressions = expressions
        self.canonical = frozenset(expressions)
        anchors: dict[str, list[tuple[int, bool]]] = {}
        for number, expression in enumerate(expressions):
            half = len(expression) // 2
            anchors.setdefault(expression[:half], []).append((number, True))
            anchors.setdefault(expression[half:], []).append((number, False))
        self.index = WordIndex(anchors)
        self.exact = WordIndex(dict.fromkeys(expressions, True))

    def find(self, text, doc):
        taken: list[tuple[int, int]] = []
        exact = [(s, e) for s, e, _ in self.exact.longest(text)]  # correct occurrences, to skip fast
        j = 0
        for start, end, targets in self.index.all(text):
            while j < len(exact) and exact[j][1] < end:
                j += 1
            if j < len(exact) and exact[j][0] <= start:
                continue  # an anchor inside a correct occurrence
            for number, is_left in targets:
                expression = self.expressions[number]
                n = len(expression)
                if text.startswith(expression, start) if is_left else text.endswith(expression, 0, end):
                    continue  # the anchor belongs to an exact occurrence
                first, last = expression[0], expression[-1]
                for size in (n, n - 1, n + 1):
                    lo, hi = (start, start + size) if is_left else (end - size, end)
                    if lo < 0 or hi > len(text) or text[lo] != first or text[hi - 1] != last:
                        continue
                    window = text[lo:hi]
                    if window in self.canonical or not one_edit(window, expression):
                        continue
                    if any(lo < e and s < hi for s, e in taken):
                        continue
                    if expression in text[max(0, lo - n) : hi + n]:
                        continue
                    taken.append((lo, hi))
                    yield Hit(lo, hi, (expression,))


def build(rule, pack):
    options = rule.options
    if "expressions" not in options and "expressions_file" not in options:
        raise pack.error("a phrase rule needs 'expressions' or 'expressions_file'")
    found = list(options.get("expressions", []))
    if "expressions_file" in options:
        found += [
            cols[0] for _n, cols in read_table(pack.resolve(options["expressions_file"], "expressions_file"))
        ]
    minimum = options.get("min_length", 6)
    expressions = list(dict.fromkeys(e for e in found if len(e) >= max(minimum, 3)))
    return PhraseDetector(expressions)
