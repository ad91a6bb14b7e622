"""Forms for the smaller things: banner, editor's note, stand-alone photo, page and issue."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from editor_app.gui.editors.body_editor import BodyEditor
from editor_app.gui.editors.fields import FieldEdit, defer_undo
from editor_app.gui.editors.photo_strip import image_filter, read_image_into_project, thumbnail
from editor_app.layout.templates import list_templates
from editor_app.model.ops import SetField, SetIssueField, SetPageField


class _FieldsForm(QWidget):
    def __init__(self, session, block, specs, parent=None):
        super().__init__(parent)
        self.session, self.block_id = session, block.id
        self.layout_ = QVBoxLayout(self)
        form = QFormLayout()
        self.fields: dict[str, FieldEdit] = {}
        for path, label, optional in specs:
            edit = FieldEdit(session, block.id, path, optional=optional)
            edit.setAccessibleName(label)
            self.fields[path] = edit
            form.addRow(label, edit)
        self.layout_.addLayout(form)

    def refresh(self) -> None:
        for edit in self.fields.values():
            edit.refresh()


class BannerForm(_FieldsForm):
    def __init__(self, session, page, block, parent=None):
        super().__init__(
            session,
            block,
            [
                ("kicker", self.tr("Kicker (引题)"), True),
                ("title", self.tr("Banner headline (通栏标题)"), False),
                ("subtitle", self.tr("Deck (副题)"), True),
            ],
            parent,
        )
        self.layout_.addStretch(1)


class NoteForm(_FieldsForm):
    def __init__(self, session, page, block, parent=None):
        super().__init__(session, block, [("label", self.tr("Label (编者按)"), False)], parent)
        self.layout_.addWidget(QLabel(self.tr("Text of the note (one paragraph per line):")))
        self.body = BodyEditor(session, block.id, allow_subheads=False)
        self.layout_.addWidget(self.body, 1)

    def refresh(self) -> None:
        super().refresh()
        self.body.refresh()


class PhotoBlockForm(_FieldsForm):
    def __init__(self, session, page, block, parent=None):
        super().__init__(
            session,
            block,
            [("caption", self.tr("Caption (图片说明)"), False), ("credit", self.tr("Credit"), True)],
            parent,
        )
        self.thumb = QLabel()
        self.thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumb.setMinimumHeight(200)
        self.layout_.insertWidget(0, self.thumb)
        button = QPushButton(self.tr("Choose picture…"))
        button.clicked.connect(self._choose)
        self.layout_.addWidget(button)
        self.layout_.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        super().refresh()
        _, _, block = self.session.issue.find_block(self.block_id)
        pixmap = thumbnail(self.session.project, block.image, 320)
        if pixmap.isNull():
            self.thumb.setText(self.tr("No picture"))
        else:
            self.thumb.setPixmap(pixmap)

    def _choose(self) -> None:
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose picture"), "", image_filter())
        if name:
            key = read_image_into_project(self, self.session.project, Path(name))
            if key:
                self.session.apply(SetField(self.block_id, "image", key), self.tr("Choose picture"))


class PageForm(QWidget):
    """Page number, name (版名) and template."""

    def __init__(self, session, page, parent=None):
        super().__init__(parent)
        self.session, self.page_id = session, page.id
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit(page.name or "")
        defer_undo(self.name)
        self.name.editingFinished.connect(self._name)
        self.template = QComboBox()
        for template in list_templates():
            self.template.addItem(template.name, template.id)
        self.template.setCurrentIndex(max(0, self.template.findData(page.template)))
        self.template.currentIndexChanged.connect(self._template)
        form.addRow(self.tr("Page name (版名)"), self.name)
        form.addRow(self.tr("Template"), self.template)
        layout.addLayout(form)
        layout.addStretch(1)

    def _page(self):
        return self.session.issue.find_page(self.page_id)[1]

    def _name(self) -> None:
        value = self.name.text().strip() or None
        if value != self._page().name:
            self.session.apply(SetPageField(self.page_id, "name", value), self.tr("Rename page"))

    def _template(self) -> None:
        value = self.template.currentData()
        if value != self._page().template:
            self.session.apply(SetPageField(self.page_id, "template", value), self.tr("Change template"))

    def refresh(self) -> None:
        page = self._page()
        if self.name.text() != (page.name or ""):
            self.name.setText(page.name or "")
        index = max(0, self.template.findData(page.template))
        if index != self.template.currentIndex():  # undo/redo of a template change
            self.template.blockSignals(True)
            self.template.setCurrentIndex(index)
            self.template.blockSignals(False)


class IssueForm(QWidget):
    """Publication, issue numbers, date and organiser: what the masthead prints."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.edits = {}
        fields = (
            ("publication", self.tr("Publication")),
            ("number", self.tr("Issue number")),
            ("total_number", self.tr("Total number")),
            ("date", self.tr("Date (YYYY-MM-DD)")),
            ("organizer", self.tr("Compiled by")),
            ("permit", self.tr("Permit number")),
        )
        for name, label in fields:
            edit = QLineEdit()
            defer_undo(edit)
            if name in ("number", "total_number"):  # digits only: a stray letter used to erase the number
                edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,6}"), edit))
            edit.editingFinished.connect(lambda n=name: self._commit(n))
            self.edits[name] = edit
            form.addRow(label, edit)
        layout.addLayout(form)
        layout.addStretch(1)
        self.refresh()

    def _commit(self, name: str) -> None:
        text = self.edits[name].text().strip()
        value: object = text or None
        if name in ("number", "total_number"):
            value = int(text) if text.isdigit() else None
        if name == "publication":
            value = text
        if value != getattr(self.session.issue, name):
            self.session.apply(SetIssueField(name, value), self.tr("Edit issue details"))

    def refresh(self) -> None:
        for name, edit in self.edits.items():
            value = getattr(self.session.issue, name)
            text = "" if value is None else str(value)
            if edit.text() != text:
                edit.setText(text)
