"""Offer the autosaved copies found at start-up: restore one, or discard them."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout


class RecoveryDialog(QDialog):
    def __init__(self, recoveries, parent=None):
        super().__init__(parent)
        self.recoveries = recoveries
        self.choice = None
        self.discard_all = False
        self.setWindowTitle(self.tr("Restore unsaved work"))
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("editor-app was not closed properly. These documents have unsaved "
                               "changes that were kept in recovery files:"))
        label.setWordWrap(True)
        layout.addWidget(label)
        self.list = QListWidget()
        for recovery in recoveries:
            name = str(recovery.original) if recovery.original else self.tr("Untitled document")
            item = QListWidgetItem(f"{name}    ({recovery.saved_at})")
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox()
        restore = buttons.addButton(self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        discard = buttons.addButton(self.tr("Discard all"), QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.tr("Later"), QDialogButtonBox.ButtonRole.RejectRole)
        restore.clicked.connect(self._restore)
        discard.clicked.connect(self._discard)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _restore(self) -> None:
        row = self.list.currentRow()
        self.choice = self.recoveries[row] if row >= 0 else None
        self.accept()

    def _discard(self) -> None:
        self.discard_all = True
        self.accept()
