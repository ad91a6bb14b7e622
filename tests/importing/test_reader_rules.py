"""Single reading rules on small invented snippets: what an editor would check after an import."""

from __future__ import annotations

import pytest

from editor_app.errors import InputError
from editor_app.importing import article_from_text, import_text
from editor_app.importing import signals as sig

from .helpers import articles, body_texts, lost_characters, notes


def _page(*blocks: str, sep: str = "\n\n") -> str:
    return sep.join(blocks) + "\n"


def test_byline_run_in_at_the_end_of_the_last_paragraph():
    text = _page(
        "河道保洁实现全覆盖",
        "今年以来，全区河道保洁实现专业化、全覆盖。（区水）",
        "农村污水治理提速",
        "全区新建农村生活污水处理设施十二座。",
    )
    first, second = articles(import_text(text))
    assert first.byline == "区水" and first.paragraphs[-1].text.endswith("全覆盖。")
    assert second.byline is None


def test_credit_on_its_own_line_goes_to_the_photo_above():
    text = _page(
        "公园新添观鸟屋",
        "湿地公园内两座观鸟屋日前建成开放，市民可近距离观察水鸟。",
        "",
        "",
        "市民在观鸟屋内观察水鸟。",
        "本报记者 陈思远 摄",
        "观鸟屋还设置了科普展板。",
    )
    (story,) = articles(import_text(text))
    assert [(p.caption, p.credit) for p in story.photos] == [
        ("市民在观鸟屋内观察水鸟。", "本报记者 陈思远 摄")
    ]
    assert body_texts(import_text(text))[-1] == "观鸟屋还设置了科普展板。"


def test_spaced_and_bracketed_editor_note_labels():
    for label_line in ("编 者 按", "【编者按】", "编者按:"):
        result = import_text(_page("专题标题", label_line, "本期聚焦基层治理的新做法。"))
        (note,) = notes(result)
        assert note.label == "编者按" and note.paragraphs[0].text == "本期聚焦基层治理的新做法。"


def test_a_news_lead_after_the_note_starts_a_story():
    result = import_text(_page("编者按", "本期刊发两则基层经验。", "日前，桥北街道召开居民议事会。"))
    (note,) = notes(result)
    (story,) = articles(result)
    assert len(note.paragraphs) == 1 and story.paragraphs[0].text.startswith("日前")
    assert any("without a title" in n.message for n in result.notes)


def test_short_fragment_left_by_a_column_break_is_joined():
    text = _page("标题一则", "会议要求，各单位切实加强", "的协调配合", "确保任务落实。")
    (story,) = articles(import_text(text))
    assert [p.text for p in story.paragraphs] == ["会议要求，各单位切实加强的协调配合确保任务落实。"]


def test_unfinished_paragraph_before_a_subhead_is_noted():
    text = _page(
        "标题二则", "会议要求，各部门要切实提高站位，持续推进", "■ 压实责任", "区长指出，要加强督查。"
    )
    result = import_text(text)
    (story,) = articles(result)
    assert [p.kind for p in story.paragraphs] == ["text", "subhead", "text"]
    assert any("before a subhead" in n.message for n in result.notes)


def test_article_from_text_reads_one_pasted_story():
    article, notes_ = article_from_text(
        _page(
            "推进垃圾分类",
            "社区里的“绿色账户”",
            "——积分兑换激发居民参与热情",
            "记者 王立 通讯员 何苗",
            "本报讯 近日，桥北街道推出“绿色账户”积分。",
            "一、积分怎么攒",
            "居民正确分类投放即可获得积分。",
            "二、积分怎么用",
            "积分可兑换日用品。",
            "（桥宣）",
        )
    )
    assert (article.kicker, article.title, article.subtitle) == (
        "推进垃圾分类",
        "社区里的“绿色账户”",
        "——积分兑换激发居民参与热情",
    )
    assert article.author_line == "记者 王立 通讯员 何苗" and article.dateline == "本报讯"
    assert [p.kind for p in article.paragraphs] == ["text", "subhead", "text", "subhead", "text"]
    assert article.byline == "桥宣" and notes_ == []


def test_paragraphs_on_consecutive_lines_without_blank_lines():
    text = "新区召开安全生产会议\n会议强调，要压紧压实安全责任。\n会议要求，各单位立即开展隐患排查。\n安宣\n"
    (story,) = articles(import_text(text))
    assert story.title == "新区召开安全生产会议" and len(story.paragraphs) == 2 and story.byline == "安宣"


