"""Saving, reopening, recovery, bad files and the safety net, as the user meets them."""

from __future__ import annotations

import re
import sys

from PySide6.QtWidgets import QMessageBox

from editor_app.model.serialize import dumps
from editor_app.paths import recovery_dir
from editor_app.storage import recovery
from editor_app.storage.project import open_project
from tests.gui.helpers import commit_text


def test_save_reopen_and_compare(window, tmp_path):
    commit_text(window.editor.form.fields["title"], "（续）")
    window.add_article()
    window.editor.form.body.insertPlainText("新文章正文。")
    target = tmp_path / "saved.bulletin"
    assert window.save_to(target)
    assert not window.is_modified()
    assert "*" not in window.windowTitle().replace("[*]", "")
    reopened = open_project(target)
    assert dumps(reopened.issue) == dumps(window.session.issue)
    assert set(reopened.images) == set(window.session.project.images)


def test_autosave_writes_a_recovery_file_that_a_new_window_restores(window, qtbot):
    from editor_app.gui.main_window import MainWindow

    assert window.autosave() is None  # nothing unsaved, nothing written
    commit_text(window.editor.form.fields["title"], "（恢复测试）")
    written = window.autosave()
    assert written is not None and written.exists()
    expected = dumps(window.session.issue)
    original_bytes = window.session.project.path.read_bytes()
    window.recovery_claim.release()  # as if the first window's process had been killed
    window.release_lock(window.session.project)

    second = MainWindow()
    qtbot.addWidget(second)
    found = recovery.list_recoveries(recovery_dir())
    assert len(found) == 1
    assert second.restore_recovery(found[0])
    assert dumps(second.session.issue) == expected
    assert second.is_modified()  # restored work is unsaved until the user saves it
    assert second.session.project.path == window.session.project.path
    assert window.session.project.path.read_bytes() == original_bytes  # the user's file is untouched
    assert second.save()
    assert recovery.list_recoveries(recovery_dir()) == []  # saved: the recovery copy is gone
    second.needs_save = False


def test_a_corrupt_project_shows_a_message_and_stays_untouched(window, tmp_path, messages):
    bad = tmp_path / "broken.bulletin"
    bad.write_bytes(b"PK\x03\x04 this is not really a zip")
    before = bad.read_bytes()
    title_before = window.session.issue.pages[0].blocks[2].title
    assert not window.open_interactive(bad)
    assert messages.shown and messages.shown[-1][0] == "critical"
    assert "broken.bulletin" in messages.shown[-1][1]
    assert bad.read_bytes() == before
    assert window.session.issue.pages[0].blocks[2].title == title_before  # still the old document


def test_a_file_that_is_not_an_image_is_refused(window, tmp_path, messages):
    fake = tmp_path / "photo.jpg"
    fake.write_text("这不是图片", encoding="utf-8")
    strip = window.editor.form.photos
    block = window.session.issue.find_block(window.editor.block_id)[2]
    photos_before = list(block.photos)
    assert not strip.add_from_file(fake)
    assert block.photos == photos_before
    assert messages.shown and messages.shown[-1][0] == "warning"
    assert not window.session.modified


def test_adding_a_real_image_is_undoable(window, tmp_path):
    from PySide6.QtGui import QColor, QImage

    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("steelblue"))
    path = tmp_path / "real.png"
    image.save(str(path))
    strip = window.editor.form.photos
    block = window.session.issue.find_block(window.editor.block_id)[2]
    count = len(block.photos)
    assert strip.add_from_file(path)
    assert len(block.photos) == count + 1
    assert len(strip.cards) == count + 1
    window.session.undo_stack.undo()
    assert len(block.photos) == count


def test_close_asks_about_unsaved_changes(window, messages):
    commit_text(window.editor.form.fields["title"], "改")
    messages.answer = QMessageBox.StandardButton.Cancel
    assert not window.close()
    assert messages.shown[-1][0] == "question"
    assert window.isVisible()
    messages.answer = QMessageBox.StandardButton.Discard
    assert window.close()


def test_an_unexpected_error_keeps_the_work_and_shows_details(window, monkeypatch):
    from editor_app.gui import app as gui_app
    from editor_app.gui.dialogs.error_dialog import ErrorDialog

    shown = []
    monkeypatch.setattr(ErrorDialog, "exec", lambda self: shown.append(self.details.toPlainText()))
    commit_text(window.editor.form.fields["title"], "未保存")
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        gui_app.handle_exception(*sys.exc_info())
    assert shown and "RuntimeError: boom" in shown[0]
    kept = recovery.list_recoveries(recovery_dir(), include_live=True)  # the window is still running
    assert len(kept) == 1
    assert "未保存" in dumps(recovery.restore(kept[0]).issue)


