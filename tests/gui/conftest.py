"""GUI fixtures: a main window on a copy of the sample, and message boxes that never block."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import SAMPLE

pytest.importorskip("pytestqt")


class Messages:
    """Records what the window would have shown in a message box, and answers questions."""

    def __init__(self):
        self.shown: list[tuple[str, str]] = []
        self.answer = None

    def record(self, kind):
        def show(_parent, title, text, *args, **kwargs):
            self.shown.append((kind, f"{title}\n{text}"))
            return self.answer

        return show


@pytest.fixture(autouse=True)
def _no_deep_pass(monkeypatch):
    """Windows start without the deep pass's worker process (one per window would slow every GUI test);
    tests/gui/test_deep_pass.py turns it on."""
    monkeypatch.setenv("EDITOR_APP_DEEP_PASS", "0")


@pytest.fixture
def messages(monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    box = Messages()
    box.answer = QMessageBox.StandardButton.Discard
    for kind in ("critical", "warning", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, box.record(kind))
    return box


@pytest.fixture
def sample_copy(tmp_path):
    target = tmp_path / "sample.bulletin"
    shutil.copy(SAMPLE, target)
    return target


@pytest.fixture
def window(qtbot, messages, sample_copy):
    from editor_app.gui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.open_path(sample_copy)
    win.resize(1400, 900)
    win.show()
    yield win
    win.session.undo_stack.setClean()
    win.needs_save = False
