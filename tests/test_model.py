"""Canonical JSON round trips, field paths and reversible operations."""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor_app.model import (
    Article,
    Banner,
    EditorNote,
    Flag,
    Issue,
    Location,
    Page,
    Paragraph,
    Photo,
    PhotoBlock,
    Placement,
    SchemaError,
    dumps,
    loads,
    ops,
)
from editor_app.model.fields import get_field, iter_text_fields
from editor_app.storage import open_project

from .conftest import SAMPLE


def test_sample_round_trip_is_identical():
    issue = open_project(SAMPLE).issue
    text = dumps(issue)
    assert dumps(loads(text)) == text
    data = json.loads(text)
    assert data["schema"] == 3
    kinds = [b["type"] for b in data["pages"][0]["blocks"]]
    assert kinds[:2] == ["banner", "editor_note"] and kinds.count("article") == 3
    article = data["pages"][0]["blocks"][2]
    assert set(article) >= {
        "kicker",
        "title",
        "subtitle",
        "dateline",
        "author_line",
        "paragraphs",
        "photos",
        "byline",
    }
    assert article["paragraphs"][1] == {
        "kind": "subhead",
        "text": "先问需于民 再定改造清单",
        "id": article["paragraphs"][1]["id"],
    }


# Text with astral characters, combining marks, controls and empty strings.
texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
opt_texts = st.none() | texts
paragraphs = st.builds(Paragraph, text=texts, kind=st.sampled_from(["text", "subhead"]))
photos = st.builds(Photo, image=st.none(), caption=texts, credit=opt_texts)
places = st.none() | st.builds(
    Placement,
    column=st.integers(0, 7),
    span=st.integers(1, 8),
    top=st.integers(0, 120),
    height=st.integers(1, 120),
)
blocks = st.one_of(
    st.builds(Banner, title=texts, kicker=opt_texts, subtitle=opt_texts, place=places),
    st.builds(EditorNote, paragraphs=st.lists(paragraphs, max_size=3), label=texts, place=places),
    st.builds(
        Article,
        title=texts,
        kicker=opt_texts,
        subtitle=opt_texts,
        dateline=opt_texts,
        author_line=opt_texts,
        paragraphs=st.lists(paragraphs, max_size=4),
        photos=st.lists(photos, max_size=2),
        byline=opt_texts,
        place=places,
    ),
    st.builds(PhotoBlock, caption=texts, credit=opt_texts, place=places),
)
pages = st.builds(Page, number=st.integers(1, 99), name=opt_texts, blocks=st.lists(blocks, max_size=4))
issues = st.builds(
    Issue,
    publication=texts,
    type=st.sampled_from(["newspaper", "internal", "official"]),
    number=st.none() | st.integers(0, 10**6),
    date=opt_texts,
    editors=st.dictionaries(texts, texts, max_size=2),
    pages=st.lists(pages, max_size=3),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(issues)
def test_random_documents_round_trip(issue):
    text = dumps(issue)
    again = loads(text)
    assert dumps(again) == text
    assert again == issue


@pytest.mark.parametrize(
    "bad, where",
    [
        ('{"schema": 3, "pages": [{"blocks": [{"type": "table"}]}]}', "unknown block type"),
        ('{"schema": 3, "pages": [{"blocks": [{"type": "article", "title": 5}]}]}', "expected text"),
        ('{"schema": 3, "issue": {"type": "magazine"}}', "is not one of"),
        ('{"schema": 3, "pages": "none"}', "expected a list"),
        ('{"schema": 1,', "invalid JSON"),
        (
            '{"schema": 3, "pages": [{"blocks": [{"type": "banner", "place": {"column": -1, "span": 1, "top": 0, '
            '"height": 3}}]}]}',
            r"place\.column: expected a whole number from 0",
        ),
        (
            '{"schema": 3, "pages": [{"blocks": [{"type": "banner", "place": [1, 2]}]}]}',
            "place: expected an object",
        ),
    ],
)
def test_malformed_json_names_the_problem(bad, where):
    with pytest.raises(SchemaError, match=where):
        loads(bad)


def _issue() -> Issue:
    article = Article(
        title="标题",
        paragraphs=[Paragraph("第一段。"), Paragraph("小标题", "subhead")],
        photos=[Photo(caption="图说。")],
        byline="申环",
    )
    return Issue(publication="简报", pages=[Page(1, blocks=[Banner(title="通栏"), article]), Page(2)])


def _roundtrip(issue: Issue, op: ops.Op) -> Issue:
    before = copy.deepcopy(issue)
    inverse = op.apply(issue)
    changed = copy.deepcopy(issue)
    assert changed != before, f"{op} changed nothing"
    inverse.apply(issue)
    assert issue == before, f"undoing {op} did not restore the document"
    return changed


def test_every_operation_has_an_exact_inverse():
    issue = _issue()
    page1, page2 = issue.pages
    banner, article = page1.blocks
    pid = article.paragraphs[0].id
    fid = article.photos[0].id
    cases = [
        ops.InsertBlock(page1.id, 1, EditorNote(paragraphs=[Paragraph("按语。")])),
        ops.RemoveBlock(banner.id),
        ops.MoveBlock(article.id, page1.id, 0),
        ops.MoveBlock(article.id, page2.id, 0),
        ops.SetField(article.id, "title", "新标题"),
        ops.SetField(article.id, f"paragraph:{pid}", "改过的段落。"),
        ops.SetField(article.id, f"photo:{fid}:caption", "新图说。"),
        ops.SetField(article.id, f"paragraph_kind:{pid}", "subhead"),
        ops.SetParagraphs(article.id, [Paragraph("只剩一段。")]),
        ops.InsertParagraph(article.id, 1, Paragraph("插入。")),
        ops.RemoveParagraph(article.id, pid),
        ops.AddPhoto(article.id, 0, Photo(caption="又一张。")),
        ops.RemovePhoto(article.id, fid),
        ops.InsertPage(2, Page(3)),
        ops.RemovePage(page2.id),
        ops.SetPageField(page1.id, "name", "要闻"),
        ops.SetPlacement(article.id, Placement(column=1, span=2, top=10, height=30)),
        ops.SetIssueField("number", 12),
        ops.AddFlag(Flag(Location(article.id, f"paragraph:{pid}", 0, 2, "第一"), note="存疑")),
        ops.Batch([ops.SetField(article.id, "title", "甲"), ops.SetField(banner.id, "title", "乙")]),
    ]
    for op in cases:
        _roundtrip(issue, op)


def test_move_between_pages_and_flag_resolution():
    issue = _issue()
    page1, page2 = issue.pages
    article = page1.blocks[1]
    ops.MoveBlock(article.id, page2.id, 0).apply(issue)
    assert [b.id for b in page2.blocks] == [article.id] and len(page1.blocks) == 1
    flag = Flag(Location(article.id, "title", 0, 1, "标"), note="核对")
    ops.AddFlag(flag).apply(issue)
    undo = ops.ResolveFlag(flag.id, "accepted").apply(issue)
    assert issue.flags[0].status == "accepted"
    undo.apply(issue)
    assert issue.flags[0].status == "open"


def test_failed_batch_leaves_document_unchanged():
    issue = _issue()
    before = copy.deepcopy(issue)
    article = issue.pages[0].blocks[1]
    with pytest.raises(KeyError):
        ops.Batch([ops.SetField(article.id, "title", "甲"), ops.RemoveBlock("no-such-block")]).apply(issue)
    assert issue == before


def test_duplicate_gets_fresh_ids():
    article = _issue().pages[0].blocks[1]
    clone = ops.duplicate_block(article)
    assert clone.id != article.id and clone.title == article.title
    assert {p.id for p in clone.paragraphs}.isdisjoint({p.id for p in article.paragraphs})


def test_a_duplicate_is_not_stacked_on_its_original():
    article = _issue().pages[0].blocks[1]
    article.place = Placement(column=0, span=2, top=0, height=20)
    assert ops.duplicate_block(article).place is None


def test_placing_a_block_and_handing_it_back_to_auto_layout():
    issue = _issue()
    article = issue.pages[0].blocks[1]
    undo = ops.SetPlacement(article.id, Placement(1, 2, 6, 20)).apply(issue)
    assert article.place == Placement(1, 2, 6, 20)
    back = ops.SetPlacement(article.id, None).apply(issue)
    assert article.place is None
    back.apply(issue)
    undo.apply(issue)
    assert article.place is None


def test_text_fields_in_reading_order_with_scopes():
    issue = _issue()
    fields = [(f.path.split(":")[0], f.scope) for f in iter_text_fields(issue)]
    assert fields == [
        ("title", "headline"),
        ("title", "headline"),
        ("paragraph", "body"),
        ("paragraph", "headline"),
        ("photo", "caption"),
        ("byline", "byline"),
    ]
    article = issue.pages[0].blocks[1]
    assert get_field(article, f"photo:{article.photos[0].id}:caption") == "图说。"
    with pytest.raises(KeyError):
        get_field(article, "label")
