"""`consistency`: one word written two ways in the same document (异形词 such as 毋庸/无庸).

Pairs as for `substitution` (`pairs`, `pairs_file`, `pairs_order`; wrong = variant, right =
recommended). When a document uses more than one form of a word, the less frequent form is flagged
(on a tie, the non-recommended one) with the majority form as the suggestion. Counting happens once per
document (`doc.memo`), so checking each field of an issue stays linear.
"""

from __future__ import annotations

from collections import Counter

from editor_app.proof.dictionary import WordIndex
from editor_app.proof.mechanisms import Hit
from editor_app.proof.mechanisms.substitution import load_pairs

KEYS = {"pairs": dict, "pairs_file": str, "pairs_order": str}


class ConsistencyDetector:
    def __init__(self, rule, pairs):
        self.rule_id = rule.id
        entries: dict[str, tuple[str, bool]] = {}
        for variant, (rights, _category, _note) in pairs.items():
            recommended = rights[0]
            entries.setdefault(recommended, (recommended, True))
            entries[variant] = (recommended, False)
        self.index = WordIndex(entries)

    def _majority(self, doc) -> dict[str, str]:
        """group (recommended form) -> the form to keep, for groups used in more than one form."""
        key = ("consistency", self.rule_id)
        if key not in doc.memo:
            counts: dict[str, Counter] = {}
            for start, end, (group, _recommended) in self.index.longest(doc.text):
                counts.setdefault(group, Counter())[doc.text[start:end]] += 1
            doc.memo[key] = {
                group: max(forms, key=lambda form: (forms[form], form == group))
                for group, forms in counts.items()
                if len(forms) > 1
            }
        return doc.memo[key]

    def find(self, text, doc):
        majority = self._majority(doc)
        if not majority:
            return
        for start, end, (group, _recommended) in self.index.longest(text):
            keep = majority.get(group)
            if keep is not None and text[start:end] != keep:
                yield Hit(start, end, (keep,))


def build(rule, pack):
    return ConsistencyDetector(rule, load_pairs(rule, pack))
