"""`existence`: terms to flag with advice (慎用词, a house blacklist).

Terms come inline (`terms: [a, b]` or `terms: {term: suggestion}`) and/or from a data file
(`terms_file: cautions.tsv`, columns term, optional suggestion, optional advice). The advice, when
given, is appended to the rule's message. `protect:` words shadow terms inside them.
"""

from __future__ import annotations

from editor_app.proof.dictionary import WordIndex
from editor_app.proof.loader import read_table
from editor_app.proof.mechanisms import Hit

KEYS = {"terms": (list, dict), "terms_file": str, "protect": list}


class ExistenceDetector:
    def __init__(self, rule, terms: dict[str, tuple[tuple[str, ...] | None, str]]):
        self.index = WordIndex(terms, rule.options.get("protect", ()))
        self.base_message = rule.message

    def find(self, text, doc):
        for start, end, (suggestions, advice) in self.index.longest(text):
            message = f"{self.base_message}：{advice}" if advice else None
            yield Hit(start, end, suggestions, message)


def build(rule, pack):
    options = rule.options
    if "terms" not in options and "terms_file" not in options:
        raise pack.error("an existence rule needs 'terms' or 'terms_file'")
    terms: dict[str, tuple[tuple[str, ...] | None, str]] = {}
    if "terms_file" in options:
        for _number, columns in read_table(pack.resolve(options["terms_file"], "terms_file")):
            suggestion = columns[1] if len(columns) > 1 else ""
            advice = columns[2] if len(columns) > 2 else ""
            terms[columns[0]] = (tuple(s for s in suggestion.split("|") if s) or None, advice)
    inline = options.get("terms", [])
    if isinstance(inline, dict):
        for term, suggestion in inline.items():
            if not isinstance(suggestion, (str, type(None))):
                raise pack.error("'terms' maps a term to a suggestion string (or null)", "terms")
            terms[str(term)] = ((suggestion,) if suggestion else None, "")
    else:
        for term in inline:
            terms[term] = (None, "")
    return ExistenceDetector(rule, terms)
