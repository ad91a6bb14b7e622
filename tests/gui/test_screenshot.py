"""`editor-app FILE --screenshot OUT.png` writes the window as a 1400×900 PNG and exits 0."""

from __future__ import annotations

import sys

from PySide6.QtGui import QImage

from editor_app.cli import main
from tests.conftest import SAMPLE


def test_screenshot_command_writes_a_png(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    out = tmp_path / "shot.png"
    assert main([str(SAMPLE), "--screenshot", str(out), "--lang", "zh_CN"]) == 0
    image = QImage(str(out))
    assert not image.isNull()
    assert (image.width(), image.height()) == (1400, 900)
    # the preview was drawn: the page is mostly white paper, not an empty grey dock
    whites = sum(
        1
        for x in range(1000, 1380, 10)
        for y in range(200, 800, 10)
        if image.pixelColor(x, y).lightness() > 240
    )
    assert whites > 0.5 * (38 * 60)


def teardown_module(_module):
    """The command installed the Chinese translation; later tests expect the source language."""
    from PySide6.QtWidgets import QApplication

    from editor_app.gui.app import install_translators

    app = QApplication.instance()
    if app is not None:
        install_translators(app, "en")
