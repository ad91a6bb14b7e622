"""Find and replace over an issue: plain text or a regular expression, in a block, a page or the issue.

Matches carry field paths and Python offsets (like findings and marks), so the window can highlight
them and a whole-issue replace becomes one `Batch` of `SetField` ops: one undo step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from editor_app.errors import EditorError
from editor_app.messages import msg
from editor_app.model.document import Issue
from editor_app.model.fields import TextField, iter_text_fields
from editor_app.model.ops import Batch, SetField


class SearchError(EditorError):
    """A regular expression or replacement template that cannot be used (the message says why)."""


@dataclass(frozen=True)
class Match:
    block: str
    path: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Query:
    pattern: str
    regex: bool = False
    match_case: bool = True

    def compile(self) -> re.Pattern:
        if not self.pattern:
            raise SearchError(msg("nothing to find"))
        source = self.pattern if self.regex else re.escape(self.pattern)
        try:
            return re.compile(source, 0 if self.match_case else re.IGNORECASE)
        except re.error as exc:
            raise SearchError(msg("the regular expression is not valid: {reason}", reason=exc)) from None


def fields_in_scope(issue: Issue, blocks: set[str] | None = None) -> list[TextField]:
    """The text fields of the issue in reading order, only those of `blocks` when given."""
    return [tf for tf in iter_text_fields(issue) if blocks is None or tf.block.id in blocks]


def find_all(issue: Issue, query: Query, blocks: set[str] | None = None) -> list[Match]:
    regex = query.compile()
    found = []
    for tf in fields_in_scope(issue, blocks):
        for match in regex.finditer(tf.text):
            if match.end() > match.start():  # an empty match has nothing to show or replace
                found.append(Match(tf.block.id, tf.path, match.start(), match.end(), match.group()))
    return found


def _replacement(regex_match: re.Match, query: Query, replacement: str) -> str:
    if not query.regex:
        return replacement
    try:
        return regex_match.expand(replacement)
    except (re.error, IndexError) as exc:
        raise SearchError(
            msg("the replacement refers to a group the expression does not have: {reason}", reason=exc)
        ) from None


def replace_in_text(text: str, query: Query, replacement: str) -> tuple[str, int]:
    regex = query.compile()
    count = 0

    def one(match: re.Match) -> str:
        nonlocal count
        if match.end() == match.start():
            return match.group()
        count += 1
        return _replacement(match, query, replacement)

    return regex.sub(one, text), count


def plan_replace_all(
    issue: Issue, query: Query, replacement: str, blocks: set[str] | None = None
) -> tuple[dict[tuple[str, str], str], int]:
    """({(block, path): new text} for the fields that change, how many places)."""
    edits: dict[tuple[str, str], str] = {}
    total = 0
    for tf in fields_in_scope(issue, blocks):
        new, count = replace_in_text(tf.text, query, replacement)
        if count and new != tf.text:
            edits[(tf.block.id, tf.path)] = new
            total += count
    return edits, total


def edits_op(edits: dict[tuple[str, str], str]) -> Batch:
    """One undoable step setting every edited field."""
    return Batch([SetField(block, path, text) for (block, path), text in edits.items()])
