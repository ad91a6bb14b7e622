"""Multi-page issues: each 版 starts a new page with its own running head; progress is reported."""

from __future__ import annotations

from editor_app.export import compose_for_export, export_docx
from editor_app.layout.templates import get_template
from editor_app.model.document import Article, EditorNote, Issue, Page, Paragraph, PhotoBlock
from editor_app.storage.project import Project

from .helpers import NS, body_paragraphs, bylines, paragraph_text, part, parts, shapes, style_of, w


def _two_page_project() -> Project:
    first = Page(
        number=1,
        name="要闻",
        blocks=[
            Article(
                title="一版稿件",
                dateline="本刊讯",
                paragraphs=[Paragraph("一版第一段。"), Paragraph("一版第二段。")],
                byline="甲",
            )
        ],
    )
    second = Page(
        number=2,
        name="综合",
        blocks=[
            EditorNote(paragraphs=[Paragraph("按语第一段。"), Paragraph("按语第二段。")]),
            Article(
                title="二版稿件", paragraphs=[Paragraph("小标题", kind="subhead"), Paragraph("二版正文。")]
            ),
            PhotoBlock(caption="独立图片说明。"),
        ],
    )
    return Project(
        Issue(
            publication="测试简报",
            number=3,
            date="2026-07-01",
            pages=[first, second],
            editors={"责任编辑": "丙"},
        )
    )


def test_each_page_starts_a_new_page_with_its_own_folio(tmp_path):
    """Page 1 carries the issue's masthead; page 2 its own 版眉; each its own page number."""
    result = export_docx(_two_page_project(), tmp_path / "two.docx")
    sections = list(part(result.path, "word/document.xml").iter(w("sectPr")))
    starts = [
        s.find("w:type", NS).get(w("val")) if s.find("w:type", NS) is not None else "nextPage"
        for s in sections
    ]  # no w:type means a new page
    assert starts == ["nextPage", "nextPage"]
    folios = sorted("".join(t.text or "" for t in h.iter(w("t"))) for h in parts(result.path, "word/header"))
    assert folios == ["", "测试简报　2026年第3期　第2版　综合"]
    cached = sorted("".join(t.text or "" for t in f.iter(w("t"))) for f in parts(result.path, "word/footer"))
    assert cached == ["— 1 —", "— 2 —"]


def test_the_composition_keeps_reading_order_and_the_masthead_on_page_one_only():
    project = _two_page_project()
    composition = compose_for_export(project, get_template("a4-bulletin"))
    assert [bool(page.masthead) for page in composition.pages] == [True, False]
    assert composition.pages[0].masthead[0].text == "测试简报"
    second = composition.pages[1]
    assert [b.story.kind for b in second.blocks] == ["note", "article", "photo"]
    note, article, photo = second.blocks
    assert note.place.top < article.place.top  # the note heads the page, the article follows below
    assert [p.text for p in note.story.body] == ["编者按：按语第一段。", "按语第二段。"]
    assert [(f.figure.image, [p.style for p in f.figure.caption]) for f in photo.figures] == [
        (None, ["PhotoCaption"])
    ]
    assert composition.pages[-1].credits == "（责任编辑：丙）"


def test_progress_reaches_the_total(tmp_path):
    seen = []
    export_docx(
        _two_page_project(), tmp_path / "p.docx", progress=lambda done, total: seen.append((done, total))
    )
    assert seen and seen[-1][0] == seen[-1][1] > 0
    assert all(a <= b for (a, _), (b, _) in zip(seen, seen[1:], strict=False))


def test_bulletin_subheads_carry_the_marker_outside_the_model_text(tmp_path):
    project = _two_page_project()
    result = export_docx(project, tmp_path / "m.docx", flags_as_comments=True)
    subheads = [paragraph_text(p) for p in body_paragraphs(result.path) if style_of(p) == "Subhead"]
    assert subheads == ["■ 小标题"]
    assert project.issue.pages[1].blocks[1].paragraphs[0].text == "小标题"
    manuscript = export_docx(project, tmp_path / "ms.docx", template="manuscript")
    assert [paragraph_text(p) for p in body_paragraphs(manuscript.path) if style_of(p) == "Subhead"] == [
        "小标题"
    ]


def test_mixed_page_templates_export_with_the_first_and_say_so(tmp_path):
    project = _two_page_project()
    project.issue.pages[1].template = "tabloid"
    result = export_docx(project, tmp_path / "mixed.docx")
    assert any("tabloid" in w and "a4-bulletin" in w for w in result.warnings)
    chosen = export_docx(project, tmp_path / "chosen.docx", template="a3-bulletin").warnings
    assert not [w for w in chosen if "templates" in w]  # a template chosen for the export is no surprise


