"""Menus and the toolbar: every command of the window in one place, with shortcuts."""

from __future__ import annotations

import re

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QStyle

from editor_app.gui import settings
from editor_app.gui.transfer import available


def _action(window, text, slot, shortcut=None, icon=None, tip=None) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if icon is not None:
        action.setIcon(window.style().standardIcon(icon))
    if tip:  # what the action does (a toolbar button's tooltip used to repeat its label)
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({keys})" if keys else tip)
        action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def _undo_action(window, text: str, which: str, shortcut) -> QAction:
    """Undo or redo with a fixed label; what it will undo is in the tooltip and status tip.

    QUndoGroup's own actions put the command's name in the label, so the toolbar buttons after
    them jumped left and right at every edit.
    """
    group = window.undo_group
    action = QAction(text, window)
    action.setShortcut(QKeySequence(shortcut))
    action.setEnabled(False)
    action.triggered.connect(getattr(group, which))
    (group.canUndoChanged if which == "undo" else group.canRedoChanged).connect(action.setEnabled)

    def describe(command: str) -> None:
        label = re.sub(r"\(&\w\)|&", "", text)  # 撤销(&U) -> 撤销, &Undo -> Undo
        tip = f"{label} {command}" if command else label
        action.setToolTip(tip)
        action.setStatusTip(tip)

    (group.undoTextChanged if which == "undo" else group.redoTextChanged).connect(describe)
    describe("")
    return action


