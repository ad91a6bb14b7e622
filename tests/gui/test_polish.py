"""Window polish found while proofreading: undo in the body's menu, tooltips that explain, banners
before the selection, Qt's own dialogs in Chinese."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def test_the_body_context_menu_offers_the_windows_undo_and_redo(window):
    body = window.editor.form.body
    body.insertPlainText("新")
    from PySide6.QtCore import QPoint

    menu = body.context_menu(QPoint(5, 5))
    entries = {a.text(): a.isEnabled() for a in menu.actions()}
    assert entries.get(window.actions_["undo"].text()) is True  # not Qt's greyed document undo
    assert window.actions_["redo"].text() in entries
    assert any("punctuation" in text for text in entries)


def test_toolbar_tooltips_say_what_the_action_does(window):
    for action in window.main_toolbar.actions():
        if action.isSeparator() or action in (window.actions_["undo"], window.actions_["redo"]):
            continue
        label = action.text().replace("&", "").rstrip("…")
        assert action.toolTip().replace("&", "").rstrip("…") != label, label
    assert "before the selected block" in window.actions_["add_banner"].toolTip()


def test_a_new_banner_goes_before_the_selected_block(window):
    page = window.session.issue.pages[0]
    target = page.blocks[2]
    window.select_block(target.id)
    banner_id = window.add_banner()
    ids = [b.id for b in page.blocks]
    assert ids.index(banner_id) == ids.index(target.id) - 1


def test_qt_file_dialog_labels_are_chinese_in_the_chinese_interface(qtbot):
    from PySide6.QtWidgets import QFileDialog, QLabel

    from editor_app.gui.app import install_translators

    install_translators(QApplication.instance(), "zh_CN")
    try:
        dialog = QFileDialog(None, "打开", "", "所有文件 (*)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        qtbot.addWidget(dialog)
        labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
        assert "查找范围(&L)：" in labels and "文件类型(&T)：" in labels
        assert not [text for text in labels if text.isascii() and any(ch.isalpha() for ch in text)]
    finally:
        install_translators(QApplication.instance(), "en")
