"""Line fields bound to one field path of one block, with an optional character counter.

A field pushes a `SetField` op on every edit (merged into one undo step per field) and refreshes
from the model when the block changes (undo, redo), leaving the cursor alone when nothing differs.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QInputMethodEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QLineEdit

from editor_app.model.fields import get_field
from editor_app.model.ops import SetField

_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufeff]")  # no place in a paragraph or a line
_BREAKS = re.compile("\r\n|[\r\n\x0b\x0c\u2028\u2029\x85]")


def clean_paste(text: str, single_line: bool = False) -> str:
    """Pasted text as a field can hold it: invisible control characters removed; every kind of
    line break (Word's manual break \\v, Unicode separators, \\r\\n) a new line, or in a one-line
    field (a headline) nothing: the two halves of a Chinese head join without a space."""
    text = _BREAKS.sub("" if single_line else "\n", text)
    return _CONTROLS.sub("", text)


class DeferUndoShortcuts(QObject):
    """Let Ctrl+Z / Ctrl+Y reach the window's undo stack instead of a widget's private undo.

    Ctrl+Delete goes the other way: in a text field it deletes the next word, as everywhere else,
    and never the window's "Delete block" (which would throw away the whole article being typed).
    """

    def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.ShortcutOverride:
            for key in (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo):
                if event.matches(key):
                    event.ignore()
                    return True
            if event.matches(QKeySequence.StandardKey.DeleteEndOfWord):
                event.accept()  # the field takes the key
                return True
        return False


_DEFER = None


def defer_undo(widget) -> None:
    global _DEFER
    if _DEFER is None:
        _DEFER = DeferUndoShortcuts()
    widget.installEventFilter(_DEFER)


class FieldEdit(QLineEdit):
    def __init__(self, session, block_id: str, path: str, optional: bool = True, parent=None):
        super().__init__(parent)
        self.session = session
        self.block_id = block_id
        self.path = path
        self.optional = optional
        self.counter: QLabel | None = None
        self.limit = 0
        self.base_style = ""
        defer_undo(self)
        self.refresh()
        self.textEdited.connect(self._commit)
        checker = getattr(session, "checker", None)
        if checker is not None:
            checker.updated.connect(self._findings_updated)
            self._findings_updated("")
        if hasattr(session, "highlights_changed"):
            session.highlights_changed.connect(self.show_highlights)
            self.show_highlights()

    def show_highlights(self) -> None:
        """Find matches and 核红 insertions as text formats (a line edit takes them through an input
        method event, the one way Qt offers to format parts of its text)."""
        from editor_app.gui.checking import utf16_offset
        from editor_app.gui.editors.body_editor import highlight_format

        text = self.text()
        attributes = []
        for r in getattr(self.session, "highlights", ()):
            if r.block_id != self.block_id or r.path != self.path or r.kind == "deleted" or r.end > len(text):
                continue
            start = utf16_offset(text, r.start)
            attributes.append(
                QInputMethodEvent.Attribute(
                    QInputMethodEvent.AttributeType.TextFormat,
                    start - self.cursorPosition(),
                    utf16_offset(text, r.end) - start,
                    highlight_format(r.kind),
                )
            )
        if attributes or getattr(self, "_formatted", False):
            self._formatted = bool(attributes)
            QCoreApplication.sendEvent(self, QInputMethodEvent("", attributes))

    def set_base_style(self, style: str) -> None:
        self.base_style = style
        self.setStyleSheet(style)

    def _findings_updated(self, block_id: str) -> None:
        """A line edit cannot underline words: a red rule under the field and the findings as tooltip."""
        if block_id not in ("", self.block_id):
            return
        checker = self.session.checker
        findings = [
            f for f in checker.by_block.get(self.block_id, ()) if f.location and f.location.field == self.path
        ]
        if findings:
            self.setStyleSheet(self.base_style + "border: 1px solid #bbb; border-bottom: 2px solid #d32f2f;")
            self.setToolTip(
                "\n".join(
                    f"「{f.text}」→「{'、'.join(f.suggestions)}」 {f.message}"
                    if f.suggestions
                    else f"「{f.text}」 {f.message}"
                    for f in findings
                )
            )
        else:
            self.setStyleSheet(self.base_style)
            self.setToolTip("")
        self.findings = findings

    def _block(self):
        return self.session.issue.find_block(self.block_id)[2]

    findings: list = []

    def model_value(self) -> str:
        return get_field(self._block(), self.path) or ""

    def refresh(self) -> None:
        value = self.model_value()
        if value != self.text():
            self.setText(value)
            self.show_highlights()
        self._update_counter()

    def _commit(self, text: str) -> None:
        clean = clean_paste(text, single_line=True)
        if clean != text:  # a paste brought line breaks or control characters into a one-line field
            position = self.cursorPosition() - (len(text) - len(clean))
            self.setText(clean)
            self.setCursorPosition(max(0, position))
            text = clean
        value = text if (text or not self.optional) else None
        if (get_field(self._block(), self.path) or "") == text:
            return
        self.session.apply(
            SetField(self.block_id, self.path, value),
            self.tr("Edit %1").replace("%1", self.accessibleName() or self.path),
        )
        self._update_counter()

    def focusOutEvent(self, event):  # noqa: N802
        self.session.seal_typing()
        super().focusOutEvent(event)

    def attach_counter(self, limit: int) -> QLabel:
        self.counter = QLabel()
        self.counter.setMinimumWidth(self.counter.fontMetrics().horizontalAdvance("000/000") + 6)
        self.limit = limit
        self._update_counter()
        return self.counter

    def set_limit(self, limit: int) -> None:
        if limit != self.limit:
            self.limit = limit
            self._update_counter()

    def _update_counter(self) -> None:
        if self.counter is None:
            return
        count = len(self.text())
        if self.limit:
            self.counter.setText(f"{count}/{self.limit}")
            over = count > self.limit
            self.counter.setStyleSheet("color: #c62828; font-weight: bold;" if over else "color: #666;")
            self.counter.setToolTip(self.tr("Characters / characters that fit on one line of the slot"))
        else:
            self.counter.setText(str(count))
