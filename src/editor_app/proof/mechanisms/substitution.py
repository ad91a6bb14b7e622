"""`substitution`: wrong → right pairs (别字, 别词, 成语, 异形词 …), thousands per rule.

Pairs come inline (`pairs: {截止目前: 截至目前}`; a value may be a list of rights) and/or from a TSV
data file (`pairs_file: confusions.tsv`, columns wrong, right, optional category, optional note; with
`pairs_order: right-wrong` the first two columns are swapped, as in variants.tsv). Matching is one
Aho-Corasick pass with leftmost-longest arbitration; the right forms and `protect:` words take part in
arbitration without being flagged, so a correct longer word is never cut up by a shorter wrong one.
"""

from __future__ import annotations

from editor_app.proof.dictionary import WordIndex
from editor_app.proof.loader import read_table
from editor_app.proof.mechanisms import Hit
from editor_app.proof.rules import CATEGORIES

KEYS = {"pairs": dict, "pairs_file": str, "pairs_order": str, "protect": list}
ORDERS = ("wrong-right", "right-wrong")


def load_pairs(rule, pack) -> dict[str, tuple[tuple[str, ...], str | None, str]]:
    """wrong -> (rights, category or None, note)."""
    options = rule.options
    if "pairs" not in options and "pairs_file" not in options:
        raise pack.error("a substitution rule needs 'pairs' or 'pairs_file'")
    order = options.get("pairs_order", "wrong-right")
    if order not in ORDERS:
        raise pack.error(f"'pairs_order' must be one of {', '.join(ORDERS)}", "pairs_order")
    pairs: dict[str, tuple[tuple[str, ...], str | None, str]] = {}

    def add(wrong: str, right: str, category: str | None, note: str) -> None:
        if not wrong or not right or wrong == right:
            return
        rights, old_category, old_note = pairs.get(wrong, ((), category, note))
        if right not in rights:
            rights = rights + (right,)
        pairs[wrong] = (rights, old_category or category, old_note or note)

    if "pairs_file" in options:
        path = pack.resolve(options["pairs_file"], "pairs_file")
        for _number, columns in read_table(path, min_columns=2):
            wrong, right = (columns[0], columns[1]) if order == "wrong-right" else (columns[1], columns[0])
            category = columns[2] if len(columns) > 2 and columns[2] in CATEGORIES else None
            note = columns[3] if len(columns) > 3 else ""
            add(wrong, right, category, note)
    for wrong, right in options.get("pairs", {}).items():
        rights = right if isinstance(right, list) else [right]
        if not isinstance(wrong, str) or not all(isinstance(r, str) and r for r in rights):
            raise pack.error("'pairs' maps a wrong form to a right form (or a list of them)", "pairs")
        for item in rights:
            add(wrong, item, None, "")
    return pairs


class SubstitutionDetector:
    def __init__(self, rule, pairs):
        self.pairs = pairs
        protected = {right for rights, _c, _n in pairs.values() for right in rights}
        protected.update(rule.options.get("protect", ()))
        self.index = WordIndex(pairs, sorted(protected - set(pairs)))
        self.base_message = rule.message

    def find(self, text, doc):
        for start, end, (rights, category, note) in self.index.longest(text):
            message = f"{self.base_message}（{note}）" if note else None
            yield Hit(start, end, rights, message, None, category)


def build(rule, pack):
    return SubstitutionDetector(rule, load_pairs(rule, pack))
