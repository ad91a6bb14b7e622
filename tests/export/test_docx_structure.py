"""Every template's export, opened as XML: page, columns, faces, styles, boxes, bylines, fields."""

from __future__ import annotations

import re

import docx
import pytest

from editor_app.export import export_docx
from editor_app.export.styles import WORD_BUILTIN_CHINESE
from editor_app.layout.templates import get_template, list_templates

from .helpers import (
    NS,
    W,
    body_paragraphs,
    byline_tags,
    bylines,
    paragraph_text,
    part,
    parts,
    shapes,
    style_of,
    w,
)

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


COMPOSED = [t.id for t in list_templates() if not t.flowing]


def _composition(template_id):
    from editor_app.export import compose_for_export
    from editor_app.storage.project import open_project
    from tests.conftest import SAMPLE

    return compose_for_export(open_project(SAMPLE), get_template(template_id))


@pytest.mark.parametrize("template_id", COMPOSED)
def test_every_block_is_written_where_the_composer_placed_it(exports, template_id):
    """Heads, text frames, pictures and captions are anchored at the composer's rectangles (to 0.05 mm):
    the DOCX is the composed page, not a flow of columns that Word and LibreOffice lay out again."""
    placed = shapes(exports[template_id])
    composition = _composition(template_id)

    def anchored(rect, picture=False):
        return any(
            abs(s["x"] - rect.x) < 0.05
            and abs(s["y"] - rect.y) < 0.05
            and abs(s["w"] - rect.w) < 0.05
            and s["h"] >= rect.h - 0.05
            and s["picture"] == picture
            for s in placed
        )

    rects = 0
    for page in composition.pages:
        for composed in page.blocks:
            if composed.head_rect is not None:
                assert anchored(composed.head_rect), composed.story.kind
            for frame in composed.frames if composed.story.body else ():
                assert anchored(frame.rect)
                rects += 1
            for box in composed.figures:
                assert anchored(box.picture, picture=bool(box.figure.image))
    assert rects >= 3
    sections = list(part(exports[template_id], "word/document.xml").iter(w("sectPr")))
    assert len(sections) == len(composition.pages)  # one section per page, for its own 版眉 and number
    assert all(s.find("w:cols", NS) is None or s.find("w:cols", NS).get(w("num")) == "1" for s in sections)


@pytest.mark.parametrize("template_id", COMPOSED)
def test_each_blocks_text_runs_through_a_chain_of_linked_boxes(exports, template_id):
    """One box holds the text (wps:txbx id=N), the block's other frames continue it in order
    (wps:linkedTxbx id=N seq=1…), so print staff can edit a story and it reflows through its columns."""
    chains: dict[str, list[dict]] = {}
    for shape in shapes(exports[template_id]):
        if shape["chain"] is not None:
            chains.setdefault(shape["chain"], []).append(shape)
    assert len(chains) >= 3
    for members in chains.values():
        assert [m["seq"] for m in members] == list(range(len(members)))
        assert members[0]["paragraphs"] and all(not m["paragraphs"] for m in members[1:])
        body = [p for p in members[0]["paragraphs"] if style_of(p) == "BodyText"]
        for p in body:  # the composer decides the breaks: no widow rule moves a line on its own
            control = p.find("w:pPr/w:widowControl", NS)
            assert control is not None
            assert (control.get(w("val")) in (None, "1", "true")) == bool(byline_tags(p))
    ids = [s["id"] for s in shapes(exports[template_id])]
    assert len(ids) == len(set(ids))  # every drawing has its own id


@pytest.mark.parametrize("template_id", TEMPLATES)
def test_named_styles_have_ascii_ids_chinese_names_and_east_asian_faces(exports, template_id):
    document = docx.Document(str(exports[template_id]))
    ours = [
        s
        for s in document.styles
        if s.style_id
        in {
            "BodyText",
            "Masthead",
            "Kicker",
            "BannerTitle",
            "ArticleTitle",
            "Deck",
            "Subhead",
            "EditorNote",
            "PhotoCaption",
            "PhotoCredit",
            "Byline",
            "Credits",
            "Dateline",
            "NoteLabel",
        }
    ]
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
    if not get_template(template_id).flowing:  # the page draws one frame round the note's block
        assert any(s["name"].endswith("框") for s in shapes(exports[template_id]))
        assert all(n.find("w:pPr/w:pBdr/w:top", NS).get(w("val")) == "nil" for n in notes)