def test_new_document_from_a_template(window):
    assert window.new_document("tabloid")
    assert window.session.issue.pages[0].template == "tabloid"
    assert window.session.issue.type == "newspaper"
    assert window.session.project.path is None
    assert not window.is_modified()


def test_pdf_proof_has_one_page_per_page_of_the_issue(window, tmp_path):
    from editor_app.gui.preview.proof import write_pdf_proof

    window.add_page()
    out = write_pdf_proof(window.session, tmp_path / "proof.pdf")
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", data)) == 2
    assert not (tmp_path / "proof.pdf.part").exists()


def test_next_start_offers_the_recovery_file(window, qtbot, monkeypatch):
    from editor_app.gui.dialogs.recovery_dialog import RecoveryDialog
    from editor_app.gui.main_window import MainWindow

    commit_text(window.editor.form.fields["title"], "（崩溃前）")
    window.autosave()
    window.recovery_claim.release()  # the window's process is gone
    expected = dumps(window.session.issue)

    def choose_first(dialog):
        dialog.list.setCurrentRow(0)
        dialog._restore()
        return 1

    monkeypatch.setattr(RecoveryDialog, "exec", choose_first)
    after_crash = MainWindow()
    qtbot.addWidget(after_crash)
    after_crash.offer_recovery()
    assert dumps(after_crash.session.issue) == expected
    assert after_crash.is_modified()
    after_crash.needs_save = False


def test_recent_files_and_autosave_interval(window, sample_copy):
    from PySide6.QtWidgets import QMenu

    from editor_app.gui import settings

    assert settings.recent_files()[0] == sample_copy.resolve()
    menu = QMenu()
    window.fill_recent_menu(menu)
    assert str(sample_copy.resolve()) in [a.text() for a in menu.actions()]
    assert window.autosave_timer.interval() == 60_000
    assert window.autosave_timer.isActive()


def test_recovery_dialog_names_the_file_and_its_time_readably_and_whole(window, qtbot):
    from datetime import datetime

    from editor_app.gui.dialogs.recovery_dialog import RecoveryDialog

    commit_text(window.editor.form.fields["title"], "（崩溃前）")
    window.autosave()
    window.recovery_claim.release()  # the window's process is gone
    found = recovery.list_recoveries(recovery_dir())
    dialog = RecoveryDialog(found, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    text = dialog.list.item(0).text()
    saved = datetime.fromisoformat(found[0].saved_at).astimezone()
    assert "sample.bulletin" in text
    assert saved.strftime("%H:%M") in text and "+00:00" not in text and "T" not in text.split("sample")[1]
    room = dialog.list.viewport().width()
    assert dialog.list.fontMetrics().horizontalAdvance(text) < room  # not cut off at the right


def test_discard_all_in_the_recovery_dialog_asks_first(window, qtbot, messages):
    from PySide6.QtWidgets import QMessageBox

    from editor_app.gui.dialogs.recovery_dialog import RecoveryDialog

    commit_text(window.editor.form.fields["title"], "（崩溃前）")
    window.autosave()
    window.recovery_claim.release()  # the window's process is gone
    found = recovery.list_recoveries(recovery_dir())
    dialog = RecoveryDialog(found, window)
    qtbot.addWidget(dialog)
    messages.answer = QMessageBox.StandardButton.Cancel  # a slip of the mouse
    dialog._discard()
    assert not dialog.discard_all and messages.shown
    messages.answer = QMessageBox.StandardButton.Discard
    dialog._discard()
    assert dialog.discard_all


def test_open_and_import_start_in_the_folder_last_used(window, tmp_path, monkeypatch):
    from pathlib import Path

    from PySide6.QtWidgets import QFileDialog

    folder = tmp_path / "来稿"
    folder.mkdir()
    starts = []

    def choose(_parent, _title, start="", *args, **kwargs):
        starts.append(start)
        return "", ""

    def chooser(dialog):  # the import chooser (Qt's own dialog, with the 规范标点 checkbox)
        starts.append(str(Path(dialog.directory().absolutePath())))
        if len(starts) == 1:
            dialog.selectFile(str(folder / "none.txt"))
            return 1
        return 0

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    monkeypatch.setattr(QFileDialog, "exec", chooser)
    monkeypatch.setattr(QFileDialog, "selectedFiles", lambda _self: [str(folder / "none.txt")])
    window.import_page_dialog()  # picks a file in 来稿 (it is missing: refused with a message)
    window.open_dialog()
    window.import_article_dialog()
    assert starts[1:] == [str(folder), str(folder)]
