"""Import into the open issue, paste as a new article, export DOCX and the proof report."""

from __future__ import annotations

import sys
import zipfile

from PySide6.QtGui import QGuiApplication, QImage

from editor_app.cli import main
from editor_app.storage.project import open_project

PAGE_TEXT = """园区简讯
本期聚焦营商环境
服务专员上门 企业开办提速
园区讯 今年以来，园区为新办企业配备服务专员，开办时间由五个工作日压缩到两个工作日。
服务专员全程代办登记、刻章和开户等事项，企业只需跑一次。
（综合办）
"""


def test_import_a_text_page_adds_a_page_in_one_undo_step(window, tmp_path):
    source = tmp_path / "page.txt"
    source.write_text(PAGE_TEXT, encoding="gb18030")  # a GBK file from an old PC
    pages_before = len(window.session.issue.pages)
    assert window.import_file_into_issue(source, "page")
    assert len(window.session.issue.pages) == pages_before + 1
    new_page = window.session.issue.pages[-1]
    assert new_page.number == pages_before + 1
    assert any("服务专员" in p.text for b in new_page.blocks for p in getattr(b, "paragraphs", ()))
    assert window.editor.page_id == new_page.id  # the imported page is shown
    window.session.undo_stack.undo()
    assert len(window.session.issue.pages) == pages_before


def test_import_as_article_inserts_after_the_selection(window, tmp_path):
    source = tmp_path / "story.txt"
    source.write_text(
        "服务专员上门 企业开办提速\n园区为新办企业配备服务专员。\n企业只需跑一次。\n", encoding="utf-8"
    )
    selected = window.editor.block_id
    page, index, _ = window.session.issue.find_block(selected)
    assert window.import_file_into_issue(source, "article")
    inserted = page.blocks[index + 1]
    assert inserted.type == "article"
    assert window.editor.block_id == inserted.id


def test_paste_as_new_article(window):
    QGuiApplication.clipboard().setText(
        "新区召开安全生产会议\n会议要求各单位压实安全责任。\n会议还部署了汛期工作。"
    )
    count = len(window.session.issue.pages[0].blocks)
    assert window.paste_as_article()
    assert len(window.session.issue.pages[0].blocks) == count + 1
    form = window.editor.form
    assert form.fields["title"].text() == "新区召开安全生产会议"
    assert "压实安全责任" in form.body.toPlainText()
    window.session.undo_stack.undo()
    assert len(window.session.issue.pages[0].blocks) == count


def test_importing_a_binary_file_shows_a_message_and_changes_nothing(window, tmp_path, messages):
    bad = tmp_path / "photo.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    pages = len(window.session.issue.pages)
    assert not window.import_file_into_issue(bad, "page")
    assert messages.shown[-1][0] == "critical"
    assert len(window.session.issue.pages) == pages
    assert not window.session.modified


def test_export_docx_writes_a_word_file_with_the_articles(window, tmp_path):
    out = tmp_path / "issue.docx"
    assert window.export_docx_to(
        out, template=None, flags_as_comments=False, findings_as_comments=True, traditional=None
    )
    with zipfile.ZipFile(out) as archive:
        document = archive.read("word/document.xml").decode("utf-8")
    assert "十二个老旧小区改造项目全部开工" in document


def test_export_docx_to_a_missing_folder_shows_a_message(window, tmp_path, messages):
    assert not window.export_docx_to(tmp_path / "no" / "such" / "dir" / "x.docx", template=None)
    assert messages.shown[-1][0] == "critical"


def test_export_the_proof_report(window, tmp_path):
    out = tmp_path / "report.html"
    assert window.export_report_to(out)
    html = out.read_text("utf-8")
    assert "截止目前" in html and "截至目前" in html


def test_screenshot_of_a_text_page_imported_on_the_fly(qtbot, tmp_path, monkeypatch, seed_page):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    out = tmp_path / "seed.png"
    assert main([str(seed_page), "--screenshot", str(out)]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1400, 900)


def test_opening_a_text_page_leaves_an_unsaved_project(window, tmp_path, messages):
    source = tmp_path / "page.txt"
    source.write_text(PAGE_TEXT, encoding="utf-8")
    window.open_path(source)
    assert window.session.project.path is None  # Save asks for a .bulletin name; the .txt stays as it is
    assert window.is_modified()  # closing now would ask to save the imported page
    assert source.read_text("utf-8") == PAGE_TEXT
    target = tmp_path / "page.bulletin"
    assert window.save_to(target)
    assert open_project(target).issue.pages[0].blocks


def test_save_of_an_opened_text_page_proposes_its_name_beside_it(window, tmp_path, messages, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    source = tmp_path / "稿件.txt"
    source.write_text(PAGE_TEXT, encoding="utf-8")
    window.open_path(source)
    proposed = []

    def answer(_parent, _title, start="", *args, **kwargs):
        proposed.append(start)
        return start, ""

    assert window.windowTitle().startswith("稿件.txt")  # the editor knows which text is open
    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    assert window.save()  # Ctrl+S on an imported page asks where, starting from the text file's folder
    assert proposed == [str(tmp_path / "稿件.bulletin")]
    assert open_project(tmp_path / "稿件.bulletin").issue.pages[0].blocks
    assert source.read_text("utf-8") == PAGE_TEXT
