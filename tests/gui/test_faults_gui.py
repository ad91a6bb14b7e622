"""Issue 16 in the window: locks, restores that never overwrite another file, no dialog offscreen."""

from __future__ import annotations

import sys

from editor_app.cli import main
from editor_app.model.serialize import dumps
from editor_app.paths import recovery_dir
from editor_app.storage import lock as project_lock
from editor_app.storage import recovery
from editor_app.storage.project import open_project, save_project
from tests.gui.helpers import commit_text


def test_a_project_open_elsewhere_opens_read_only_and_saves_under_a_new_name(
    qtbot, messages, sample_copy, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    from editor_app.gui.main_window import MainWindow

    other = project_lock.acquire(sample_copy)  # another editor-app has it
    before = sample_copy.read_bytes()
    window = MainWindow()
    qtbot.addWidget(window)
    asked = []
    window.ask_about_lock = lambda info: asked.append(info) or "read_only"
    assert window.open_interactive(sample_copy)
    assert asked and asked[0].pid == other.info.pid and not asked[0].stale
    assert window.session.project.read_only and "read-only" in window.windowTitle()
    commit_text(window.editor.form.fields["title"], "只读时的修改")
    copy = tmp_path / "我的版本.bulletin"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(copy), ""))
    assert window.save()  # Save goes to Save As
    assert sample_copy.read_bytes() == before and "只读时的修改" in dumps(open_project(copy).issue)
    assert project_lock.read_lock(copy).session == window.session.project.lock.session
    window.session.undo_stack.setClean()
    other.release()


def test_opening_takes_the_lock_and_closing_releases_it(window, sample_copy):
    lock = project_lock.read_lock(sample_copy)
    assert lock is not None and lock.session == window.session.project.lock.session
    window.close()
    assert project_lock.read_lock(sample_copy) is None


def test_a_restore_whose_original_changed_asks_for_a_name(window, qtbot, sample_copy, messages):
    from editor_app.gui.main_window import MainWindow

    commit_text(window.editor.form.fields["title"], "（崩溃前的修改）")
    window.autosave()
    window.recovery_claim.release()  # the first window's process is gone …
    window.release_lock(window.session.project)
    replaced = open_project(sample_copy)
    replaced.issue.publication = "别人保存的版本"
    save_project(replaced)  # … and someone saved another version meanwhile
    before = sample_copy.read_bytes()
    second = MainWindow()
    qtbot.addWidget(second)
    assert second.restore_recovery(recovery.list_recoveries(recovery_dir())[0])
    assert second.session.project.path is None  # Save will ask where
    assert any("changed or moved" in text for _, text in messages.shown)
    assert sample_copy.read_bytes() == before
    second.needs_save = False


def test_an_unexpected_error_during_screenshot_prints_and_exits_2(qtbot, tmp_path, monkeypatch, capsys):
    from editor_app.gui.dialogs.error_dialog import ErrorDialog
    from editor_app.gui.main_window import MainWindow
    from tests.conftest import SAMPLE

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    opened = []
    monkeypatch.setattr(ErrorDialog, "exec", lambda self: opened.append(self) or 0)

    def broken(self):
        raise RuntimeError("status bar exploded")

    monkeypatch.setattr(MainWindow, "update_status", broken)
    assert main([str(SAMPLE), "--screenshot", str(tmp_path / "shot.png")]) == 2
    assert opened == []  # no modal dialog that nobody could answer
    assert "status bar exploded" in capsys.readouterr().err


def test_an_error_in_a_slot_during_screenshot_exits_2_without_a_dialog(qtbot, tmp_path, monkeypatch, capsys):
    from PySide6.QtCore import QTimer

    from editor_app.gui import app as gui_app
    from editor_app.gui.dialogs.error_dialog import ErrorDialog
    from tests.conftest import SAMPLE

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    opened = []
    monkeypatch.setattr(ErrorDialog, "exec", lambda self: opened.append(self) or 0)
    real = gui_app.take_screenshot

    def with_failing_slot(window, out, timeout_ms=5000):
        def fail():
            gui_app.handle_exception(ValueError, ValueError("slot failed"), None)

        QTimer.singleShot(0, fail)
        return real(window, out, timeout_ms)

    monkeypatch.setattr(gui_app, "take_screenshot", with_failing_slot)
    assert main([str(SAMPLE), "--screenshot", str(tmp_path / "shot.png")]) == 2
    assert opened == [] and "slot failed" in capsys.readouterr().err
