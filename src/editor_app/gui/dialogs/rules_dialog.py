"""Rules and dictionary: the rule packs and their rules (examples, counts, on/off per user), the user
dictionary, and the house-rule folder, whose files are validated (and their examples run) on saving.

A house-rule file that does not load, or whose examples do not behave, is not saved: the errors are
listed with the file and the line, and clicking one puts the cursor on that line.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor_app import paths
from editor_app.errors import EditorError
from editor_app.gui.dialogs import fit_dialog

RULE_ROLE = Qt.ItemDataRole.UserRole + 1
LINE_ROLE = Qt.ItemDataRole.UserRole + 2
HOUSE_TEMPLATE = """\
pack: 本报规范
description: 本报自定的用词规范
rules:
  - id: house.example
    type: substitution
    category: 规范表述
    level: warning
    message: 本报统一写作「{suggestion}」
    pairs: {微信公号: 微信公众号}
    examples: {bad: [请关注本报微信公号。], good: [请关注本报微信公众号。]}
"""


class RulesDialog(QDialog):
    def __init__(self, window=None):
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(self.tr("Rules and dictionary"))
        self.changed = False  # the checker must reload when the dialog closes
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._rules_tab(), self.tr("Rules"))
        self.tabs.addTab(self._dictionary_tab(), self.tr("User dictionary"))
        self.tabs.addTab(self._house_tab(), self.tr("House rules"))
        layout.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        fit_dialog(self, 900)
        self.resize(max(self.width(), 900), max(self.height(), 600))

    # --- rules -----------------------------------------------------------------------------------
    def _rules_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        hint = QLabel(
            self.tr("Untick a rule to switch it off for you; the counts are findings in the open issue.")
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        split = QSplitter()
        self.rules_tree = QTreeWidget()
        self.rules_tree.setHeaderLabels(
            [self.tr("Rule"), self.tr("Category"), self.tr("Level"), self.tr("Found")]
        )
        self.rules_tree.setColumnWidth(0, 360)
        self.rules_tree.currentItemChanged.connect(lambda item, _old: self._show_rule(item))
        self.rules_tree.itemChanged.connect(self._rule_toggled)
        self.rule_detail = QPlainTextEdit()
        self.rule_detail.setReadOnly(True)
        split.addWidget(self.rules_tree)
        split.addWidget(self.rule_detail)
        split.setSizes([560, 320])
        layout.addWidget(split, 1)
        self.fill_rules()
        return page

    def fill_rules(self) -> None:
        from editor_app.proof.loader import load_pack, pack_files, read_yaml
        from editor_app.proof.userdata import read_disabled_rules

        off = read_disabled_rules(paths.user_disabled_rules_path())
        checker = getattr(self.window_, "checker", None)
        counts = Counter(f.rule for f in (checker.findings if checker is not None else ()))
        levels = {"error": self.tr("Error"), "warning": self.tr("Warning"), "info": self.tr("Note")}
        self.rules_tree.blockSignals(True)
        self.rules_tree.clear()
        folders = [(paths.resource("rules"), self.tr("Bundled")), (paths.user_rules_dir(), self.tr("House"))]
        for folder, origin in folders:
            if not folder.is_dir():
                continue
            for path in pack_files(folder):
                try:
                    rules, _ = load_pack(path)
                    data = read_yaml(path) or {}
                except EditorError as exc:
                    item = QTreeWidgetItem([f"{path.name}: {exc}"])
                    self.rules_tree.addTopLevelItem(item)
                    continue
                name = str(data.get("pack") or path.stem) if isinstance(data, dict) else path.stem
                pack_item = QTreeWidgetItem(
                    [f"{name}（{origin}）", "", "", str(sum(counts[r.id] for r in rules))]
                )
                self.rules_tree.addTopLevelItem(pack_item)
                for rule in rules:
                    item = QTreeWidgetItem(
                        [
                            rule.message.replace("{text}", "…").replace("{suggestion}", "…"),
                            rule.category,
                            levels.get(rule.level, rule.level),
                            str(counts[rule.id]),
                        ]
                    )
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(
                        0, Qt.CheckState.Unchecked if rule.id in off else Qt.CheckState.Checked
                    )
                    item.setData(0, RULE_ROLE, rule)
                    pack_item.addChild(item)
        self.rules_tree.blockSignals(False)

    def _show_rule(self, item) -> None:
        rule = item.data(0, RULE_ROLE) if item is not None else None
        if rule is None:
            self.rule_detail.setPlainText("")
            return
        lines = [rule.message]
        if rule.description:
            lines += ["", rule.description]
        if rule.suggestions:
            lines += ["", self.tr("Suggests:") + " " + "、".join(rule.suggestions)]
        lines += ["", self.tr("Flags, for example:")] + [f"  ✗ {e}" for e in rule.examples_bad]
        if rule.examples_good:
            lines += [self.tr("Leaves alone:")] + [f"  ✓ {e}" for e in rule.examples_good]
        lines += ["", f"{rule.path.name if rule.path else ''}:{rule.line or ''}"]
        self.rule_detail.setPlainText("\n".join(lines))

    def _rule_toggled(self, item, column: int) -> None:
        rule = item.data(0, RULE_ROLE)
        if rule is None or column != 0:
            return
        from editor_app.proof.userdata import read_disabled_rules, write_lines

        path = paths.user_disabled_rules_path()
        off = read_disabled_rules(path)
        if item.checkState(0) == Qt.CheckState.Checked:
            off.discard(rule.id)
        else:
            off.add(rule.id)
        write_lines(path, sorted(off), "# rules switched off in the Rules and dictionary dialog")
        self.changed = True

    # --- user dictionary -------------------------------------------------------------------------
    def _dictionary_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        hint = QLabel(
            self.tr("One term per line: names, places and house words the checker should never flag.")
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.dictionary = QPlainTextEdit()
        path = paths.user_dictionary_path()
        try:
            self.dictionary.setPlainText(path.read_text(encoding="utf-8-sig") if path.exists() else "")
        except (OSError, UnicodeDecodeError) as exc:
            self.dictionary.setPlainText("")
            self.dictionary.setPlaceholderText(str(exc))
        layout.addWidget(self.dictionary, 1)
        row = QHBoxLayout()
        save = QPushButton(self.tr("Save dictionary"))
        save.clicked.connect(self.save_dictionary)
        row.addStretch(1)
        row.addWidget(save)
        layout.addLayout(row)
        return page

    def save_dictionary(self) -> bool:
        from editor_app.storage.atomic import write_atomic

        path = paths.user_dictionary_path()
        text = self.dictionary.toPlainText()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, (text if text.endswith("\n") or not text else text + "\n").encode("utf-8"))
        except OSError as exc:
            QMessageBox.warning(self, self.tr("User dictionary"), str(exc))
            return False
        self.changed = True
        return True

    # --- house rules -----------------------------------------------------------------------------
    def _house_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.folder_label = QLabel(self.tr("Folder: %1").replace("%1", str(paths.user_rules_dir())))
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.folder_label)
        split = QSplitter()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.house_files = QListWidget()
        self.house_files.currentItemChanged.connect(lambda item, _old: self.open_house_file(item))
        new = QPushButton(self.tr("New rule file…"))
        new.clicked.connect(self.new_house_file)
        left_layout.addWidget(self.house_files, 1)
        left_layout.addWidget(new)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.house_editor = QPlainTextEdit()
        self.house_editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.house_errors = QListWidget()
        self.house_errors.setMaximumHeight(120)
        self.house_errors.itemActivated.connect(self._go_to_error)
        self.house_errors.itemClicked.connect(self._go_to_error)
        save_row = QHBoxLayout()
        self.house_status = QLabel()
        self.house_status.setWordWrap(True)
        self.save_house_button = QPushButton(self.tr("Check and save"))
        self.save_house_button.clicked.connect(self.save_house_file)
        save_row.addWidget(self.house_status, 1)
        save_row.addWidget(self.save_house_button)
        right_layout.addWidget(self.house_editor, 1)
        right_layout.addWidget(self.house_errors)
        right_layout.addLayout(save_row)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([220, 660])
        layout.addWidget(split, 1)
        self.house_path: Path | None = None
        self.fill_house_files()
        return page

    def fill_house_files(self, select: Path | None = None) -> None:
        from editor_app.proof.loader import pack_files

        self.house_files.blockSignals(True)
        self.house_files.clear()
        folder = paths.user_rules_dir()
        files = pack_files(folder) if folder.is_dir() else []
        for path in files:
            item = QListWidgetItem(path.name)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.house_files.addItem(item)
            if select is not None and path == select:
                self.house_files.setCurrentItem(item)
        self.house_files.blockSignals(False)
        if self.house_files.currentItem() is None and self.house_files.count():
            self.house_files.setCurrentRow(0)
        self.open_house_file(self.house_files.currentItem())

    def open_house_file(self, item) -> None:
        self.house_errors.clear()
        self.house_status.setText("")
        if item is None:
            self.house_path = None
            self.house_editor.setPlainText("")
            self.house_editor.setEnabled(False)
            self.save_house_button.setEnabled(False)
            return
        self.house_path = Path(item.data(Qt.ItemDataRole.UserRole))
        try:
            self.house_editor.setPlainText(self.house_path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            self.house_editor.setPlainText("")
            self.house_status.setText(str(exc))
        self.house_editor.setEnabled(True)
        self.save_house_button.setEnabled(True)

    def new_house_file(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("New rule file"), self.tr("File name:"), text="house.yaml"
        )
        if not ok or not name.strip():
            return
        name = name.strip()
        if not name.endswith((".yaml", ".yml")):
            name += ".yaml"
        path = paths.user_rules_dir() / Path(name).name
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(HOUSE_TEMPLATE, encoding="utf-8")
        self.fill_house_files(select=path)

    def save_house_file(self) -> bool:
        """Validate the edited pack (loading and examples); write it only when it is sound."""
        from editor_app.proof.loader import validate_pack
        from editor_app.storage.atomic import write_atomic

        if self.house_path is None:
            return False
        text = self.house_editor.toPlainText()
        errors = validate_pack(self.house_path, text)
        self.house_errors.clear()
        if errors:
            for error in errors:
                item = QListWidgetItem(str(error))
                item.setData(LINE_ROLE, error.line or 0)
                self.house_errors.addItem(item)
            self.house_status.setText(self.tr("Not saved: %n problem(s) to fix first", "", len(errors)))
            self.house_status.setStyleSheet("color: #c62828;")
            self._go_to_error(self.house_errors.item(0))
            return False
        try:
            write_atomic(self.house_path, text.encode("utf-8"))
        except OSError as exc:
            self.house_status.setText(str(exc))
            return False
        self.house_status.setText(self.tr("Saved; every example behaves"))
        self.house_status.setStyleSheet("color: #1b5e20;")
        self.changed = True
        self.fill_rules()
        return True

    def _go_to_error(self, item) -> None:
        line = item.data(LINE_ROLE) if item is not None else 0
        if not line:
            return
        block = self.house_editor.document().findBlockByNumber(line - 1)
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        self.house_editor.setTextCursor(cursor)
        self.house_editor.setFocus()

    def done(self, result: int) -> None:  # noqa: D401 - Qt's name
        if self.changed and self.window_ is not None and hasattr(self.window_, "reload_checker"):
            self.window_.reload_checker()
        super().done(result)
