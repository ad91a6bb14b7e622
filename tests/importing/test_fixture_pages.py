"""Our own pages, one per layout: each exercises the general signals the importer relies on."""

from __future__ import annotations

import codecs

import pytest

from editor_app.importing import import_file, import_text
from editor_app.importing import signals as sig
from editor_app.model.serialize import issue_to_dict
from tests.conftest import REPO

from .helpers import articles, banners, body_texts, lost_characters, notes

PAGES = REPO / "tests" / "fixtures" / "pages"


def _outline(result):
    """The structure an editor sees, without ids."""
    data = issue_to_dict(result.issue)
    for block in data["pages"][0]["blocks"]:
        block.pop("id")
        for item in block.get("paragraphs", []) + block.get("photos", []):
            item.pop("id")
    return data["pages"][0]["blocks"]


def test_newspaper_page_headline_group_dateline_and_author_line():
    result = import_file(PAGES / "newspaper_page.txt")
    lead, brief, feature, report = articles(result)
    assert (lead.kicker, lead.title, lead.subtitle) == (
        "聚焦长江口生态修复",
        "湿地候鸟数量创十年新高",
        "——东滩保护区监测数据显示生态持续向好",
    )
    assert lead.dateline == "本报讯" and lead.author_line == "（记者 陈思远 通讯员 王立）"
    assert lead.paragraphs[0].text.startswith("记者昨日从")
    assert [p.text for p in lead.paragraphs if p.kind == "subhead"] == [
        "■ 科技手段助力精准监测",
        "■ 社会力量参与守护湿地",
    ]
    # the paragraph cut by a picture is whole again, and the picture has its caption and credit
    assert any(p.text.endswith("大大减轻了人工计数的工作量。") for p in lead.paragraphs)
    assert [(ph.caption, ph.credit) for ph in lead.photos] == [
        ("工作人员在东滩湿地开展鸟类环志。", "本报记者 陈思远 摄"),
        ("图为志愿者在观鸟屋记录鸟类活动。", None),
    ]
    assert any("another page" in n.message and n.block == lead.id for n in result.notes)
    assert brief.dateline == "本报讯" and brief.byline == "江文"
    assert feature.title == "垃圾分类，你做对了吗？" and feature.author_line == "本报记者 刘晓敏"
    assert feature.byline == "沪宁" and report.byline == "环宣"
    assert report.paragraphs[0].text.startswith("11月20日")
    assert result.issue.type == "newspaper"
    assert result.issue.editors == {"责任编辑": "周敏", "校对": "李航"}


def test_bulletin_page_note_captions_inside_split_paragraphs_and_numbered_subheads():
    result = import_file(PAGES / "bulletin_page.txt")
    assert [b.title for b in banners(result)] == ["老旧小区改造跑出加速度"]
    (note,) = notes(result)
    assert note.label == "编者按" and note.paragraphs[0].text.startswith("今年以来")
    first, second, briefs = articles(result)
    assert first.title == "桥北街道：先问需再开工" and first.dateline == "新区讯"
    assert [p.kind for p in first.paragraphs] == ["text", "subhead", "text", "subhead", "text"]
    assert first.paragraphs[2].text == (
        "街道组织党员志愿者上门走访，累计收集意见建议六百余条，其中加装电梯、"
        "更换老化管线和增设无障碍坡道的呼声最高。"
    )
    assert first.paragraphs[4].text.endswith("需要跨年度实施的明确时间表，做到件件有回音。")
    assert [ph.caption for ph in first.photos] == ["志愿者在临河小区入户征求意见。"]
    assert first.byline == "桥宣" and second.byline == "南宣"
    assert [(ph.caption, ph.credit) for ph in second.photos] == [
        ("市民在新开放的滨河口袋公园散步。", "林悦 摄")
    ]
    assert briefs.title == "简讯" and len(briefs.paragraphs) == 3 and briefs.byline is None
    assert any("mid-sentence" in n.message and n.block == briefs.id for n in result.notes)
    assert result.issue.type == "internal"


