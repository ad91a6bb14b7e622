"""GUI fixtures: a main window on a copy of the sample, and message boxes that never block.

Every test here is marked `gui`; a test marked `fonts` asks for the CJK faces the page preview draws with
(`make deps` installs them) and fails with that advice when they are missing, instead of failing on a
position that only a fallback font moved.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import SAMPLE

pytest.importorskip("pytestqt")

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def _preview_fonts(request):
    if request.node.get_closest_marker("fonts") is None:
        return
    request.getfixturevalue("qapp")
    from PySide6.QtGui import QFontDatabase

    from editor_app.gui.preview import page_layout

    wanted = [page_layout.SONG, page_layout.HEI, page_layout.KAI]
    missing = [family for family in wanted if family not in QFontDatabase.families()]
    assert not missing, (
        f"{', '.join(missing)} not installed: the preview draws with them. Run `make deps` "
        "(apt-get install fonts-noto-cjk fonts-arphic-ukai)"
    )


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
