"""Offer the autosaved copies found at start-up: restore one, or discard them."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
)


class RecoveryDialog(QDialog):
    def __init__(self, recoveries, parent=None):
        super().__init__(parent)
        self.recoveries = recoveries
        self.choice = None
        self.discard_all = False
        self.setWindowTitle(self.tr("Restore unsaved work"))
        layout = QVBoxLayout(self)
        label = QLabel(
            self.tr(
                "editor-app was not closed properly. These documents have unsaved "
                "changes that were kept in recovery files:"
            )
        )
        label.setWordWrap(True)
        layout.addWidget(label)
        self.list = QListWidget()
        for recovery in recoveries:
            name = recovery.original.name if recovery.original else self.tr("Untitled document")
            item = QListWidgetItem(
                self.tr("%1 — kept %2").replace("%1", name).replace("%2", local_time(recovery.saved_at))
            )
            item.setToolTip(str(recovery.original or recovery.path))  # the full path, when names repeat
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
        from editor_app.gui.dialogs import fit_dialog

        fit_dialog(self, 520)

    def _restore(self) -> None:
        row = self.list.currentRow()
        self.choice = self.recoveries[row] if row >= 0 else None
        self.accept()

    def _discard(self) -> None:
        answer = QMessageBox.question(  # the recovery copies are the only copies of that work
            self,
            self.tr("Discard unsaved work?"),
            self.tr("The unsaved changes in these documents will be lost for good."),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Discard:
            return
        self.discard_all = True
        self.accept()


def local_time(saved_at: str) -> str:
    """'2026-11-28T21:30:15+00:00' as the user's wall clock, '2026-11-28 22:30'."""
    try:
        return datetime.fromisoformat(saved_at).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return saved_at
