"""Import (page or article, text or DOCX, paste as new article) and exports (DOCX, proof report).

The importer and exporter are core packages; this mixin only asks for files, shows progress and
turns the results into undoable edits: an imported page or article is one undo step.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QCheckBox, QFileDialog, QMessageBox, QProgressDialog

from editor_app.errors import EditorError
from editor_app.gui import settings
from editor_app.model.document import Note
from editor_app.model.ops import AddImportNotes, Batch, InsertBlock, InsertPage


def available(module: str) -> bool:
    """Whether a core feature is installed (import, export and proof land independently)."""
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


class TransferActions:
    """Mixed into MainWindow: needs `session`, `current_page`, `_insert_point`, `select_block`."""

    # --- import ------------------------------------------------------------------------------
    def import_filter(self) -> str:
        return self.tr("Text or Word") + " (*.txt *.docx);;" + self.tr("All files") + " (*)"

    def ask_import_file(self, title: str) -> tuple[Path | None, bool]:
        """The file chooser with a 规范标点 checkbox (Qt's own dialog: a native one takes no extra widget)."""
        dialog = QFileDialog(self, title, settings.last_folder(), self.import_filter())
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        normalize = QCheckBox(
            self.tr("Normalise punctuation (half-width marks in Chinese text → full-width)")
        )
        normalize.setChecked(settings.settings().value("import/normalize", "false") == "true")
        grid = dialog.layout()
        if grid is not None and hasattr(grid, "rowCount"):
            grid.addWidget(normalize, grid.rowCount(), 0, 1, -1)
        self.import_chooser = dialog  # tests reach the checkbox through it
        if not dialog.exec() or not dialog.selectedFiles():
            return None, False
        settings.settings().setValue("import/normalize", "true" if normalize.isChecked() else "false")
        return Path(dialog.selectedFiles()[0]), normalize.isChecked()

    def import_page_dialog(self) -> None:
        path, normalize = self.ask_import_file(self.tr("Import page"))
        if path:
            settings.remember_folder(path)
            self.import_file_into_issue(path, "page", normalize)

    def import_article_dialog(self) -> None:
        path, normalize = self.ask_import_file(self.tr("Import article"))
        if path:
            settings.remember_folder(path)
            self.import_file_into_issue(path, "article", normalize)

    def import_file_into_issue(self, path: Path, as_: str, normalize: bool = False) -> bool:
        from editor_app.importing import import_file, normalize_result

        try:
            result = import_file(path, as_=as_)
        except EditorError as exc:
            QMessageBox.critical(self, self.tr("Cannot import"), str(exc))
            return False
        if normalize:
            normalize_result(result)
        return self._merge_import(result, as_, path.name)

    def paste_as_article(self) -> bool:
        """Ctrl+Shift+V: the clipboard's plain text becomes a new article after the selection."""
        from editor_app.importing import article_from_text

        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.statusBar().showMessage(self.tr("The clipboard holds no text to paste"), 4000)
            return False
        try:
            article, notes = article_from_text(text)
        except EditorError as exc:
            QMessageBox.critical(self, self.tr("Cannot paste"), str(exc))
            return False
        page, index = self._insert_point()
        self.session.apply(
            Batch([InsertBlock(page.id, index, article), *self._note_ops(notes)]), self.tr("Paste as article")
        )
        self.select_block(article.id)
        self._report_notes(notes)
        return True

    def _merge_import(self, result, as_: str, source: str) -> bool:
        for name, data in result.images.items():
            self.session.project.images.setdefault(name, data)
        issue = self.session.issue
        if as_ == "page":
            number = max((p.number for p in issue.pages), default=0)
            template = issue.pages[-1].template if issue.pages else None
            ops = []
            for offset, page in enumerate(result.issue.pages):
                page.number = number + offset + 1
                if template:
                    page.template = template
                ops.append(InsertPage(len(issue.pages) + offset, page))
            ops.extend(self._note_ops(result.notes))
            self.session.apply(Batch(ops), self.tr("Import %1").replace("%1", source))
            if result.issue.pages:
                index = self.model.index_of_page(result.issue.pages[0].id)
                if index.isValid():
                    self.outline.setCurrentIndex(index)
        else:
            page, index = self._insert_point()
            blocks = [b for p in result.issue.pages for b in p.blocks]
            ops = [InsertBlock(page.id, index + i, block) for i, block in enumerate(blocks)]
            ops.extend(self._note_ops(result.notes))
            self.session.apply(Batch(ops), self.tr("Import %1").replace("%1", source))
            if blocks:
                self.select_block(blocks[0].id)
        self._report_notes(result.notes)
        return True

    @staticmethod
    def _note_ops(notes) -> list:
        """The importer's notes join the issue's (the Findings list shows them), undone with the import."""
        kept = [Note(n.message, n.block, n.line, n.kind) for n in notes]
        return [AddImportNotes(kept)] if kept else []

    def _report_notes(self, notes) -> None:
        if notes:
            text = self.tr("Imported with %n note(s): check the marked places", "", len(notes))
            self.statusBar().showMessage(text + " — " + "; ".join(n.message for n in notes[:3]), 10000)
        else:
            self.statusBar().showMessage(self.tr("Imported"), 4000)

    # --- export ------------------------------------------------------------------------------
    def export_docx_dialog(self) -> None:
        from editor_app.gui.dialogs.export_dialog import ExportDialog

        dialog = ExportDialog(self.session.project, self)
        if dialog.exec():
            options = dialog.options()
            problems = self.export_problems(options.get("template"))
            if problems and not self.confirm_export(problems):
                return
            self.export_docx_to(dialog.out_path(), **options)

    def export_problems(self, template_id: str | None) -> list[str]:
        """What print staff should know before a DOCX goes out: blocks that do not fit, open errors from
        the checker, photos without a picture (the same list the command line prints)."""
        from editor_app.export import composition_problems
        from editor_app.layout.templates import get_template

        problems = []
        composition = self._export_composition(template_id)
        if composition is not None:
            problems += composition_problems(composition)
        elif template_id is not None and not get_template(template_id).flowing:
            from editor_app.export import compose_for_export

            problems += composition_problems(
                compose_for_export(self.session.project, get_template(template_id))
            )
        checker = getattr(self, "checker", None)
        if checker is not None:
            errors = checker.counts().get("error", 0)
            if errors:
                problems.append(self.tr("%n checker error(s) still open", "", errors))
        for page, block in self.session.issue.blocks():
            photos = list(getattr(block, "photos", ())) + ([block] if block.type == "photo" else [])
            for photo in photos:
                if not photo.image:
                    problems.append(
                        self.tr("Page %1: photo 「%2」 has no picture yet")
                        .replace("%1", str(page.number))
                        .replace("%2", (photo.caption or "")[:20] or "—")
                    )
        return problems

    def confirm_export(self, problems: list[str]) -> bool:
        """The open points, and the editor's choice to export anyway (Yes) or go back (No)."""
        answer = QMessageBox.warning(
            self,
            self.tr("Before exporting"),
            self.tr("The page has these open points:")
            + "\n\n"
            + "\n".join(problems[:15])
            + ("\n…" if len(problems) > 15 else "")
            + "\n\n"
            + self.tr("Export anyway?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _export_composition(self, template_id: str | None):
        """The preview's own composition when the export uses each page's template: the DOCX is then
        exactly the page on screen."""
        issue = self.session.issue
        if template_id is not None and any(page.template != template_id for page in issue.pages):
            return None
        from editor_app.layout.templates import get_template

        if issue.pages and get_template(issue.pages[0].template).flowing:
            return None
        try:
            return self.session.composition()
        except EditorError:
            return None

    def export_docx_to(self, out: Path, **options) -> bool:
        from editor_app.export import export_docx

        progress = QProgressDialog(self.tr("Exporting…"), "", 0, 100, self)
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)

        def report(done: int, total: int) -> None:
            progress.setMaximum(max(1, total))
            progress.setValue(done)
            QApplication.processEvents()

        try:
            options.setdefault("composition", self._export_composition(options.get("template")))
            result = export_docx(self.session.project, out, progress=report, **options)
        except EditorError as exc:
            QMessageBox.critical(
                self, self.tr("Cannot export"), self.tr("Nothing was written.") + f"\n\n{exc}"
            )
            return False
        finally:
            progress.close()
        message = self.tr("Exported to %1").replace("%1", str(result.path))
        if result.warnings:
            QMessageBox.warning(
                self,
                self.tr("Exported with warnings"),
                message
                + "\n\n"
                + "\n".join(result.warnings[:12])
                + ("\n…" if len(result.warnings) > 12 else ""),
            )
        else:
            self.statusBar().showMessage(message, 6000)
        return True

    def export_report_dialog(self) -> None:
        base = self.session.project.path
        start = str(base.with_name(base.stem + "-校对单.docx")) if base else "校对单.docx"
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export proof report"), start, "Word (*.docx);;HTML (*.html);;CSV (*.csv)"
        )
        if name:
            self.export_report_to(Path(name))

    def export_report_to(self, out: Path) -> bool:
        from editor_app.export import write_report

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            path = write_report(self.session.project, out)
        except EditorError as exc:
            QMessageBox.critical(self, self.tr("Cannot export"), str(exc))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.statusBar().showMessage(self.tr("Proof report written to %1").replace("%1", str(path)), 6000)
        return True
