"""The body editor: one paragraph per line; a toolbar toggle marks the current line as a 小标题.

Every edit becomes one `SetParagraphs` op (typing merges into one undo step). Paragraph ids survive
edits: lines are matched to the previous paragraphs (by position when the count is unchanged,
otherwise by a line diff), so flags and undo keep pointing at the right paragraph.
"""

from __future__ import annotations

import difflib

from PySide6.QtCore import QEvent, QPointF
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QPainter,
    QPen,
    QPolygonF,
    QSyntaxHighlighter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip

from editor_app.gui.checking import python_offset, utf16_offset
from editor_app.gui.editors.fields import clean_paste, defer_undo
from editor_app.gui.editors.marks import accept_mark, add_mark, locate, open_marks, reject_mark
from editor_app.model.document import Paragraph
from editor_app.model.ops import SetParagraphs


def match_paragraphs(old: list[Paragraph], lines: list[str]) -> list[Paragraph]:
    """New paragraphs for `lines`, reusing the ids and kinds of `old` where lines correspond."""
    if len(old) == len(lines):
        return [Paragraph(text, p.kind, p.id) for p, text in zip(old, lines, strict=True)]
    result: list[Paragraph | None] = [None] * len(lines)
    matcher = difflib.SequenceMatcher(None, [p.text for p in old], lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("equal", "replace"):
            for k in range(min(i2 - i1, j2 - j1)):
                p = old[i1 + k]
                result[j1 + k] = Paragraph(lines[j1 + k], p.kind, p.id)
    return [p if p is not None else Paragraph(lines[j]) for j, p in enumerate(result)]


MARK_COLOUR = QColor("#fff176")
FIND_COLOUR = QColor("#ffb74d")
INSERTED_BACKGROUND, CHANGE_RED = QColor("#ffebee"), QColor("#c62828")


def highlight_format(kind: str) -> QTextCharFormat:
    """How a find match or a 核红 insertion looks in the editors."""
    fmt = QTextCharFormat()
    if kind == "find":
        fmt.setBackground(FIND_COLOUR)
    else:
        fmt.setBackground(INSERTED_BACKGROUND)
        fmt.setForeground(CHANGE_RED)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(CHANGE_RED)
    return fmt


LEVEL_COLOURS = {"error": QColor("#d32f2f"), "warning": QColor("#ef6c00"), "info": QColor("#1976d2")}


class _SubheadHighlighter(QSyntaxHighlighter):
    """Subheads in bold blue; checker findings underlined (red errors, orange warnings)."""

    def __init__(self, editor):
        super().__init__(editor.document())
        self.editor = editor
        self.subhead = QTextCharFormat()
        self.subhead.setFontWeight(QFont.Weight.Bold)
        self.subhead.setForeground(QColor("#1a3d7c"))

    def highlightBlock(self, text):  # noqa: N802
        kinds = self.editor.kinds
        n = self.currentBlock().blockNumber()
        if n < len(kinds) and kinds[n] == "subhead":
            self.setFormat(0, len(text), self.subhead)
        for _flag, start, length in self.editor.marks_on_line(n):
            fmt = QTextCharFormat(self.format(start))
            fmt.setBackground(MARK_COLOUR)
            self.setFormat(start, length, fmt)
        for finding, start, length in self.editor.findings_on_line(n):
            fmt = QTextCharFormat(self.format(start))
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
            fmt.setUnderlineColor(LEVEL_COLOURS.get(finding.level, LEVEL_COLOURS["warning"]))
            self.setFormat(start, length, fmt)


class BodyEditor(QPlainTextEdit):
    def __init__(self, session, block_id: str, allow_subheads: bool = True, parent=None):
        super().__init__(parent)
        self.session = session
        self.block_id = block_id
        self.allow_subheads = allow_subheads
        self.kinds: list[str] = []
        self.document().setUndoRedoEnabled(False)  # the window's undo stack owns undo
        self.setTabChangesFocus(True)
        body_font = QFont("Noto Serif CJK SC")
        body_font.setPointSizeF(11.5)
        self.setFont(body_font)
        defer_undo(self)
        self._highlighter = _SubheadHighlighter(self)
        self.refresh()
        self.textChanged.connect(self._commit)
        checker = getattr(session, "checker", None)
        if checker is not None:
            checker.updated.connect(self._findings_updated)
        session.flags_changed.connect(self._rehighlight)
        session.highlights_changed.connect(self.show_highlights)
        self.show_highlights()

    def insertFromMimeData(self, source):  # noqa: N802 - Qt's name
        """Paste as plain text without control characters; Word's line breaks become paragraphs."""
        if source.hasText():
            self.insertPlainText(clean_paste(source.text()))

    # --- checker findings --------------------------------------------------------------------
    def _findings_updated(self, block_id: str) -> None:
        # New results re-highlight everything. When this block's findings are dropped because it
        # was edited, the edited paragraph re-highlights itself and the others are still right.
        if block_id == "":
            self._rehighlight()

    def _rehighlight(self) -> None:
        """Re-run the highlighter; it makes the document emit textChanged, which is not an edit."""
        self.blockSignals(True)
        try:
            self._highlighter.rehighlight()
        finally:
            self.blockSignals(False)

    def findings_on_line(self, line: int):
        """(finding, Qt start, Qt length) for the paragraph on `line`, if the checker has any."""
        checker = getattr(self.session, "checker", None)
        findings = checker.by_block.get(self.block_id) if checker is not None else None
        if not findings:
            return []
        paragraphs = self._block().paragraphs
        if line >= len(paragraphs):
            return []
        paragraph = paragraphs[line]
        path = f"paragraph:{paragraph.id}"
        result = []
        for finding in findings:
            if finding.location and finding.location.field == path and finding.end <= len(paragraph.text):
                start = utf16_offset(paragraph.text, finding.start)
                result.append((finding, start, utf16_offset(paragraph.text, finding.end) - start))
        return result

    # --- find matches and 核红 -------------------------------------------------------------------
    def _line_ranges(self, kinds: tuple[str, ...]):
        """(TextRange, line, Qt start, Qt end) of the session's highlights in this block's paragraphs."""
        ranges = [
            r
            for r in getattr(self.session, "highlights", ())
            if r.block_id == self.block_id and r.kind in kinds and r.path.startswith("paragraph:")
        ]
        if not ranges:
            return []
        lines = {f"paragraph:{p.id}": (n, p.text) for n, p in enumerate(self._block().paragraphs)}
        result = []
        for r in ranges:
            if r.path in lines:
                line, text = lines[r.path]
                if r.end <= len(text):
                    result.append((r, line, utf16_offset(text, r.start), utf16_offset(text, r.end)))
        return result

    def show_highlights(self) -> None:
        """Find matches and text inserted since the last closed round, as extra selections."""
        selections = []
        doc = self.document()
        for r, line, start, end in self._line_ranges(("inserted", "find")):
            block = doc.findBlockByNumber(line)
            if not block.isValid() or end <= start:
                continue
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(block)
            cursor.setPosition(block.position() + start)
            cursor.setPosition(block.position() + end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = highlight_format(r.kind)
            selections.append(selection)
        selections.sort(key=lambda sel: sel.format.background().color() == FIND_COLOUR)  # finds on top
        self.setExtraSelections(selections)
        self.viewport().update()

    def _deletion_points(self):
        """(TextRange, document position) of each place text was deleted since the last round."""
        doc = self.document()
        points = []
        for r, line, start, _end in self._line_ranges(("deleted",)):
            block = doc.findBlockByNumber(line)
            if block.isValid():
                points.append((r, block.position() + start))
        return points

    def paintEvent(self, event):  # noqa: N802 - Qt's name
        super().paintEvent(event)
        points = self._deletion_points()
        if not points:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(CHANGE_RED, 2))
        painter.setBrush(CHANGE_RED)
        for _r, position in points:
            cursor = QTextCursor(self.document())
            cursor.setPosition(min(position, self.document().characterCount() - 1))
            rect = self.cursorRect(cursor)
            x, bottom = rect.left() + 0.5, rect.bottom() + 1
            painter.drawLine(QPointF(x, rect.top() + 2), QPointF(x, bottom))  # a caret where text went
            painter.drawPolygon(
                QPolygonF([QPointF(x - 4, bottom + 3), QPointF(x + 4, bottom + 3), QPointF(x, bottom - 2)])
            )
        painter.end()

    def _change_at(self, pos) -> str | None:
        """What the tooltip says about a 核红 change under the mouse."""
        cursor = self.cursorForPosition(pos)
        line, column = cursor.blockNumber(), cursor.positionInBlock()
        for r, position in self._deletion_points():
            block = self.document().findBlock(position)
            if block.blockNumber() == line and abs(position - block.position() - column) <= 1:
                removed = self.session.deleted_text.get(r, "")
                return self.tr("Deleted since the last closed round: 「%1」").replace("%1", removed)
        for _r, range_line, start, end in self._line_ranges(("inserted",)):
            if range_line == line and start <= column < end:
                return self.tr("Inserted since the last closed round")
        return None

    def marks_on_line(self, line: int):
        """(flag, Qt start, Qt length) for the open proofreading marks on `line`."""
        if not self.session.issue.flags:
            return []
        paragraphs = self._block().paragraphs
        if line >= len(paragraphs):
            return []
        paragraph = paragraphs[line]
        result = []
        for flag in open_marks(self.session.issue, self.block_id, f"paragraph:{paragraph.id}"):
            span = locate(flag, paragraph.text)
            if span:
                start = utf16_offset(paragraph.text, span[0])
                result.append((flag, start, utf16_offset(paragraph.text, span[1]) - start))
        return result

    def _mark_at(self, pos):
        cursor = self.cursorForPosition(pos)
        column = cursor.positionInBlock()
        for flag, start, length in self.marks_on_line(cursor.blockNumber()):
            if start <= column <= start + length:
                return flag
        return None

    def selection_span(self):
        """(paragraph path, start, end) in Python offsets for a selection inside one paragraph."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        doc = self.document()
        first = doc.findBlock(cursor.selectionStart())
        if first != doc.findBlock(cursor.selectionEnd()):
            return None
        paragraphs = self._block().paragraphs
        if first.blockNumber() >= len(paragraphs):
            return None
        paragraph = paragraphs[first.blockNumber()]
        start = python_offset(paragraph.text, cursor.selectionStart() - first.position())
        end = python_offset(paragraph.text, cursor.selectionEnd() - first.position())
        return f"paragraph:{paragraph.id}", start, end

    def mark_selection(self, note: str, suggestion: str | None):
        """Put a proofreading mark on the selected text (one undo step); returns the flag or None."""
        span = self.selection_span()
        if span is None or span[1] == span[2]:
            return None
        self._commit()
        self.session.seal_typing()
        return add_mark(
            self.session,
            self.block_id,
            span[0],
            span[1],
            span[2],
            note,
            suggestion,
            text=self.tr("Add proofreading mark"),
        )

    def _ask_mark(self) -> None:
        from editor_app.gui.dialogs.mark_dialog import MarkDialog

        dialog = MarkDialog(self.textCursor().selectedText(), self)
        if dialog.exec():
            self.mark_selection(*dialog.values())

    def _finding_at(self, pos):
        cursor = self.cursorForPosition(pos)
        column = cursor.positionInBlock()
        for finding, start, length in self.findings_on_line(cursor.blockNumber()):
            if start <= column <= start + length:
                return finding, cursor.block().position() + start, length
        return None

    def event(self, event):
        if event.type() == QEvent.Type.ToolTip:
            hit = self._finding_at(event.pos())
            flag = self._mark_at(event.pos())
            change = self._change_at(event.pos())
            if flag is not None:
                tip = self.tr("Mark") + (f" ({flag.author})" if flag.author else "") + f": {flag.note}"
                if flag.suggestion is not None:
                    tip += f"\n「{flag.location.quote}」→「{flag.suggestion}」"
                QToolTip.showText(event.globalPos(), tip, self)
            elif hit:
                finding = hit[0]
                tip = finding.message
                if finding.suggestions:
                    tip += "\n→ " + "、".join(finding.suggestions)
                QToolTip.showText(event.globalPos(), tip, self)
            elif change:
                QToolTip.showText(event.globalPos(), change, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def contextMenuEvent(self, event):  # noqa: N802
        self.context_menu(event.pos()).exec(event.globalPos())

    def context_menu(self, pos):
        """The standard edit menu with the window's undo and redo, marks, fixes and 规范标点."""
        menu = self.createStandardContextMenu()
        window = self.window()
        actions = getattr(window, "actions_", {})
        for name, key in (("edit-undo", "undo"), ("edit-redo", "redo")):
            own = next((a for a in menu.actions() if a.objectName() == name), None)
            if own is not None and key in actions:  # the window's undo stack owns undo
                menu.insertAction(own, actions[key])
                menu.removeAction(own)
        first = menu.actions()[0] if menu.actions() else None
        flag = self._mark_at(pos)
        if flag is not None:
            if flag.suggestion is not None:
                accept = QAction(
                    self.tr("Accept mark: 「%1」→「%2」")
                    .replace("%1", flag.location.quote)
                    .replace("%2", flag.suggestion),
                    menu,
                )
                accept.triggered.connect(lambda: accept_mark(self.session, flag, self.tr("Accept mark")))
                menu.insertAction(first, accept)
            reject = QAction(self.tr("Reject mark"), menu)
            reject.triggered.connect(lambda: reject_mark(self.session, flag, self.tr("Reject mark")))
            menu.insertAction(first, reject)
            menu.insertSeparator(first)
        elif self.selection_span() is not None:
            mark = QAction(self.tr("Add proofreading mark…"), menu)
            mark.triggered.connect(self._ask_mark)
            menu.insertAction(first, mark)
            menu.insertSeparator(first)
        hit = self._finding_at(pos)
        if hit:
            finding, start, length = hit
            for suggestion in finding.suggestions[:5]:
                action = QAction(self.tr("Replace with “%1”").replace("%1", suggestion), menu)
                action.triggered.connect(lambda _c=False, s=suggestion: self._replace(start, length, s))
                menu.insertAction(first, action)
            fix_all = getattr(window, "fix_all_action", None)
            if finding.suggestions and fix_all is not None:
                action = fix_all(finding, menu)
                if action is not None:
                    menu.insertAction(first, action)
            if finding.suggestions:
                menu.insertSeparator(first)
        normalize = getattr(window, "normalize_punctuation", None)
        if normalize is not None:
            action = QAction(self.tr("Normalise punctuation in this block"), menu)
            action.triggered.connect(lambda: normalize("block"))
            menu.insertAction(first, action)
            menu.insertSeparator(first)
        return menu

    def _replace(self, start: int, length: int, text: str) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
        self.session.seal_typing()
        cursor.insertText(text)
        self.session.seal_typing()

    def _block(self):
        return self.session.issue.find_block(self.block_id)[2]

    def refresh(self) -> None:
        paragraphs = self._block().paragraphs
        kinds = [p.kind for p in paragraphs]
        text = "\n".join(p.text for p in paragraphs)
        if text != self.toPlainText():
            cursor_pos = self.textCursor().position()
            self.kinds = kinds
            self.blockSignals(True)
            self.setPlainText(text)
            self._space_paragraphs()
            self.blockSignals(False)
            cursor = self.textCursor()
            cursor.setPosition(min(cursor_pos, len(self.toPlainText())))
            self.setTextCursor(cursor)
            self.show_highlights()
        elif kinds != self.kinds:
            self.kinds = kinds
            self._rehighlight()

    def _space_paragraphs(self) -> None:
        """A little space after each paragraph so long paragraphs read as paragraphs (Enter inherits it)."""
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        block_format = QTextBlockFormat()
        block_format.setBottomMargin(6)
        cursor.mergeBlockFormat(block_format)

    def _commit(self) -> None:
        old = self._block().paragraphs
        lines = self.toPlainText().split("\n")
        if lines == [""] and not old:
            return
        new = match_paragraphs(old, lines)
        if [(p.id, p.text, p.kind) for p in new] == [(p.id, p.text, p.kind) for p in old]:
            return
        self.kinds = [p.kind for p in new]
        self.session.apply(SetParagraphs(self.block_id, new), self.tr("Edit text"))

    def toggle_subhead(self) -> None:
        """Mark the line under the cursor as a 小标题 (or back to body text): one undo step."""
        if not self.allow_subheads:
            return
        self._commit()
        line = self.textCursor().blockNumber()
        old = self._block().paragraphs
        if line >= len(old):
            return
        new = [Paragraph(p.text, p.kind, p.id) for p in old]
        new[line].kind = "text" if new[line].kind == "subhead" else "subhead"
        self.session.seal_typing()
        self.session.apply(SetParagraphs(self.block_id, new), self.tr("Toggle subhead"))
        self.session.seal_typing()

    def current_is_subhead(self) -> bool:
        line = self.textCursor().blockNumber()
        return line < len(self.kinds) and self.kinds[line] == "subhead"

    def focusOutEvent(self, event):  # noqa: N802
        self.session.seal_typing()
        super().focusOutEvent(event)

    def move_to_line(self, line: int) -> None:
        block = self.document().findBlockByNumber(line)
        if block.isValid():
            self.setTextCursor(QTextCursor(block))
