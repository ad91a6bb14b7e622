"""The customer's printed page (read from ../shared at run time) imports as the editor expects."""

from __future__ import annotations

import re

from editor_app.importing import import_file

from .helpers import articles, banners, body_texts, lost_characters, notes

BYLINES = ["环建", "环军捷", "申环", "环监", "沪河", "环土"]


def _paragraph_index(paragraphs, needle):
    return [i for i, p in enumerate(paragraphs) if needle in p.text]


def test_editor_notes_and_banners(seed_page):
    result = import_file(seed_page)
    assert len(notes(result)) == 2
    assert all(n.label == "编者按" and n.paragraphs for n in notes(result))
    assert all(not p.text.startswith("编者按") for n in notes(result) for p in n.paragraphs)
    first, second = banners(result)
    # a line stating who did what is the 引题 above the message line, the 副题 below it
    assert (first.kicker, first.title) == ("上海市生态环境系统召开系列工作会议", "开好局起稳步 深入打好污染防治攻坚战")
    assert (second.title, second.subtitle) == ("努力推动水环境质量持续改善向好", "上海各区深入抓好河长制湖长制落实")


def test_each_byline_closes_its_article(seed_page):
    result = import_file(seed_page)
    assert [a.byline for a in articles(result) if a.byline] == BYLINES
    texts = body_texts(result)
    assert not any(t in BYLINES for t in texts)
    # the byline belongs to the article whose paragraphs precede it in the page
    by_tag = {a.byline: a for a in articles(result) if a.byline}
    assert "程鹏要求" in by_tag["环建"].paragraphs[-5].text
    assert by_tag["环土"].title == "扎实做好土壤和固体废物污染防治"
    assert by_tag["沪河"].title == "宝山区全面落实河长责任"


def test_captions_become_photos_of_their_articles(seed_page):
    result = import_file(seed_page)
    photos = [(a.title, ph) for a in articles(result) for ph in a.photos]
    assert len(photos) == 4
    assert all(ph.image is None and ph.caption.endswith("。") for _, ph in photos)
    for title, photo in photos:
        district = title[:3]  # 徐汇区 … each caption names the district of its own article
        assert photo.caption.startswith(district), (title, photo.caption)
    captions = {ph.caption for _, ph in photos}
    assert not captions & set(body_texts(result))


def test_subheads_and_datelines(seed_page):
    result = import_file(seed_page)
    subheads = [p.text for a in articles(result) for p in a.paragraphs if p.kind == "subhead"]
    assert subheads == ["认真落实重点任务", "深化“五型机关”建设"]
    dated = [a for a in articles(result) if a.dateline]
    assert [a.dateline for a in dated] == ["本报讯"] * 3
    assert all(not a.paragraphs[0].text.startswith("本报讯") for a in dated)
    assert all(not t.startswith("本报讯") for t in body_texts(result))


def test_split_paragraphs_are_mended(seed_page):
    result = import_file(seed_page)
    texts = body_texts(result)
    joined = ["习近平新时代中国特色社会主义思想的学习教育", "人民城市为人民”重要理念",
              "既要解决水里问题,又要", "坚决贯彻落实市委决策部署,953条河湖", "持续推进生态环境治理体系和治理能力现代化。"]
    for piece in joined:
        assert sum(piece in t for t in texts) == 1, piece
    # no paragraph starts with a fragment of a word left over from a column break
    assert not any(re.match(r"^(的|民”|题,|理体系)", t) for t in texts)


def test_uncertain_decisions_are_noted(seed_page):
    result = import_file(seed_page)
    untitled = [a for a in articles(result) if not a.title]
    assert len(untitled) == 1 and untitled[0].byline == "环军捷"
    messages = {(n.block, n.message.split(" (")[0]) for n in result.notes}
    assert (untitled[0].id, "an article without a title") in messages
    cut = next(a for a in articles(result) if a.byline == "环监")
    assert cut.paragraphs[-1].text.endswith("推进")
    assert any(n.block == cut.id and "mid-sentence" in n.message for n in result.notes)


def test_nothing_is_lost(seed_page):
    result = import_file(seed_page)
    assert not lost_characters(seed_page.read_text(encoding="utf-8"), result)