def test_a_two_paragraph_note_is_one_box(tmp_path):
    """The page draws one frame round the note's block; the manuscript keeps the style's box, whose
    consecutive paragraphs Word and LibreOffice draw as one."""
    result = export_docx(_two_page_project(), tmp_path / "note.docx")
    frames = [s for s in shapes(result.path) if s["name"].endswith("框")]
    assert len(frames) == 1
    manuscript = export_docx(_two_page_project(), tmp_path / "ms.docx", template="manuscript")
    paragraphs = body_paragraphs(manuscript.path)
    notes = [i for i, p in enumerate(paragraphs) if style_of(p) == "EditorNote"]
    assert notes == [notes[0], notes[0] + 1]  # adjacent, same style: Word and LibreOffice merge the borders
    assert all(paragraphs[i].find("w:pPr/w:pBdr", NS) is None for i in notes)  # no direct override
    box = part(result.path, "word/styles.xml").find("w:style[@w:styleId='EditorNote']/w:pPr/w:pBdr", NS)
    assert box.find("w:between", NS) is None  # an explicit between border splits the box in LibreOffice


def test_a_byline_that_has_its_brackets_is_not_bracketed_twice(tmp_path):
    project = _two_page_project()
    project.issue.pages[0].blocks[0].byline = "（甲）"
    result = export_docx(project, tmp_path / "b.docx")
    assert bylines(result.path) == ["（甲）"]


def test_imported_running_head_is_not_repeated_in_the_folio(tmp_path):
    """A page imported with its running head 「2026年7月1日 星期三 第6版 社区专刊」 as its name: the
    folio prints each of date, weekday and 版次 once."""
    page = Page(
        number=6,
        name="2026年7月1日 星期三 第6版 社区专刊",
        blocks=[Article(title="稿件", paragraphs=[Paragraph("正文。")])],
    )
    front = Page(number=1, blocks=[Article(title="头版", paragraphs=[Paragraph("正文。")])])
    project = Project(Issue(publication="测试报", date="2026-07-01", pages=[front, page]))
    for template in ("tabloid", "a4-bulletin"):
        result = export_docx(project, tmp_path / f"{template}.docx", template=template)
        (folio,) = [
            "".join(t.text or "" for t in h.iter(w("t")))
            for h in parts(result.path, "word/header")
            if "".join(t.text or "" for t in h.iter(w("t")))
        ]
        assert folio.count("第6版") == 1 and folio.count("星期三") == 1 and folio.count("7月1日") == 1, folio
        assert folio.startswith("测试报") and folio.endswith("社区专刊")


def test_empty_folio_slots_leave_single_separators():
    """No date, no issue number: 「园区报　第1版」, not 「园区报　　第1版」."""
    from editor_app.layout.furniture import fill

    values = {"publication": "园区报", "date": "", "weekday": "", "page": "第1版", "page_name": ""}
    assert fill("{publication}　{date}　{weekday}　{page}　{page_name}", values) == "园区报　第1版"
    assert (
        fill(
            "{publication}　{year}{number}　{page}",
            {"publication": "简报", "year": "", "number": "", "page": "第2版"},
        )
        == "简报　第2版"
    )
    assert (
        fill(
            "{organizer}　　{date}　　{issue_no}", {"organizer": "办公室编", "date": "", "issue_no": "第6期"}
        )
        == "办公室编　　第6期"
    )


def test_a_subhead_with_its_own_marker_gets_no_second_one(tmp_path):
    """「【查原料】」「一、」「（二）」 are already marked: the bulletin's 「■ 」 goes only on bare subheads."""
    heads = ["【查原料】", "一、查环境", "（二）查制度", "● 查台账", "2.查整改", "看成效"]
    story = Article(
        title="校园食品安全检查",
        paragraphs=[p for h in heads for p in (Paragraph(h, kind="subhead"), Paragraph("正文。"))],
    )
    project = Project(Issue(publication="测试简报", pages=[Page(number=1, blocks=[story])]))
    result = export_docx(project, tmp_path / "marks.docx", template="a4-bulletin")
    subheads = [paragraph_text(p) for p in body_paragraphs(result.path) if style_of(p) == "Subhead"]
    assert subheads == heads[:-1] + ["■ 看成效"]
