"""Find and replace over the issue: plain or regular expression, one undo step for every field."""

from __future__ import annotations

import pytest

from editor_app.model.document import Article, Issue, Page, Paragraph
from editor_app.search import Query, SearchError, edits_op, find_all, plan_replace_all


def _issue() -> Issue:
    first = Article(
        title="街道开展垃圾分类宣传",
        paragraphs=[Paragraph("居民参与垃圾分类的热情很高。"), Paragraph("下一步将推广垃圾分类积分制。")],
    )
    second = Article(title="社区食堂开张", paragraphs=[Paragraph("食堂每天供应午餐，垃圾分类做得好。")])
    return Issue(pages=[Page(blocks=[first]), Page(number=2, blocks=[second])])


def test_find_in_the_issue_or_in_one_block():
    issue = _issue()
    everywhere = find_all(issue, Query("垃圾分类"))
    assert len(everywhere) == 4 and everywhere[0].path == "title"
    first_block = issue.pages[0].blocks[0].id
    assert len(find_all(issue, Query("垃圾分类"), {first_block})) == 3


def test_replace_all_is_one_op_that_undoes_everything():
    issue = _issue()
    before = [(p.text) for _, b in issue.blocks() for p in b.paragraphs]
    edits, count = plan_replace_all(issue, Query("垃圾分类"), "生活垃圾分类")
    assert count == 4 and len(edits) == 4
    inverse = edits_op(edits).apply(issue)
    assert all("生活垃圾分类" in p.text for _, b in issue.blocks() for p in b.paragraphs)
    inverse.apply(issue)
    assert [p.text for _, b in issue.blocks() for p in b.paragraphs] == before


def test_regular_expressions_with_groups():
    issue = _issue()
    edits, count = plan_replace_all(issue, Query(r"垃圾(分类)", regex=True), r"废弃物\1")
    assert count == 4 and all("废弃物分类" in text for text in edits.values())
    with pytest.raises(SearchError, match="regular expression"):
        find_all(issue, Query("(未闭合", regex=True))
    with pytest.raises(SearchError, match="group"):
        plan_replace_all(issue, Query("垃圾", regex=True), r"\3")
