"""The page composer: blocks on the column grid, fit counted against each block's box, nothing lost."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor_app.layout.compose import Composer
from editor_app.layout.templates import get_template
from editor_app.model.document import Article, Banner, EditorNote, Issue, Page, Paragraph, Photo, Placement

SENTENCE = "街道把加装电梯列为民生实事，逐楼召开居民议事会，听取意见后再定改造清单。"


def story(chars: int, title: str = "居民议事会定下改造清单", **kwargs) -> Article:
    text = (SENTENCE * (chars // len(SENTENCE) + 1))[:chars]
    return Article(title=title, paragraphs=[Paragraph(text)], **kwargs)


def compose(*blocks, template: str = "a4-bulletin", publication: str = ""):
    issue = Issue(publication=publication, pages=[Page(1, template=template, blocks=list(blocks))])
    return Composer().compose(issue)


def overlaps(a: Placement, b: Placement) -> bool:
    return (
        a.column < b.column + b.span
        and b.column < a.column + a.span
        and a.top < b.top + b.height
        and b.top < a.top + a.height
    )


def test_a_two_column_story_and_a_one_column_brief_sit_side_by_side_under_their_own_heads():
    second, brief = story(300, slot="second"), story(120, title="简讯", slot="brief")
    page = compose(second, brief).pages[0]
    a, b = page.blocks
    assert (a.place.span, b.place.span) == (2, 1)
    assert a.place.top == b.place.top and b.place.column == a.place.column + a.place.span
    assert a.head_rect.w == page.grid.width(2) and b.head_rect.w == page.grid.width(1)
    assert {round(f.rect.x, 2) for f in a.frames} == {round(page.grid.x(c), 2) for c in (0, 1)}


def test_a_slot_is_a_planned_box_the_text_overruns_or_underfills():
    template = get_template("a4-bulletin")
    brief = template.slot("brief")
    long = compose(story(600, slot="brief")).pages[0].blocks[0]
    assert long.place.height * long.place.span == brief.lines
    assert long.state == "overset" and long.overset_lines == long.needed_lines - long.capacity_lines > 0
    assert long.delta_chars(template.column_chars) == long.overset_lines * template.column_chars
    short = compose(story(40, slot="brief")).pages[0].blocks[0]
    assert short.state == "underset" and short.underset_lines == short.capacity_lines - short.needed_lines > 2


def test_auto_layout_sizes_a_block_without_a_slot_to_its_text():
    blocks = compose(story(900), story(250, title="第二篇")).pages[0].blocks
    assert all(b.state == "fits" and b.overset_lines == 0 for b in blocks)
    assert all(b.capacity_lines - b.needed_lines < b.place.span for b in blocks)  # balanced columns


def test_a_banner_spans_the_page_over_the_blocks_it_heads():
    page = compose(
        story(300, title="前一组"), Banner(title="通栏标题"), story(300), story(200, title="另一篇")
    ).pages[0]
    first, banner, *group = page.blocks
    assert banner.place.span == page.grid.columns and banner.place.column == 0
    assert banner.place.top >= first.place.top + first.place.height
    assert all(b.place.top >= banner.place.top + banner.place.height for b in group)


def test_blocks_placed_by_the_editor_stay_and_the_rest_go_round_them():
    fixed = story(200, title="固定的稿件")
    fixed.place = Placement(column=1, span=2, top=10, height=20)
    others = [story(160, title=f"第{i}篇") for i in range(3)]
    page = compose(others[0], fixed, *others[1:]).pages[0]
    placed = {b.block_id: b for b in page.blocks}
    assert placed[fixed.id].place == fixed.place and placed[fixed.id].sized_by == "editor"
    rest = [placed[o.id].place for o in others]
    assert not any(overlaps(p, fixed.place) for p in rest)


def test_what_the_page_cannot_hold_goes_to_a_continuation_page_with_its_own_folio():
    composition = compose(*[story(1500, title=f"长稿{i}") for i in range(5)], publication="社区简报")
    assert len(composition.pages) > 1
    first, *more = composition.pages
    assert first.masthead and not first.folio
    assert all(p.continuation and "第1版（续" in p.folio and not p.masthead for p in more)
    assert sum(len(p.blocks) for p in composition.pages) == 5


def test_a_masthead_only_when_the_issue_has_a_name():
    assert not compose(story(100)).pages[0].masthead  # no invented 「工作简报」
    page = compose(story(100), publication="园区报").pages[0]
    assert page.masthead[0].text == "园区报" and page.blocks[0].place.top >= page.reserved_lines


def test_an_untitled_item_with_a_picture_is_a_photo_news_block_of_its_own():
    news = Article(
        paragraphs=[Paragraph("日前，两地执法人员在交界河道开展联合巡查。")],
        photos=[Photo(caption="")],
        byline="环军捷",
    )
    page = compose(story(400), news).pages[0]
    first, item = page.blocks
    assert item.story.kind == "photo_news" and not overlaps(first.place, item.place)
    assert item.figures and item.figures[0].rect.w == page.grid.width(item.place.span)  # picture on top


def test_an_editors_note_is_boxed_across_the_page():
    note = EditorNote(paragraphs=[Paragraph("编者按正文。" * 30)])
    page = compose(note, story(300)).pages[0]
    boxed = page.blocks[0]
    assert boxed.boxed and boxed.place.span == page.grid.columns
    assert all(boxed.rect.x < f.rect.x and f.rect.right < boxed.rect.right for f in boxed.frames)


def test_a_subhead_never_ends_a_column_and_the_byline_never_starts_one():
    paragraphs = []
    for i in range(6):
        paragraphs += [Paragraph(f"小标题{i}", kind="subhead"), Paragraph(SENTENCE * (i % 3 + 1))]
    article = Article(title="多个小标题", paragraphs=paragraphs, byline="申环")
    for span in (1, 2, 3):
        article.place = Placement(0, span, 0, 18 + 5 * span)
        composed = compose(article).pages[0].blocks[0]
        for frame in composed.frames:
            if frame.lines:
                assert frame.lines[-1].style != "Subhead" or frame is composed.frames[-1]
                assert (
                    "（申环）" not in frame.lines[0].text
                    or len(frame.lines) == 1
                    and frame is composed.frames[0]
                )


texts = st.text(
    alphabet=st.sampled_from(list("中文排版测试，。、“”（）《》abc 123")), min_size=1, max_size=300
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paragraphs=st.lists(texts, min_size=1, max_size=5), span=st.integers(1, 3), rows=st.integers(4, 40))
def test_every_character_is_set_or_counted_as_overset(paragraphs, span, rows):
    """The frames print the story's text in order; what they cannot hold is the overset, never lost."""
    article = Article(
        title="标题", paragraphs=[Paragraph(t) for t in paragraphs], place=Placement(0, span, 0, rows)
    )
    composed = compose(article).pages[0].blocks[0]
    printed = "".join(line.text for frame in composed.frames for line in frame.lines)
    source = "".join(p.text for p in composed.story.body)
    squeeze = str.maketrans("", "", " ")
    assert source.translate(squeeze).startswith(printed.translate(squeeze))
    if composed.overset_lines == 0:
        assert printed.translate(squeeze) == source.translate(squeeze)
    assert all(len(f.lines) <= f.capacity for f in composed.frames)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    sizes=st.lists(st.integers(20, 1200), min_size=1, max_size=8),
    banner_at=st.integers(0, 8),
    template=st.sampled_from(["a4-bulletin", "a3-bulletin", "tabloid", "broadsheet"]),
)
def test_auto_layout_never_stacks_blocks_on_each_other_or_off_the_grid(sizes, banner_at, template):
    blocks = [story(n, title=f"稿件{i}") for i, n in enumerate(sizes)]
    blocks.insert(min(banner_at, len(blocks)), Banner(title="通栏"))
    composition = compose(*blocks, template=template)
    for page in composition.pages:
        places = [b.place for b in page.blocks]
        for i, a in enumerate(places):
            assert 0 <= a.column and a.column + a.span <= page.grid.columns
            assert 0 <= a.top and a.top + a.height <= page.grid.lines
            assert not any(overlaps(a, b) for b in places[i + 1 :])
    assert sum(len(p.blocks) for p in composition.pages) == len(blocks)
