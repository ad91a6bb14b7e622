"""Word files: styles, bold, size and alignment guide the reading; pictures arrive with their bytes."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from PIL import Image

from editor_app.errors import InputError
from editor_app.importing import import_file
from editor_app.storage.project import open_project, save_project

from .helpers import articles, lost_characters


def _png(color) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 40), color).save(buffer, "PNG")
    return buffer.getvalue()


def _para(document, text, size=10.5, bold=False, align=None, indent=False, style=None):
    paragraph = document.add_paragraph(style=style)
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.bold = bold or None
    if align is not None:
        paragraph.alignment = align
    if indent:
        paragraph.paragraph_format.first_line_indent = Pt(2 * size)
    return paragraph


def build_docx(path) -> str:
    """A two-story Word page; returns its text as a person would copy it (for the no-loss check)."""
    document = docx.Document()
    center, right = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT
    texts = []

    def add(text, **kw):
        texts.append(text)
        return _para(document, text, **kw)

    add("聚焦基层治理", size=14, align=center)
    add("城运中心上线智能派单", size=22, bold=True, align=center)
    add("——处置时间平均缩短四成", size=14, align=center)
    add(
        "新区讯 新区城市运行管理中心近日上线智能派单系统，道路积水、井盖位移等事件由系统自动派送到街道网格，"
        "处置时间平均缩短了四成。",
        indent=True,
    )
    add("数据多跑路 群众少跑腿", style="Heading 2")
    add("网格员在手机上接收工单，上传照片、反馈结果，一件事从发现到办结全程留痕，街道和部门之间", indent=True)
    picture = document.add_paragraph()
    picture.alignment = center
    picture.add_run().add_picture(io.BytesIO(_png("navy")), width=Cm(4))
    add("城运中心大屏实时显示城市运行数据", size=9, align=center)
    add("不用再反复打电话核对情况。", indent=True)
    add("（城宣）", align=right)
    document.add_paragraph()
    add("社区食堂开张了！居民吃饭更方便", style="Heading 1")
    add("桥北街道首家社区食堂日前开门迎客，荤素搭配的套餐十五元起，老年人凭卡还可享受优惠。", indent=True)
    captioned = document.add_paragraph()
    captioned.add_run().add_picture(io.BytesIO(_png("olive")), width=Cm(4))
    add("居民在社区食堂选购午餐。林悦 摄", style="Caption")
    table = document.add_table(rows=1, cols=2)
    for cell, text in zip(
        table.rows[0].cells, ["开放时间：每天10:30至13:00。", "地址：社区服务中心一楼。"], strict=True
    ):
        cell.text = text
        texts.append(text)
    document.save(str(path))
    return "\n".join(texts)


@pytest.fixture
def word_page(tmp_path):
    path = tmp_path / "page.docx"
    return path, build_docx(path)


def test_docx_headline_sizes_styles_and_alignment(word_page):
    path, text = word_page
    result = import_file(path)
    first, second = articles(result)
    assert (first.kicker, first.title, first.subtitle) == (
        "聚焦基层治理",
        "城运中心上线智能派单",
        "——处置时间平均缩短四成",
    )
    assert first.dateline == "新区讯"
    assert [(p.kind, p.text[:6]) for p in first.paragraphs] == [
        ("text", "新区城市运行"),
        ("subhead", "数据多跑路 "),
        ("text", "网格员在手机"),
    ]
    assert first.paragraphs[2].text.endswith("街道和部门之间不用再反复打电话核对情况。")
    assert first.byline == "城宣"
    assert second.title == "社区食堂开张了！居民吃饭更方便"
    assert second.paragraphs[-1].text == "地址：社区服务中心一楼。"
    assert not lost_characters(text, result)


def test_docx_pictures_become_photos_with_images(word_page, tmp_path):
    path, _ = word_page
    result = import_file(path)
    first, second = articles(result)
    (photo,) = first.photos
    assert photo.caption == "城运中心大屏实时显示城市运行数据" and photo.image in result.images
    (photo2,) = second.photos
    assert (photo2.caption, photo2.credit) == ("居民在社区食堂选购午餐。", "林悦 摄")
    assert result.images[photo2.image].startswith(b"\x89PNG")
    out = save_project(result.to_project(), tmp_path / "page.bulletin")
    reopened = open_project(out)
    assert set(reopened.images) == set(result.images) and len(reopened.images) == 2


def test_docx_as_article(word_page):
    path, _ = word_page
    result = import_file(path, as_="article")
    (story,) = articles(result)
    assert story.title == "城运中心上线智能派单"
    assert "社区食堂开张了！居民吃饭更方便" in [p.text for p in story.paragraphs if p.kind == "subhead"]
    assert len(story.photos) == 2 and story.byline == "城宣"


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _with_document_xml(source, target, xml: str) -> None:
    with zipfile.ZipFile(source) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, xml.encode("utf-8") if name == "word/document.xml" else data)


def test_damaged_word_files_are_refused_and_odd_formatting_is_tolerated(word_page, tmp_path):
    path, _ = word_page
    cases = {
        "no-body.docx": f"<w:document {W_NS}/>",
        "bad-xml.docx": "<w:document><w:body",
        "odd-size.docx": (
            f'<w:document {W_NS}><w:body><w:p><w:r><w:rPr><w:sz w:val="abc"/></w:rPr>'
            "<w:t>标题</w:t></w:r></w:p><w:p><w:r><w:t>正文一段。</w:t></w:r></w:p>"
            "</w:body></w:document>"
        ),
    }
    for name, xml in cases.items():
        _with_document_xml(path, tmp_path / name, xml)
    for name in ("no-body.docx", "bad-xml.docx"):
        with pytest.raises(InputError, match="damaged"):
            import_file(tmp_path / name)
    (story,) = articles(import_file(tmp_path / "odd-size.docx"))
    assert story.title == "标题" and [p.text for p in story.paragraphs] == ["正文一段。"]
    truncated = tmp_path / "cut.docx"
    truncated.write_bytes(path.read_bytes()[:2000])
    with pytest.raises(InputError, match="not a Word document"):
        import_file(truncated)
    empty = tmp_path / "blank.docx"
    docx.Document().save(str(empty))
    with pytest.raises(InputError, match="no text"):
        import_file(empty)


_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
_HIDDEN_TEXT_XML = [
    '<w:p {ns}><w:r><w:t>详情见</w:t></w:r><w:hyperlink w:anchor="x"><w:r><w:t>附件一</w:t></w:r></w:hyperlink>'
    "<w:r><w:t>。</w:t></w:r></w:p>",
    '<w:p {ns}><w:r><w:t>会议要求</w:t></w:r><w:ins w:id="1" w:author="编辑"><w:r><w:t>立即</w:t></w:r></w:ins>'
    '<w:del w:id="2" w:author="编辑"><w:r><w:delText>尽快</w:delText></w:r></w:del><w:r><w:t>整改。</w:t></w:r></w:p>',
    "<w:sdt {ns}><w:sdtContent><w:p><w:r><w:t>控件中的一段正文。</w:t></w:r></w:p></w:sdtContent></w:sdt>",
    '<w:p {ns}><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
    "<w:p><w:r><w:t>文本框中的补充说明。</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice>"
    "<mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>文本框中的补充说明。</w:t></w:r></w:p>"
    "</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    "<w:r><w:t>锚定文本框的一段。</w:t></w:r></w:p>",
]


def test_docx_text_in_links_insertions_controls_and_text_boxes(tmp_path):
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_paragraph("标题一则")
    body = document.element.body
    for xml in _HIDDEN_TEXT_XML:
        body.insert(len(body) - 1, parse_xml(xml.format(ns=_NS)))  # before the final sectPr
    path = tmp_path / "hidden.docx"
    document.save(str(path))
    (story,) = articles(import_file(path))
    assert [p.text for p in story.paragraphs] == [
        "详情见附件一。",
        "会议要求立即整改。",
        "控件中的一段正文。",
        "锚定文本框的一段。",
        "文本框中的补充说明。",
    ]


def test_word_file_with_the_wrong_name_is_still_read(word_page, tmp_path):
    path, _ = word_page
    renamed = tmp_path / "稿件.doc"  # WPS and mail clients sometimes save a .docx under this name
    renamed.write_bytes(path.read_bytes())
    first, _ = articles(import_file(renamed))
    assert first.title == "城运中心上线智能派单"


def _east_asian_face(paragraph, face: str) -> None:
    from docx.oxml.ns import qn

    for run in paragraph.runs:
        run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), face)


def test_docx_headline_face_marks_a_longer_subhead(tmp_path):
    document = docx.Document()
    _para(document, "新区政务服务再提速", size=22, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(document, "新区政务服务中心今年新增一批“一网通办”事项，企业开办全程网办。", indent=True)
    _east_asian_face(_para(document, "群众办事从跑多次到跑一次"), "黑体")
    _para(document, "窗口工作人员介绍，群众只需提交一次材料，后台即可流转办理。", indent=True)
    _east_asian_face(_para(document, "城运中心新增智能派单功能"), "仿宋")
    _para(document, "城运中心新增智能派单功能，事件处置更快。", indent=True)
    path = tmp_path / "faces.docx"
    document.save(str(path))
    first, second = articles(import_file(path))
    assert [p.kind for p in first.paragraphs] == ["text", "subhead", "text"]
    assert second.title == "城运中心新增智能派单功能"  # same length, body face: a new story


def test_docx_page_breaks_start_new_pages(tmp_path):
    document = docx.Document()
    _para(document, "第一版头条", size=22, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(document, "第一版的消息正文。", indent=True)
    document.add_page_break()
    _para(document, "第二版头条", size=22, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(document, "第二版的消息正文。", indent=True)
    heading = _para(document, "第三版头条", size=22, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    heading.paragraph_format.page_break_before = True
    _para(document, "第三版的消息正文。", indent=True)
    path = tmp_path / "pages.docx"
    document.save(str(path))
    result = import_file(path)
    assert [[b.title for b in page.blocks] for page in result.issue.pages] == [
        ["第一版头条"],
        ["第二版头条"],
        ["第三版头条"],
    ]
    assert [page.number for page in result.issue.pages] == [1, 2, 3]
    (story,) = articles(import_file(path, as_="article"))  # one story: the breaks do not matter
    assert story.title == "第一版头条"