def test_empty_text_is_refused():
    with pytest.raises(InputError, match="no text"):
        import_text("\n \u3000\n")
    with pytest.raises(InputError, match="no text"):
        article_from_text("")
    with pytest.raises(InputError, match="unknown import mode"):
        import_text("标题", as_="book")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("立足新形势新要求新任务 推进监测治理体系和治理能力现代化", True),
        ("桥北街道：先问需再开工", True),
        ("垃圾分类，你做对了吗？", True),
        ("区长表示,河道治理既要抓好水里的", False),
        ("的长效管理机制。", False),
        ("——记滨江新区城运中心的一天", True),
    ],
)
def test_heading_shapes(text, expected):
    assert sig.heading_like(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("的宣传教育,组织好", True),
        ("护”专项行动的要求", True),
        ("理,又要加强监督", True),
        ("120家企业完成整改", False),
        ("“过去靠人跑”", False),
        ("三要抓好“两个责任”", False),
    ],
)
def test_fragment_starts(text, expected):
    assert sig.fragment_start(text) is expected


def test_signals_for_datelines_bylines_and_credits():
    assert sig.dateline("本报讯（记者 张三 通讯员 李四）近日，……")[:2] == (
        "本报讯",
        "（记者 张三 通讯员 李四）",
    )
    assert sig.dateline("本报北京6月3日电 记者从……")[0] == "本报北京6月3日电"
    assert sig.dateline("新区讯 日前……")[0] == "新区讯"
    assert sig.dateline("资讯显示，……") is None
    assert sig.pen_name("（申环）") and sig.pen_name("环军捷") and not sig.pen_name("环境保护宣传处")
    assert sig.photo_credit("市民在公园散步。（林悦 摄）") == ("市民在公园散步。", "林悦 摄")
    assert sig.parse_credits("责任编辑：周敏　校对：李航") == {"责任编辑": "周敏", "校对": "李航"}
    assert sig.parse_credits("编辑：甲 编辑：乙") is None  # a repeated role stays text


def test_snippets_lose_nothing():
    text = _page(
        "河道保洁实现全覆盖",
        "今年以来，全区河道保洁实现专业化、全覆盖。（区水）",
        "编 者 按：",
        "本期聚焦。",
        "市民在观鸟屋内观察水鸟。（林悦 摄）",
    )
    assert not lost_characters(text, import_text(text))


def test_form_feeds_separate_pages():
    text = (
        _page("第一版标题", "本报讯 第一版的消息。", "责任编辑：周敏")
        + "\f"
        + _page("第二版标题", "第二版的消息。", "责任编辑：李航")
    )
    result = import_text(text)
    first, second = result.issue.pages
    assert (first.number, second.number) == (1, 2)
    assert [b.title for b in first.blocks] == ["第一版标题"] and second.blocks[0].title == "第二版标题"
    assert result.issue.type == "newspaper" and {p.template for p in result.issue.pages} == {"tabloid"}
    assert result.issue.editors == {"责任编辑": "周敏"}
    # the second page's credit for the same role is kept as text rather than overwriting the first
    assert "责任编辑：李航" in [p.text for p in second.blocks[0].paragraphs]
    assert not lost_characters(text, result)


def test_headline_group_standing_above_other_headlines_is_a_banner():
    text = _page(
        "全面推进美丽城区建设", "", "", "三个街道完成河道综合整治", "近日，三个街道完成河道综合整治。"
    )
    result = import_text(text)
    assert [b.title for b in result.issue.pages[0].blocks] == [
        "全面推进美丽城区建设",
        "三个街道完成河道综合整治",
    ]
    assert type(result.issue.pages[0].blocks[0]).__name__ == "Banner"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("市民在公园散步。（林悦 摄）", ("市民在公园散步。", "林悦 摄")),
        ("本报记者 陈思远 摄", ("", "本报记者 陈思远 摄")),
        ("居民在食堂选购午餐。林悦 摄", ("居民在食堂选购午餐。", "林悦 摄")),
        ("（图片由区河长办提供）", ("", "图片由区河长办提供")),
        ("他说年轻人要多拍摄", None),
        ("全年数据见附表。（数据由市统计局提供）", None),
    ],
)
def test_photo_credits_and_look_alikes(text, expected):
    assert sig.photo_credit(text) == expected


def test_body_paragraph_ending_like_a_credit_stays_body():
    text = _page(
        "摄影展开幕",
        "本报讯 摄影展昨日开幕，主办方希望年轻人多出去走走、多拍摄",
        "更多身边的美景。",
        "全年数据见附表。（数据由市统计局提供）",
    )
    (story,) = articles(import_text(text))
    assert story.photos == [] and len(story.paragraphs) == 2