class WindowActions:
    """Mixed into MainWindow (strings are translated in this class's context)."""

    def build_actions(self) -> dict[str, QAction]:
        window = self
        sp = QStyle.StandardPixmap
        std = QKeySequence.StandardKey
        a = {
            "new": _action(
                window,
                self.tr("&New…"),
                window.new_document,
                std.New,
                sp.SP_FileIcon,
                self.tr("Start a new issue from a page template"),
            ),
            "open": _action(
                window,
                self.tr("&Open…"),
                window.open_dialog,
                std.Open,
                sp.SP_DialogOpenButton,
                self.tr("Open a project, or a page in .txt or .docx"),
            ),
            "save": _action(
                window,
                self.tr("&Save"),
                window.save,
                std.Save,
                sp.SP_DialogSaveButton,
                self.tr("Save the issue to its project file"),
            ),
            "save_as": _action(window, self.tr("Save &As…"), window.save_as, std.SaveAs),
            "import_page": _action(window, self.tr("&Import page…"), window.import_page_dialog, "Ctrl+I"),
            "import_article": _action(window, self.tr("Import ar&ticle…"), window.import_article_dialog),
            "paste_article": _action(
                window, self.tr("Paste as new article"), window.paste_as_article, "Ctrl+Shift+V"
            ),
            "export_docx": _action(window, self.tr("&Export DOCX…"), window.export_docx_dialog, "Ctrl+E"),
            "export_report": _action(window, self.tr("Export proo&f report…"), window.export_report_dialog),
            "pdf_proof": _action(window, self.tr("Export P&DF proof…"), window.export_pdf_proof),
            "print_proof": _action(window, self.tr("&Print proof…"), window.print_proof, std.Print),
            "close": _action(window, self.tr("&Quit"), window.close, std.Quit),
            "add_article": _action(
                window,
                self.tr("&Article"),
                window.add_article,
                "Ctrl+Shift+A",
                None,
                self.tr("Add an article after the selected block"),
            ),
            "add_banner": _action(
                window,
                self.tr("&Banner headline"),
                window.add_banner,
                None,
                None,
                self.tr("Add a banner headline before the selected block"),
            ),
            "add_note": _action(
                window,
                self.tr("&Editor's note"),
                window.add_note,
                None,
                None,
                self.tr("Add an editor's note (编者按) after the selected block"),
            ),
            "add_photo_block": _action(
                window,
                self.tr("&Photo"),
                window.add_photo_block,
                None,
                None,
                self.tr("Add a stand-alone photo with its caption"),
            ),
            "add_page": _action(window, self.tr("Pa&ge"), window.add_page),
            "duplicate": _action(window, self.tr("Dup&licate"), window.duplicate_selected, "Ctrl+D"),
            "delete": _action(window, self.tr("&Delete"), window.delete_selected, "Ctrl+Delete"),
            "move_up": _action(window, self.tr("M&ove up"), lambda: window.move_selected(-1), "Alt+Up"),
            "move_down": _action(window, self.tr("Move do&wn"), lambda: window.move_selected(1), "Alt+Down"),
            "auto_layout": _action(
                window,
                self.tr("Auto &layout"),
                window.auto_layout_page,
                "Ctrl+Shift+L",
                tip=self.tr(
                    "Place every block of this page on the grid again, in reading "
                    "order (blocks moved by hand go back to auto layout)"
                ),
            ),
            "zoom_in": _action(window, self.tr("Zoom &in"), lambda: window.preview.zoom_by(1.25), std.ZoomIn),
            "zoom_out": _action(
                window, self.tr("Zoom &out"), lambda: window.preview.zoom_by(0.8), std.ZoomOut
            ),
            "preferences": _action(
                window, self.tr("&Preferences…"), window.show_preferences, std.Preferences
            ),
            "about": _action(window, self.tr("&About editor-app"), window.show_about),
            "find": _action(
                window,
                self.tr("&Find…"),
                lambda: window.find_dock.open(),
                std.Find,
                None,
                self.tr("Find words in the block, the page or the whole issue"),
            ),
            "replace": _action(
                window,
                self.tr("R&eplace…"),
                lambda: window.find_dock.open(replace=True),
                "Ctrl+H",
                None,
                self.tr("Find and replace, one match or all of them"),
            ),
            "normalize_block": _action(
                window, self.tr("In this &block"), lambda: window.normalize_punctuation("block")
            ),
            "normalize_page": _action(
                window, self.tr("On this &page"), lambda: window.normalize_punctuation("page")
            ),
            "normalize_issue": _action(
                window, self.tr("In the whole &issue"), lambda: window.normalize_punctuation("issue")
            ),
            "close_round": _action(
                window,
                self.tr("&Close round…"),
                window.close_round,
                None,
                None,
                self.tr(
                    "Keep this round's text, marks and counts; the next round shows what "
                    "changes from now on (核红)"
                ),
            ),
            "rules": _action(window, self.tr("Rules and &dictionary…"), window.show_rules_dialog),
            "to_traditional": _action(
                window, self.tr("To &traditional"), lambda: window.convert_selection("s2t")
            ),
            "to_simplified": _action(
                window, self.tr("To &simplified"), lambda: window.convert_selection("t2s")
            ),
            "pinyin": _action(window, self.tr("Show &pinyin"), window.show_pinyin),
            "sort_pinyin": _action(
                window, self.tr("Sort names by p&inyin"), lambda: window.sort_names("pinyin")
            ),
            "sort_strokes": _action(
                window, self.tr("Sort names by st&rokes"), lambda: window.sort_names("strokes")
            ),
        }
        a["show_changes"] = QAction(self.tr("Show changes since the last &round"), window)
        a["show_changes"].setCheckable(True)
        a["show_changes"].setChecked(True)
        a["show_changes"].toggled.connect(window.set_show_changes)
        a["undo"] = _undo_action(window, self.tr("&Undo"), "undo", std.Undo)
        a["redo"] = _undo_action(window, self.tr("&Redo"), "redo", std.Redo)

        bar = window.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([a["new"], a["open"]])
        recent = QMenu(self.tr("Open &Recent"), window)
        recent.aboutToShow.connect(lambda: window.fill_recent_menu(recent))
        file_menu.addMenu(recent)
        file_menu.addActions([a["save"], a["save_as"]])
        window.file_menu = file_menu
        file_menu.addSeparator()
        file_menu.addActions([a["import_page"], a["import_article"], a["paste_article"]])
        file_menu.addSeparator()
        file_menu.addActions([a["export_docx"], a["export_report"], a["pdf_proof"], a["print_proof"]])
        for name, module in (
            ("import_page", "editor_app.importing"),
            ("import_article", "editor_app.importing"),
            ("paste_article", "editor_app.importing"),
            ("export_docx", "editor_app.export"),
            ("export_report", "editor_app.export"),
            ("export_report", "editor_app.proof"),
        ):
            a[name].setVisible(a[name].isVisible() and available(module))
        file_menu.addSeparator()
        file_menu.addAction(a["close"])
        edit = bar.addMenu(self.tr("&Edit"))
        edit.addActions([a["undo"], a["redo"]])
        edit.addSeparator()
        edit.addAction(a["paste_article"])
        edit.addSeparator()
        edit.addActions([a["duplicate"], a["move_up"], a["move_down"], a["delete"]])
        edit.addSeparator()
        edit.addActions([a["find"], a["replace"]])
        edit.addSeparator()
        edit.addAction(a["preferences"])
        window.edit_menu = edit
        layout_menu = bar.addMenu(self.tr("&Layout"))
        layout_menu.addAction(a["auto_layout"])
        window.layout_menu = layout_menu
        insert = bar.addMenu(self.tr("&Insert"))
        insert.addActions(
            [a["add_article"], a["add_banner"], a["add_note"], a["add_photo_block"], a["add_page"]]
        )
        window.insert_menu = insert
        proof = bar.addMenu(self.tr("&Proofreading"))
        normalize = proof.addMenu(self.tr("&Normalise punctuation"))
        normalize.addActions([a["normalize_block"], a["normalize_page"], a["normalize_issue"]])
        proof.addSeparator()
        proof.addActions([a["close_round"], a["show_changes"]])
        proof.addSeparator()
        proof.addAction(a["rules"])
        proof.menuAction().setVisible(available("editor_app.proof"))
        window.proof_menu = proof
        tools = bar.addMenu(self.tr("&Tools"))
        tools.addActions([a["to_traditional"], a["to_simplified"]])
        tools.addSeparator()
        tools.addAction(a["pinyin"])
        tools.addSeparator()
        tools.addActions([a["sort_pinyin"], a["sort_strokes"]])
        window.tools_menu = tools
        view = bar.addMenu(self.tr("&View"))
        view.addActions([a["zoom_in"], a["zoom_out"]])
        view.addSeparator()
        view.addAction(window.outline_dock.toggleViewAction())
        view.addAction(window.preview_dock.toggleViewAction())
        if window.findings_dock is not None:
            view.addAction(window.findings_dock.toggleViewAction())
        view.addAction(window.find_dock.toggleViewAction())
        window.view_menu = view
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(a["about"])

        toolbar = window.addToolBar(self.tr("Main"))
        toolbar.setObjectName("main_toolbar")
        toolbar.addActions([a["new"], a["open"], a["save"]])
        toolbar.addSeparator()
        toolbar.addActions([a["undo"], a["redo"]])
        toolbar.addSeparator()
        toolbar.addActions([a["add_article"], a["add_banner"], a["add_note"], a["add_photo_block"]])
        toolbar.addSeparator()
        toolbar.addAction(a["auto_layout"])
        window.main_toolbar = toolbar
        return a

    def fill_recent_menu(self, menu: QMenu) -> None:
        menu.clear()
        files = settings.recent_files()
        for path in files:
            action = menu.addAction(str(path))
            action.triggered.connect(lambda _c=False, p=path: self.open_recent(p))
        if not files:
            menu.addAction(self.tr("(none)")).setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction(self.tr("Clear list")).triggered.connect(settings.clear_recent_files)

    def show_rules_dialog(self) -> None:
        from editor_app.gui.dialogs.rules_dialog import RulesDialog

        RulesDialog(self).exec()

    def show_preferences(self) -> None:
        from editor_app.gui.dialogs.preferences import PreferencesDialog

        if PreferencesDialog(self).exec():
            self.autosave_timer.setInterval(settings.autosave_seconds() * 1000)

    def export_pdf_proof(self) -> None:
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from editor_app.errors import EditorError
        from editor_app.gui.preview.proof import write_pdf_proof

        base = self.session.project.path
        start = str(base.with_suffix(".proof.pdf")) if base else "proof.pdf"
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export PDF proof"), start, "PDF (*.pdf)")
        if not name:
            return
        try:
            out = write_pdf_proof(self.session, Path(name))
        except EditorError as exc:
            QMessageBox.critical(self, self.tr("Cannot export"), str(exc))
            return
        self.statusBar().showMessage(self.tr("Proof written to %1").replace("%1", str(out)), 6000)

    def print_proof(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from editor_app.gui.preview.proof import print_proof

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec():
            print_proof(self.session, printer)

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from editor_app import __version__

        QMessageBox.about(
            self,
            self.tr("About editor-app"),
            self.tr("editor-app %1: an editorial assistant for Chinese newsrooms.").replace(
                "%1", __version__
            ),
        )
