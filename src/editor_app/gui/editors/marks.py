"""Proofreading marks (flags): a note and a suggestion on a span, accepted or rejected by the editor.

A mark remembers the quoted text, so it finds its span again after the paragraph was edited
(the DOCX export re-anchors the same way). Accepting a mark replaces the span with the suggestion
and closes the mark in one undo step. A mark carries its author (the name in the preferences) and
the proof round it was raised in; accepting or rejecting records who did it and when.
"""

from __future__ import annotations

from editor_app.gui import settings
from editor_app.model.document import Flag, Location, now_iso
from editor_app.model.fields import get_field
from editor_app.model.ops import AddFlag, Batch, ResolveFlag, SetField
from editor_app.rounds import current_round


def locate(flag: Flag, text: str) -> tuple[int, int] | None:
    """The mark's span in `text` now: where it was, else the nearest copy of its quote, else None."""
    loc = flag.location
    if text[loc.start : loc.end] == loc.quote:
        return loc.start, loc.end
    if not loc.quote:
        return None
    spans = []
    start = text.find(loc.quote)
    while start >= 0:
        spans.append(start)
        start = text.find(loc.quote, start + 1)
    if not spans:
        return None
    best = min(spans, key=lambda s: abs(s - loc.start))
    return best, best + len(loc.quote)


def open_marks(issue, block_id: str, path: str) -> list[Flag]:
    return [
        f
        for f in issue.flags
        if f.status == "open" and f.location.block == block_id and f.location.field == path
    ]


def add_mark(
    session,
    block_id: str,
    path: str,
    start: int,
    end: int,
    note: str,
    suggestion: str | None,
    author: str = "",
    text: str = "",
) -> Flag:
    _, _, block = session.issue.find_block(block_id)
    value = get_field(block, path) or ""
    flag = Flag(
        Location(block_id, path, start, end, value[start:end]),
        category="校对",
        note=note,
        suggestion=suggestion or None,
        author=author or settings.user_name(),
        round=current_round(session.issue),
    )
    session.apply(AddFlag(flag), text or "Add mark")
    return flag


def accept_mark(session, flag: Flag, text: str = "") -> bool:
    """Replace the marked span with the suggestion and close the mark (False if the span is gone)."""
    _, _, block = session.issue.find_block(flag.location.block)
    value = get_field(block, flag.location.field) or ""
    span = locate(flag, value)
    if span is None or flag.suggestion is None:
        return False
    new_value = value[: span[0]] + flag.suggestion + value[span[1] :]
    session.seal_typing()
    session.apply(
        Batch(
            [
                SetField(flag.location.block, flag.location.field, new_value),
                ResolveFlag(flag.id, "accepted", settings.user_name(), now_iso()),
            ]
        ),
        text or "Accept mark",
    )
    session.seal_typing()
    return True


def reject_mark(session, flag: Flag, text: str = "") -> None:
    session.apply(ResolveFlag(flag.id, "rejected", settings.user_name(), now_iso()), text or "Reject mark")
