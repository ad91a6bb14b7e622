"""The customer's printed page (read from ../shared at run time) imports as the editor expects.

Expected values come from the issue's bars or are derived from the page's own lines at run time,
so no sentence of the page is copied into the project.
"""

from __future__ import annotations

import re

import pytest

from editor_app.importing import import_file, import_text, signals

from .helpers import articles, banners, body_texts, lost_characters, notes

BYLINES = ["环建", "环军捷", "申环", "环监", "沪河", "环土"]  # from the issue


@pytest.fixture
def seed(seed_page):
    text = seed_page.read_text(encoding="utf-8")
    return text, import_file(seed_page)


def _lines(text: str) -> list[tuple[int, str]]:
    """(blank lines before, line) for every non-blank line of the page."""
    out, gap = [], 0
    for line in text.split("\n"):
        if not line.strip():
            gap += 1
            continue
        out.append((gap, line.strip()))
        gap = 0
    return out


def test_editor_notes_and_banners(seed):
    text, result = seed
    assert len(notes(result)) == 2
    assert all(n.label == "编者按" and n.paragraphs for n in notes(result))
    assert not any(p.text.startswith("编者按") for n in notes(result) for p in n.paragraphs)
    lines = [line for _, line in _lines(text)]
    labels = [i for i, line in enumerate(lines) if line == "编者按"]
    first, second = banners(result)
    # each banner is the two headline lines standing above an 编者按
    assert {first.kicker, first.title} == set(lines[labels[0] - 2 : labels[0]])
    assert {second.title, second.subtitle} == set(lines[labels[1] - 2 : labels[1]])
    assert (first.kicker, first.title) == tuple(lines[labels[0] - 2 : labels[0]])  # 引题 then 主题


def test_each_byline_closes_its_article(seed):
    text, result = seed
    assert [a.byline for a in articles(result) if a.byline] == BYLINES
    assert not set(BYLINES) & set(body_texts(result))
    lines = [line for _, line in _lines(text)]
    for article in articles(result):
        if article.byline:  # the line before the tag is the end of this article's last paragraph
            before = lines[lines.index(article.byline) - 1]
            assert article.paragraphs[-1].text.endswith(before)


def test_captions_become_photos_of_their_articles(seed):
    text, result = seed
    # on this page a caption is the short full sentence right after a picture gap
    expected = {line for gap, line in _lines(text) if gap >= 3 and len(line) < 40 and line.endswith("。")}
    photos = [(a, ph) for a in articles(result) for ph in a.photos if ph.caption]
    assert len(expected) == 4 and {ph.caption for _, ph in photos} == expected
    assert all(ph.image is None for _, ph in photos)
    assert not expected & set(body_texts(result))
    # the one picture without a caption is the 图片新闻's, whose picture stood in a gap before its text
    uncaptioned = [a for a in articles(result) for ph in a.photos if not ph.caption]
    assert [a.byline for a in uncaptioned] == ["环军捷"] and not uncaptioned[0].title
    for article, photo in photos:
        district = article.title[:3]  # each caption names the district of its own article
        assert photo.caption.startswith(district), (article.title, photo.caption)


def test_subheads_and_datelines(seed):
    _, result = seed
    subheads = [p.text for a in articles(result) for p in a.paragraphs if p.kind == "subhead"]
    assert subheads == ["认真落实重点任务", "深化“五型机关”建设"]  # the bar
    dated = [a for a in articles(result) if a.dateline]
    assert [a.dateline for a in dated] == ["本报讯"] * 3
    assert not any(t.startswith("本报讯") for t in body_texts(result))


def test_split_paragraphs_are_mended(seed):
    text, result = seed
    texts = body_texts(result)
    for piece in (
        "习近平新时代中国特色社会主义思想的学习教育",
        "人民城市为人民”重要理念",
        "水里问题,",
    ):  # the bars
        assert sum(piece in t for t in texts) == 1, piece
    # every line that stops mid-sentence continues with the next body line (captions skipped),
    # unless a byline follows it (the story goes on elsewhere)
    lines = _lines(text)
    mended = 0
    for k, (_, line) in enumerate(lines[:-1]):
        if signals.ends_terminal(line) or signals.heading_like(line) or signals.pen_name(line):
            continue
        following = [ln for gap, ln in lines[k + 1 :] if not (gap >= 3 and len(ln) < 40)]
        if signals.pen_name(following[0]):
            continue
        assert sum(line + following[0] in t for t in texts) == 1, line[-10:]
        mended += 1
    assert mended == 5  # the page has five paragraphs cut by columns or pictures
    assert not any(re.match(r"^(的|民”|题,)", t) for t in texts)


def test_uncertain_decisions_are_noted(seed):
    _, result = seed
    untitled = [a for a in articles(result) if not a.title]
    assert len(untitled) == 1 and untitled[0].byline == "环军捷"
    assert any(n.block == untitled[0].id and "photo-news" in n.message for n in result.notes)
    cut = next(a for a in articles(result) if a.byline == "环监")
    assert not signals.ends_terminal(cut.paragraphs[-1].text)
    assert any(n.block == cut.id and "mid-sentence" in n.message for n in result.notes)


def test_nothing_is_lost(seed):
    text, result = seed
    assert not lost_characters(text, result)


@pytest.mark.parametrize(
    "interruption",
    [[""], ["", "", "", "区长在现场检查河道整治工程。", ""]],
    ids=["column break", "picture and caption"],
)
def test_any_paragraph_cut_mid_sentence_is_mended(seed, interruption):
    """Cut each long paragraph of the page at a third, half and two thirds (a column break, or a
    picture with its caption): the importer puts every one back together."""
    text, whole_page = seed
    photos_before = sum(len(a.photos) for a in articles(whole_page))
    lines = text.split("\n")
    tried = 0
    for i, line in enumerate(lines):
        if len(line) < 45:
            continue
        for cut in (len(line) // 3, len(line) // 2, 2 * len(line) // 3):
            head, tail = line[:cut], line[cut:]
            if signals.ends_terminal(head):
                continue
            result = import_text("\n".join([*lines[:i], head, *interruption, tail, *lines[i + 1 :]]))
            whole = line.removeprefix("本报讯 ")
            assert sum(whole in t for t in body_texts(result)) == 1, (i, head[-6:], tail[:6])
            if len(interruption) > 1:
                assert sum(len(a.photos) for a in articles(result)) == photos_before + 1
            tried += 1
    assert tried > 100
