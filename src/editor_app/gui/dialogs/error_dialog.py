"""The dialog shown for an unexpected error: a plain message, details to copy, work kept safe."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout


class ErrorDialog(QDialog):
    def __init__(self, summary: str, details: str, recovery_note: str = "", parent=None, log_path=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Something went wrong"))
        self.resize(620, 420)
        layout = QVBoxLayout(self)
        message = QLabel(
            self.tr(
                "editor-app hit an unexpected problem. Your document is still open; please save your work."
            )
            + "\n\n"
            + summary
            + (("\n\n" + recovery_note) if recovery_note else "")
        )
        message.setWordWrap(True)
        layout.addWidget(message)
        if log_path is not None:  # what a newsroom sends with a report
            self.log_label = QLabel(
                self.tr("The log, to send with a report: %1").replace("%1", str(log_path))
            )
            self.log_label.setWordWrap(True)
            self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(self.log_label)
        layout.addWidget(QLabel(self.tr("Details for the developers:")))
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("Copy details"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(details))
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
