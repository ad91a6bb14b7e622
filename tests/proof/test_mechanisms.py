"""Each mechanism on the cases proofreaders care about (over the bundled packs)."""

from __future__ import annotations

import pytest

from editor_app.proof import Checker


def _rules(findings):
    return [(f.rule, f.text) for f in findings]


def _hits(checker, text, rule_id, scope="body"):
    return [f for f in checker.check_text(text, scope) if f.rule == rule_id]


# --- substitution -----------------------------------------------------------------------------------


def test_substitution_prefers_the_longest_match_and_right_forms_shield(write_pack):
    checker = Checker.load(
        rules_dirs=[
            write_pack("""\
        rules:
          - id: house.sub
            type: substitution
            category: 别字
            level: error
            message: 错
            pairs: {做为: 作为, 当做为: 当作为, 部份: 部分}
            protect: [一部份额]
            examples: {bad: [做为]}
        """)
        ],
        include_user=False,
    )
    assert _rules(checker.check_text("他当做为了不起。")) == [("house.sub", "当做为")]
    assert checker.check_text("持有一部份额。") == []
    assert _rules(checker.check_text("大部份人")) == [("house.sub", "部份")]


def test_confusion_pack_flags_officialese_slips(bundled):
    text = "截止目前，已布署完毕，既使困难也要签定协议。"
    assert [
        (f.text, f.suggestions[0], f.level)
        for f in bundled.check_text(text)
        if f.category in ("别字", "别词")
    ] == [
        ("截止目前", "截至目前", "error"),
        ("布署", "部署", "error"),
        ("既使", "即使", "error"),
        ("签定", "签订", "error"),
    ]


# --- repetition -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "做到真查真改、严查严改、彻查彻改、快查快改。",
        "一体推进不敢腐、不能腐、不想腐。",
        "践行人民城市人民建，人民城市为人民重要理念。",
        "确保早发现、早报告、早处置。",
        "我们研究研究再说，大家高高兴兴。",
        "行不行，能不能，一步一步来，一点一点改。",
        "建设全面进步全面过硬的战斗堡垒。",
        "黄浦江的一支支流虹口自成一体。",
        "城市和城市之间，人和人之间。",
        "他走着走着就到了，你想一想一下。",
    ],
)
def test_valid_repetition_passes(bundled, text):
    assert [f for f in bundled.check_text(text) if f.category == "重复"] == []


@pytest.mark.parametrize(
    ("text", "span", "suggestion"),
    [
        ("对打好全力打好碧水攻坚战进行部署。", "打好全力打好", "全力打好"),
        ("各单位要加强加强巡查。", "加强加强", "加强"),
        ("这是我们的的责任。", "的的", "的"),
        ("在推进会会上发言。", "会会上", "会上"),
    ],
)
def test_slips_of_repetition_are_errors_with_the_fix(bundled, text, span, suggestion):
    found = [f for f in bundled.check_text(text) if f.category == "重复"]
    assert [(f.text, f.suggestions[0]) for f in found] == [(span, suggestion)]


# --- consistency, script, phrase ----------------------------------------------------------------------


def test_variant_forms_mixed_in_one_document_flag_the_minority(bundled):
    text = "毋庸讳言，问题依然存在。毋庸置疑，成绩来之不易。但也无庸回避短板。"
    mixed = _hits(bundled, text, "word.variant-mixed")
    assert [(f.text, f.suggestions) for f in mixed] == [("无庸", ("毋庸",))]
    assert _hits(bundled, "毋庸讳言，问题依然存在。", "word.variant-mixed") == []


