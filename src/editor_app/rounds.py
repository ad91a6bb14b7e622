"""Proof rounds (一校、二校、三校) and 核红: what changed since the last closed round.

Closing a round keeps the text of every field and the marks as they stood, with the round's counts
(marks raised, accepted, rejected, still open; errors and characters for the error rate). The next
round compares the live text with that snapshot, field by field, character by character, so the
proofreader verifies each correction and also sees anything else that moved.

Core and Qt-free: the window paints the changes, the proof report (校对单) prints the counts.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from editor_app.model.document import Issue, Round, now_iso
from editor_app.model.fields import iter_text_fields
from editor_app.model.serialize import flag_to_dict

_NUMERALS = "一二三四五六七八九十"
COUNT_KEYS = ("characters", "errors", "findings", "raised", "accepted", "rejected", "open")


def round_name(number: int) -> str:
    """一校, 二校 … 十校, then 11校."""
    return f"{_NUMERALS[number - 1]}校" if 1 <= number <= len(_NUMERALS) else f"{number}校"


def current_round(issue: Issue) -> int:
    """The round now under way: one after the last closed round."""
    return len(issue.rounds) + 1


def count_characters(issue: Issue) -> int:
    """Characters as publishers count them: every printed character, spaces excluded."""
    return sum(len("".join(tf.text.split())) for tf in iter_text_fields(issue))


def round_counts(issue: Issue, findings, number: int) -> dict[str, int]:
    """The counts of round `number` now: its marks by status, and errors over the whole issue.

    Errors follow the proof report: error-level findings and every mark not rejected, one per span.
    """
    raised = [f for f in issue.flags if f.round == number]
    spans = set()
    for finding in findings:
        if finding.level == "error" and finding.location is not None:
            loc = finding.location
            spans.add((loc.block, loc.field, finding.start, finding.end))
    for flag in issue.flags:
        if flag.status != "rejected":
            loc = flag.location
            spans.add((loc.block, loc.field, loc.start, loc.end))
    return {
        "characters": count_characters(issue),
        "errors": len(spans),
        "findings": len(findings),
        "raised": len(raised),
        "accepted": sum(f.status == "accepted" for f in raised),
        "rejected": sum(f.status == "rejected" for f in raised),
        "open": sum(f.status == "open" for f in raised),
    }


def error_rate(counts: dict[str, int]) -> float:
    """Errors per 10,000 characters."""
    characters = counts.get("characters", 0)
    return counts.get("errors", 0) * 10000 / characters if characters else 0.0


def snapshot(issue: Issue, findings, closed_by: str = "", closed: str | None = None) -> Round:
    """The round now under way, closed: counts, the text of every field and the marks."""
    number = current_round(issue)
    return Round(
        number=number,
        closed=closed or now_iso(),
        closed_by=closed_by,
        counts=round_counts(issue, findings, number),
        texts={(tf.block.id, tf.path): tf.text for tf in iter_text_fields(issue)},
        flags=[flag_to_dict(f) for f in issue.flags],
    )


@dataclass(frozen=True)
class TextChange:
    """A change in one field since the snapshot, in offsets of the live text.

    `inserted`: text[start:end] is new. `deleted`: `text` was removed at `start` (start == end).
    """

    block: str
    path: str
    start: int
    end: int
    kind: str
    text: str


def field_changes(block: str, path: str, old: str, new: str) -> list[TextChange]:
    if old == new:
        return []
    changes = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("delete", "replace"):
            changes.append(TextChange(block, path, j1, j1, "deleted", old[i1:i2]))
        if tag in ("insert", "replace"):
            changes.append(TextChange(block, path, j1, j2, "inserted", new[j1:j2]))
    return changes


def changes_since(round_: Round, issue: Issue) -> list[TextChange]:
    """Every insertion and deletion in the live issue since `round_` was closed, in reading order.

    A field that is gone (a deleted paragraph) shows as a deletion at the end of the field before it
    in the same block, when that one is still there; a block that is gone has nowhere to show."""
    if not round_.texts:
        return []
    changes: list[TextChange] = []
    live: dict[tuple[str, str], str] = {}
    for tf in iter_text_fields(issue):
        key = (tf.block.id, tf.path)
        live[key] = tf.text
        changes.extend(field_changes(tf.block.id, tf.path, round_.texts.get(key, ""), tf.text))
    previous: tuple[str, str] | None = None
    for key, text in round_.texts.items():
        if key in live:
            previous = key
            continue
        if text and previous is not None and previous[0] == key[0]:
            end = len(live[previous])
            changes.append(TextChange(previous[0], previous[1], end, end, "deleted", text))
    return changes
