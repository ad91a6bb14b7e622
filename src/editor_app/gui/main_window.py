"""The main window: outline dock, block editor in the centre, page preview dock, status bar.

The window owns one `EditSession` at a time; opening a file replaces the session and rebuilds the
views over it. Everything that changes the document goes through the session's undo stack.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QUndoGroup
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from editor_app.gui import compat, settings
from editor_app.gui.actions import WindowActions
from editor_app.gui.checking import BackgroundChecker
from editor_app.gui.documents import DocumentActions
from editor_app.gui.editors.block_editor import BlockEditor
from editor_app.gui.find_dock import FindDock
from editor_app.gui.findings_dock import FindingsDock
from editor_app.gui.models.outline import BLOCK_ID_ROLE, KIND_ROLE, OutlineModel
from editor_app.gui.preview.page_view import PagePreview
from editor_app.gui.proofing import ProofActions
from editor_app.gui.session import EditSession
from editor_app.gui.structure import StructureActions
from editor_app.gui.tools import ToolActions
from editor_app.gui.transfer import TransferActions, available
from editor_app.layout.templates import new_issue_from_template
from editor_app.storage.project import Project

STATUS_SETTLE_MS = 120


class MainWindow(
    DocumentActions, StructureActions, TransferActions, ProofActions, ToolActions, WindowActions, QMainWindow
):
    def __init__(self, project: Project | None = None, remember_layout: bool = True):
        super().__init__()
        self.remember_layout = remember_layout  # off for --screenshot: same picture on every machine
        self.setObjectName("main_window")
        compat.install(self)  # keeps the PySide6 6.12.0 None-refcount guard topped up
        self.session: EditSession | None = None
        self.checker: BackgroundChecker | None = None
        self.deep_checker = None  # the deep pass (深度校对, gui/deep_checking.py), after each fast check
        self.init_documents()
        self.undo_group = QUndoGroup(self)
        self.outline = QTreeView()
        self.outline.setHeaderHidden(True)
        self.outline.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.outline.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.outline.setDropIndicatorShown(True)
        self.outline.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.outline.customContextMenuRequested.connect(self._outline_menu)
        self.outline.setUniformRowHeights(True)
        self.outline_dock = QDockWidget(self.tr("Outline"), self)
        self.outline_dock.setObjectName("outline_dock")
        self.outline_dock.setWidget(self.outline)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.outline_dock)
        self.preview_dock = QDockWidget(self.tr("Page preview"), self)
        self.preview_dock.setObjectName("preview_dock")
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.preview_dock)
        self.findings_dock = None
        if available("editor_app.proof"):
            self.findings_dock = FindingsDock(self)
            self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.findings_dock)
            self.splitDockWidget(self.outline_dock, self.findings_dock, Qt.Orientation.Vertical)
        self.find_dock = FindDock(self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.find_dock)
        self.find_dock.hide()
        self.editor: BlockEditor | None = None
        self.preview: PagePreview | None = None
        # persistent holders: swapping what is inside keeps the docks' sizes when a file is opened
        self.centre = _holder()
        self.centre.setMinimumWidth(420)
        self.setCentralWidget(self.centre)
        self.preview_holder = _holder()
        self.preview_dock.setWidget(self.preview_holder)
        self.model: OutlineModel | None = None
        self.chars_label, self.fit_label, self.findings_label = QLabel(), QLabel(), QLabel()
        for label in (self.chars_label, self.fit_label, self.findings_label):
            label.setContentsMargins(8, 0, 8, 0)
            self.statusBar().addPermanentWidget(label)
        self.status_timer = QTimer(self)
        self.status_timer.setSingleShot(True)
        self.status_timer.setInterval(STATUS_SETTLE_MS)
        self.status_timer.timeout.connect(self.update_status)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(settings.autosave_seconds() * 1000)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        self.init_proofing()
        self.actions_ = self.build_actions()
        # plain Delete also deletes in the outline (only there: in a field it deletes a character)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.outline)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_selected)
        self.set_project(project or Project(new_issue_from_template(settings.default_template())))
        self._docks_sized = self.restore_window_state() if remember_layout else False

    # --- session -----------------------------------------------------------------------------
    def set_project(self, project: Project) -> None:
        old = self.session
        self.session = EditSession(project, self)
        self._start_checker()
        self.undo_group.addStack(self.session.undo_stack)
        self.undo_group.setActiveStack(self.session.undo_stack)
        self.session.undo_stack.cleanChanged.connect(lambda _clean: self.update_title())
        self.session.changed.connect(self.status_timer.start)
        self.session.changed.connect(self.update_title)
        if self.findings_dock is not None:
            self.session.flags_changed.connect(lambda: self.findings_dock.schedule())
        self.session.changed.connect(self._text_changed_for_find)
        self.model = OutlineModel(self.session, self)
        self.outline.setModel(self.model)
        self.outline.selectionModel().currentChanged.connect(self._current_changed)
        self.model.modelReset.connect(self._after_reset)
        self.editor = _swap(self.centre, self.editor, BlockEditor(self.session))
        self.preview = _swap(self.preview_holder, self.preview, PagePreview(self.session))
        self.preview.block_clicked.connect(self.select_block)
        self.preview.page_chosen.connect(self._page_chosen_in_preview)
        self.preview.place_requested.connect(
            lambda block_id, place: self.session.place_block(block_id, place, self.tr("Move block"))
        )
        if old is not None:
            if old.project is not project:
                self.release_lock(old.project)  # the old document is closed: others may open it
            self.undo_group.removeStack(old.undo_stack)
            old.deleteLater()
        self.needs_save = False
        self.outline.expandAll()
        first = self._first_article_index()
        if first is not None:
            self.outline.setCurrentIndex(first)
        self.preview.rebuild()
        self.connect_proofing()
        if self.find_dock.isVisible():
            self.find_dock.search()
        self.update_title()
        self.update_status()
        self.on_document_loaded()

    def _start_checker(self) -> None:
        """Proofread the new session in the background (when the checker is installed).

        Created before the editors, which connect to it for their underlines.
        """
        if self.checker is not None:
            self.checker.shutdown()
            self.checker.deleteLater()
        if self.deep_checker is not None:
            self.deep_checker.shutdown()
            self.deep_checker.deleteLater()
            self.deep_checker = None
        self.checker = BackgroundChecker(self.session, self) if available("editor_app.proof") else None
        self.session.checker = self.checker
        if self.checker is not None and os.environ.get("EDITOR_APP_DEEP_PASS", "1") != "0":
            from editor_app.gui.deep_checking import DeepChecker

            self.deep_checker = DeepChecker(self.session, self.checker, self)
            self.deep_checker.finished.connect(self._deep_pass_finished)
        if self.checker is not None:
            self.checker.updated.connect(lambda _block: self.update_findings_label())
            if self.findings_dock is not None:
                checker = self.checker
                checker.updated.connect(lambda block: self.findings_dock.schedule(checker))

    def deep_pass_problem(self) -> str | None:
        """Why the deep pass brought no findings, in the interface language, or None when it ran."""
        error = self.deep_checker.error if self.deep_checker is not None else None
        return (
            self.tr("Deep proofreading (深度校对) could not run: %1").replace("%1", error) if error else None
        )

    def _deep_pass_finished(self) -> None:
        problem = self.deep_pass_problem()
        if problem:  # the fast findings stand; say why the deep ones are missing
            self.statusBar().showMessage(problem, 15_000)

    def _text_changed_for_find(self) -> None:
        if self.find_dock.isVisible():
            self.find_dock.search_timer.start()  # the matches moved with the text

    def on_document_loaded(self) -> None:
        if self.checker is not None:
            self.checker.settle.start()  # first check once the window has drawn the document
        self.update_findings_label()

    def update_findings_label(self) -> None:
        checker = self.checker
        if checker is None:
            self.findings_label.setText("")
            return
        if checker.error:
            self.findings_label.setText(self.tr("Checker failed"))
            self.findings_label.setToolTip(checker.error)
            return
        counts = checker.counts()
        total = sum(counts.values())
        if checker.checked_revision < 0:
            self.findings_label.setText(self.tr("Checking…"))
            return
        self.findings_label.setText(self.tr("%n finding(s)", "", total))
        self.findings_label.setStyleSheet("color: #c62828; font-weight: bold;" if counts["error"] else "")
        self.findings_label.setToolTip(
            self.tr("Errors: %1, warnings: %2, notes: %3")
            .replace("%1", str(counts["error"]))
            .replace("%2", str(counts["warning"]))
            .replace("%3", str(counts["info"]))
        )

    def _first_article_index(self):
        for page in self.session.issue.pages:
            for block in page.blocks:
                if block.type == "article":
                    return self.model.index_of_block(block.id)
        return None

    # --- selection ---------------------------------------------------------------------------
    def current_block_id(self) -> str | None:
        index = self.outline.currentIndex()
        if index.isValid() and index.data(KIND_ROLE) == "block":
            return index.data(BLOCK_ID_ROLE)
        if index.isValid() and index.data(KIND_ROLE) == "photo":
            return index.parent().data(BLOCK_ID_ROLE)
        return None

    def current_page(self):
        """The page of the selection (or the first page)."""
        index = self.outline.currentIndex()
        while index.isValid():
            if index.data(KIND_ROLE) == "page":
                return self.session.issue.find_page(index.data(BLOCK_ID_ROLE))[1]
            index = index.parent()
        return self.session.issue.pages[0] if self.session.issue.pages else None

    def select_block(self, block_id: str) -> None:
        index = self.model.index_of_block(block_id)
        if index.isValid():
            self.outline.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )

    def _current_changed(self, current, _previous=None) -> None:
        if not current.isValid():
            return
        self.session.seal_typing()
        kind = current.data(KIND_ROLE)
        block_id = current.data(BLOCK_ID_ROLE)
        if kind in ("block", "photo"):
            block_id = block_id if kind == "block" else current.parent().data(BLOCK_ID_ROLE)
            if block_id != self.editor.block_id:
                self.editor.show_block(block_id)
        elif kind == "page":
            self.editor.show_page(block_id)
        elif kind == "issue":
            self.editor.show_issue()
        page = self.current_page()
        if page is not None:
            self.preview.show_page(page.id)
        self.preview.set_highlight(self.current_block_id())
        self.status_timer.start()

    def _page_chosen_in_preview(self, page_id: str) -> None:
        index = self.model.index_of_page(page_id)
        if index.isValid():
            self.outline.setCurrentIndex(index)

    def _after_reset(self) -> None:
        """Structure changed: expand again and keep the editor's block selected."""
        self.outline.expandAll()
        block_id = self.editor.block_id if self.editor else None
        if block_id:
            index = self.model.index_of_block(block_id)
        elif self.editor and self.editor.page_id:
            index = self.model.index_of_page(self.editor.page_id)
        else:
            index = self.model.index(0, 0)
        if index.isValid():
            self.outline.selectionModel().blockSignals(True)
            self.outline.setCurrentIndex(index)
            self.outline.selectionModel().blockSignals(False)
        page = self.current_page()
        if page is not None:  # the block may have moved to another page: the preview goes with it
            self.preview.show_page(page.id)
            self.preview.set_highlight(self.current_block_id())

    def _outline_menu(self, pos) -> None:
        menu = QMenu(self)
        for name in (
            "add_article",
            "add_banner",
            "add_note",
            "add_photo_block",
            "add_page",
            None,
            "duplicate",
            "move_up",
            "move_down",
            "delete",
        ):
            if name is None:
                menu.addSeparator()
            else:
                menu.addAction(self.actions_[name])
        menu.exec(self.outline.viewport().mapToGlobal(pos))

    # --- status bar --------------------------------------------------------------------------
    def update_status(self) -> None:
        if self.session is None:
            return
        page = self.current_page()
        page_chars = sum(_block_chars(b) for b in page.blocks) if page else 0
        block_id = self.current_block_id()
        text = self.tr("Page: %1 characters").replace("%1", str(page_chars))
        fit_text, fit_style = "", ""
        if block_id:
            block_page, _, block = self.session.issue.find_block(block_id)
            text = self.tr("Block: %1 characters").replace("%1", str(_block_chars(block))) + "  ·  " + text
            fit = self.session.fit(block_page, block)
            if fit is not None:
                fit_text = {
                    "fits": self.tr("Fits its slot"),
                    "overset": self.tr("Overset %n line(s)", "", fit.delta_lines),
                    "underset": self.tr("Short %n line(s)", "", -fit.delta_lines),
                }[fit.state]
                fit_style = {
                    "overset": "color: white; background: #c62828; font-weight: bold;",
                    "underset": "color: #8d6e00;",
                    "fits": "color: #1b5e20;",
                }[fit.state]
        self.chars_label.setText(text)
        self.fit_label.setText(fit_text)
        self.fit_label.setStyleSheet(fit_style)

    # --- window state ------------------------------------------------------------------------
    def restore_window_state(self) -> bool:
        store = settings.settings()
        geometry = store.value("window/geometry")
        state = store.value("window/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        return state is not None and self.restoreState(state)

    def showEvent(self, event):  # noqa: N802
        super().showEvent(event)
        if not self._docks_sized:  # first start: outline narrow, preview about 40 % of the window
            self._docks_sized = True
            self.resizeDocks(
                [self.outline_dock, self.preview_dock],
                [260, int(self.width() * 0.4)],
                Qt.Orientation.Horizontal,
            )

    def resizeEvent(self, event):  # noqa: N802
        """Docks squeezed by a smaller window widen again when the window does."""
        super().resizeEvent(event)
        old, new = event.oldSize().width(), event.size().width()
        if getattr(self, "_docks_sized", False) and old > 0 and new > old + 40:
            want_outline, want_preview = min(300, int(new * 0.19)), int(new * 0.4)
            widths = [
                max(self.outline_dock.width(), want_outline),
                max(self.preview_dock.width(), want_preview),
            ]
            if widths != [self.outline_dock.width(), self.preview_dock.width()]:
                self.resizeDocks([self.outline_dock, self.preview_dock], widths, Qt.Orientation.Horizontal)

    def save_window_state(self) -> None:
        store = settings.settings()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/state", self.saveState())

    def closeEvent(self, event):  # noqa: N802
        if self.maybe_save():
            if self.remember_layout:
                self.save_window_state()
            self.discard_recovery()
            self.release_lock(self.session.project if self.session else None)
            self.recovery_claim.release()
            if self.checker is not None:
                self.checker.shutdown()
            if self.deep_checker is not None:
                self.deep_checker.shutdown()
            event.accept()
        else:
            event.ignore()


def _holder() -> QWidget:
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    return holder


def _swap(holder: QWidget, old: QWidget | None, new: QWidget) -> QWidget:
    """Put `new` where `old` was inside `holder` (old is deleted)."""
    if old is not None:
        holder.layout().removeWidget(old)
        old.hide()  # deletion waits for the event loop; never show two editors meanwhile
        old.deleteLater()
    holder.layout().addWidget(new)
    return new


def _block_chars(block) -> int:
    """Characters an editor counts: all visible text of the block, without line breaks."""
    total = 0
    for name in ("kicker", "title", "subtitle", "dateline", "author_line", "byline", "caption", "credit"):
        value = getattr(block, name, None)
        if isinstance(value, str):
            total += len(value)
    total += sum(len(p.text) for p in getattr(block, "paragraphs", ()))
    total += sum(len(ph.caption) + len(ph.credit or "") for ph in getattr(block, "photos", ()))
    return total