def test_traditional_characters_flagged_but_standard_ones_pass(bundled):
    found = _hits(bundled, "推進生態環境保護，於谦与乾隆的故事。", "script.traditional")
    assert [(f.text, f.suggestions) for f in found] == [("進", ("进",)), ("態環", ("态环",)), ("護", ("护",))]


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("以习近平新时代中国特色社会主意思想为指导", "习近平新时代中国特色社会主义思想"),
        ("践行社会主义核价值观", "社会主义核心价值观"),
        ("牢固树立绿水青山就是金银山的理念", "绿水青山就是金山银山"),
        ("增强“四个意思”", "“四个意识”"),
    ],
)
def test_near_misses_of_canonical_expressions(bundled, text, canonical):
    found = _hits(bundled, text, "word.expression")
    assert len(found) == 1 and found[0].suggestions == (canonical,)


def test_canonical_expressions_and_other_wording_pass(bundled):
    text = "以习近平新时代中国特色社会主义思想为指导，增强“四个意识”、坚定“四个自信”、做到“两个维护”，践行社会主义核心价值体系。"
    assert _hits(bundled, text, "word.expression") == []


# --- punctuation conventions ------------------------------------------------------------------------


def test_halfwidth_commas_used_throughout_are_one_info_finding(bundled):
    text = "今年是开局之年,也是关键之年,各项工作全面推进。\n全市上下要加强统筹,抓好落实,确保取得实效。"
    found = [f for f in bundled.check_text(text) if f.rule == "punct.halfwidth-comma"]
    assert len(found) == 1 and found[0].level == "info" and "共 4 处" in found[0].message


def test_halfwidth_commas_mixed_with_fullwidth_are_each_a_warning(bundled):
    text = "今年是开局之年，也是关键之年，各项工作全面推进。\n全市上下要加强统筹,抓好落实，确保取得实效。"
    found = [f for f in bundled.check_text(text) if f.rule == "punct.halfwidth-comma"]
    assert [(f.text, f.level, f.suggestions) for f in found] == [(",", "warning", ("，",))]


def test_numbers_with_thousands_separators_and_times_pass(bundled):
    assert bundled.check_text("全年投资3,000万元，会议于10:30开始，增长4.7%。") == []


def test_unbalanced_quote_continues_over_an_interrupted_paragraph(bundled):
    text = "践行“人民城市人民建、人民城市为人\n\n静安区委书记于勇检查河道。\n\n民”重要理念的高度。"
    assert _hits(bundled, text, "layout.unbalanced-marks") == []
    unclosed = "他说：“我们要抓好落实。\n下一段另起。"
    assert [f.text for f in _hits(bundled, unclosed, "layout.unbalanced-marks")] == ["“"]


def test_multi_paragraph_quotation_opens_each_paragraph(bundled):
    text = "“第一，依法登记，具有法人资格；\n“第二，有固定场所。”"
    assert _hits(bundled, text, "layout.unbalanced-marks") == []


def test_valid_newsroom_prose_has_no_error_or_warning(bundled):
    """Our own sample of tricky but correct wording: ranges, 〇 years, credits, reduplication, times."""
    from pathlib import Path

    text = (Path(__file__).parent / "data" / "valid_news.txt").read_text(encoding="utf-8")
    assert [(f.rule, f.text) for f in bundled.check_text(text) if f.level != "info"] == []


def test_quote_open_when_the_text_breaks_off_is_not_reported(bundled):
    assert _hits(bundled, "暂时调整实施《中华人民共和国药品管理法", "layout.unbalanced-marks") == []


def test_rechecking_a_paragraph_sees_marks_its_neighbours_open_and_close(bundled):
    document = "践行“人民城市人民建、人民城市为人\n民”重要理念的高度。\n他说：“好。"
    second = "民”重要理念的高度。"
    assert _hits(bundled, second, "layout.unbalanced-marks") != []
    in_context = [
        f for f in bundled.check_text(second, context=document) if f.rule == "layout.unbalanced-marks"
    ]
    assert in_context == []
    third = [
        f for f in bundled.check_text("他说：“好。", context=document) if f.rule == "layout.unbalanced-marks"
    ]
    assert [f.start for f in third] == [3]
