"""Every template's export, opened as XML: page, columns, faces, styles, boxes, bylines, fields."""

from __future__ import annotations

import re

import docx
import pytest

from editor_app.export import export_docx
from editor_app.export.styles import WORD_BUILTIN_CHINESE
from editor_app.layout.templates import get_template, list_templates

from .helpers import NS, W, body_paragraphs, byline_tags, bylines, paragraph_text, part, parts, style_of, w

TEMPLATES = [t.id for t in list_templates()]


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    from editor_app.storage.project import open_project
    from tests.conftest import SAMPLE

    folder = tmp_path_factory.mktemp("exports")
    out = {}
    for template_id in TEMPLATES:
        project = open_project(SAMPLE)
        out[template_id] = export_docx(project, folder / f"{template_id}.docx", template=template_id).path
    return out


def test_all_five_templates_exist():
    assert {"a4-bulletin", "a3-bulletin", "tabloid", "official", "manuscript"} <= set(TEMPLATES)


@pytest.mark.parametrize("template_id", TEMPLATES)
def test_page_size_and_margins_follow_the_template(exports, template_id):
    template = get_template(template_id)
    for sect in part(exports[template_id], "word/document.xml").iter(w("sectPr")):
        size = sect.find("w:pgSz", NS)
        assert abs(int(size.get(w("w"))) - template.page_width_mm / 25.4 * 1440) < 2
        assert abs(int(size.get(w("h"))) - template.page_height_mm / 25.4 * 1440) < 2
        assert abs(int(sect.find("w:pgMar", NS).get(w("top"))) - template.margins_mm["top"] / 25.4 * 1440) < 2


@pytest.mark.parametrize("template_id", TEMPLATES)
def test_body_runs_in_the_template_columns_and_ends_one_column(exports, template_id):
    template = get_template(template_id)
    sections = list(part(exports[template_id], "word/document.xml").iter(w("sectPr")))
    counts = [int(s.find("w:cols", NS).get(w("num"))) for s in sections]
    assert max(counts) == template.columns
    assert counts[-1] == 1  # closing one-column section balances the columns
    if template.columns > 1:
        cols = next(s.find("w:cols", NS) for s in sections if int(s.find("w:cols", NS).get(w("num"))) > 1)
        assert int(cols.get(w("space"))) == round(template.gutter_chars * template.body_pt * 20)
        assert cols.get(w("sep")) == "1"
        # sections after the first start continuously, so heads and columns share the page
        assert all(s.find("w:type", NS).get(w("val")) == "continuous" for s in sections[1:])


@pytest.mark.parametrize("template_id", TEMPLATES)
def test_named_styles_have_ascii_ids_chinese_names_and_east_asian_faces(exports, template_id):
    document = docx.Document(str(exports[template_id]))
    ours = [s for s in document.styles if s.style_id in {
        "BodyText", "Masthead", "Kicker", "BannerTitle", "ArticleTitle", "Deck", "Subhead", "EditorNote",
        "PhotoCaption", "PhotoCredit", "Byline", "Credits", "Dateline", "NoteLabel"}]
    assert len(ours) >= 5
    for style in ours:
        assert style.style_id.isascii()
        assert re.search(r"[\u4e00-\u9fff]", style.name), style.name
        assert style.name not in WORD_BUILTIN_CHINESE
    used = {style_of(p) for p in body_paragraphs(exports[template_id])}
    assert {"BodyText", "ArticleTitle", "EditorNote", "PhotoCaption"} <= used
    styles = part(exports[template_id], "word/styles.xml")
    faces = {f.get(w("eastAsia")) for f in styles.iter(w("rFonts"))} - {None}
    assert len(faces & {"宋体", "黑体", "楷体", "仿宋", "方正小标宋简体"}) >= 3
    for fonts in styles.iter(w("rFonts")):
        assert fonts.get(w("eastAsiaTheme")) is None
    lang = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(w("eastAsia")) == "zh-CN"


def _style(styles, style_id):
    return styles.find(f"w:style[@w:styleId='{style_id}']", NS)