@pytest.mark.parametrize("template_id", COMPOSED)
def test_byline_tag_sits_right_aligned_on_a_line_after_the_last_body_line(exports, template_id):
    """Inside the last body paragraph (widow control keeps it with the line above), after a line break,
    at a right tab stop on the frame's edge, in the 署名文字 style that looks like 署名."""
    paragraphs = body_paragraphs(exports[template_id])
    column = composition_column_twips(template_id)
    tagged = [p for p in paragraphs if byline_tags(p)]
    assert [byline_tags(p) for p in tagged] == ["（建宣）", "（绿办）", "（政服）"]
    for p in tagged:
        assert style_of(p) == "BodyText"
        runs = p.findall("w:r", NS)
        first_tag = next(i for i, r in enumerate(runs) if byline_tags_of_run(r))
        assert [c.tag for c in runs[first_tag - 1] if c.tag != w("rPr")] == [w("br"), w("tab")]
        assert all(byline_tags_of_run(r) for r in runs[first_tag:])  # nothing follows the tag
        assert p.find("w:pPr/w:widowControl", NS) is not None  # on the paragraph, whatever the style says
        stop = p.find("w:pPr/w:tabs/w:tab", NS)
        assert stop.get(w("val")) == "right"
        assert abs(int(stop.get(w("pos"))) - column) <= 2
    styles = part(exports[template_id], "word/styles.xml")
    tag_face = _style(styles, "BylineTag").find("w:rPr/w:rFonts", NS).get(w("eastAsia"))
    assert tag_face == _style(styles, "Byline").find("w:rPr/w:rFonts", NS).get(w("eastAsia")) == "楷体"
    assert _style(styles, "BodyText").find("w:pPr/w:widowControl", NS) is not None
    settings = part(exports[template_id], "word/settings.xml")
    assert (
        settings.find("w:compat/w:doNotExpandShiftReturn", NS) is not None
    )  # the line above stays unstretched


def composition_column_twips(template_id) -> float:
    template = get_template(template_id)
    return template.column_chars * template.body_pt * 20


def test_the_manuscript_sets_each_byline_in_its_own_paragraph(exports):
    """Typesetters map styles on import: the tag is a 署名 paragraph after the last body paragraph."""
    paragraphs = body_paragraphs(exports["manuscript"])
    tags = [i for i, p in enumerate(paragraphs) if style_of(p) == "Byline"]
    assert [paragraph_text(paragraphs[i]) for i in tags] == ["（建宣）", "（绿办）", "（政服）"]
    assert all(style_of(paragraphs[i - 1]) == "BodyText" and not byline_tags(paragraphs[i - 1]) for i in tags)


def byline_tags_of_run(run) -> bool:
    style = run.find("w:rPr/w:rStyle", NS)
    return style is not None and style.get(w("val")) == "BylineTag"


@pytest.mark.parametrize("ending", ["photo", "subhead"])
def test_an_article_that_does_not_end_in_body_text_keeps_its_byline_paragraph(tmp_path, ending):
    from editor_app.model import Article, Issue, Page, Paragraph, Photo
    from editor_app.storage.project import Project

    article = (
        Article(title="图片新闻", photos=[Photo(caption="市民在公园散步。", credit="甲 摄")], byline="乙")
        if ending == "photo"
        else Article(
            title="消息", paragraphs=[Paragraph("正文。"), Paragraph("下一步", kind="subhead")], byline="乙"
        )
    )
    issue = Issue(publication="简报", pages=[Page(1, template="a4-bulletin", blocks=[article])])
    out = export_docx(Project(issue), tmp_path / "x.docx").path
    assert [paragraph_text(p) for p in body_paragraphs(out) if style_of(p) == "Byline"] == ["（乙）"]
    assert bylines(out) == ["（乙）"]


def test_a_byline_of_blanks_prints_nothing(tmp_path):
    from editor_app.model import Article, Issue, Page, Paragraph
    from editor_app.storage.project import Project

    issue = Issue(
        publication="简报",
        pages=[
            Page(
                1,
                template="a4-bulletin",
                blocks=[Article(title="消息", paragraphs=[Paragraph("正文。")], byline="  ")],
            )
        ],
    )
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
    full = settings(
        "<w:zoom/><w:compat><w:spaceForUL/><w:useFELayout/><w:compatSetting/></w:compat><w:rsids/>"
    )
    docx_xml.set_compat_flag(full, "w:doNotExpandShiftReturn")
    docx_xml.set_compat_flag(full, "w:doNotExpandShiftReturn")  # twice: still one
    assert [etree.QName(c).localname for c in full.find("w:compat", NS)] == [
        "spaceForUL",
        "doNotExpandShiftReturn",
        "useFELayout",
        "compatSetting",
    ]
    bare = settings("<w:zoom/><w:rsids/><w14:docId/>")
    docx_xml.set_compat_flag(bare, "w:doNotExpandShiftReturn")
    assert [etree.QName(c).localname for c in bare] == ["zoom", "compat", "rsids", "docId"]
    late = settings("<w:zoom/><w14:docId/>")
    docx_xml.set_compat_flag(late, "w:doNotExpandShiftReturn")
    assert [etree.QName(c).localname for c in late] == ["zoom", "compat", "docId"]


