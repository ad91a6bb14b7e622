"""The open document: project, undo stack and change signals the views listen to.

Every change goes through `apply(op, text)`, which pushes an undo command; views never edit the
model directly. `block_changed` carries the id of a block whose text changed (cheap refresh);
`structure_changed` means pages or blocks were added, removed or moved (views rebuild).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from editor_app.errors import EditorError
from editor_app.imaging import inspect_image
from editor_app.layout.fit import fit_article
from editor_app.layout.templates import get_template
from editor_app.model import ops
from editor_app.storage.project import Project

_STRUCTURE_OPS = (ops.InsertBlock, ops.RemoveBlock, ops.MoveBlock, ops.InsertPage, ops.RemovePage,
                  ops.AddPhoto, ops.RemovePhoto, ops.SetPageField, ops.SetIssueField)


class EditSession(QObject):
    block_changed = Signal(str)
    structure_changed = Signal()
    flags_changed = Signal()  # proofreading marks added, resolved or removed
    changed = Signal()  # anything changed: preview, status and autosave listen
    highlights_changed = Signal()  # find matches or 核红 changes to paint (see gui/highlights.py)

    def __init__(self, project: Project, parent=None):
        super().__init__(parent)
        self.project = project
        self.undo_stack = QUndoStack(self)
        self.revision = 0
        self._fits: dict[str, object] = {}
        self.find_ranges: list = []  # TextRange of kind "find"
        self.change_ranges: list = []  # TextRange of kinds "inserted" and "deleted" (核红)
        self.deleted_text: dict = {}  # deleted TextRange -> the text removed there
        self._image_sizes: dict[str, tuple[int, int]] = {}
        # connected first, so the cache is fresh before any view asks
        self.block_changed.connect(lambda block_id: self._fits.pop(block_id, None))
        self.structure_changed.connect(self._fits.clear)

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

    def fit(self, page, article):
        """The article's FitResult in its slot (cached until the block changes), or None."""
        if getattr(article, "type", None) != "article" or not article.slot:
            return None
        if article.id in self._fits:
            return self._fits[article.id]
        result = None
        try:
            template = get_template(page.template)
        except EditorError:
            template = None
        slot = template.slot(article.slot) if template else None
        if slot is not None:
            result = fit_article(article, template, slot, self.image_sizes())
        self._fits[article.id] = result
        return result

    def image_sizes(self) -> dict[str, tuple[int, int]]:
        for name, data in self.project.images.items():
            if name not in self._image_sizes:
                try:
                    info = inspect_image(data, name)
                    self._image_sizes[name] = (info.width, info.height)
                except EditorError:
                    self._image_sizes[name] = (0, 0)
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
    return isinstance(op, (ops.AddFlag, ops.RemoveFlag, ops.ResolveFlag, ops.AddImportNotes,
                           ops.RemoveImportNotes, ops.CloseRound, ops.ReopenRound))


def _touched_blocks(op: ops.Op) -> list[str]:
    if isinstance(op, ops.Batch):
        return [b for o in op.ops for b in _touched_blocks(o)]
    block_id = getattr(op, "block_id", None)
    return [block_id] if block_id else []
