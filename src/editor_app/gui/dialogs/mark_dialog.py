"""Ask for a proofreading mark's note and suggested replacement."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit


class MarkDialog(QDialog):
    def __init__(self, quote: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Proofreading mark"))
        form = QFormLayout(self)
        form.addRow(self.tr("Marked text"), QLabel(f"「{quote}」"))
        self.suggestion = QLineEdit(quote)
        self.suggestion.selectAll()
        form.addRow(self.tr("Replace with"), self.suggestion)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Why, e.g. 别字 / 规范表述"))
        form.addRow(self.tr("Note for the editor"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.quote = quote

    def values(self) -> tuple[str, str | None]:
        """(note, suggestion or None when unchanged)."""
        suggestion = self.suggestion.text()
        return self.note.text().strip(), (suggestion if suggestion != self.quote else None)
