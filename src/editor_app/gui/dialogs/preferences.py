"""Preferences: the user's name (on marks), interface language, default template, autosave interval."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSpinBox

from editor_app.gui import settings
from editor_app.gui.dialogs import fit_dialog
from editor_app.layout.templates import list_templates


class PreferencesDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        form = QFormLayout(self)
        self.name = QLineEdit(settings.user_name())
        self.name.setToolTip(self.tr("Proofreading marks carry this name, and who accepted or rejected them"))
        form.addRow(self.tr("Your name"), self.name)
        self.language = QComboBox()
        self.language.addItem(self.tr("Follow the system"), "system")
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language())))
        form.addRow(self.tr("Interface language"), self.language)
        note = QLabel(self.tr("A new language applies the next time editor-app starts."))
        note.setStyleSheet("color: #666;")
        form.addRow("", note)
        self.template = QComboBox()
        for template in list_templates():
            self.template.addItem(template.name, template.id)
        self.template.setCurrentIndex(max(0, self.template.findData(settings.default_template())))
        form.addRow(self.tr("Template for new issues"), self.template)
        self.autosave = QSpinBox()
        self.autosave.setRange(10, 600)
        self.autosave.setSuffix(self.tr(" s"))
        self.autosave.setValue(settings.autosave_seconds())
        form.addRow(self.tr("Autosave every"), self.autosave)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        fit_dialog(self, 460)

    def accept(self) -> None:
        if self.name.text().strip():
            settings.set_user_name(self.name.text())
        settings.set_language(self.language.currentData())
        settings.set_default_template(self.template.currentData())
        settings.set_autosave_seconds(self.autosave.value())
        super().accept()
