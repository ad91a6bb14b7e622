"""The Tools menu: 简繁转换 of a selection, the pinyin of rare characters, names sorted by pinyin or strokes.

Each works on the selection of the focused text field or body editor; a change goes through the
editor like typing, so it is one undo step.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPlainTextEdit


class ToolActions:
    """Mixed into MainWindow."""

    def _selection(self):
        """(widget, selected text) of the focused editor, or (None, "") with a hint in the status bar."""
        widget = QApplication.focusWidget() or getattr(self, "_last_text_widget", None)
        if isinstance(widget, QPlainTextEdit):
            text = widget.textCursor().selectedText().replace("\u2029", "\n")
        elif isinstance(widget, QLineEdit):
            text = widget.selectedText()
        else:
            widget, text = None, ""
        if not text:
            self.statusBar().showMessage(self.tr("Select some text in the editor first"), 5000)
            return None, ""
        return widget, text

    def _replace_selection(self, widget, text: str) -> None:
        self.session.seal_typing()
        if isinstance(widget, QPlainTextEdit):
            cursor = widget.textCursor()
            start = min(cursor.selectionStart(), cursor.selectionEnd())
            cursor.insertText(text)
            cursor.setPosition(start)
            cursor.setPosition(start + len(text), QTextCursor.MoveMode.KeepAnchor)
            widget.setTextCursor(cursor)
        else:
            start = widget.selectionStart()
            widget.insert(text)
            widget.setSelection(start, len(text))
            commit = getattr(widget, "_commit", None)
            if commit is not None:
                commit(widget.text())
        self.session.seal_typing()

    def convert_selection(self, config: str) -> bool:
        from editor_app.chinese import convert

        widget, text = self._selection()
        if widget is None:
            return False
        converted = convert(text, config)
        if converted != text:
            self._replace_selection(widget, converted)
        return True

    def show_pinyin(self) -> str:
        from editor_app.chinese import pinyin_line

        widget, text = self._selection()
        if widget is None:
            return ""
        line = pinyin_line(text) or self.tr("(no Chinese characters selected)")
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Pinyin"), line, parent=self)
        box.setTextInteractionFlags(box.textInteractionFlags())
        box.open()
        self._pinyin_box = box
        return line

    def sort_names(self, by: str) -> bool:
        """Sort the selected names (one per line, or separated by 、 or spaces in a line)."""
        from editor_app.chinese import sort_names

        widget, text = self._selection()
        if widget is None:
            return False
        if "\n" in text:
            separator, names = "\n", text.split("\n")
        elif "、" in text:
            separator, names = "、", text.split("、")
        else:
            separator = "\u3000" if "\u3000" in text else " "
            names = text.split()
        ordered = sort_names(names, by)
        result = separator.join(ordered)
        if result != text:
            self._replace_selection(widget, result)
        return True
