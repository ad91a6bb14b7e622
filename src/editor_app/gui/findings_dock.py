"""The findings list: what the checker found, the open marks and the import notes, in full.

Each entry shows the words in their context (…以问题【和】为导向…), the message and the suggestion,
wrapped to the dock's width. Entries group by page, article or category and filter by level,
category and pass (fast checks, or a deep pass when one is installed). The summary gives the count
and the error rate per 10,000 characters. Double-click jumps to the text; the context menu fixes,
fixes all, ignores (here, or in the whole document), adds to the user dictionary or turns the rule
off. Nothing shown carries an internal id.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStyledItemDelegate,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor_app.gui.editors.marks import locate
from editor_app.model.fields import block_label, field_text
from editor_app.rounds import count_characters, round_name

MARK_BRUSH = QBrush(QColor("#6a1b9a"))
NOTE_BRUSH = QBrush(QColor("#37474f"))
LEVEL_BRUSH = {
    "error": QBrush(QColor("#c62828")),
    "warning": QBrush(QColor("#ef6c00")),
    "info": QBrush(QColor("#1565c0")),
}
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
CONTEXT = 10  # characters of context on each side


def finding_pass(finding) -> str:
    """ "fast" or "deep": which checking pass found it (findings without the attribute: fast)."""
    value = getattr(finding, "pass_", None) or getattr(finding, "pass", None)
    return value if value in ("fast", "deep") else "fast"


def context_of(text: str | None, start: int, end: int, quote: str) -> str:
    """…before【quote】after… from the field's current text (the quote alone when it moved)."""
    if text is None or text[start:end] != quote:
        return f"【{quote}】"
    before = text[max(0, start - CONTEXT) : start]
    after = text[end : end + CONTEXT]
    return (
        ("…" if start > CONTEXT else "")
        + before
        + f"【{quote}】"
        + after
        + ("…" if end + CONTEXT < len(text) else "")
    )


class _WrapDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text at the current width (Qt's own hint assumes one line)."""

    def __init__(self, tree):
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option, index):  # noqa: N802 - Qt's name
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = max(80, self.tree.viewport().width() - self.tree.indentation() * (depth + 1) - 12)
        text = str(index.data() or "")
        rect = option.fontMetrics.boundingRect(0, 0, width, 100000, int(Qt.TextFlag.TextWordWrap), text)
        return QSize(width, rect.height() + 8)


class _Tree(QTreeWidget):
    def resizeEvent(self, event):  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.doItemsLayout()  # wrapped rows change height with the width


