"""The findings list: what the checker found, where, and what to write instead.

Double-click jumps to the text (selecting the span in the body editor); Ignore adds the finding to
the issue's ignore list (one undo step), so it stays dismissed after saving.
"""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor, QTextCursor
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor_app.gui.checking import utf16_offset
from editor_app.model.document import Ignore
from editor_app.model.fields import block_label, get_field
from editor_app.model.ops import AddIgnore

LEVEL_BRUSH = {"error": QBrush(QColor("#c62828")), "warning": QBrush(QColor("#ef6c00")),
               "info": QBrush(QColor("#1565c0"))}


class FindingsDock(QDockWidget):
    def __init__(self, window):
        super().__init__(window)
        self.setWindowTitle(self.tr("Findings"))
        self.setObjectName("findings_dock")
        self.window_ = window
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderHidden(True)  # one line per finding; where and why are in the tooltip
        self.tree.itemActivated.connect(self._jump)
        layout.addWidget(self.tree, 1)
        buttons = QHBoxLayout()
        self.ignore_button = QPushButton(self.tr("Ignore here"))
        self.ignore_button.setToolTip(self.tr("Dismiss this finding in this block (saved with the issue)"))
        self.ignore_button.clicked.connect(self.ignore_selected)
        buttons.addWidget(self.ignore_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.setWidget(body)
        self.findings = []

    def show_findings(self, checker) -> None:
        self.tree.clear()
        self.findings = list(checker.findings) if checker is not None else []
        issue = self.window_.session.issue
        for finding in self.findings:
            where = ""
            if finding.location is not None:
                try:
                    _, _, block = issue.find_block(finding.location.block)
                    where = f"{self.tr('Page %1').replace('%1', str(finding.location.page))} 《{block_label(block)[:10]}》"
                except KeyError:
                    where = self.tr("Page %1").replace("%1", str(finding.location.page))
            text = f"「{finding.text}」"
            if finding.suggestions:
                text += " → " + "、".join(f"「{s}」" for s in finding.suggestions)
            item = QTreeWidgetItem([text])
            item.setForeground(0, LEVEL_BRUSH.get(finding.level, LEVEL_BRUSH["warning"]))
            item.setToolTip(0, f"{where}\n{finding.message}" if where else finding.message)
            self.tree.addTopLevelItem(item)
        counts = checker.counts() if checker is not None else {}
        self.summary.setText(self.tr("%n finding(s)", "", len(self.findings)) + (
            "  " + self.tr("(%1 errors)").replace("%1", str(counts.get("error", 0))) if counts.get("error") else ""))

    def _finding(self, item):
        index = self.tree.indexOfTopLevelItem(item)
        return self.findings[index] if 0 <= index < len(self.findings) else None

    def _jump(self, item, _column=0) -> None:
        finding = self._finding(item)
        if finding is None or finding.location is None:
            return
        window = self.window_
        try:
            window.session.issue.find_block(finding.location.block)
        except KeyError:
            return
        window.select_block(finding.location.block)
        form = window.editor.form
        field = finding.location.field
        if field.startswith("paragraph:") and hasattr(form, "body"):
            paragraphs = window.session.issue.find_block(finding.location.block)[2].paragraphs
            for line, paragraph in enumerate(paragraphs):
                if f"paragraph:{paragraph.id}" == field:
                    block = form.body.document().findBlockByNumber(line)
                    cursor = QTextCursor(block)
                    cursor.setPosition(block.position() + utf16_offset(paragraph.text, finding.start))
                    cursor.setPosition(block.position() + utf16_offset(paragraph.text, finding.end),
                                       QTextCursor.MoveMode.KeepAnchor)
                    form.body.setTextCursor(cursor)
                    form.body.setFocus()
                    return
        edit = getattr(form, "fields", {}).get(field) if hasattr(form, "fields") else None
        if edit is not None:
            edit.setFocus()
            text = get_field(window.session.issue.find_block(finding.location.block)[2], field) or ""
            edit.setSelection(utf16_offset(text, finding.start), utf16_offset(text, finding.end)
                              - utf16_offset(text, finding.start))

    def ignore_selected(self) -> None:
        item = self.tree.currentItem()
        finding = self._finding(item) if item else None
        if finding is None:
            return
        block = finding.location.block if finding.location else None
        self.window_.session.apply(AddIgnore(Ignore(finding.rule, finding.text, block)), self.tr("Ignore finding"))
