"""File handling for the main window: new, open, save, recent files, autosave and recovery, close.

"Modified" means the undo stack is not clean (or the document was just restored from a recovery
file). Saving is atomic (storage.project); the recovery copy is written every autosave interval
while there are unsaved changes and removed after a save or a deliberate close.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from editor_app.errors import EditorError, InputError
from editor_app.gui import settings
from editor_app.layout.templates import list_templates, new_issue_from_template
from editor_app.paths import recovery_dir
from editor_app.storage import lock as project_lock
from editor_app.storage import recovery
from editor_app.storage.project import SUFFIX, Project, ProjectChangedError, open_project, save_project

IMPORT_SUFFIXES = (".txt", ".docx")


def load_any(path: Path) -> Project:
    """A project, or a page in .txt/.docx imported on the fly (unsaved: it has no project path)."""
    path = Path(path)
    if path.suffix.lower() in IMPORT_SUFFIXES:
        from editor_app.gui.transfer import available

        if not available("editor_app.importing"):
            raise InputError(path, "this build cannot import text or Word files")
        from editor_app.importing import import_file

        project = import_file(path, as_="page").to_project()
        project.path = None
        return project
    return open_project(path)


class DocumentActions:
    """Mixed into MainWindow, which provides `session`, `set_project` and `statusBar`."""

    def init_documents(self) -> None:
        self.recovery_session = uuid.uuid4().hex[:12]
        # while this window runs, no other instance offers (or discards) its recovery files
        self.recovery_claim = recovery.claim_session(recovery_dir(), self.recovery_session)
        self.needs_save = False  # content that exists in no project file yet (restored, imported)
        self._recovery_file: Path | None = None

    # --- state -----------------------------------------------------------------------------
    def is_modified(self) -> bool:
        return self.session is not None and (self.session.modified or self.needs_save)

    def document_name(self) -> str:
        path = self.session.project.path if self.session else None
        path = path or getattr(self.session, "imported_from", None)  # a page opened from .txt/.docx
        name = path.name if path else self.tr("Untitled")
        if self.session is not None and self.session.project.read_only:
            name += " " + self.tr("(read-only)")
        return name

    def update_title(self) -> None:
        self.setWindowTitle(f"{self.document_name()}[*] — editor-app")
        self.setWindowModified(self.is_modified())

    # --- new / open --------------------------------------------------------------------------
    def new_document(self, template_id: str | None = None) -> bool:
        if not self.maybe_save():
            return False
        if template_id is None:
            templates = list_templates()
            names = [t.name for t in templates]
            default = next((i for i, t in enumerate(templates) if t.id == settings.default_template()), 0)
            name, ok = QInputDialog.getItem(
                self, self.tr("New issue"), self.tr("Page template:"), names, default, False
            )
            if not ok:
                return False
            template_id = templates[names.index(name)].id
        self.discard_recovery()
        self.set_project(Project(new_issue_from_template(template_id)))
        return True

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open"),
            settings.last_folder(),
            self.tr("Projects and pages (*.bulletin *.txt *.docx);;All files (*)"),
        )
        if name:
            settings.remember_folder(Path(name))
            self.open_interactive(Path(name))

    def open_interactive(self, path: Path) -> bool:
        """Open and show errors in a message box; the current document stays if opening fails."""
        try:
            self.open_path(path, on_locked=self.ask_about_lock)
        except project_lock.ProjectLockedError:
            return False  # the user chose Cancel in the lock dialog
        except EditorError as exc:
            QMessageBox.critical(
                self,
                self.tr("Cannot open"),
                self.tr("The file could not be opened; it has not been changed.") + f"\n\n{exc}",
            )
            return False
        return True

    def open_path(self, path: Path, on_locked=None) -> None:
        """Open a project or import a page (raises EditorError; nothing changes on failure).

        A project somebody else has open is opened read-only, unless `on_locked(info)` answers
        "take_over" (a stale lock only) or None (cancel: ProjectLockedError is raised)."""
        project = load_any(Path(path))
        if project.path:
            project.path = project.path.absolute()
            self.lock_project(project, on_locked)
        self.discard_recovery()
        self.set_project(project)
        self.show_notes(project.notes)
        if project.path:
            settings.add_recent_file(project.path)
        else:  # a page imported from .txt/.docx: closing asks to save it as a project
            self.session.imported_from = Path(path)  # Save As proposes NAME.bulletin beside it
            self.needs_save = True
            self.update_title()

    def open_recent(self, path: Path) -> None:
        if self.maybe_save():
            self.open_interactive(path)

    # --- locks -------------------------------------------------------------------------------
    def lock_project(self, project: Project, on_locked=None) -> None:
        """Take the project's lock, or decide what to do about somebody else's (see open_path)."""
        try:
            project.lock = project_lock.acquire(project.path)
            return
        except project_lock.ProjectLockedError as exc:
            choice = on_locked(exc.info) if on_locked is not None else "read_only"
            if choice is None:
                raise
            if choice == "take_over" and exc.info.stale:
                project.lock = project_lock.acquire(project.path, take_over=True)
                return
        project.read_only = True

    def ask_about_lock(self, info: project_lock.LockInfo) -> str | None:
        """The lock dialog: who has the project; open read-only, take over a stale lock, or cancel."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Project in use"))
        text = self.tr("This project is open in editor-app by %1.").replace("%1", info.describe())
        if info.stale:
            text += "\n\n" + self.tr("That editor-app is no longer running; you can take the project over.")
        box.setText(text)
        read_only = box.addButton(self.tr("Open read-only"), QMessageBox.ButtonRole.AcceptRole)
        take_over = (
            box.addButton(self.tr("Take over"), QMessageBox.ButtonRole.DestructiveRole)
            if info.stale
            else None
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(read_only)
        box.exec()
        clicked = box.clickedButton()
        if clicked is read_only:
            return "read_only"
        if take_over is not None and clicked is take_over:
            return "take_over"
        return None

    def release_lock(self, project: Project | None) -> None:
        if project is not None and project.lock is not None:
            project.lock.release()
            project.lock = None

    def show_notes(self, notes) -> None:
        """What opening changed (replaced characters, re-encoded pictures): said in the status bar."""
        if notes:
            self.statusBar().showMessage(" ".join(str(n) for n in notes), 15000)

    # --- save --------------------------------------------------------------------------------
    def save(self) -> bool:
        if self.session.project.path is None or self.session.project.read_only:
            return self.save_as()
        return self.save_to(self.session.project.path)

    def save_as(self) -> bool:
        source = getattr(self.session, "imported_from", None)
        start = str(
            self.session.project.path
            or (source.with_suffix(SUFFIX) if source else None)
            or Path.home() / (self.document_name() + SUFFIX)
        )
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as"), start, self.tr("editor-app projects") + " (*.bulletin)"
        )
        if not name:
            return False
        path = Path(name)
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        return self.save_to(path)

    def save_to(self, path: Path, overwrite_changed: bool = False) -> bool:
        project = self.session.project
        path = Path(path).absolute()
        moving = project.path is None or project.read_only or path != project.path
        new_lock = None
        try:
            if moving:  # a new name: it is ours once saved (somebody else's lock refuses the save)
                try:
                    new_lock = project_lock.acquire(path)
                except project_lock.ProjectLockedError:
                    new_lock = None  # save_project names who has it
            held, project.lock = project.lock, new_lock if moving else project.lock
            try:
                save_project(project, path, overwrite_changed=overwrite_changed)
            except BaseException:
                project.lock = held
                raise
        except ProjectChangedError as exc:
            self.release_lock_object(new_lock)
            return self.ask_about_changed_file(path, exc)
        except EditorError as exc:
            self.release_lock_object(new_lock)
            QMessageBox.critical(
                self,
                self.tr("Cannot save"),
                self.tr("The document was not saved; your changes are still open.") + f"\n\n{exc}",
            )
            return False
        if moving and held is not None:
            held.release()
        project.read_only = False
        self.session.undo_stack.setClean()
        self.needs_save = False
        self.discard_recovery()
        settings.add_recent_file(path)
        self.update_title()
        self.statusBar().showMessage(self.tr("Saved %1").replace("%1", str(path)), 4000)
        return True

    @staticmethod
    def release_lock_object(lock) -> None:
        if lock is not None:
            lock.release()

    def ask_about_changed_file(self, path: Path, exc: EditorError) -> bool:
        """Another program saved over the project since it was opened here: keep both versions."""
        answer = QMessageBox.question(
            self,
            self.tr("File changed on disk"),
            str(exc)
            + "\n\n"
            + self.tr(
                "Save your version under another name? (Choose Discard to overwrite the other version.)"
            ),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save_as()
        if answer == QMessageBox.StandardButton.Discard:
            return self.save_to(path, overwrite_changed=True)
        return False

    def maybe_save(self) -> bool:
        """Ask about unsaved changes; False means the user cancelled."""
        if not self.is_modified():
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("%1 has unsaved changes. Save them?").replace("%1", self.document_name()),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.discard_recovery()
            return True
        return False

    # --- autosave and recovery ---------------------------------------------------------------
    def autosave(self) -> Path | None:
        """Write the recovery copy if there are unsaved changes; never touches the user's file."""
        if not self.is_modified():
            return None
        try:
            written = recovery.write_recovery(self.session.project, recovery_dir(), self.recovery_session)
        except (OSError, EditorError) as exc:
            self.statusBar().showMessage(self.tr("Autosave failed: %1").replace("%1", str(exc)), 8000)
            return None
        if self._recovery_file is not None and self._recovery_file != written:
            recovery.discard(self._recovery_file)  # a restored copy is superseded by this one
        self._recovery_file = written
        return written

    def discard_recovery(self) -> None:
        if self._recovery_file is not None:
            recovery.discard(self._recovery_file)
            self._recovery_file = None

    def restore_recovery(self, found: recovery.Recovery) -> bool:
        try:
            project = recovery.restore(found)
        except EditorError as exc:
            QMessageBox.warning(self, self.tr("Cannot restore"), str(exc))
            return False
        if project.path is not None:
            self.lock_project(project)  # open elsewhere meanwhile: restored read-only, saved under a new name
        elif found.original is not None:  # the original changed or moved: Save asks for a name
            QMessageBox.information(self, self.tr("Restore unsaved work"), "\n".join(project.notes))
        self.set_project(project)
        if project.path is None and found.original is not None:
            self.session.imported_from = found.original  # Save As proposes the old name
        self.needs_save = True
        self._recovery_file = found.path  # replaced by the next autosave, removed on save
        self.update_title()
        return True

    def offer_recovery(self) -> None:
        from editor_app.gui.dialogs.recovery_dialog import RecoveryDialog

        found = recovery.list_recoveries(recovery_dir())
        if not found:
            return
        dialog = RecoveryDialog(found, self)
        if not dialog.exec():
            return
        if dialog.discard_all:
            for item in found:
                recovery.discard(item)
        elif dialog.choice is not None:
            self.restore_recovery(dialog.choice)
