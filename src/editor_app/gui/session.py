"""The open document: project, undo stack and change signals the views listen to.

Every change goes through `apply(op, text)`, which pushes an undo command; views never edit the
model directly. `block_changed` carries the id of a block whose text changed (cheap refresh);
`structure_changed` means pages or blocks were added, removed or moved (views rebuild). `settled`
follows a pause in the changes: what needs the page composed (fits, places) refreshes then, never
inside a keystroke (a page takes ~10 ms to compose, several times that on a busy machine).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from editor_app.imaging import image_sizes
from editor_app.layout.compose import Composer
from editor_app.layout.fit import FitResult, fit_of
from editor_app.model import ops
from editor_app.storage.project import Project

SETTLE_MS = 120

_STRUCTURE_OPS = (
    ops.InsertBlock,
    ops.RemoveBlock,
    ops.MoveBlock,
    ops.InsertPage,
    ops.RemovePage,
    ops.AddPhoto,
    ops.RemovePhoto,
    ops.SetPageField,
    ops.SetIssueField,
)


class EditSession(QObject):
    block_changed = Signal(str)
    structure_changed = Signal()
    flags_changed = Signal()  # proofreading marks added, resolved or removed
    changed = Signal()  # anything changed: preview, status and autosave listen
    highlights_changed = Signal()  # find matches or 核红 changes to paint (see gui/highlights.py)
    settled = Signal()  # the changes paused: recompose what shows fits and places

    def __init__(self, project: Project, parent=None):
        super().__init__(parent)
        self.project = project
        self.undo_stack = QUndoStack(self)
        self.revision = 0
        self.find_ranges: list = []  # TextRange of kind "find"
        self.change_ranges: list = []  # TextRange of kinds "inserted" and "deleted" (核红)
        self.deleted_text: dict = {}  # deleted TextRange -> the text removed there
        self._image_sizes: dict[str, tuple[int, int]] = {}
        self._composed: dict[str, tuple[int, list]] = {}  # page id -> (revision, composed pages)
        from editor_app.gui.preview.metrics import screen_metrics

        # one composer for the session: it keeps what it set, so a keystroke recomposes only its paragraph
        self.composer = Composer(metrics=screen_metrics(), image_sizes=self._image_sizes)
        self.settle_timer = QTimer(self)
        self.settle_timer.setSingleShot(True)
        self.settle_timer.setInterval(SETTLE_MS)
        self.settle_timer.timeout.connect(self.settled)
        self.changed.connect(self.settle_timer.start)

    @property
    def issue(self):
        return self.project.issue

    def apply(self, op: ops.Op, text: str) -> None:
        from editor_app.gui.undo import OpCommand

        self.undo_stack.push(OpCommand(self, op, text))

    @property
    def highlights(self) -> list:
        return self.change_ranges + self.find_ranges

    def set_find_ranges(self, ranges: list) -> None:
        if ranges != self.find_ranges:
            self.find_ranges = list(ranges)
            self.highlights_changed.emit()

    def set_change_ranges(self, ranges: list, deleted_text: dict | None = None) -> None:
        if ranges != self.change_ranges:
            self.change_ranges = list(ranges)
            self.deleted_text = dict(deleted_text or {})
            self.highlights_changed.emit()

    def seal_typing(self) -> None:
        """Stop merging into the last command (focus left the field)."""
        from editor_app.gui.undo import OpCommand

        index = self.undo_stack.index()
        if index > 0:
            command = self.undo_stack.command(index - 1)
            if isinstance(command, OpCommand):
                command.sealed = True

    def apply_raw(self, op: ops.Op) -> ops.Op:
        """Apply without the undo stack (used by the undo commands themselves)."""
        inverse = op.apply(self.project.issue)
        self.revision += 1
        if _touches_flags(op):
            self.flags_changed.emit()
        if _is_structural(op):
            self.structure_changed.emit()
        else:
            for block_id in _touched_blocks(op):
                self.block_changed.emit(block_id)
        self.changed.emit()
        return inverse

    def composed(self, page) -> list:
        """The page as the composer sets it (and its continuation pages), until the next change.

        Raises EditorError when the page's template cannot be used (the preview says so)."""
        kept = self._composed.get(page.id)
        if kept is not None and kept[0] == self.revision:
            return kept[1]
        self.image_sizes()
        pages = self.composer.compose_page(self.issue, page)
        self._composed[page.id] = (self.revision, pages)
        return pages

    def composition(self):
        """The whole issue as composed for the preview (what an export from the window writes)."""
        from editor_app.layout.composition import Composition

        return Composition([p for page in self.issue.pages for p in self.composed(page)])

    def fit(self, page, block, fresh: bool = True) -> FitResult | None:
        """How the block's text fills its box, or None when there is nothing to compare it with (auto
        layout sized the box to the text) or the template cannot be used. `fresh=False`: while changes are
        still coming (before `settled`), the page as last composed, instead of composing it again for a view
        repainting mid-typing."""
        from editor_app.errors import EditorError

        kept = self._composed.get(page.id)
        stale_ok = not fresh and kept is not None and self.settle_timer.isActive()
        try:
            pages = kept[1] if stale_ok else self.composed(page)
        except EditorError:
            return None
        for composed_page in pages:
            for composed in composed_page.blocks:
                if composed.block_id == block.id:
                    result = fit_of(composed_page, composed)
                    if result.sized_by == "content" and not result.continued and result.state == "fits":
                        return None
                    return result
        return None

    def place_block(self, block_id: str, place, text: str) -> None:
        """Put a block at `place` (None: back to auto layout) as one undo step.

        The other blocks auto layout placed on that page are fixed where they are first, so moving one
        block never reshuffles the rest of the page behind the editor's back."""
        page, _, _ = self.issue.find_block(block_id)
        steps: list[ops.Op] = []
        if place is not None:
            for composed_page in self.composed(page):
                if composed_page.continuation:
                    continue
                for composed in composed_page.blocks:
                    if composed.block_id != block_id and composed.block.place is None:
                        steps.append(ops.SetPlacement(composed.block_id, composed.place))
        steps.append(ops.SetPlacement(block_id, place))
        self.apply(ops.Batch(steps) if len(steps) > 1 else steps[0], text)

    def auto_layout(self, page, text: str) -> bool:
        """Hand every block of `page` back to auto layout (one undo step); False when all already were."""
        steps = [ops.SetPlacement(block.id, None) for block in page.blocks if block.place is not None]
        if not steps:
            return False
        self.apply(ops.Batch(steps), text)
        return True

    def image_sizes(self) -> dict[str, tuple[int, int]]:
        missing = {name: data for name, data in self.project.images.items() if name not in self._image_sizes}
        if missing:
            self._image_sizes.update(image_sizes(missing))
            for name in missing:
                self._image_sizes.setdefault(name, (0, 0))
        return self._image_sizes

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()


def _is_structural(op: ops.Op) -> bool:
    if isinstance(op, ops.Batch):
        return any(_is_structural(o) for o in op.ops)
    return isinstance(op, _STRUCTURE_OPS)


def _touches_flags(op: ops.Op) -> bool:
    if isinstance(op, ops.Batch):
        return any(_touches_flags(o) for o in op.ops)
    return isinstance(
        op,
        (
            ops.AddFlag,
            ops.RemoveFlag,
            ops.ResolveFlag,
            ops.AddImportNotes,
            ops.RemoveImportNotes,
            ops.CloseRound,
            ops.ReopenRound,
        ),
    )


def _touched_blocks(op: ops.Op) -> list[str]:
    if isinstance(op, ops.Batch):
        return [b for o in op.ops for b in _touched_blocks(o)]
    block_id = getattr(op, "block_id", None)
    return [block_id] if block_id else []