@pytest.mark.parametrize("template_id", COMPOSED)
def test_every_picture_has_its_caption_box_right_below_it(exports, template_id):
    """Picture and caption are placed together by the composer: the caption box starts under the picture,
    in the same columns; pictures carry their caption as alt text and distinct names."""
    placed = shapes(exports[template_id])
    pictures = [s for s in placed if s["picture"]]
    assert len(pictures) == 2
    captions = []
    for picture in pictures:
        below = [
            s
            for s in placed
            if s["paragraphs"]
            and style_of(s["paragraphs"][0]) == "PhotoCaption"
            and 0 <= s["y"] - (picture["y"] + picture["h"]) < 3
            and s["x"] <= picture["x"] + 0.05
            and s["x"] + s["w"] >= picture["x"] + picture["w"] - 0.05
        ]
        assert len(below) == 1
        assert [style_of(p) for p in below[0]["paragraphs"]] == ["PhotoCaption", "PhotoCredit"]
        captions.append(paragraph_text(below[0]["paragraphs"][0]))
        assert picture["descr"] == captions[-1]
    assert captions == ["工人在临河小区加装电梯。", "市民在新开放的滨河口袋公园散步。"]
    assert len({p["name"] for p in pictures}) == 2


def test_the_manuscript_keeps_pictures_inline_after_their_article(exports):
    paragraphs = body_paragraphs(exports["manuscript"])
    pictures = [i for i, p in enumerate(paragraphs) if p.find(".//wp:inline", NS) is not None]
    assert len(pictures) == 2
    for i in pictures:
        inline = paragraphs[i].find(".//wp:inline", NS)
        assert all(inline.get(d) == "0" for d in ("distT", "distB", "distL", "distR"))
        assert style_of(paragraphs[i + 1]) == "PhotoCaption"
        assert style_of(paragraphs[i + 2]) == "PhotoCredit"


@pytest.mark.parametrize("template_id", TEMPLATES)
def test_footer_has_a_page_field_with_a_cached_result(exports, template_id):
    footers = parts(exports[template_id], "word/footer")
    assert footers
    for footer in footers:
        runs = footer.findall(".//w:r", NS)
        kinds = [
            (
                r.find("w:fldChar", NS).get(w("fldCharType"))
                if r.find("w:fldChar", NS) is not None
                else "instr"
                if r.find("w:instrText", NS) is not None
                else "text"
            )
            for r in runs
        ]
        start = kinds.index("begin")
        assert kinds[start : start + 5] == ["begin", "instr", "separate", "text", "end"]
        assert runs[start + 1].find("w:instrText", NS).text.strip() == "PAGE"
        assert runs[start + 3].find("w:t", NS).text.isdigit()  # WPS shows the cached number
    cached = {
        r.find("w:t", NS).text
        for f in footers
        for r in f.findall(".//w:r", NS)
        if r.find("w:t", NS) is not None and (r.find("w:t", NS).text or "").isdigit()
    }
    assert "1" in cached


def test_official_page_numbers_sit_outside_odd_right_even_left(exports):
    path = exports["official"]
    assert part(path, "word/settings.xml").find("w:evenAndOddHeaders", NS) is not None
    sides: dict[str, list[str]] = {}
    for footer in parts(path, "word/footer"):
        number = footer.findall("w:p", NS)[-1]
        sides.setdefault(number.find(".//w:jc", NS).get(w("val")), []).append(paragraph_text(number))
    assert set(sides) == {"right", "left"}
    assert "— 1 —　" in sides["right"] and "　— 2 —" in sides["left"]
    assert all(re.fullmatch(r"— \d+ —　", t) for t in sides["right"])
    assert all(re.fullmatch(r"　— \d+ —", t) for t in sides["left"])


def test_a4_masthead_credits_and_core_properties(exports, sample_project):
    """The front page carries the issue's own masthead (no 版眉 above it); the credits close the page."""
    path = exports["a4-bulletin"]
    paragraphs = body_paragraphs(path)
    assert style_of(paragraphs[0]) == "Masthead" and paragraph_text(paragraphs[0]) == "滨江新区工作简报"
    texts = [paragraph_text(p) for p in paragraphs]
    assert any("内部资料，免费交流" in t for t in texts)
    assert any("第7期（总第142期）" in t for t in texts)
    assert texts[-1] == "（责任编辑：林悦　校对：周宁）"  # under the last line of the text area
    headers = ["".join(t.text or "" for t in h.iter(w("t"))) for h in parts(path, "word/header")]
    assert not any(headers)
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


def test_a_pages_anchor_paragraph_is_a_hairline(tmp_path):
    """The one body paragraph that anchors a page's shapes must never push the page onto a second one."""
    from editor_app.model import Article, Issue, Page, Paragraph
    from editor_app.storage.project import Project

    issue = Issue(
        publication="简报",
        pages=[
            Page(
                1,
                template="tabloid",
                blocks=[Article(title="标题", paragraphs=[Paragraph("正文。" * 40)], byline="申环")],
            )
        ],
    )
    out = export_docx(Project(issue), tmp_path / "x.docx", template="tabloid").path
    holders = part(out, "word/document.xml").findall("w:body/w:p", NS)
    assert len(holders) == 1
    spacing = holders[0].find("w:pPr/w:spacing", NS)
    assert spacing is not None and spacing.get(w("lineRule")) == "exact"
    assert int(spacing.get(w("line"))) <= 40
