"""Structural edits from the Insert/Edit menus and the outline's context menu (one undo step each)."""

from __future__ import annotations

from editor_app.gui.models.outline import BLOCK_ID_ROLE, KIND_ROLE
from editor_app.model.document import Article, Banner, EditorNote, Page, Paragraph, Photo, PhotoBlock
from editor_app.model.ops import (
    AddPhoto,
    InsertBlock,
    InsertPage,
    MoveBlock,
    RemoveBlock,
    RemovePage,
    RemovePhoto,
    duplicate_block,
)


class StructureActions:
    """Mixed into MainWindow: needs `session`, `current_page`, `current_block_id`, `select_block`."""

    def _insert_point(self):
        """(page, index): after the selected block, or at the end of the selected page."""
        page = self.current_page()
        if page is None:
            self.add_page()
            page = self.session.issue.pages[0]
        block_id = self.current_block_id()
        if block_id:
            block_page, index, _ = self.session.issue.find_block(block_id)
            return block_page, index + 1
        return page, len(page.blocks)

    def insert_block(self, block, text: str) -> str:
        page, index = self._insert_point()
        self.session.apply(InsertBlock(page.id, index, block), text)
        self.select_block(block.id)
        return block.id

    def add_article(self) -> str:
        return self.insert_block(
            Article(title=self.tr("New article"), paragraphs=[Paragraph("")]), self.tr("Add article")
        )

    def add_banner(self) -> str:
        """A banner heads the blocks after it: it goes before the selected block, not after it."""
        block = Banner(title=self.tr("Banner headline"))
        block_id = self.current_block_id()
        if not block_id:
            return self.insert_block(block, self.tr("Add banner"))
        page, index, _ = self.session.issue.find_block(block_id)
        self.session.apply(InsertBlock(page.id, index, block), self.tr("Add banner"))
        self.select_block(block.id)
        return block.id

    def add_note(self) -> str:
        return self.insert_block(EditorNote(paragraphs=[Paragraph("")]), self.tr("Add editor's note"))

    def add_photo_block(self) -> str:
        return self.insert_block(PhotoBlock(), self.tr("Add photo"))

    def add_page(self) -> str:
        pages = self.session.issue.pages
        template = pages[-1].template if pages else "a4-bulletin"
        number = max((p.number for p in pages), default=0) + 1
        page = Page(number=number, template=template)
        self.session.apply(InsertPage(len(pages), page), self.tr("Add page"))
        index = self.model.index_of_page(page.id)
        if index.isValid():
            self.outline.setCurrentIndex(index)
        return page.id

    def duplicate_selected(self) -> None:
        index = self.outline.currentIndex()
        if index.isValid() and index.data(KIND_ROLE) == "photo":  # a photo of an article: copy the photo
            article_id = index.parent().data(BLOCK_ID_ROLE)
            photos = self.session.issue.find_block(article_id)[2].photos
            position = next(i for i, p in enumerate(photos) if p.id == index.data(BLOCK_ID_ROLE))
            copy = Photo(photos[position].image, photos[position].caption, photos[position].credit)
            self.session.apply(AddPhoto(article_id, position + 1, copy), self.tr("Duplicate"))
            return
        block_id = self.current_block_id()
        if not block_id:
            return
        page, index, block = self.session.issue.find_block(block_id)
        clone = duplicate_block(block)
        self.session.apply(InsertBlock(page.id, index + 1, clone), self.tr("Duplicate"))
        self.select_block(clone.id)

    def delete_selected(self) -> None:
        index = self.outline.currentIndex()
        if index.isValid() and index.data(KIND_ROLE) == "photo":  # a photo of an article: only the photo
            self.session.apply(
                RemovePhoto(index.parent().data(BLOCK_ID_ROLE), index.data(BLOCK_ID_ROLE)),
                self.tr("Remove photo"),
            )
            return
        block_id = self.current_block_id()
        if block_id:
            self.session.apply(RemoveBlock(block_id), self.tr("Delete block"))
            return
        page = self.current_page()
        if page is not None and len(self.session.issue.pages) > 1:
            self.session.apply(RemovePage(page.id), self.tr("Delete page"))
        elif page is not None:  # say why nothing happened
            self.statusBar().showMessage(self.tr("An issue keeps at least one page"), 5000)

    def auto_layout_page(self) -> None:
        """自动排版: every block of the current page back to auto layout, as one undo step."""
        page = self.current_page()
        if page is not None and not self.session.auto_layout(page, self.tr("Auto layout")):
            self.statusBar().showMessage(self.tr("This page is already in auto layout"), 3000)

    def move_selected(self, step: int) -> None:
        block_id = self.current_block_id()
        if not block_id:
            return
        issue = self.session.issue
        page, index, _ = issue.find_block(block_id)
        target = index + step
        page_index, _ = issue.find_page(page.id)
        if 0 <= target < len(page.blocks):
            self.session.apply(MoveBlock(block_id, page.id, target), self.tr("Move block"))
        elif target < 0 and page_index > 0:  # to the end of the previous page
            prev = issue.pages[page_index - 1]
            self.session.apply(MoveBlock(block_id, prev.id, len(prev.blocks)), self.tr("Move block"))
        elif target >= len(page.blocks) and page_index + 1 < len(issue.pages):
            self.session.apply(MoveBlock(block_id, issue.pages[page_index + 1].id, 0), self.tr("Move block"))
        self.select_block(block_id)
