"""`candidates`: slips no word list names, from the typo detector (editor_app.proof.typo).

The detector proposes same-sound and similar-shape replacements of one character, or of two adjacent ones
together (淡味 → 单位), and keeps one only when the corrected text reads far better (word segmentation,
character n-grams, a word language model); each hit carries its suggestion. The
rule's level applies unless the detector's confidence reaches `error_confidence` (then `error`).

Options: `error_confidence` (default 0.9); `min_confidence` (default: the detector's own threshold);
`defer_to` (data files, e.g. [confusions.tsv, idioms.tsv], whose first column lists wrong forms that
word-list rules already flag with their exact fix: a typo hit inside one is dropped, so a slip is
reported once). The detector's tables and the deferred lists load on the first check, not with the packs.
"""

from __future__ import annotations

from typing import Any

from editor_app.proof.loader import read_table
from editor_app.proof.mechanisms import Hit

KEYS = {"error_confidence": (int, float), "min_confidence": (int, float), "defer_to": list}


class CandidatesDetector:
    def __init__(self, error_confidence: float, min_confidence: float, defer_paths: list):
        self.error_confidence = error_confidence
        self.min_confidence = min_confidence
        self._defer_paths = defer_paths
        self._deferred: Any = None  # a WordIndex, built on first use
        self._detector = None

    def _typo(self):
        if self._detector is None:
            from editor_app.proof.typo import TypoDetector

            self._detector = TypoDetector.load()
        return self._detector

    def _known_slips(self, text: str) -> list[tuple[int, int]]:
        if self._deferred is None:
            from editor_app.proof.dictionary import WordIndex

            wrong = {columns[0]: True for path in self._defer_paths for _n, columns in read_table(path)}
            self._deferred = WordIndex(wrong)
        return [(start, end) for start, end, _ in self._deferred.all(text)]

    def find(self, text, doc):
        hits = [h for h in self._typo().detect(text, context=doc.text) if h.confidence >= self.min_confidence]
        if hits and self._defer_paths:
            known = self._known_slips(text)
            hits = [h for h in hits if not any(start < h.end and h.start < end for start, end in known)]
        for hit in hits:
            level = "error" if hit.confidence >= self.error_confidence else None
            yield Hit(hit.start, hit.end, (hit.right,), level=level)


def build(rule, pack):
    options = rule.options
    error_confidence = options.get("error_confidence", 0.9)
    min_confidence = options.get("min_confidence", 0.0)
    for key, value in (("error_confidence", error_confidence), ("min_confidence", min_confidence)):
        if not 0.0 <= float(value) <= 1.0:
            raise pack.error(f"'{key}' is a confidence between 0 and 1", key)
    defer_paths = [pack.resolve(str(name), "defer_to") for name in options.get("defer_to", [])]
    return CandidatesDetector(float(error_confidence), float(min_confidence), defer_paths)