class FindingsDock(QDockWidget):
    GROUPS = ("none", "page", "article", "category")

    def __init__(self, window):
        super().__init__(window)
        self.setWindowTitle(self.tr("Findings"))
        self.setObjectName("findings_dock")
        self.window_ = window
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        self.group_box = QComboBox()
        for key, label in (
            ("none", self.tr("No grouping")),
            ("page", self.tr("By page")),
            ("article", self.tr("By article")),
            ("category", self.tr("By category")),
        ):
            self.group_box.addItem(label, key)
        self.level_box = QComboBox()
        for key, label in (
            (None, self.tr("All levels")),
            ("error", self.tr("Errors")),
            ("warning", self.tr("Warnings")),
            ("info", self.tr("Notes")),
        ):
            self.level_box.addItem(label, key)
        self.category_box = QComboBox()
        self.category_box.addItem(self.tr("All categories"), None)
        self.pass_box = QComboBox()
        for key, label in (
            (None, self.tr("All passes")),
            ("fast", self.tr("Fast pass")),
            ("deep", self.tr("Deep pass")),
        ):
            self.pass_box.addItem(label, key)
        for box in (self.group_box, self.level_box, self.category_box, self.pass_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(6)
            box.currentIndexChanged.connect(lambda _i: self.show_findings())
        grid.addWidget(self.group_box, 0, 0)
        grid.addWidget(self.level_box, 0, 1)
        grid.addWidget(self.category_box, 1, 0)
        grid.addWidget(self.pass_box, 1, 1)
        layout.addLayout(grid)
        self.tree = _Tree()
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setItemDelegate(_WrapDelegate(self.tree))
        self.tree.itemActivated.connect(self._jump)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.currentItemChanged.connect(lambda item, _old: self._update_buttons(item))
        layout.addWidget(self.tree, 1)
        buttons = QHBoxLayout()
        self.fix_button = QPushButton(self.tr("Fix"))
        self.fix_button.setToolTip(self.tr("Replace the words with the first suggestion"))
        self.fix_button.clicked.connect(lambda: self._with_finding(self.window_.fix_finding))
        self.ignore_button = QPushButton(self.tr("Ignore here"))
        self.ignore_button.setToolTip(self.tr("Dismiss this finding in this block (saved with the issue)"))
        self.ignore_button.clicked.connect(self.ignore_selected)
        for button in (self.fix_button, self.ignore_button):
            button.setEnabled(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.setWidget(body)
        self.checker = None
        self.refresh_timer = QTimer(self)  # a fix-all touches many blocks: redraw once, after them
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(0)
        self.refresh_timer.timeout.connect(self.show_findings)

    # --- filling ---------------------------------------------------------------------------------
    def schedule(self, checker=None) -> None:
        if checker is not None:
            self.checker = checker
        self.refresh_timer.start()

    def _filtered(self, findings):
        level, category, pass_ = (
            self.level_box.currentData(),
            self.category_box.currentData(),
            self.pass_box.currentData(),
        )
        return [
            f
            for f in findings
            if (level is None or f.level == level)
            and (category is None or f.category == category)
            and (pass_ is None or finding_pass(f) == pass_)
        ]

    def _update_categories(self, findings) -> None:
        current = self.category_box.currentData()
        categories = sorted({f.category for f in findings})
        if [self.category_box.itemData(i) for i in range(1, self.category_box.count())] == categories:
            return
        self.category_box.blockSignals(True)
        while self.category_box.count() > 1:
            self.category_box.removeItem(1)
        for category in categories:
            self.category_box.addItem(category, category)
        self.category_box.setCurrentIndex(max(0, self.category_box.findData(current)))
        self.category_box.blockSignals(False)

    def show_findings(self, checker=None) -> None:
        """List the checker's findings, the open marks and the import notes."""
        self.checker = checker if checker is not None else self.checker
        session = self.window_.session
        if session is None:
            return
        issue = session.issue
        all_findings = list(self.checker.findings) if self.checker is not None else []
        self._update_categories(all_findings)
        findings = self._filtered(all_findings)
        marks = [f for f in issue.flags if f.status == "open"]
        self.tree.clear()
        group_by = self.group_box.currentData()
        groups: dict[str, QTreeWidgetItem] = {}

        def parent_for(key: str, label: str):
            if key not in groups:
                item = QTreeWidgetItem([label])
                font = item.font(0)
                font.setBold(True)
                item.setFont(0, font)
                self.tree.addTopLevelItem(item)
                groups[key] = item
            return groups[key]

        def add(item: QTreeWidgetItem, block_id: str | None, category: str) -> None:
            if group_by == "none" or (group_by == "category" and not category):
                self.tree.addTopLevelItem(item)
                return
            if group_by == "category":
                parent_for("c:" + category, category).addChild(item)
                return
            page, label = self._page_and_label(block_id)
            if group_by == "page":
                parent_for(
                    f"p:{page}", self.tr("Page %1").replace("%1", str(page)) if page else "—"
                ).addChild(item)
            else:
                parent_for(f"a:{block_id}", label or "—").addChild(item)

        for finding in findings:
            item = QTreeWidgetItem([self.finding_text(finding)])
            item.setForeground(0, LEVEL_BRUSH.get(finding.level, LEVEL_BRUSH["warning"]))
            item.setData(0, ENTRY_ROLE, ("finding", finding))
            item.setToolTip(0, self._where_line(finding.location.block if finding.location else None))
            add(item, finding.location.block if finding.location else None, finding.category)
        for flag in marks:
            item = QTreeWidgetItem([self.mark_text(flag)])
            item.setForeground(0, MARK_BRUSH)
            item.setData(0, ENTRY_ROLE, ("mark", flag))
            item.setToolTip(0, self._where_line(flag.location.block))
            add(item, flag.location.block, self.tr("Proofreading marks"))
        if issue.import_notes:
            notes = QTreeWidgetItem(
                [self.tr("Import notes (%1)").replace("%1", str(len(issue.import_notes)))]
            )
            font = notes.font(0)
            font.setBold(True)
            notes.setFont(0, font)
            self.tree.addTopLevelItem(notes)
            for note in issue.import_notes:
                where = self._where_line(note.block)
                item = QTreeWidgetItem([f"{note.message}\n{where}" if where else note.message])
                item.setForeground(0, NOTE_BRUSH)
                item.setData(0, ENTRY_ROLE, ("note", note))
                notes.addChild(item)
        self.tree.expandAll()
        self._summary(all_findings, findings, marks)
        self._update_buttons(self.tree.currentItem())

    def finding_text(self, finding) -> str:
        issue = self.window_.session.issue
        loc = finding.location
        current = field_text(issue, loc.block, loc.field) if loc else None
        lines = [context_of(current, finding.start, finding.end, finding.text), finding.message]
        if finding.suggestions:
            lines.append("→ " + "、".join(f"「{s}」" for s in finding.suggestions))
        return "\n".join(lines)

    def mark_text(self, flag) -> str:
        issue = self.window_.session.issue
        loc = flag.location
        current = field_text(issue, loc.block, loc.field)
        span = locate(flag, current) if current is not None else None
        lines = ["✎ " + (context_of(current, span[0], span[1], loc.quote) if span else f"【{loc.quote}】")]
        if flag.note:
            lines.append(flag.note)
        if flag.suggestion is not None:
            lines.append(f"→ 「{flag.suggestion}」")
        who = " · ".join(
            p for p in (flag.author, flag.created[:16].replace("T", " "), round_name(flag.round)) if p
        )
        lines.append(who)
        return "\n".join(lines)

    def _page_and_label(self, block_id: str | None) -> tuple[int | None, str]:
        if block_id is None:
            return None, ""
        try:
            page, _, block = self.window_.session.issue.find_block(block_id)
        except KeyError:
            return None, ""
        return page.number, block_label(block)

    def _where_line(self, block_id: str | None) -> str:
        page, label = self._page_and_label(block_id)
        if page is None:
            return ""
        where = self.tr("Page %1").replace("%1", str(page))
        return f"{where} 《{label}》" if label else where

    def _summary(self, all_findings, shown, marks) -> None:
        issue = self.window_.session.issue
        characters = count_characters(issue)
        errors = sum(f.level == "error" for f in all_findings) + len(marks)
        rate = errors * 10000 / characters if characters else 0.0
        parts = [self.tr("%n finding(s)", "", len(all_findings))]
        if len(shown) != len(all_findings):
            parts.append(self.tr("%1 shown").replace("%1", str(len(shown))))
        if marks:
            parts.append(self.tr("%n open mark(s)", "", len(marks)))
        parts.append(self.tr("%1 per 10,000 characters").replace("%1", f"{rate:.2f}"))
        self.summary.setText(" · ".join(parts))
        self.summary.setToolTip(
            self.tr("Errors and open marks: %1; characters: %2")
            .replace("%1", str(errors))
            .replace("%2", str(characters))
        )

    def flush(self) -> None:
        """Draw a pending refresh now."""
        if self.refresh_timer.isActive():
            self.refresh_timer.stop()
            self.show_findings()

    def items(self) -> list[QTreeWidgetItem]:
        """Every entry's item (findings, marks, notes) in the order shown, groups left out."""
        self.flush()
        found = []

        def walk(item):
            if item.data(0, ENTRY_ROLE):
                found.append(item)
            for index in range(item.childCount()):
                walk(item.child(index))

        for index in range(self.tree.topLevelItemCount()):
            walk(self.tree.topLevelItem(index))
        return found

    def entries(self) -> list[tuple[str, object]]:
        """(kind, finding / mark / note) of every entry, in the order shown."""
        return [self._entry(item) for item in self.items()]

    # --- acting ----------------------------------------------------------------------------------
    def _entry(self, item):
        data = item.data(0, ENTRY_ROLE) if item is not None else None
        return data if data else (None, None)

    def _finding(self, item):
        kind, entry = self._entry(item)
        return entry if kind == "finding" else None

    def _with_finding(self, action) -> None:
        finding = self._finding(self.tree.currentItem())
        if finding is not None:
            action(finding)

    def _update_buttons(self, item) -> None:
        finding = self._finding(item)
        self.ignore_button.setEnabled(finding is not None)
        self.fix_button.setEnabled(finding is not None and bool(finding.suggestions))

    def _jump(self, item, _column=0) -> None:
        kind, entry = self._entry(item)
        window = self.window_
        if kind == "finding" and entry.location is not None:
            window.show_span(entry.location.block, entry.location.field, entry.start, entry.end)
        elif kind == "mark":
            text = field_text(window.session.issue, entry.location.block, entry.location.field)
            span = locate(entry, text) if text is not None else None
            if span is not None:
                window.show_span(entry.location.block, entry.location.field, *span)
            else:
                window.select_block(entry.location.block)
        elif kind == "note" and entry.block:
            window.select_block(entry.block)

    def _context_menu(self, pos) -> None:
        item = self.tree.itemAt(pos)
        kind, entry = self._entry(item)
        if kind is None:
            return
        window = self.window_
        menu = QMenu(self)
        if kind == "finding":
            for suggestion in entry.suggestions[:5]:
                menu.addAction(
                    self.tr("Fix: 「%1」→「%2」").replace("%1", entry.text).replace("%2", suggestion)
                ).triggered.connect(lambda _c=False, s=suggestion: window.fix_finding(entry, s))
            fix_all = window.fix_all_action(entry, menu)
            if fix_all is not None:
                menu.addAction(fix_all)
            menu.addSeparator()
            menu.addAction(self.tr("Ignore here")).triggered.connect(lambda: window.ignore_finding(entry))
            menu.addAction(self.tr("Ignore in this document")).triggered.connect(
                lambda: window.ignore_finding(entry, everywhere=True)
            )
            menu.addAction(
                self.tr("Add 「%1」 to the user dictionary").replace("%1", entry.text)
            ).triggered.connect(lambda: window.add_to_dictionary(entry.text))
            menu.addAction(self.tr("Turn this rule off")).triggered.connect(
                lambda: window.switch_off_rule(entry.rule)
            )
        elif kind == "mark":
            from editor_app.gui.editors.marks import accept_mark, reject_mark

            if entry.suggestion is not None:
                menu.addAction(self.tr("Accept mark")).triggered.connect(
                    lambda: accept_mark(window.session, entry, self.tr("Accept mark"))
                )
            menu.addAction(self.tr("Reject mark")).triggered.connect(
                lambda: reject_mark(window.session, entry, self.tr("Reject mark"))
            )
        elif kind == "note":
            menu.addAction(self.tr("Dismiss note")).triggered.connect(lambda: window.dismiss_note(entry))
        menu.addSeparator()
        menu.addAction(self.tr("Go to the text")).triggered.connect(lambda: self._jump(item))
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    def ignore_selected(self) -> None:
        self._with_finding(self.window_.ignore_finding)
