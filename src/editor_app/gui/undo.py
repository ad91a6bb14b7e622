"""One QUndoCommand adapter over the core's reversible ops.

`op.apply(issue)` returns the inverse, so a command only remembers the op to redo and the inverse to
undo. Consecutive ops with the same `Op.merge_key()` (typing into one field) merge into one step:
the merged command keeps the first inverse and the latest op.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from editor_app.model.ops import Op

MERGE_ID = 7001


class OpCommand(QUndoCommand):
    def __init__(self, session, op: Op, text: str):
        super().__init__(text)
        self._session = session
        self._op = op
        self._inverse: Op | None = None
        self._key = op.merge_key()
        self.sealed = False  # set when focus leaves the field: the next keystroke starts a new step

    def id(self) -> int:  # noqa: A003 - Qt's name
        return MERGE_ID if self._key is not None else -1

    def redo(self) -> None:
        inverse = self._session.apply_raw(self._op)
        if self._inverse is None:
            self._inverse = inverse

    def undo(self) -> None:
        self._op = self._session.apply_raw(self._inverse)

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if self.sealed or not isinstance(other, OpCommand) or other._key != self._key:
            return False
        self._op = other._op  # already applied by other.redo(); our inverse still restores the start
        return True
