"""Typo detector: slips that no word list names, found by sound and shape and scored by word frequency.

detector = TypoDetector.load(user_words=["申环"])
for hit in detector.detect(text):
    print(hit.start, hit.end, hit.wrong, "→", hit.right, hit.confidence)
"""

from editor_app.proof.typo.detector import Settings, TypoDetector, TypoHit
from editor_app.proof.typo.tables import Tables, TypoDataError, load_tables, shared_tables

__all__ = ["Settings", "Tables", "TypoDataError", "TypoDetector", "TypoHit", "load_tables", "shared_tables"]
