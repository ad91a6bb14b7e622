"""Ask for a proofreading mark's note and suggested replacement (and, the first time, the user's name)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from editor_app.gui import settings
from editor_app.gui.dialogs import fit_dialog


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
        self.name = None
        if not settings.user_name_chosen():  # asked once; later in Preferences
            self.name = QLineEdit(settings.account_name())
            self.name.setToolTip(self.tr("Marks carry this name; change it later in Preferences"))
            form.addRow(self.tr("Your name"), self.name)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.quote = quote
        fit_dialog(self)

    def accept(self) -> None:
        if self.name is not None and self.name.text().strip():
            settings.set_user_name(self.name.text())
        super().accept()

    def values(self) -> tuple[str, str | None]:
        """(note, suggestion or None when unchanged)."""
        suggestion = self.suggestion.text()
        return self.note.text().strip(), (suggestion if suggestion != self.quote else None)