@pytest.mark.parametrize("template_id", TEMPLATES)
def test_editor_note_boxed_byline_right_body_indented_exactly(exports, template_id):
    template = get_template(template_id)
    styles = part(exports[template_id], "word/styles.xml")
    border = _style(styles, "EditorNote").find("w:pPr/w:pBdr", NS)
    assert {child.tag for child in border} >= {w("top"), w("left"), w("bottom"), w("right")}
    assert _style(styles, "Byline").find("w:pPr/w:jc", NS).get(w("val")) == "right"
    body = _style(styles, "BodyText")
    ind = body.find("w:pPr/w:ind", NS)
    assert ind.get(w("firstLineChars")) == "200"
    assert int(ind.get(w("firstLine"))) == round(2 * template.body_pt * 20)
    spacing = body.find("w:pPr/w:spacing", NS)
    assert spacing.get(w("lineRule")) == "exact"
    assert int(spacing.get(w("line"))) == round(template.pitch_pt * 20)
    paragraphs = body_paragraphs(exports[template_id])
    notes = [p for p in paragraphs if style_of(p) == "EditorNote"]
    assert notes and paragraph_text(notes[0]).startswith("编者按：")
    assert bylines(exports[template_id]) == ["（建宣）", "（绿办）", "（政服）"]


@pytest.mark.parametrize("template_id", TEMPLATES)
def test_byline_tag_sits_right_aligned_on_a_line_after_the_last_body_line(exports, template_id):
    """Inside the last body paragraph (widow control keeps it with the line above), after a line break,
    at a right tab stop on the column's edge, in the 署名文字 style that looks like 署名."""
    template = get_template(template_id)
    paragraphs = body_paragraphs(exports[template_id])
    gutter = round(template.gutter_chars * template.body_pt * 20)
    text_width = round(template.text_width_mm / 25.4 * 1440)
    tagged = [p for p in paragraphs if byline_tags(p)]
    assert [byline_tags(p) for p in tagged] == ["（建宣）", "（绿办）", "（政服）"]
    for p in tagged:
        assert style_of(p) == "BodyText"
        runs = p.findall("w:r", NS)
        first_tag = next(i for i, r in enumerate(runs) if byline_tags_of_run(r))
        assert [c.tag for c in runs[first_tag - 1] if c.tag != w("rPr")] == [w("br"), w("tab")]
        assert all(byline_tags_of_run(r) for r in runs[first_tag:])  # nothing follows the tag
        later = paragraphs[paragraphs.index(p):]  # a section's sectPr closes its last paragraph, or the body
        ends = [q.find("w:pPr/w:sectPr", NS) for q in later if q.find("w:pPr/w:sectPr", NS) is not None]
        sect = ends[0] if ends else part(exports[template_id], "word/document.xml").find("w:body/w:sectPr", NS)
        columns = int(sect.find("w:cols", NS).get(w("num")))
        assert p.find("w:pPr/w:widowControl", NS) is not None  # on the paragraph, whatever the style says
        stop = p.find("w:pPr/w:tabs/w:tab", NS)
        assert stop.get(w("val")) == "right"
        assert abs(int(stop.get(w("pos"))) - (text_width - (columns - 1) * gutter) / columns) <= 2
    styles = part(exports[template_id], "word/styles.xml")
    tag_face = _style(styles, "BylineTag").find("w:rPr/w:rFonts", NS).get(w("eastAsia"))
    assert tag_face == _style(styles, "Byline").find("w:rPr/w:rFonts", NS).get(w("eastAsia")) == "楷体"
    assert _style(styles, "BodyText").find("w:pPr/w:widowControl", NS) is not None
    settings = part(exports[template_id], "word/settings.xml")
    assert settings.find("w:compat/w:doNotExpandShiftReturn", NS) is not None  # the line above stays unstretched


def byline_tags_of_run(run) -> bool:
    style = run.find("w:rPr/w:rStyle", NS)
    return style is not None and style.get(w("val")) == "BylineTag"


@pytest.mark.parametrize("ending", ["photo", "subhead"])
def test_an_article_that_does_not_end_in_body_text_keeps_its_byline_paragraph(tmp_path, ending):
    from editor_app.model import Article, Issue, Page, Paragraph, Photo
    from editor_app.storage.project import Project

    article = (Article(title="图片新闻", photos=[Photo(caption="市民在公园散步。", credit="甲 摄")], byline="乙")
               if ending == "photo" else
               Article(title="消息", paragraphs=[Paragraph("正文。"), Paragraph("下一步", kind="subhead")], byline="乙"))
    issue = Issue(publication="简报", pages=[Page(1, template="a4-bulletin", blocks=[article])])
    out = export_docx(Project(issue), tmp_path / "x.docx").path
    assert [paragraph_text(p) for p in body_paragraphs(out) if style_of(p) == "Byline"] == ["（乙）"]
    assert bylines(out) == ["（乙）"]


