"""The interface speaks Simplified Chinese from the shipped .qm, English as the source language."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from editor_app.gui import settings
from editor_app.gui.app import choose_language, install_translators


@pytest.fixture
def chinese():
    app = QApplication.instance()
    install_translators(app, "zh_CN")
    yield
    install_translators(app, "en")


def test_menus_and_fit_state_in_chinese(qtbot, chinese, messages, sample_copy):
    from editor_app.gui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.open_path(sample_copy)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[:4] == ["文件(&F)", "编辑(&E)", "排版(&L)", "插入(&I)"]
    assert window.editor.form.fit_label.text().startswith("合适")  # the sample's lead fills its slot
    slot_box = window.editor.form.slot_box
    assert slot_box.currentText() == "头条 · 3栏 · 共48行"  # capacity counts all the slot's columns
    window.update_status()
    assert "字" in window.chars_label.text()


def test_language_choice_order(monkeypatch):
    assert choose_language("en") == "en"
    settings.set_language("zh_CN")
    assert choose_language(None) == "zh_CN"
    settings.set_language("en")
    assert choose_language("zh_CN") == "zh_CN"
    assert choose_language(None) == "en"


def test_file_dialogs_name_their_file_types_in_chinese(qtbot, chinese, messages, sample_copy, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from editor_app.gui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.open_path(sample_copy)
    filters = []

    def remember(_parent, _title, _start="", file_filter="", *args, **kwargs):
        filters.append(file_filter)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", remember)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", remember)
    chooser = []

    def closed(dialog):  # the import chooser is Qt's own dialog with a 规范标点 checkbox
        chooser.append(dialog)
        filters.append(";;".join(dialog.nameFilters()))
        return 0

    monkeypatch.setattr(QFileDialog, "exec", closed)
    window.import_page_dialog()
    from PySide6.QtWidgets import QCheckBox, QLabel

    checkbox = chooser[0].findChild(QCheckBox)
    assert checkbox is not None and "规范标点" in checkbox.text() or "标点" in checkbox.text()
    labels = [label.text() for label in chooser[0].findChildren(QLabel)]
    assert "查找范围：" in labels or any("查找范围" in text for text in labels)  # Qt's own words, in Chinese
    window.save_as()
    window.editor.form.photos.add_button.click()
    assert filters[0].startswith("文本或 Word 文件 (*.txt *.docx);;所有文件")
    assert filters[1].startswith("editor-app 项目 (*.bulletin)")
    assert filters[2].startswith("图片 (*.jpg")


def test_preview_tags_speak_the_interface_language(qtbot, messages, sample_copy, request):
    from editor_app.gui.main_window import MainWindow
    from editor_app.model import Paragraph

    window = MainWindow()
    qtbot.addWidget(window)
    window.open_path(sample_copy)
    last = window.session.issue.pages[0].blocks[
        -1
    ]  # the sample fits its page: make the brief run over its slot
    last.paragraphs.append(Paragraph("新增内容。" * 20))
    window.session.revision += 1
    window.preview.rebuild()
    composed = next(b for b in window.preview.last_pages[0].blocks if b.block_id == last.id)
    lines, chars = (
        composed.overset_lines,
        composed.overset_lines * window.preview.last_pages[0].template.column_chars,
    )
    assert window.preview.canvas.tags[last.id][0] == f"▲ Over {lines} line(s) (≈ {chars} chars)"
    assert window.preview.page_label.text() == "1 block(s) overset"
    install_translators(QApplication.instance(), "zh_CN")
    request.addfinalizer(lambda: install_translators(QApplication.instance(), "en"))
    window.session.revision += 1
    window.preview.rebuild()
    assert window.preview.canvas.tags[last.id][0] == f"▲ 超 {lines} 行（约 {chars} 字）"
    assert window.preview.page_label.text() == "1 块超行"


def test_a_corrupt_project_is_explained_in_chinese_when_the_interface_is_chinese(
    qtbot, chinese, messages, sample_copy, tmp_path
):
    from editor_app.gui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.open_path(sample_copy)
    bad = tmp_path / "broken.bulletin"
    bad.write_bytes(b"PK\x03\x04 this is not really a zip")
    assert not window.open_interactive(bad)
    kind, text = messages.shown[-1]
    assert kind == "critical"
    assert "不是 editor-app 项目文件（不是 zip 压缩包）" in text and "broken.bulletin" in text
    assert "not a zip" not in text


def test_import_notes_in_the_status_bar_are_chinese_when_the_interface_is_chinese(
    qtbot, chinese, messages, sample_copy
):
    from editor_app.gui.main_window import MainWindow
    from tests.conftest import REPO

    window = MainWindow()
    qtbot.addWidget(window)
    window.open_path(sample_copy)
    assert window.import_file_into_issue(REPO / "tests" / "fixtures" / "pages" / "bulletin_page.txt", "page")
    status = window.statusBar().currentMessage()
    assert "稿件在句子中间结束，可能转至其他版面" in status, status
    assert "mid-sentence" not in status
    window.session.undo_stack.setClean()
    window.needs_save = False
