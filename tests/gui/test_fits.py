"""At 1400×900, in English and in Chinese, every label, button and box shows its whole text, and no
menu gives one mnemonic to two of its entries."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QMenu, QScrollArea, QWidget

from editor_app.gui.app import install_translators


@pytest.fixture(params=["en", "zh_CN"])
def language(request):
    install_translators(QApplication.instance(), request.param)
    yield request.param
    install_translators(QApplication.instance(), "en")


def _visible(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and not widget.visibleRegion().isEmpty()


def clipped(root: QWidget) -> list[str]:
    """Widgets under `root` whose text is wider than the room they have."""
    problems = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not _visible(widget):
            continue
        if isinstance(widget, QLabel):
            text = widget.text()
            if not text or widget.wordWrap() or widget.textFormat() == 1 or "<" in text:
                continue
            needed = max(
                widget.fontMetrics().horizontalAdvance(line) for line in text.replace("&", "").split("\n")
            )
            room = widget.contentsRect().width() - 2 * widget.margin()
            if needed > room + 1:
                problems.append(f"label {text!r}: {needed} > {room}")
        elif isinstance(widget, QAbstractButton) and widget.text():
            if widget.width() + 1 < widget.minimumSizeHint().width():
                problems.append(
                    f"button {widget.text()!r}: {widget.width()} < {widget.minimumSizeHint().width()}"
                )
        elif isinstance(widget, QScrollArea) and widget.horizontalScrollBar().isVisible():
            problems.append(
                f"{type(widget.widget()).__name__} is wider than its {widget.viewport().width()} px"
            )
        elif isinstance(widget, QComboBox) and widget.currentText():
            needed = widget.fontMetrics().horizontalAdvance(widget.currentText()) + 24  # the arrow
            if widget.width() < needed:
                problems.append(f"combo {widget.currentText()!r}: {widget.width()} < {needed}")
    return problems


def _window(qtbot, sample_copy):
    from editor_app.gui.main_window import MainWindow

    window = MainWindow(remember_layout=False)
    qtbot.addWidget(window)
    window.open_path(sample_copy)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_every_widget_text_fits_in_the_window_and_its_dialogs(qtbot, messages, sample_copy, language):
    from editor_app.gui.dialogs.export_dialog import ExportDialog
    from editor_app.gui.dialogs.mark_dialog import MarkDialog
    from editor_app.gui.dialogs.preferences import PreferencesDialog
    from editor_app.gui.dialogs.rules_dialog import RulesDialog

    window = _window(qtbot, sample_copy)
    window.find_dock.open(replace=True)
    qtbot.wait(50)
    problems = clipped(window)
    for form in ("article", "banner", "issue"):  # the forms of the centre, each in turn
        if form == "issue":
            window.editor.show_issue()
        elif form == "banner":
            window.select_block(window.session.issue.pages[0].blocks[0].id)
        qtbot.wait(20)
        problems += [f"{form}: {p}" for p in clipped(window.editor)]
    for dialog in (
        ExportDialog(window.session.project, window),
        PreferencesDialog(window),
        MarkDialog("再接再励", window),
        RulesDialog(window),
    ):
        dialog.show()
        qtbot.waitExposed(dialog)
        problems += [f"{type(dialog).__name__}: {p}" for p in clipped(dialog)]
        title_room = dialog.width() - 160
        if dialog.fontMetrics().horizontalAdvance(dialog.windowTitle()) > title_room:
            problems.append(f"{type(dialog).__name__} title {dialog.windowTitle()!r}")
        dialog.reject()
    assert problems == []
    window.session.undo_stack.setClean()


def test_no_mnemonic_is_shared_within_a_menu(qtbot, messages, sample_copy, language):
    window = _window(qtbot, sample_copy)
    menus = [action.menu() for action in window.menuBar().actions() if action.menu()]
    clashes = []
    while menus:
        menu: QMenu = menus.pop()
        seen: dict[str, str] = {}
        for action in menu.actions():
            if action.menu():
                menus.append(action.menu())
            if not action.isVisible() or action.isSeparator():
                continue
            match = re.search(r"&(\w)", action.text())
            if match:
                key = match.group(1).lower()
                if key in seen:
                    clashes.append(f"{menu.title()}: {seen[key]!r} and {action.text()!r}")
                seen[key] = action.text()
    assert clashes == [], "\n".join(clashes)


def test_docks_widen_again_when_the_window_does(qtbot, messages, sample_copy):
    window = _window(qtbot, sample_copy)
    qtbot.wait(20)
    wide = window.preview_dock.width()
    window.resize(800, 700)
    qtbot.wait(20)
    window.resize(1400, 900)
    qtbot.wait(50)
    assert window.preview_dock.width() >= 0.9 * wide


def test_the_check_sees_a_clipped_label_and_a_clipped_button(qtbot):
    from PySide6.QtWidgets import QHBoxLayout, QPushButton

    holder = QWidget()
    layout = QHBoxLayout(holder)
    label = QLabel("No slot: choose one to see whether the article fits")
    button = QPushButton("Add photo…")
    layout.addWidget(label)
    layout.addWidget(button)
    qtbot.addWidget(holder)
    holder.show()
    qtbot.waitExposed(holder)
    label.setFixedWidth(60)
    button.setFixedWidth(30)
    qtbot.wait(10)
    assert len(clipped(holder)) == 2