def test_a_byline_of_blanks_prints_nothing(tmp_path):
    from editor_app.model import Article, Issue, Page, Paragraph
    from editor_app.storage.project import Project

    issue = Issue(publication="简报", pages=[Page(1, template="a4-bulletin", blocks=[
        Article(title="消息", paragraphs=[Paragraph("正文。")], byline="  ")])])
    out = export_docx(Project(issue), tmp_path / "x.docx").path
    assert bylines(out) == []
    assert not any("（" in paragraph_text(p) for p in body_paragraphs(out))


def test_layout_flags_go_in_schema_order_in_w_compat():
    """Word calls a file corrupt when w:compat's children are out of order; a reference DOCX saved by Word
    may already hold flags on either side of ours, or no w:compat at all."""
    from lxml import etree

    from editor_app.export import docx_xml

    def settings(inner: str):
        return etree.fromstring(f'<w:settings xmlns:w="{W}" xmlns:w14="{W14}">{inner}</w:settings>')

    W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
    full = settings("<w:zoom/><w:compat><w:spaceForUL/><w:useFELayout/><w:compatSetting/></w:compat><w:rsids/>")
    docx_xml.set_compat_flag(full, "w:doNotExpandShiftReturn")
    docx_xml.set_compat_flag(full, "w:doNotExpandShiftReturn")  # twice: still one
    assert [etree.QName(c).localname for c in full.find("w:compat", NS)] == [
        "spaceForUL", "doNotExpandShiftReturn", "useFELayout", "compatSetting"]
    bare = settings("<w:zoom/><w:rsids/><w14:docId/>")
    docx_xml.set_compat_flag(bare, "w:doNotExpandShiftReturn")
    assert [etree.QName(c).localname for c in bare] == ["zoom", "compat", "rsids", "docId"]
    late = settings("<w:zoom/><w14:docId/>")
    docx_xml.set_compat_flag(late, "w:doNotExpandShiftReturn")
    assert [etree.QName(c).localname for c in late] == ["zoom", "compat", "docId"]


@pytest.mark.parametrize("template_id", TEMPLATES)
def test_every_picture_is_followed_by_its_caption_and_credit(exports, template_id):
    paragraphs = body_paragraphs(exports[template_id])
    pictures = [i for i, p in enumerate(paragraphs) if p.find(".//wp:inline", NS) is not None]
    assert len(pictures) == 2
    for i in pictures:
        inline = paragraphs[i].find(".//wp:inline", NS)
        assert all(inline.get(d) == "0" for d in ("distT", "distB", "distL", "distR"))
        assert paragraphs[i].find("w:pPr/w:keepNext", NS) is not None
        assert style_of(paragraphs[i + 1]) == "PhotoCaption"
        assert style_of(paragraphs[i + 2]) == "PhotoCredit"
    captions = [paragraph_text(paragraphs[i + 1]) for i in pictures]
    assert captions == ["工人在临河小区加装电梯。", "市民在新开放的滨河口袋公园散步。"]


@pytest.mark.parametrize("template_id", TEMPLATES)
def test_footer_has_a_page_field_with_a_cached_result(exports, template_id):
    footers = parts(exports[template_id], "word/footer")
    assert footers
    for footer in footers:
        runs = footer.findall(".//w:r", NS)
        kinds = [(r.find("w:fldChar", NS).get(w("fldCharType")) if r.find("w:fldChar", NS) is not None
                  else "instr" if r.find("w:instrText", NS) is not None else "text") for r in runs]
        start = kinds.index("begin")
        assert kinds[start:start + 5] == ["begin", "instr", "separate", "text", "end"]
        assert runs[start + 1].find("w:instrText", NS).text.strip() == "PAGE"
        assert runs[start + 3].find("w:t", NS).text in ("1", "2")  # odd / even footer of the first page


def test_official_page_numbers_sit_outside_odd_right_even_left(exports):
    path = exports["official"]
    assert part(path, "word/settings.xml").find("w:evenAndOddHeaders", NS) is not None
    sides = {}
    for footer in parts(path, "word/footer"):
        text = "".join(t.text or "" for t in footer.iter(w("t")))
        sides[footer.find(".//w:jc", NS).get(w("val"))] = text
    assert sides == {"right": "— 1 —　", "left": "　— 2 —"}