def test_gbk_copy_with_crlf_indents_and_hard_wrapped_lines():
    raw = (PAGES / "story_gbk.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # the fixture really is GBK
    result = import_file(PAGES / "story_gbk.txt")
    (story,) = articles(result)
    assert (story.kicker, story.title, story.subtitle) == (
        "数字化赋能基层治理",
        "“一网统管”让城市运行更聪明",
        "——记滨江新区城运中心的一天",
    )
    assert story.author_line == "文/赵小川"
    assert [p.kind for p in story.paragraphs] == ["text", "text", "subhead", "text", "text"]
    assert story.paragraphs[0].text.endswith("会自动派单到街道网格。")
    assert "全区道路积水、井盖位移" in story.paragraphs[0].text  # re-joined across the wrap
    assert [ph.caption for ph in story.photos] == ["图为城运中心工作人员调度处置城市运行事件。"]


@pytest.mark.parametrize(
    "name", ["newspaper_page.txt", "bulletin_page.txt", "story_gbk.txt", "variants_page.txt"]
)
def test_every_encoding_gives_the_same_page(tmp_path, name):
    reference = import_file(PAGES / name)
    text = (PAGES / name).read_bytes()
    text = text.decode("utf-8") if name != "story_gbk.txt" else text.decode("gbk")
    assert not lost_characters(text, reference)
    for encoded in (
        codecs.BOM_UTF8 + text.encode("utf-8"),
        text.encode("utf-16"),
        text.replace("\n", "\r\n").encode("gb18030"),
    ):
        path = tmp_path / "copy.txt"
        path.write_bytes(encoded)
        assert _outline(import_file(path)) == _outline(reference)


def test_pages_without_blank_lines_or_with_unknown_lines_keep_everything():
    text = "★ ★ ★\n会议要求各单位抓好落实。\n※\n会议强调，要压实责任。\n"
    result = import_text(text)
    assert not lost_characters(text, result)
    assert body_texts(result) == ["★ ★ ★", "会议要求各单位抓好落实。", "※", "会议强调，要压实责任。"]
    messages = [n.message for n in result.notes]
    assert any("without a title" in m for m in messages)
    assert sum("could not classify" in m for m in messages) == 2


def test_variant_page_same_layout_as_a_printed_page_other_signals():
    """Blank-line layout like a printed page, with the variations a new page may bring."""
    result = import_file(PAGES / "variants_page.txt")
    page = result.issue.pages[0]
    assert page.name == "2026年6月18日 星期四 第3版 生态环境" and page.number == 3
    assert result.issue.date == "2026-06-18"
    first_banner, second_banner = banners(result)
    assert (first_banner.kicker, first_banner.title) == (
        "夏季臭氧污染防控攻坚",
        "全市启动挥发性有机物专项治理",
    )
    assert second_banner.title == "各区扎实推进噪声污染防治"
    (note,) = notes(result)
    assert note.label == "编者按" and note.paragraphs[0].text.startswith("今年是噪声污染防治法")
    lead, rural, untitled, jiading, jinshan = articles(result)
    assert (lead.kicker, lead.title) == ("护蓝天 保健康", "百家重点企业完成“一厂一策”整治")
    assert lead.author_line == "（记者 孙立 通讯员 何苗）" and lead.byline == "孙环"
    # short subheads followed by ordinary text or by a list (一是……) stay in the story
    assert [p.text for p in lead.paragraphs if p.kind == "subhead"] == ["突出源头替代", "强化科技支撑"]
    # a caption without a full stop, after a picture gap, inside an unfinished paragraph
    assert [ph.caption for ph in lead.photos] == ["技术人员在涂装车间检测废气处理设施"]
    assert any(p.text.endswith("引导更多企业主动开展源头替代工作。") for p in lead.paragraphs)
    assert rural.title == "守住绿水青山，留住美丽乡愁" and rural.paragraphs[-1].text.endswith("同时推动")
    assert any("mid-sentence" in n.message and n.block == rural.id for n in result.notes)
    # a news lead after a picture gap starts a new story instead of finishing the cut paragraph
    assert untitled.title == "" and untitled.paragraphs[0].text.startswith("近日")
    assert untitled.byline == "新城站"
    assert jiading.title == "嘉定区打造宁静小区示范样板" and jiading.byline is None
    assert [ph.caption for ph in jiading.photos] == ["工作人员在小区周边开展噪声监测。"]
    assert jinshan.title == "金山区建立施工噪声夜间巡查机制" and jinshan.byline == "嘉环"
    text = (PAGES / "variants_page.txt").read_text(encoding="utf-8")
    assert not lost_characters(text, result)


@pytest.mark.parametrize("name", ["newspaper_page.txt", "bulletin_page.txt", "variants_page.txt"])
def test_paragraphs_cut_anywhere_in_our_pages_are_mended(name):
    lines = (PAGES / name).read_text(encoding="utf-8").split("\n")
    tried = 0
    for i, line in enumerate(lines):
        if len(line) < 40 or sig.dateline(line):
            continue
        label = sig.editor_note_label(line)
        body = label[1] if label else line
        for cut in (len(line) // 3, len(line) // 2, 2 * len(line) // 3):
            head, tail = line[:cut], line[cut:]
            if sig.ends_terminal(head):
                continue
            result = import_text("\n".join([*lines[:i], head, "", tail, *lines[i + 1 :]]))
            assert sum(body in t for t in body_texts(result)) == 1, (name, i, head[-6:], tail[:6])
            tried += 1
    assert tried >= 12


def test_caption_between_halves_before_a_bare_count_is_a_photo_not_body():
    """「…带动就业岗位」 / caption / 「600余个。」 with no picture gap: the count finishes the paragraph."""
    result = import_file(PAGES / "caption_split_page.txt")
    solar = articles(result)[0]
    texts = [p.text for p in solar.paragraphs]
    assert any(t.endswith("还带动就业岗位600余个。") for t in texts)
    assert not any("检修光伏板" in t for t in texts)
    assert [ph.caption for ph in solar.photos] == ["工作人员在厂房屋顶检修光伏板。"]
    assert solar.byline == "临宣"
    assert not lost_characters((PAGES / "caption_split_page.txt").read_text(encoding="utf-8"), result)


def test_gbk_page_caption_before_a_picture_gap_and_count_continuation():
    """GBK with CRLF: the caption sits before the picture gap, the count after it ends the paragraph."""
    result = import_file(PAGES / "community_page_gbk.txt")
    (story,) = articles(result)
    texts = [p.text for p in story.paragraphs]
    assert any(t.endswith("小区新增夜间停车位一百余个，居民停车难问题得到了缓解。") for t in texts)
    assert [ph.caption for ph in story.photos] == ["居民议事会现场。"]
    assert story.author_line == "（记者 周文斌）" and story.byline == "江文"
    assert result.issue.editors.get("校对") == "郑洁"


def test_closing_reporter_line_keeps_the_space_between_role_and_name():
    """「（记者 吴涛）」 closing a story is its byline, printed as written, not 「记者吴涛」."""
    result = import_file(PAGES / "two_story_jump_page.txt")
    renewal, farming = articles(result)
    assert farming.byline == "记者 吴涛" and farming.dateline == "本报讯"
    assert [(ph.caption, ph.credit) for ph in renewal.photos] == [("图为开放首日游客在街区参观。", "王磊 摄")]
    assert any("continues on another page" in n.message for n in result.notes)


def test_captioned_photo_between_picture_gaps_inside_a_cut_paragraph_and_closing_reporter_tag():
    """「…等苗木」 ⋯ caption with credit ⋯ 「1200余株。」: one paragraph and one photo; 「（记者 王芳）」 above
    the credits line is the story's byline, not a paragraph."""
    result = import_file(PAGES / "tree_planting_page.txt")
    planting, parks = articles(result)
    assert [p.text for p in planting.paragraphs][1].endswith("等苗木1200余株。")
    assert [(ph.caption, ph.credit) for ph in planting.photos] == [("志愿者在湿地公园栽种树苗。", "陈刚 摄")]
    assert planting.paragraphs[2].text.startswith("据了解")
    assert parks.byline == "记者 王芳" and not any("王芳" in p.text for p in parks.paragraphs)
    assert result.issue.editors == {"责任编辑": "李强", "校对": "赵敏"}


def test_two_line_head_whose_second_line_only_ends_in_a_place_word_is_kicker_and_title():
    """「城市更新」 over 「老厂房变身文化街区」: the second line ends in 区 but names no place first: the 主题."""
    renewal = articles(import_file(PAGES / "two_story_jump_page.txt"))[0]
    assert (renewal.kicker, renewal.title, renewal.subtitle) == ("城市更新", "老厂房变身文化街区", None)
