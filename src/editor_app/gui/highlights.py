"""Highlighted text ranges the editors and the preview paint: find matches and 核红 changes.

A `TextRange` names a span of one model field by block id and field path (see model/fields.py) in
Python str offsets, like findings and marks. `kind` is "find" (a find match), "inserted" (text new
since the last closed proof round) or "deleted" (text removed there: a zero-width range, start ==
end, at the place it was; the removed text is in `EditSession.deleted_text`).

The session holds the current list (`session.highlights`) and emits `highlights_changed`; the main
window hands the same list to the preview (`preview.set_highlights`) when the preview can paint it.
"""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("find", "inserted", "deleted")


@dataclass(frozen=True)
class TextRange:
    block_id: str
    path: str
    start: int
    end: int
    kind: str


def ranges_for(ranges, block_id: str, path: str | None = None) -> list[TextRange]:
    return [r for r in ranges if r.block_id == block_id and (path is None or r.path == path)]