def test_a4_masthead_folio_and_core_properties(exports, sample_project):
    path = exports["a4-bulletin"]
    paragraphs = body_paragraphs(path)
    assert paragraph_text(paragraphs[0]) == "滨江新区工作简报"
    texts = [paragraph_text(p) for p in paragraphs]
    assert any("内部资料，免费交流" in t for t in texts)
    assert any("第7期（总第142期）" in t for t in texts)
    assert "（责任编辑：林悦　校对：周宁）" in texts
    headers = parts(path, "word/header")
    assert any("第1版" in "".join(t.text or "" for t in h.iter(w("t"))) for h in headers)
    props = docx.Document(str(path)).core_properties
    assert props.title == "滨江新区工作简报 第7期"
    assert props.keywords == f"issue:{sample_project.issue.id}"
    assert props.author == "滨江新区管委会办公室编"


def test_dateline_is_run_in_with_its_own_style(exports):
    paragraphs = body_paragraphs(exports["a4-bulletin"])
    first_body = next(p for p in paragraphs if style_of(p) == "BodyText" and paragraph_text(p))
    run = first_body.find("w:r", NS)
    assert run.find("w:rPr/w:rStyle", NS).get(w("val")) == "Dateline"
    assert paragraph_text(first_body).startswith("新区讯　日前")


@pytest.mark.parametrize("template_id", TEMPLATES)
def test_pictures_in_columns_are_framed_with_their_captions(exports, template_id):
    template = get_template(template_id)
    root = part(exports[template_id], "word/document.xml")
    tables = root.findall(".//w:body/w:tbl", NS)
    if template.columns == 1:
        assert tables == []  # single-column templates keep plain paragraphs for re-layout
        return
    assert len(tables) == 2
    for table in tables:
        assert table.find("w:tr/w:trPr/w:cantSplit", NS) is not None
        width = int(table.find("w:tblGrid/w:gridCol", NS).get(w("w")))
        assert int(table.find("w:tr/w:tc/w:tcPr/w:tcW", NS).get(w("w"))) == width
        assert int(table.find("w:tblPr/w:tblW", NS).get(w("w"))) == width
        text_twips = template.text_width_mm / 25.4 * 1440
        gutter = template.gutter_chars * template.body_pt * 20
        assert abs(width - (text_twips - (template.columns - 1) * gutter) / template.columns) < 2
        styles = [style_of(p) for p in table.iter(w("p"))]
        assert styles == ["Picture", "PhotoCaption", "PhotoCredit"]


@pytest.mark.parametrize("template_id", TEMPLATES)
def test_property_children_follow_schema_order_word_insists_on(exports, template_id):
    """Word refuses ("unreadable content") a pPr/rPr/sectPr whose children are out of schema order."""
    from editor_app.export import docx_xml

    orders = {w("pPr"): docx_xml._PPR_ORDER, w("rPr"): docx_xml._RPR_ORDER, w("sectPr"): docx_xml._SECT_ORDER}
    for name in ("word/document.xml", "word/styles.xml"):
        for el in part(exports[template_id], name).iter(*orders):
            rank = {w(tag.split(":")[1]): i for i, tag in enumerate(orders[el.tag])}
            positions = [rank[child.tag] for child in el if child.tag in rank]
            unknown = [child.tag for child in el if child.tag not in rank]
            assert not unknown, f"{name}: unexpected {unknown} in {el.tag}"
            assert positions == sorted(positions), f"{name}: children of {el.tag} out of order"


def test_empty_closing_paragraph_is_a_hairline(tmp_path):
    """The paragraph that only closes the last column section must not push a full page onto a blank one."""
    from editor_app.model import Article, Issue, Page, Paragraph
    from editor_app.storage.project import Project

    issue = Issue(publication="简报", pages=[Page(1, template="tabloid", blocks=[
        Article(title="标题", paragraphs=[Paragraph("正文。" * 40)], byline="申环")])])
    out = export_docx(Project(issue), tmp_path / "x.docx", template="tabloid").path
    last = part(out, "word/document.xml").findall("w:body/w:p", NS)[-1]
    assert paragraph_text(last) == ""  # no credits in this issue: the closing paragraph is empty
    spacing = last.find("w:pPr/w:spacing", NS)
    assert spacing is not None and spacing.get(w("lineRule")) == "exact"
    assert int(spacing.get(w("line"))) <= 40
