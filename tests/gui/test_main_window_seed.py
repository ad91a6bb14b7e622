"""The main window opens the sample and shows its outline."""

from __future__ import annotations

import pytest

from tests.conftest import SAMPLE

pytest.importorskip("pytestqt")


def test_window_shows_sample_outline(qtbot):
    from editor_app.gui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.open_path(SAMPLE)
    root = window.outline.topLevelItem(0)
    assert root.text(0) == "滨江新区工作简报"
    page = root.child(0)
    assert page.childCount() == 5
    window.outline.setCurrentItem(page.child(2))
    assert "十二个老旧小区改造项目全部开工" in window.text_view.toPlainText()
