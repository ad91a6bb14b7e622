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
        block["photos"] = [(ph["caption"], ph["credit"], ph["image"] is not None) for ph in block.get("photos", [])]
        blocks.append(block)
    return blocks


def test_exported_sample_imports_back(tmp_path):
    project = open_project(SAMPLE)
    out = tmp_path / "sample.docx"
    export_docx(project, out)
    result = import_file(out)
    assert _structure(result.issue) == _structure(project.issue)
    issue, original = result.issue, project.issue
    assert (issue.publication, issue.number, issue.total_number, issue.date, issue.organizer, issue.permit) == (
        original.publication, original.number, original.total_number, original.date, original.organizer,
        original.permit)
    assert issue.editors == original.editors
    photos = [ph for _, b in issue.blocks() if isinstance(b, Article) for ph in b.photos]
    assert photos and all(ph.image in result.images for ph in photos)
    assert any("masthead" in note.message for note in result.notes)
