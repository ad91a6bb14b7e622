"""`candidates`: slips no word list names, from the typo detector (editor_app.proof.typo).

The detector proposes same-sound and similar-shape replacements and keeps one only when the corrected
text reads far better (word segmentation, character n-grams); each hit carries its suggestion. The
rule's level applies unless the detector's confidence reaches `error_confidence` (then `error`).
Tables load on the first check, not when packs load. Options: `error_confidence` (default 0.9),
`min_confidence` (default: the detector's own threshold).
"""

from __future__ import annotations

from editor_app.proof.mechanisms import Hit

KEYS = {"error_confidence": (int, float), "min_confidence": (int, float)}


class CandidatesDetector:
    def __init__(self, error_confidence: float, min_confidence: float):
        self.error_confidence = error_confidence
        self.min_confidence = min_confidence
        self._detector = None

    def _typo(self):
        if self._detector is None:
            from editor_app.proof.typo import TypoDetector

            self._detector = TypoDetector.load()
        return self._detector

    def find(self, text, doc):
        for hit in self._typo().detect(text, context=doc.text):
            if hit.confidence < self.min_confidence:
                continue
            level = "error" if hit.confidence >= self.error_confidence else None
            yield Hit(hit.start, hit.end, (hit.right,), level=level)


def build(rule, pack):
    options = rule.options
    error_confidence = options.get("error_confidence", 0.9)
    min_confidence = options.get("min_confidence", 0.0)
    for key, value in (("error_confidence", error_confidence), ("min_confidence", min_confidence)):
        if not 0.0 <= float(value) <= 1.0:
            raise pack.error(f"'{key}' is a confidence between 0 and 1", key)
    return CandidatesDetector(float(error_confidence), float(min_confidence))