def test_hard_wrapped_copy_keeps_a_headline_after_a_full_last_line():
    wrap = 20
    story = "　　" + "会议强调，各单位要压实责任，抓好落实，确保各项工作按期完成，做到件件有着落。"
    lines = [story[k : k + wrap] for k in range(0, len(story), wrap)]
    assert len(lines[-1]) == wrap  # the paragraph ends exactly at the measure
    text = "\n".join(["第一条消息", *lines, "第二条消息", *lines, "第三条消息", *lines]) + "\n"
    (story,) = articles(import_text(text))  # short lines between paragraphs: subheads of one story
    assert story.title == "第一条消息"
    assert [(p.kind, p.text[-6:]) for p in story.paragraphs] == [
        ("text", "件件有着落。"),
        ("subhead", "第二条消息"),
        ("text", "件件有着落。"),
        ("subhead", "第三条消息"),
        ("text", "件件有着落。"),
    ]


def test_page_number_between_two_halves_of_a_paragraph():
    text = _page("标题三则", "会议要求，各单位要加强", "— 2 —", "协调配合，形成工作合力。")
    result = import_text(text)
    (story,) = articles(result)
    # the page number is kept (after the mended paragraph) and flagged; the paragraph is whole
    assert [p.text for p in story.paragraphs] == ["会议要求，各单位要加强协调配合，形成工作合力。", "— 2 —"]
    assert any("could not classify" in n.message for n in result.notes)


def test_marked_author_lines_and_photographer_credits():
    text = _page(
        "社区来了“健康管家”",
        "□本报记者 张三",
        "家庭医生签约服务已覆盖全街道八成以上居民。",
        "",
        "",
        "家庭医生上门随访。（摄影 王五）",
        "签约居民可享受慢病长处方等服务。",
    )
    (story,) = articles(import_text(text))
    assert story.author_line == "□本报记者 张三"
    assert [(p.caption, p.credit) for p in story.photos] == [("家庭医生上门随访。", "摄影 王五")]
    assert not lost_characters(text, import_text(text))


def test_short_tag_then_a_story_without_headline():
    text = _page(
        "街道开展消防演练",
        "桥北街道日前组织开展消防应急演练，三百余名居民参加。",
        "桥宣",
        "区应急管理局组织专家对辖区内二十家养老机构开展消防安全检查，督促整改隐患四十余处。",
    )
    result = import_text(text)
    first, second = articles(result)
    assert first.byline == "桥宣" and second.title == "" and len(second.paragraphs) == 1
    assert any(n.block == second.id and "without a title" in n.message for n in result.notes)


def test_two_character_subhead_before_a_list_stays_in_the_story():
    text = _page(
        "街道推进垃圾分类",
        "桥北街道今年全面推行垃圾分类定时定点投放。",
        "成效",
        "一是居民参与率明显提高，二是小区环境更加整洁。",
    )
    (story,) = articles(import_text(text))
    assert [p.kind for p in story.paragraphs] == ["text", "subhead", "text"] and story.byline is None


def test_article_from_two_tagged_stories_keeps_the_first_tag_in_place():
    article, notes_ = article_from_text(
        _page(
            "街道开展消防演练",
            "桥北街道日前组织开展消防应急演练。",
            "桥宣",
            "养老机构消防检查",
            "日前，区应急管理局组织专家开展检查。",
            "区应宣",
        )
    )
    assert [p.text for p in article.paragraphs] == [
        "桥北街道日前组织开展消防应急演练。",
        "桥宣",
        "养老机构消防检查",
        "日前，区应急管理局组织专家开展检查。",
    ]
    assert article.byline == "区应宣" and any("byline in the middle" in n.message for n in notes_)


def test_signature_and_date_after_the_last_paragraph_stay_text():
    text = _page(
        "关于开展夏季环境卫生整治的通知",
        "各街道、各部门：",
        "现将有关事项通知如下：",
        "一、整治内容",
        "重点整治背街小巷的环境卫生问题。",
        "新区管委会办公室",
        "2026年6月18日",
    )
    result = import_text(text)
    (notice,) = articles(result)
    assert [p.text for p in notice.paragraphs][-2:] == ["新区管委会办公室", "2026年6月18日"]
    assert [p.kind for p in notice.paragraphs][-2:] == ["text", "text"]
    assert not any("mid-sentence" in n.message for n in result.notes)
    assert any("kept as paragraphs" in n.message for n in result.notes)


@pytest.mark.parametrize("rest", ["沿街商铺，发放宣传资料两千余份。", "12月底。"])
def test_caption_squeezed_between_the_halves_without_blank_lines(rest):
    """Paragraphs are set off by blank lines; 「…居民家庭和」, a caption and the rest follow each other
    with none: the caption is a photo and the paragraph is whole, whatever the rest begins with."""
    text = _page(
        "街道开展垃圾分类宣传",
        "本报讯 近日，街道组织志愿者走进社区开展垃圾分类宣传活动。",
        "活动期间，志愿者走访了辖区内的居民家庭，活动持续到\n志愿者向居民讲解分类知识。\n" + rest,
        "下一步，街道将继续开展宣传。",
    )
    (story,) = articles(import_text(text))
    assert [p.text for p in story.paragraphs][
        1
    ] == "活动期间，志愿者走访了辖区内的居民家庭，活动持续到" + rest
    assert [p.caption for p in story.photos] == ["志愿者向居民讲解分类知识。"]


