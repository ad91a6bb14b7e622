"""SOURCE given as a text or Word page is imported on the fly and exported like a project."""

from __future__ import annotations

import docx

from editor_app.export import export_docx, load_source

from .helpers import body_paragraphs, bylines, paragraph_text, style_of

PAGE = """聚焦社区治理

老旧小区加装电梯提速

本刊讯 今年以来，各街道把加装电梯列为民生实事，逐楼征求居民意见，已有十八台电梯投入使用。

居民代表说，过去上下楼要歇好几次，现在出门方便多了。

社宣
"""


def test_text_page_is_imported_and_exported(tmp_path):
    source = tmp_path / "page.txt"
    source.write_text(PAGE, "gb18030")  # newsroom text files are often GBK
    result = export_docx(load_source(source), tmp_path / "page.docx", template="a4-bulletin")
    texts = [paragraph_text(p) for p in body_paragraphs(result.path)]
    assert "老旧小区加装电梯提速" in texts
    assert any("已有十八台电梯投入使用" in t for t in texts)
    assert "（社宣）" in bylines(result.path)


def test_word_page_is_imported_and_exported(tmp_path):
    page = docx.Document()
    for line in PAGE.strip().split("\n\n"):
        page.add_paragraph(line.strip())
    source = tmp_path / "page.docx"
    page.save(str(source))
    result = export_docx(load_source(source), tmp_path / "out.docx", template="manuscript")
    texts = [paragraph_text(p) for p in body_paragraphs(result.path)]
    assert "老旧小区加装电梯提速" in texts
    assert any("居民代表说" in t for t in texts)


def test_an_old_binary_doc_gets_the_importers_advice(tmp_path):
    import pytest

    from editor_app.errors import InputError

    source = tmp_path / "稿件.doc"
    source.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)  # OLE2 header of a Word 97 file
    with pytest.raises(InputError, match="save it as .docx"):
        load_source(source)


def test_a_word_page_with_a_picture_keeps_picture_and_caption_together(tmp_path):
    import io

    from .helpers import picture_bytes, shapes

    page = docx.Document()
    page.add_paragraph("老旧小区加装电梯提速")
    page.add_paragraph("本刊讯 今年以来，各街道把加装电梯列为民生实事，已有十八台电梯投入使用。")
    page.add_paragraph().add_run().add_picture(io.BytesIO(picture_bytes((400, 300))))
    page.add_paragraph("居民乘坐新装的电梯。")
    page.add_paragraph("居民代表说，过去上下楼要歇好几次，现在出门方便多了。")
    source = tmp_path / "page.docx"
    page.save(str(source))
    result = export_docx(load_source(source), tmp_path / "out.docx", template="a4-bulletin")
    assert result.warnings == []
    placed = shapes(result.path)
    picture = next(s for s in placed if s["picture"])
    caption = next(s for s in placed if s["paragraphs"] and style_of(s["paragraphs"][0]) == "PhotoCaption")
    assert paragraph_text(caption["paragraphs"][0]) == "居民乘坐新装的电梯。"
    assert 0 <= caption["y"] - (picture["y"] + picture["h"]) < 3 and abs(caption["x"] - picture["x"]) < 5
