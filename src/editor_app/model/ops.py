"""Model operations with inverses.

Every change to a document goes through an `Op`: `op.apply(issue)` changes the issue and returns the
op that undoes it. The GUI's undo stack only stores ops; the logic (and its tests) lives here.
Ops hold ids, never object positions captured at creation, so they stay valid after other edits
have been undone and redone.
"""

from __future__ import annotations

import copy
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any, cast

from editor_app.model.document import (
    Article,
    Block,
    EditorNote,
    Flag,
    Ignore,
    Issue,
    Note,
    Page,
    Paragraph,
    Photo,
    Placement,
    Round,
)
from editor_app.model.fields import get_field, set_field

_ISSUE_FIELDS = ("publication", "type", "number", "total_number", "date", "editors", "organizer", "permit")


def _text_block(issue: Issue, block_id: str) -> Article | EditorNote:
    """The block whose paragraphs an op edits (only articles and editor's notes have them)."""
    return cast("Article | EditorNote", issue.find_block(block_id)[2])


def _photo_block(issue: Issue, block_id: str) -> Article:
    """The article whose photos an op edits."""
    return cast(Article, issue.find_block(block_id)[2])


class Op(ABC):
    """Base class: `apply` mutates the issue and returns the inverse op."""

    @abstractmethod
    def apply(self, issue: Issue) -> Op:
        """Change `issue`; return the op that restores it."""

    def merge_key(self) -> tuple | None:
        """Ops with equal non-None keys may be merged into one undo step (typing into a field)."""
        return None


@dataclass
class InsertBlock(Op):
    page_id: str
    index: int
    block: Block

    def apply(self, issue: Issue) -> Op:
        _, page = issue.find_page(self.page_id)
        index = max(0, min(self.index, len(page.blocks)))
        page.blocks.insert(index, self.block)
        return RemoveBlock(self.block.id)


@dataclass
class RemoveBlock(Op):
    block_id: str

    def apply(self, issue: Issue) -> Op:
        page, index, block = issue.find_block(self.block_id)
        del page.blocks[index]
        return InsertBlock(page.id, index, block)


@dataclass
class MoveBlock(Op):
    """Move a block to `index` of page `page_id` (the index counts after removal)."""

    block_id: str
    page_id: str
    index: int

    def apply(self, issue: Issue) -> Op:
        page, old_index, block = issue.find_block(self.block_id)
        del page.blocks[old_index]
        _, target = issue.find_page(self.page_id)
        index = max(0, min(self.index, len(target.blocks)))
        target.blocks.insert(index, block)
        return MoveBlock(self.block_id, page.id, old_index)


@dataclass
class SetField(Op):
    """Set one field of a block (see `model.fields` for paths)."""

    block_id: str
    path: str
    value: Any

    def apply(self, issue: Issue) -> Op:
        _, _, block = issue.find_block(self.block_id)
        old = get_field(block, self.path)
        set_field(block, self.path, self.value)
        return SetField(self.block_id, self.path, old)

    def merge_key(self) -> tuple | None:
        return ("set", self.block_id, self.path)


@dataclass
class SetPlacement(Op):
    """Put a block at a place on its page's grid, or (None) hand it back to auto layout."""

    block_id: str
    place: Placement | None

    def apply(self, issue: Issue) -> Op:
        _, _, block = issue.find_block(self.block_id)
        old = block.place
        block.place = copy.copy(self.place)
        return SetPlacement(self.block_id, old)


@dataclass
class InsertParagraph(Op):
    block_id: str
    index: int
    paragraph: Paragraph

    def apply(self, issue: Issue) -> Op:
        block = _text_block(issue, self.block_id)
        index = max(0, min(self.index, len(block.paragraphs)))
        block.paragraphs.insert(index, self.paragraph)
        return RemoveParagraph(self.block_id, self.paragraph.id)


@dataclass
class RemoveParagraph(Op):
    block_id: str
    paragraph_id: str

    def apply(self, issue: Issue) -> Op:
        block = _text_block(issue, self.block_id)
        for index, p in enumerate(block.paragraphs):
            if p.id == self.paragraph_id:
                del block.paragraphs[index]
                return InsertParagraph(self.block_id, index, p)
        raise KeyError(self.paragraph_id)


@dataclass
class SetParagraphs(Op):
    """Replace a block's whole paragraph list (the body editor commits this way)."""

    block_id: str
    paragraphs: list[Paragraph]

    def apply(self, issue: Issue) -> Op:
        block = _text_block(issue, self.block_id)
        old = block.paragraphs
        block.paragraphs = list(self.paragraphs)
        return SetParagraphs(self.block_id, old)

    def merge_key(self) -> tuple | None:
        return ("paragraphs", self.block_id)


@dataclass
class AddPhoto(Op):
    block_id: str
    index: int
    photo: Photo

    def apply(self, issue: Issue) -> Op:
        block = _photo_block(issue, self.block_id)
        index = max(0, min(self.index, len(block.photos)))
        block.photos.insert(index, self.photo)
        return RemovePhoto(self.block_id, self.photo.id)


@dataclass
class RemovePhoto(Op):
    block_id: str
    photo_id: str

    def apply(self, issue: Issue) -> Op:
        block = _photo_block(issue, self.block_id)
        for index, photo in enumerate(block.photos):
            if photo.id == self.photo_id:
                del block.photos[index]
                return AddPhoto(self.block_id, index, photo)
        raise KeyError(self.photo_id)


