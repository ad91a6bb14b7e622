"""The main window: outline of the issue on the left, the selected block's text in the centre."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QPlainTextEdit, QTreeWidget, QTreeWidgetItem

from editor_app.model.document import Article, Banner, EditorNote, PhotoBlock
from editor_app.model.fields import block_label
from editor_app.storage.project import Project, open_project

_TYPE_NAMES = {"banner": "通栏标题", "editor_note": "编者按", "article": "文章", "photo": "图片"}


class MainWindow(QMainWindow):
    def __init__(self):
        super().__init__()
        self.project: Project | None = None
        self.setWindowTitle(self.tr("editor-app"))
        self.outline = QTreeWidget()
        self.outline.setHeaderHidden(True)
        self.outline.currentItemChanged.connect(self._show_item)
        dock = QDockWidget(self.tr("Outline"), self)
        dock.setObjectName("outline_dock")
        dock.setWidget(self.outline)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        self.text_view = QPlainTextEdit()
        self.text_view.setReadOnly(True)
        self.setCentralWidget(self.text_view)

    def open_path(self, path: Path) -> None:
        self.project = open_project(path)
        self.setWindowTitle(f"{path.name} — editor-app")
        self._fill_outline()

    def _fill_outline(self) -> None:
        self.outline.clear()
        issue = self.project.issue
        root = QTreeWidgetItem([issue.publication or self.tr("Untitled issue")])
        self.outline.addTopLevelItem(root)
        for page in issue.pages:
            page_item = QTreeWidgetItem([f"第{page.number}版 {page.name or ''}".strip()])
            root.addChild(page_item)
            for block in page.blocks:
                item = QTreeWidgetItem([f"[{_TYPE_NAMES[block.type]}] {block_label(block)}"])
                item.setData(0, Qt.ItemDataRole.UserRole, block)
                page_item.addChild(item)
        self.outline.expandAll()

    def _show_item(self, item, _previous=None) -> None:
        block = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        self.text_view.setPlainText(_block_text(block) if block else "")


def _block_text(block) -> str:
    lines = []
    if isinstance(block, (Banner, Article)):
        lines += [t for t in (block.kicker, block.title, block.subtitle) if t]
    if isinstance(block, EditorNote):
        lines.append(block.label + "：")
    if isinstance(block, Article) and (block.dateline or block.author_line):
        lines.append(" ".join(t for t in (block.dateline, block.author_line) if t))
    for p in getattr(block, "paragraphs", ()):
        lines.append(("■ " if p.kind == "subhead" else "　　") + p.text)
    for photo in getattr(block, "photos", ()):
        lines.append(f"[图] {photo.caption} {photo.credit or ''}".rstrip())
    if isinstance(block, PhotoBlock):
        lines.append(f"[图] {block.caption} {block.credit or ''}".rstrip())
    if isinstance(block, Article) and block.byline:
        lines.append(f"（{block.byline}）")
    return "\n".join(lines)
