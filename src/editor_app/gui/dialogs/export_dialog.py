"""Export DOCX: template, comment options, traditional edition and the file to write."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
)

from editor_app.gui import settings
from editor_app.gui.dialogs import fit_dialog
from editor_app.layout.templates import list_templates


class ExportDialog(QDialog):
    def __init__(self, project, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export DOCX"))
        form = QFormLayout(self)
        self.template = QComboBox()
        self.template.addItem(self.tr("Each page's own template"), None)
        for template in list_templates():
            self.template.addItem(template.name, template.id)
        form.addRow(self.tr("Template"), self.template)
        self.flags = QCheckBox(self.tr("Proofreaders' marks as Word comments"))
        self.flags.setChecked(bool(project.issue.flags))
        self.handled = QCheckBox(self.tr("Accepted and rejected marks as resolved comments"))
        self.handled.setChecked(settings.show_handled_marks_in_export())
        self.handled.setEnabled(self.flags.isChecked())
        self.flags.toggled.connect(self.handled.setEnabled)
        self.findings = QCheckBox(self.tr("Checker findings as Word comments"))
        form.addRow(self.tr("Comments"), self.flags)
        form.addRow("", self.handled)
        form.addRow("", self.findings)
        self.traditional = QComboBox()
        self.traditional.addItem(self.tr("No (Simplified Chinese)"), None)
        self.traditional.addItem(self.tr("Traditional (OpenCC standard)"), "s2t")
        self.traditional.addItem(self.tr("Traditional, Taiwan"), "s2tw")
        self.traditional.addItem(self.tr("Traditional, Hong Kong"), "s2hk")
        form.addRow(self.tr("Traditional edition"), self.traditional)
        row = QHBoxLayout()
        base = project.path.with_suffix(".docx") if project.path else Path.home() / "bulletin.docx"
        self.path = QLineEdit(str(base))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Save to"), row)
        self._browsed = ""
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.export_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText(self.tr("Export"))
        self.path.textChanged.connect(lambda text: self.export_button.setEnabled(bool(text.strip())))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        fit_dialog(self, 560)

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export DOCX"), self.path.text(), "Word (*.docx)")
        if name:
            self._browsed = name  # confirmed there if it existed
            self.path.setText(name if name.lower().endswith(".docx") else name + ".docx")

    def accept(self) -> None:
        """A typed name gets .docx; an existing file is replaced only when the user says so."""
        out = self.out_path()
        if out.suffix.lower() != ".docx":
            out = out.with_name(out.name + ".docx")
            self.path.setText(str(out))
        if out.exists() and not self._browsed == str(out):  # the file dialog has asked already
            answer = QMessageBox.question(
                self,
                self.tr("Replace file?"),
                self.tr("%1 already exists. Replace it?").replace("%1", out.name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().accept()

    def options(self) -> dict:
        """Keyword arguments for `editor_app.export.export_docx` (besides project and out)."""
        settings.set_show_handled_marks_in_export(self.handled.isChecked())
        return {
            "template": self.template.currentData(),
            "flags_as_comments": self.flags.isChecked(),
            "handled_marks": self.handled.isChecked(),
            "findings_as_comments": self.findings.isChecked(),
            "traditional": self.traditional.currentData(),
        }

    def out_path(self) -> Path:
        return Path(self.path.text().strip())