@dataclass
class InsertPage(Op):
    index: int
    page: Page

    def apply(self, issue: Issue) -> Op:
        index = max(0, min(self.index, len(issue.pages)))
        issue.pages.insert(index, self.page)
        return RemovePage(self.page.id)


@dataclass
class RemovePage(Op):
    page_id: str

    def apply(self, issue: Issue) -> Op:
        index, page = issue.find_page(self.page_id)
        del issue.pages[index]
        return InsertPage(index, page)


@dataclass
class SetPageField(Op):
    page_id: str
    name: str
    value: Any

    def apply(self, issue: Issue) -> Op:
        if self.name not in ("number", "name", "template"):
            raise KeyError(self.name)
        _, page = issue.find_page(self.page_id)
        old = getattr(page, self.name)
        setattr(page, self.name, self.value)
        return SetPageField(self.page_id, self.name, old)


@dataclass
class SetIssueField(Op):
    name: str
    value: Any

    def apply(self, issue: Issue) -> Op:
        if self.name not in _ISSUE_FIELDS:
            raise KeyError(self.name)
        old = getattr(issue, self.name)
        setattr(issue, self.name, self.value)
        return SetIssueField(self.name, old)


@dataclass
class AddFlag(Op):
    flag: Flag
    index: int | None = None

    def apply(self, issue: Issue) -> Op:
        index = len(issue.flags) if self.index is None else self.index
        issue.flags.insert(index, self.flag)
        return RemoveFlag(self.flag.id)


@dataclass
class RemoveFlag(Op):
    flag_id: str

    def apply(self, issue: Issue) -> Op:
        index, flag = issue.find_flag(self.flag_id)
        del issue.flags[index]
        return AddFlag(flag, index)


@dataclass
class ResolveFlag(Op):
    """Set a flag's status (accepted, rejected, or back to open) and who did it when."""

    flag_id: str
    status: str
    by: str = ""
    at: str | None = None

    def apply(self, issue: Issue) -> Op:
        if self.status not in ("open", "accepted", "rejected"):
            raise ValueError(self.status)
        _, flag = issue.find_flag(self.flag_id)
        inverse = ResolveFlag(self.flag_id, flag.status, flag.resolved_by, flag.resolved_at)
        flag.status, flag.resolved_by, flag.resolved_at = self.status, self.by, self.at  # type: ignore[assignment]
        return inverse


@dataclass
class AddIgnore(Op):
    ignore: Ignore

    def apply(self, issue: Issue) -> Op:
        issue.ignored.append(self.ignore)
        return RemoveIgnore(self.ignore)


@dataclass
class RemoveIgnore(Op):
    ignore: Ignore

    def apply(self, issue: Issue) -> Op:
        issue.ignored.remove(self.ignore)
        return AddIgnore(self.ignore)


@dataclass
class AddImportNotes(Op):
    """Keep the importer's notes with the issue (an import into an open issue brings its own)."""

    notes: list[Note]
    index: int | None = None

    def apply(self, issue: Issue) -> Op:
        index = len(issue.import_notes) if self.index is None else self.index
        issue.import_notes[index:index] = self.notes
        return RemoveImportNotes([n.id for n in self.notes])


@dataclass
class RemoveImportNotes(Op):
    """Dismiss import notes (they are consecutive when an AddImportNotes is undone)."""

    note_ids: list[str]

    def apply(self, issue: Issue) -> Op:
        ids = set(self.note_ids)
        positions = [i for i, n in enumerate(issue.import_notes) if n.id in ids]
        if not positions:
            raise KeyError(self.note_ids)
        removed = [issue.import_notes[i] for i in positions]
        issue.import_notes[:] = [n for n in issue.import_notes if n.id not in ids]
        return AddImportNotes(removed, positions[0])


@dataclass
class CloseRound(Op):
    """Close the current proof round: its snapshot joins the issue's rounds."""

    round: Round

    def apply(self, issue: Issue) -> Op:
        if self.round.number != len(issue.rounds) + 1:
            raise ValueError(f"round {self.round.number} cannot follow {len(issue.rounds)} closed rounds")
        issue.rounds.append(self.round)
        return ReopenRound(self.round.number)


@dataclass
class ReopenRound(Op):
    """Take back the last closed round (undo of closing it)."""

    number: int

    def apply(self, issue: Issue) -> Op:
        if not issue.rounds or issue.rounds[-1].number != self.number:
            raise ValueError(f"round {self.number} is not the last closed round")
        return CloseRound(issue.rounds.pop())


@dataclass
class Batch(Op):
    """Several ops applied as one step (e.g. duplicate-and-move); undone in reverse order."""

    ops: list[Op] = field(default_factory=list)

    def apply(self, issue: Issue) -> Op:
        inverses = []
        try:
            for op in self.ops:
                inverses.append(op.apply(issue))
        except Exception:
            for inverse in reversed(inverses):
                inverse.apply(issue)
            raise
        return Batch(list(reversed(inverses)))


def duplicate_block(block: Block) -> Block:
    """A deep copy with fresh ids for the block, its paragraphs and its photos."""
    from editor_app.model.document import new_id

    clone = copy.deepcopy(block)
    clone.id = new_id(block.id[:1])
    for p in getattr(clone, "paragraphs", ()):
        p.id = new_id("p")
    for ph in getattr(clone, "photos", ()):
        ph.id = new_id("f")
    clone.place = None  # a copy never lands on top of its original: auto layout finds it a place
    return clone
