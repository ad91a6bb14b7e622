"""The centre of the window: the form for whatever is selected in the outline."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from editor_app.gui.editors.article_form import ArticleForm
from editor_app.gui.editors.placement import PlacementBox
from editor_app.gui.editors.simple_forms import BannerForm, IssueForm, NoteForm, PageForm, PhotoBlockForm

FORMS = {"article": ArticleForm, "banner": BannerForm, "editor_note": NoteForm, "photo": PhotoBlockForm}


class BlockEditor(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.block_id: str | None = None
        self.page_id: str | None = None
        self.form: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 8, 8, 8)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold; color: #37474f;")
        self._layout.addWidget(self.title)
        self.holder = QScrollArea()
        self.holder.setWidgetResizable(True)
        self.holder.setFrameShape(QScrollArea.Shape.NoFrame)
        self._layout.addWidget(self.holder, 1)
        self.placement: PlacementBox | None = None
        session.settled.connect(self._page_settled)  # the fit and the place need the page composed
        session.block_changed.connect(self._block_changed)
        session.structure_changed.connect(self._structure_changed)
        self.show_nothing()

    def show_nothing(self) -> None:
        self.block_id = self.page_id = None
        hint = QLabel(
            self.tr("Select a page or a block in the outline, or add an article from the Insert menu.")
        )
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)
        self._set_form(hint, self.tr("Nothing selected"))

    def _set_form(self, widget: QWidget, title: str) -> None:
        self.form = widget
        self.title.setText(title)
        self.placement = None
        if self.block_id:  # the block's place on the grid, under its form and scrolling with it
            page = QWidget()
            column = QVBoxLayout(page)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(widget, 1)
            self.placement = PlacementBox(self.session, self.block_id)
            column.addWidget(self.placement)
            self.holder.setWidget(page)
        else:
            self.holder.setWidget(widget)

    def show_block(self, block_id: str) -> None:
        page, _, block = self.session.issue.find_block(block_id)
        self.block_id, self.page_id = block_id, page.id
        names = {
            "article": self.tr("Article"),
            "banner": self.tr("Banner headline"),
            "editor_note": self.tr("Editor's note"),
            "photo": self.tr("Photo"),
        }
        self._set_form(FORMS[block.type](self.session, page, block), names[block.type])

    def show_page(self, page_id: str) -> None:
        _, page = self.session.issue.find_page(page_id)
        self.block_id, self.page_id = None, page_id
        self._set_form(PageForm(self.session, page), self.tr("Page %1").replace("%1", str(page.number)))

    def show_issue(self) -> None:
        self.block_id = self.page_id = None
        self._set_form(IssueForm(self.session), self.tr("Issue details"))

    def _block_changed(self, block_id: str) -> None:
        if block_id == self.block_id and hasattr(self.form, "refresh"):
            self.form.refresh()

    def _page_settled(self) -> None:
        if hasattr(self.form, "update_fit"):
            self.form.update_fit()
        if self.placement is not None:
            self.placement.refresh()

    def _structure_changed(self) -> None:
        if self.block_id:
            try:
                page, _, _ = self.session.issue.find_block(self.block_id)
            except KeyError:
                self.show_nothing()
                return
            if getattr(self.form, "template_id", page.template) != page.template:
                self.show_block(self.block_id)  # moved to, or undone into, another template's page
                return
        elif self.page_id:
            try:
                self.session.issue.find_page(self.page_id)
            except KeyError:
                self.show_nothing()
                return
        if hasattr(self.form, "refresh"):
            self.form.refresh()