def test_lines_without_blank_lines_between_are_not_captions_in_copy_without_blank_lines():
    """Copy with no blank lines at all: a short sentence after an unfinished line is read as its end."""
    text = _page(
        "街道开展垃圾分类宣传",
        "本报讯 近日，街道组织志愿者走进社区开展垃圾分类宣传活动。",
        "活动期间，志愿者走访了辖区内的居民家庭，向他们",
        "讲解分类知识。",
        "下一步，街道将继续开展宣传。",
        sep="\n",
    )
    (story,) = articles(import_text(text))
    assert not story.photos
    assert any(p.text.endswith("向他们讲解分类知识。") for p in story.paragraphs)


def test_jump_line_notes_say_which_way_the_story_goes():
    text = (
        "街道开展垃圾分类宣传\n\n本报讯 近日，街道组织志愿者开展垃圾分类宣传。\n\n（下转第2版）\n\f（上接第1版）\n\n"
        "活动期间，志愿者发放宣传资料两千余份。\n"
    )
    messages = [n.message for n in import_text(text).notes if "jump line" in n.message]
    assert messages == [
        "a jump line: the story continues on another page",
        "a jump line: the story continues from another page",
    ]


def test_bracketed_reporter_run_into_the_first_paragraph_is_the_author_line():
    text = _page(
        "老小区停车有了新办法",
        "（记者 周文斌）　走进梧桐里小区，车辆停放有序。",
        "（张华）这句括号不是记者署名。",
    )
    (story,) = articles(import_text(text))
    assert story.author_line == "（记者 周文斌）"
    assert [p.text for p in story.paragraphs] == [
        "走进梧桐里小区，车辆停放有序。",
        "（张华）这句括号不是记者署名。",
    ]


@pytest.mark.parametrize("rest", ["86部，惠及居民两千余户。", "新型电梯，惠及居民两千余户。"])
def test_caption_between_halves_on_a_page_that_indents_its_paragraphs(rest):
    """Paragraphs open with 「　　」 and no blank lines: the unindented line after the caption is the rest."""
    text = _page(
        "老旧小区加装电梯提速",
        "　　本报讯 今年以来，全区老旧小区加装电梯工作明显提速，各街道积极推进，已完成加装",
        "居民乘坐新装电梯出行。",
        rest,
        "　　区住房保障部门负责人介绍，加装电梯实行“一站式”审批，办理时间压缩至十个工作日。",
        sep="\n",
    )
    (story,) = articles(import_text(text))
    assert story.paragraphs[0].text.endswith("已完成加装" + rest)
    assert [p.caption for p in story.photos] == ["居民乘坐新装电梯出行。"]


@pytest.mark.parametrize(
    ("before", "tail", "whole"),
    [
        (
            "活动将一直持续到",
            "12月底。活动期间，志愿者还将入户发放宣传册。",
            "活动将一直持续到12月底。活动期间，志愿者还将入户发放宣传册。",
        ),
        ("共发放宣传册", "3000余份，覆盖居民1200户。", "共发放宣传册3000余份，覆盖居民1200户。"),
    ],
)
@pytest.mark.parametrize("gap", ["\n", "\n\n"], ids=["no blank line", "blank line before the caption"])
def test_unpunctuated_caption_between_the_halves_of_a_sentence(before, tail, whole, gap):
    """A heading never cuts a sentence in two: a short line between 「…持续到」 and 「12月底。」 is the caption
    of the photo that stood there, and the sentence is mended around it."""
    for caption in ("志愿者向居民讲解垃圾分类知识", "志愿者向居民讲解垃圾分类知识。"):
        text = (
            f"社区开展垃圾分类宣传\n\n本报讯 近日，社区组织志愿者走进小区开展垃圾分类宣传，{before}{gap}"
            f"{caption}\n{tail}\n\n申环\n"
        )
        result = import_text(text)
        [article] = articles(result)
        assert article.title == "社区开展垃圾分类宣传" and article.byline == "申环"
        assert any(whole in t for t in body_texts(result)), caption
        assert [photo.caption for photo in article.photos] == [caption]
        assert not lost_characters(text, result)


def test_a_line_that_goes_on_into_a_fragment_is_not_taken_for_a_caption():
    """「…持续」 「深化……思想」 「的学习教育」: the middle line reads on into 的, so all three are one paragraph."""
    text = "会议部署\n\n本报讯 会议要求精心组织好有关工作。持续\n深化党的创新理论\n的学习教育，认真开展党史学习。\n\n申环\n"
    result = import_text(text)
    [article] = articles(result)
    assert article.photos == []
    assert any("持续深化党的创新理论的学习教育" in t for t in body_texts(result))
