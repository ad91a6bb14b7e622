"""Find and replace (Ctrl+F, Ctrl+H): in the block, the page or the whole issue; plain or regex.

Matches are highlighted in the editors and the preview while the panel is open; Next and Previous
select them in the editor; Replace all is one undo step and says how many places changed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from editor_app.errors import EditorError
from editor_app.gui.editors.fields import defer_undo
from editor_app.gui.highlights import TextRange
from editor_app.search import Query, edits_op, find_all, plan_replace_all

SCOPES = ("block", "page", "issue")


class FindDock(QDockWidget):
    def __init__(self, window):
        super().__init__(window)
        self.setWindowTitle(self.tr("Find and replace"))
        self.setObjectName("find_dock")
        self.window_ = window
        self.matches = []
        self.current = -1
        body = QWidget()
        grid = QGridLayout(body)
        grid.setContentsMargins(6, 4, 6, 4)
        self.find_edit = QLineEdit()
        self.find_edit.setPlaceholderText(self.tr("Find"))
        self.replace_edit = QLineEdit()
        self.replace_edit.setPlaceholderText(self.tr("Replace with"))
        for edit in (self.find_edit, self.replace_edit):
            defer_undo(edit)
        self.scope = QComboBox()
        self.scope.addItem(self.tr("In this block"), "block")
        self.scope.addItem(self.tr("On this page"), "page")
        self.scope.addItem(self.tr("In the whole issue"), "issue")
        self.scope.setCurrentIndex(2)
        self.regex = QCheckBox(self.tr("Regular expression"))
        self.case = QCheckBox(self.tr("Match case"))
        self.case.setChecked(True)
        self.count_label = QLabel()
        self.count_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("0000 / 0000") + 12)
        buttons = QHBoxLayout()
        self.previous_button = QPushButton(self.tr("Previous"))
        self.next_button = QPushButton(self.tr("Next"))
        self.replace_button = QPushButton(self.tr("Replace"))
        self.replace_all_button = QPushButton(self.tr("Replace all"))
        self.replace_all_button.setToolTip(self.tr("Replace every match in the chosen scope (one undo step)"))
        for button in (self.previous_button, self.next_button, self.replace_button, self.replace_all_button):
            buttons.addWidget(button)
        grid.addWidget(QLabel(self.tr("Find")), 0, 0)
        grid.addWidget(self.find_edit, 0, 1)
        grid.addWidget(self.scope, 0, 2)
        grid.addWidget(self.count_label, 0, 3)
        grid.addWidget(QLabel(self.tr("Replace")), 1, 0)
        grid.addWidget(self.replace_edit, 1, 1)
        options = QHBoxLayout()
        options.addWidget(self.regex)
        options.addWidget(self.case)
        grid.addLayout(options, 1, 2, 1, 2)
        grid.addLayout(buttons, 2, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        self.setWidget(body)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(150)
        self.search_timer.timeout.connect(self.search)
        self.find_edit.textChanged.connect(self.search_timer.start)
        for box in (self.regex, self.case):
            box.toggled.connect(self.search)
        self.scope.currentIndexChanged.connect(self.search)
        self.find_edit.returnPressed.connect(self.next)
        self.previous_button.clicked.connect(self.previous)
        self.next_button.clicked.connect(self.next)
        self.replace_button.clicked.connect(self.replace_current)
        self.replace_all_button.clicked.connect(self.replace_all)
        self.visibilityChanged.connect(self._visibility)

    # --- state -----------------------------------------------------------------------------------
    def query(self) -> Query:
        return Query(self.find_edit.text(), self.regex.isChecked(), self.case.isChecked())

    def blocks(self) -> set[str] | None:
        scope = self.scope.currentData()
        window = self.window_
        if scope == "block":
            block_id = window.current_block_id()
            return {block_id} if block_id else set()
        if scope == "page":
            page = window.current_page()
            return {b.id for b in page.blocks} if page else set()
        return None

    def _visibility(self, visible: bool) -> None:
        if visible:
            self.search()
        elif self.window_.session is not None:
            self.window_.session.set_find_ranges([])

    def open(self, replace: bool = False) -> None:
        self.show()
        self.raise_()
        focused = self.window_.focusWidget()
        selected = ""
        if hasattr(focused, "textCursor"):
            selected = focused.textCursor().selectedText()
        elif hasattr(focused, "selectedText"):
            selected = focused.selectedText()
        if selected and "\u2029" not in selected and focused not in (self.find_edit, self.replace_edit):
            self.find_edit.setText(selected)
        target = self.replace_edit if replace and self.find_edit.text() else self.find_edit
        target.setFocus()
        target.selectAll()
        self.search()

    def search(self) -> None:
        """Find every match in the scope and highlight them."""
        session = self.window_.session
        self.matches, self.current = [], -1
        if session is None or not self.find_edit.text():
            self.count_label.setText("")
            if session is not None:
                session.set_find_ranges([])
            return
        try:
            self.matches = find_all(session.issue, self.query(), self.blocks())
        except EditorError as exc:
            self.count_label.setText(self.tr("Error"))
            self.count_label.setToolTip(str(exc))
            session.set_find_ranges([])
            return
        self.count_label.setToolTip("")
        self._show_count()
        session.set_find_ranges([TextRange(m.block, m.path, m.start, m.end, "find") for m in self.matches])

    def _show_count(self) -> None:
        if not self.matches:
            self.count_label.setText(self.tr("No match"))
        elif self.current >= 0:
            self.count_label.setText(f"{self.current + 1} / {len(self.matches)}")
        else:
            self.count_label.setText(self.tr("%n match(es)", "", len(self.matches)))

    # --- moving and replacing --------------------------------------------------------------------
    def _go(self, step: int) -> None:
        if not self.matches:
            self.search()
        if not self.matches:
            return
        self.current = (
            (self.current + step) % len(self.matches)
            if self.current >= 0
            else (0 if step > 0 else len(self.matches) - 1)
        )
        match = self.matches[self.current]
        self.window_.show_span(match.block, match.path, match.start, match.end)
        self._show_count()

    def next(self) -> None:
        self._go(1)

    def previous(self) -> None:
        self._go(-1)

    def replace_current(self) -> None:
        """Replace the selected match, then go to the next one."""
        if self.current < 0:
            self.next()
            return
        match = self.matches[self.current]
        from editor_app.model.fields import field_text
        from editor_app.search import replace_in_text

        session = self.window_.session
        text = field_text(session.issue, match.block, match.path)
        if text is None or text[match.start : match.end] != match.text:
            self.search()
            return
        new, _count = replace_in_text(match.text, self.query(), self.replace_edit.text())
        value = text[: match.start] + new + text[match.end :]
        from editor_app.model.ops import SetField

        session.seal_typing()
        session.apply(SetField(match.block, match.path, value), self.tr("Replace"))
        session.seal_typing()
        position = self.current
        self.search()
        if self.matches:
            self.current = (position - 1) % len(self.matches)
            self.next()

    def replace_all(self) -> int:
        session = self.window_.session
        try:
            edits, count = plan_replace_all(
                session.issue, self.query(), self.replace_edit.text(), self.blocks()
            )
        except EditorError as exc:
            self.count_label.setText(self.tr("Error"))
            self.count_label.setToolTip(str(exc))
            return 0
        if edits:
            session.seal_typing()
            session.apply(edits_op(edits), self.tr("Replace all 「%1」").replace("%1", self.find_edit.text()))
            session.seal_typing()
        self.window_.statusBar().showMessage(self.tr("%n place(s) replaced", "", count), 6000)
        self.search()
        return count

    def keyPressEvent(self, event):  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)
