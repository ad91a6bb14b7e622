"""Proof rounds: a closed round keeps the text; the next round sees exactly what changed since."""

from __future__ import annotations

from editor_app.model.document import Article, Flag, Issue, Location, Page, Paragraph
from editor_app.model.ops import CloseRound, SetField
from editor_app.rounds import changes_since, current_round, error_rate, round_name, snapshot
from editor_app.storage.project import Project, open_project, save_project


def _issue() -> Issue:
    article = Article(
        title="公园改造完工",
        paragraphs=[Paragraph("改造后的公园新增步道两公里。"), Paragraph("周边居民可免费入园。")],
    )
    return Issue(pages=[Page(blocks=[article])])


def test_an_edit_after_closing_shows_as_exactly_that_change():
    issue = _issue()
    article = issue.pages[0].blocks[0]
    path = f"paragraph:{article.paragraphs[0].id}"
    CloseRound(snapshot(issue, [], closed_by="周宁")).apply(issue)
    assert current_round(issue) == 2 and round_name(2) == "二校"
    SetField(article.id, path, "改造后的公园新增健身步道三公里。").apply(issue)
    changes = changes_since(issue.rounds[-1], issue)
    assert {(c.kind, c.text) for c in changes} == {
        ("inserted", "健身"),
        ("deleted", "两"),
        ("inserted", "三"),
    }
    assert all(c.block == article.id and c.path == path for c in changes)
    inserted = [c for c in changes if c.kind == "inserted"]
    text = article.paragraphs[0].text
    assert [text[c.start : c.end] for c in inserted] == ["健身", "三"]


def test_counts_per_round_and_the_snapshot_survives_a_save(tmp_path):
    issue = _issue()
    article = issue.pages[0].blocks[0]
    path = f"paragraph:{article.paragraphs[1].id}"
    issue.flags.append(Flag(Location(article.id, path, 0, 2, "周边"), note="核实范围", author="周宁"))
    issue.flags.append(Flag(Location(article.id, path, 2, 4, "居民"), note="无误", status="rejected"))
    closed = snapshot(issue, [], closed_by="周宁")
    assert closed.counts["raised"] == 2 and closed.counts["open"] == 1 and closed.counts["rejected"] == 1
    assert closed.counts["errors"] == 1 and error_rate(closed.counts) > 0
    CloseRound(closed).apply(issue)
    out = save_project(Project(issue), tmp_path / "rounds.bulletin")
    reopened = open_project(out).issue
    assert reopened.rounds[0].closed_by == "周宁" and reopened.rounds[0].counts == closed.counts
    assert reopened.rounds[0].texts == closed.texts and len(reopened.rounds[0].flags) == 2
    assert changes_since(reopened.rounds[0], reopened) == []
