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
from editor_app.gui.editors.marks import locate
from editor_app.model.document import Ignore
from editor_app.model.fields import block_label, get_field
from editor_app.model.ops import AddIgnore

MARK_BRUSH = QBrush(QColor("#6a1b9a"))
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
        self.tree.currentItemChanged.connect(
            lambda item, _old: self.ignore_button.setEnabled(self._finding(item) is not None if item else False))
        layout.addWidget(self.tree, 1)
        buttons = QHBoxLayout()
        self.ignore_button = QPushButton(self.tr("Ignore here"))
        self.ignore_button.setToolTip(self.tr("Dismiss this finding in this block (saved with the issue)"))
        self.ignore_button.clicked.connect(self.ignore_selected)
        self.ignore_button.setEnabled(False)
        buttons.addWidget(self.ignore_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.setWidget(body)
        self.entries: list[tuple[str, object]] = []
        self.checker = None

    def show_findings(self, checker=None) -> None:
        """List the checker's findings, then the open proofreading marks."""
        self.checker = checker if checker is not None else getattr(self, "checker", None)
        self.tree.clear()
        issue = self.window_.session.issue
        findings = list(self.checker.findings) if self.checker is not None else []
        marks = [f for f in issue.flags if f.status == "open"]
        self.entries = [("finding", f) for f in findings] + [("mark", f) for f in marks]
        for finding in findings:
            text = f"「{finding.text}」"
            if finding.suggestions:
                text += " → " + "、".join(f"「{s}」" for s in finding.suggestions)
            item = QTreeWidgetItem([text])
            item.setForeground(0, LEVEL_BRUSH.get(finding.level, LEVEL_BRUSH["warning"]))
            where = self._where(finding.location.block, finding.location.page) if finding.location else ""
            item.setToolTip(0, f"{where}\n{finding.message}" if where else finding.message)
            self.tree.addTopLevelItem(item)
        for flag in marks:
            text = f"✎ 「{flag.location.quote}」"
            if flag.suggestion is not None:
                text += f" → 「{flag.suggestion}」"
            item = QTreeWidgetItem([text])
            item.setForeground(0, MARK_BRUSH)
            item.setToolTip(0, f"{self._where(flag.location.block)}\n{flag.note}")
            self.tree.addTopLevelItem(item)
        counts = self.checker.counts() if self.checker is not None else {}
        summary = self.tr("%n finding(s)", "", len(findings))
        if counts.get("error"):
            summary += "  " + self.tr("(%1 errors)").replace("%1", str(counts["error"]))
        if marks:
            summary += "  " + self.tr("%n open mark(s)", "", len(marks))
        self.summary.setText(summary)

    def _where(self, block_id: str, page_number: int | None = None) -> str:
        try:
            page, _, block = self.window_.session.issue.find_block(block_id)
        except KeyError:
            return ""
        number = page.number if page_number is None else page_number
        return f"{self.tr('Page %1').replace('%1', str(number))} 《{block_label(block)[:10]}》"

    def _entry(self, item):
        index = self.tree.indexOfTopLevelItem(item)
        return self.entries[index] if 0 <= index < len(self.entries) else (None, None)

    def _finding(self, item):
        kind, entry = self._entry(item)
        return entry if kind == "finding" else None

    def _jump(self, item, _column=0) -> None:
        kind, entry = self._entry(item)
        if entry is None or entry.location is None:
            return
        window = self.window_
        try:
            _, _, block = window.session.issue.find_block(entry.location.block)
        except KeyError:
            return
        field = entry.location.field
        try:
            text = get_field(block, field) or ""
        except KeyError:
            return
        span = (entry.start, entry.end) if kind == "finding" else locate(entry, text)
        window.select_block(entry.location.block)
        if span is None:
            return
        form = window.editor.form
        start, end = utf16_offset(text, span[0]), utf16_offset(text, span[1])
        if field.startswith("paragraph:") and hasattr(form, "body"):
            for line, paragraph in enumerate(block.paragraphs):
                if f"paragraph:{paragraph.id}" == field:
                    doc_block = form.body.document().findBlockByNumber(line)
                    cursor = QTextCursor(doc_block)
                    cursor.setPosition(doc_block.position() + start)
                    cursor.setPosition(doc_block.position() + end, QTextCursor.MoveMode.KeepAnchor)
                    form.body.setTextCursor(cursor)
                    form.body.setFocus()
                    return
        edit = getattr(form, "fields", {}).get(field)
        for card in getattr(getattr(form, "photos", None), "cards", ()):  # a caption or credit
            edit = edit or next((e for e in (card.caption, card.credit) if e.path == field), None)
        if edit is not None:
            edit.setFocus()
            edit.setSelection(start, end - start)

    def ignore_selected(self) -> None:
        item = self.tree.currentItem()
        finding = self._finding(item) if item else None
        if finding is None:
            return
        block = finding.location.block if finding.location else None
        self.window_.session.apply(AddIgnore(Ignore(finding.rule, finding.text, block)), self.tr("Ignore finding"))
