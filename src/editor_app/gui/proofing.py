"""The proofreader's commands: fix, fix all, 规范标点, ignore, user dictionary, rules off, proof rounds.

Mixed into MainWindow. Every change to the document is one undo step and says in the status bar how
many places it changed. Proof rounds: closing one stores a snapshot (rounds.py); from then on the
editors and the preview show what changed since (核红), recomputed shortly after each edit.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QLabel, QMessageBox

from editor_app.gui import settings
from editor_app.gui.checking import utf16_offset
from editor_app.gui.highlights import TextRange
from editor_app.model.document import Ignore
from editor_app.model.fields import get_field, iter_text_fields
from editor_app.model.ops import AddIgnore, CloseRound, RemoveImportNotes
from editor_app.rounds import changes_since, current_round, round_name, snapshot
from editor_app.search import edits_op

CHANGES_SETTLE_MS = 250


class ProofActions:
    """Mixed into MainWindow: needs `session`, `checker`, `editor`, `preview`, `select_block`."""

    def init_proofing(self) -> None:
        self.round_label = QLabel()
        self.round_label.setContentsMargins(8, 0, 8, 0)
        self.statusBar().addPermanentWidget(self.round_label)
        self.show_changes = True
        self.changes_timer = QTimer(self)
        self.changes_timer.setSingleShot(True)
        self.changes_timer.setInterval(CHANGES_SETTLE_MS)
        self.changes_timer.timeout.connect(self.update_changes)

    def connect_proofing(self) -> None:
        """Called for each new session."""
        self.session.changed.connect(self.changes_timer.start)
        self.session.highlights_changed.connect(self.push_highlights)
        self.update_changes()

    # --- where things are ------------------------------------------------------------------------
    def show_span(self, block_id: str, path: str, start: int, end: int) -> bool:
        """Select the block and the span [start, end) of its field in the editor."""
        try:
            _, _, block = self.session.issue.find_block(block_id)
            text = get_field(block, path) or ""
        except KeyError:
            return False
        self.select_block(block_id)
        form = self.editor.form
        start, end = utf16_offset(text, min(start, len(text))), utf16_offset(text, min(end, len(text)))
        if path.startswith("paragraph:") and hasattr(form, "body"):
            for line, paragraph in enumerate(block.paragraphs):
                if f"paragraph:{paragraph.id}" == path:
                    doc_block = form.body.document().findBlockByNumber(line)
                    cursor = QTextCursor(doc_block)
                    cursor.setPosition(doc_block.position() + start)
                    cursor.setPosition(doc_block.position() + end, QTextCursor.MoveMode.KeepAnchor)
                    form.body.setTextCursor(cursor)
                    form.body.ensureCursorVisible()
                    form.body.setFocus()
                    return True
        edit = getattr(form, "fields", {}).get(path)
        for card in getattr(getattr(form, "photos", None), "cards", ()):  # a caption or credit
            edit = edit or next((e for e in (card.caption, card.credit) if e.path == path), None)
        if edit is not None:
            edit.setFocus()
            edit.setSelection(start, end - start)
            return True
        return False

    def where(self, block_id: str) -> str:
        """「第1版 《标题》」: how a person finds a block (never its id)."""
        try:
            page, _, block = self.session.issue.find_block(block_id)
        except KeyError:
            return ""
        from editor_app.model.fields import block_label

        label = block_label(block)
        text = self.tr("Page %1").replace("%1", str(page.number))
        return f"{text} 《{label[:14]}{'…' if len(label) > 14 else ''}》" if label else text

    # --- fixes -----------------------------------------------------------------------------------
    def _apply_edits(self, edits, count: int, text: str) -> int:
        if not edits:
            self.statusBar().showMessage(self.tr("Nothing to change"), 4000)
            return 0
        self.session.seal_typing()
        self.session.apply(edits_op(edits), text)
        self.session.seal_typing()
        self.statusBar().showMessage(self.tr("%n place(s) changed", "", count), 6000)
        return count

    def fix_finding(self, finding, suggestion: str | None = None) -> bool:
        from editor_app.proof.fixes import plan_fixes

        if suggestion is not None and suggestion != finding.suggestions[0]:
            from dataclasses import replace

            finding = replace(finding, suggestions=(suggestion,))
        edits, count = plan_fixes(self.session.issue, [finding])
        return bool(self._apply_edits(edits, count, self.tr("Fix 「%1」").replace("%1", finding.text)))

    def fix_all_targets(self, finding) -> list:
        from editor_app.proof import default_checker
        from editor_app.proof.fixes import fix_all_targets

        current = list(self.checker.findings) if self.checker is not None else []
        return fix_all_targets(default_checker(), self.session.issue, finding, current)

    def fix_all(self, finding) -> int:
        """全部改正: every place of this finding's rule (or of this same slip), one undo step."""
        from editor_app.proof.fixes import plan_fixes

        edits, count = plan_fixes(self.session.issue, self.fix_all_targets(finding))
        return self._apply_edits(edits, count, self.tr("Fix all 「%1」").replace("%1", finding.text))

    def fix_all_action(self, finding, parent) -> QAction | None:
        """「全部改正（共 N 处）」 for a context menu, when there is more than one place."""
        if not finding.suggestions:
            return None
        count = len(self.fix_all_targets(finding))
        if count < 2:
            return None
        action = QAction(self.tr("Fix all (%n place(s))", "", count), parent)
        action.triggered.connect(lambda: self.fix_all(finding))
        return action

    def normalize_punctuation(self, scope: str = "issue") -> int:
        """规范标点 in the selected block, its page, or the whole issue: one undo step."""
        from editor_app.punctuation import normalize_punctuation

        blocks = None
        if scope == "block":
            blocks = {self.current_block_id()} if self.current_block_id() else set()
        elif scope == "page":
            page = self.current_page()
            blocks = {b.id for b in page.blocks} if page else set()
        edits, total = {}, 0
        for tf in iter_text_fields(self.session.issue):
            if blocks is None or tf.block.id in blocks:
                new, count = normalize_punctuation(tf.text)
                if count:
                    edits[(tf.block.id, tf.path)] = new
                    total += count
        return self._apply_edits(edits, total, self.tr("Normalise punctuation"))

    def ignore_finding(self, finding, everywhere: bool = False) -> None:
        block = None if everywhere or finding.location is None else finding.location.block
        self.session.apply(
            AddIgnore(Ignore(finding.rule, finding.text, block)),
            self.tr("Ignore in this document") if everywhere else self.tr("Ignore finding"),
        )

    def add_to_dictionary(self, term: str) -> None:
        from editor_app import paths
        from editor_app.errors import EditorError
        from editor_app.proof.userdata import add_term

        try:
            add_term(paths.user_dictionary_path(), term)
        except EditorError as exc:
            QMessageBox.warning(self, self.tr("User dictionary"), str(exc))
            return
        self.reload_checker()
        self.statusBar().showMessage(self.tr("「%1」 added to the user dictionary").replace("%1", term), 6000)

    def switch_off_rule(self, rule_id: str) -> None:
        from editor_app import paths
        from editor_app.proof.userdata import read_disabled_rules, write_lines

        path = paths.user_disabled_rules_path()
        write_lines(path, sorted(read_disabled_rules(path) | {rule_id}))
        self.reload_checker()
        self.statusBar().showMessage(
            self.tr("Rule turned off (turn it on again in Rules and dictionary)"), 6000
        )

    def reload_checker(self) -> None:
        """The user's dictionary or rules changed: load them again and check anew."""
        from editor_app.proof import reset_default_checker

        reset_default_checker()
        if self.checker is not None:
            self.checker.checked_revision = -1  # the findings are stale until the new rules have run
            self.update_findings_label()
            self.checker.settle.start()

    def dismiss_note(self, note) -> None:
        self.session.apply(RemoveImportNotes([note.id]), self.tr("Dismiss import note"))

    # --- proof rounds ----------------------------------------------------------------------------
    def close_round(self, confirm: bool = True) -> bool:
        """Close the round under way (一校 …): snapshot, counts, one undo step."""
        issue = self.session.issue
        name = round_name(current_round(issue))
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("Close %1").replace("%1", name),
                self.tr(
                    "Close %1? Its text, marks and counts are kept in the project; the next round shows "
                    "what changes from now on."
                ).replace("%1", name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        checker = self.checker
        if checker is not None and checker.checked_revision == self.session.revision:
            findings = list(checker.findings)
        else:
            from editor_app.proof import default_checker

            findings = default_checker().check_issue(issue)
        self.session.seal_typing()
        self.session.apply(
            CloseRound(snapshot(issue, findings, settings.user_name())),
            self.tr("Close %1").replace("%1", name),
        )
        self.update_changes()
        self.statusBar().showMessage(
            self.tr("%1 closed; %2 under way")
            .replace("%1", name)
            .replace("%2", round_name(current_round(issue))),
            6000,
        )
        return True

    def set_show_changes(self, on: bool) -> None:
        self.show_changes = on
        self.update_changes()

    def update_changes(self) -> None:
        """核红: the changes since the last closed round, as highlights (none before the first)."""
        if self.session is None:
            return
        issue = self.session.issue
        number = current_round(issue)
        ranges, deleted = [], {}
        if issue.rounds and self.show_changes:
            for change in changes_since(issue.rounds[-1], issue):
                r = TextRange(change.block, change.path, change.start, change.end, change.kind)
                ranges.append(r)
                if change.kind == "deleted":
                    deleted[r] = deleted.get(r, "") + change.text
        self.session.set_change_ranges(ranges, deleted)
        text = round_name(number)
        if issue.rounds:
            text += " · " + self.tr("%n change(s) since %1", "", len(ranges)).replace(
                "%1", round_name(number - 1)
            )
        self.round_label.setText(text)
        if hasattr(self, "actions_") and "close_round" in self.actions_:
            self.actions_["close_round"].setText(self.tr("&Close %1…").replace("%1", round_name(number)))

    def push_highlights(self) -> None:
        """Hand the session's highlights to the preview, once it can paint them."""
        if self.preview is not None and hasattr(self.preview, "set_highlights"):
            self.preview.set_highlights(list(self.session.highlights))
