"""A bulletin exported to Word by editor-app imports back into the same structure."""

from __future__ import annotations

from editor_app.export import export_docx
from editor_app.importing import import_file
from editor_app.model.document import Article
from editor_app.model.serialize import issue_to_dict
from editor_app.storage.project import open_project
from tests.conftest import SAMPLE


def _structure(issue) -> list[dict]:
    """What the reader recovers: every text field and kind, without ids or image paths."""
    blocks = []
    for block in issue_to_dict(issue)["pages"][0]["blocks"]:
        block = {k: v for k, v in block.items() if k not in ("id", "slot")}
        block["paragraphs"] = [(p["kind"], p["text"]) for p in block.get("paragraphs", [])]
        block["photos"] = [
            (ph["caption"], ph["credit"], ph["image"] is not None) for ph in block.get("photos", [])
        ]
        blocks.append(block)
    return blocks


def test_exported_sample_imports_back(tmp_path):
    project = open_project(SAMPLE)
    out = tmp_path / "sample.docx"
    export_docx(project, out)
    result = import_file(out)
    from editor_app.layout.story import head_text

    for _, block in project.issue.blocks():  # print sets a two-part head with a full-width space
        for name in ("kicker", "title", "subtitle"):
            if getattr(block, name, None):
                setattr(block, name, head_text(getattr(block, name)))
    assert _structure(result.issue) == _structure(project.issue)
    issue, original = result.issue, project.issue
    assert (
        issue.publication,
        issue.number,
        issue.total_number,
        issue.date,
        issue.organizer,
        issue.permit,
    ) == (
        original.publication,
        original.number,
        original.total_number,
        original.date,
        original.organizer,
        original.permit,
    )
    assert issue.editors == original.editors
    photos = [ph for _, b in issue.blocks() if isinstance(b, Article) for ph in b.photos]
    assert photos and all(ph.image in result.images for ph in photos)
    assert any("masthead" in note.message for note in result.notes)


def test_photo_still_to_come_imports_back_as_a_photo_not_text(tmp_path):
    """An exported 「图片待补」 frame is the photo whose picture is missing, not words of the story."""
    from editor_app.model.document import Issue, Page, Paragraph, Photo
    from editor_app.storage.project import Project

    story = Article(
        title="公园新添观鸟屋",
        paragraphs=[Paragraph("湿地公园内两座观鸟屋日前建成开放。"), Paragraph("观鸟屋还设置了科普展板。")],
        photos=[Photo(caption="市民在观鸟屋内观察水鸟。", credit="林悦 摄")],
        byline="园宣",
    )
    project = Project(Issue(publication="测试简报", pages=[Page(number=1, blocks=[story])]))
    for template in ("a4-bulletin", "official"):
        out = tmp_path / f"{template}.docx"
        export_docx(project, out, template=template)
        result = import_file(out)
        assert _structure(result.issue) == _structure(project.issue), template


def test_reporter_line_without_dateline_imports_back_as_the_author_line(tmp_path):
    """No 电头: the export runs 「（记者 周文斌）」 into the first paragraph; it comes back as the author line."""
    from editor_app.model.document import Issue, Page, Paragraph
    from editor_app.storage.project import Project

    story = Article(
        title="老小区停车有了新办法",
        author_line="（记者 周文斌）",
        paragraphs=[Paragraph("走进梧桐里小区，车辆停放有序。"), Paragraph("居民们对此十分满意。")],
    )
    project = Project(Issue(publication="测试简报", pages=[Page(number=1, blocks=[story])]))
    out = tmp_path / "story.docx"
    export_docx(project, out)
    assert _structure(import_file(out).issue) == _structure(project.issue)
