"""The typo detector finds slips no word list names, suggests the fix, and leaves good text alone."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.proof.typo import TypoDetector, TypoHit
from editor_app.proof.typo.protect import in_parallel, protected_mask
from tests.conftest import REPO


@pytest.fixture(scope="module")
def detector() -> TypoDetector:
    return TypoDetector.load()


@pytest.mark.parametrize(
    ("sentence", "wrong", "right"),
    [
        ("该市正在大力发展大数局产业。", "局", "据"),
        ("进一步优化营商环竟，激发市场活力。", "竟", "境"),
        ("大力发展数字经际，培育新的增长点。", "际", "济"),
        ("进一步完善社会保章体系。", "章", "障"),
        ("坚持以人民为中心，不断增进民生福址。", "址", "祉"),
        ("进一步加强对干部队伍的管理和监肚。", "肚", "督"),
        ("全面提高城市的综合竟争力。", "竟", "竞"),
        ("切实加强组织零导。", "零", "领"),
        ("他在会上做了重要降话。", "降", "讲"),
    ],
)
def test_slip_is_found_with_its_fix(detector, sentence, wrong, right):
    hits = detector.detect(sentence)
    assert [(h.wrong, h.right) for h in hits] == [(wrong, right)]
    hit = hits[0]
    assert sentence[hit.start : hit.end] == hit.wrong
    assert 0.0 < hit.confidence <= 1.0


@pytest.mark.parametrize(
    "sentence",
    [
        "各单位要认真贯彻落实会议精神，确保各项工作取得实效。",
        "请各部门按时报送材料，逾期不予受理。",
        "他们积极参加志愿服务活动，受到群众欢迎。",
        "全市经济运行保持平稳增长态势。",
        "加强对重点领域的监督检查，严肃查处违法违纪行为。",
        "记者从市教育局获悉，今年全市将新建学校二十所。",
        "要抓紧完善相关制度，堵塞管理漏洞。",
        "要不断提高人民群众的满意度。",
        "坚持精准施策，为企业纾困解难。",
        "一体推进不敢腐、不能腐、不想腐。",
    ],
)
def test_clean_sentences_get_no_hit(detector, sentence):
    assert detector.detect(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "wrong", "right"),
    [
        ("请各有关淡味于本周五前报送材料。", "淡味", "单位"),
        ("要尽可能简绍审批环节，提高办事效率。", "简绍", "减少"),
        ("要加强人才堆物建设。", "堆物", "队伍"),
        ("各级干部要廉洁自律，严禁收受回炉。", "回炉", "贿赂"),  # the pair may be a word itself
    ],
)
def test_two_wrong_characters_side_by_side_are_fixed_together(detector, sentence, wrong, right):
    hits = detector.detect(sentence)
    assert [(h.wrong, h.right) for h in hits] == [(wrong, right)]
    assert sentence[hits[0].start : hits[0].end] == wrong


@pytest.mark.parametrize(
    "page", sorted((REPO / "tests" / "fixtures" / "pages").glob("*.txt")), ids=lambda p: p.stem
)
def test_our_newsroom_pages_get_no_typo_hit(detector, page):
    """Correct copy in several styles (bulletin, newspaper, GBK files): 巡护, 淀浦河 and the like stay."""
    from editor_app.textio import read_text_file

    assert detector.detect(read_text_file(page)) == []


def test_terms_the_model_does_not_know_are_not_rewritten_as_pairs(detector):
    assert detector.detect("尖锐湿疣是一种常见病，应及时就医。") == []
    assert detector.detect("这批旧设备已经回炉重造。") == []
    assert detector.detect("郭嘉是曹操的重要谋士。") == []


def test_pair_fixes_are_words_by_their_own_readings(detector):
    """不仅 is bu jin as a word; that 不 and 仅 can also be read fu and nu does not make it a fix for 妇努."""
    assert [h.right for h in detector.detect("近年来，职业妇努减少的问题受到关注。")] != ["不仅"]


def test_offsets_count_python_characters_past_digits_and_latin(detector):
    text = "2021年GDP增长6%，大力发展数字经际。"
    hits = detector.detect(text)
    assert hits == [TypoHit(text.index("际"), text.index("际") + 1, "际", "济", hits[0].confidence)]


def test_quoted_text_is_left_alone(detector):
    assert detector.detect("大力发展数字经际。")
    assert detector.detect("所谓“数字经际”的说法并不规范。") == []


def test_titles_in_book_quotes_are_checked(detector):
    text = "省政府印发《关于嘉强安全生产工作的意见》。"
    assert [(h.wrong, h.right) for h in detector.detect(text)] == [("嘉", "加")]


def test_user_dictionary_words_are_left_alone():
    assert TypoDetector.load(user_words=["经际"]).detect("大力发展数字经际。") == []


def test_names_after_titles_and_bylines_are_protected(detector):
    text = "副市长鲍炳文出席会议并讲话。"
    mask = protected_mask(text)
    start = text.index("鲍炳文")
    assert all(mask[start : start + 3])
    assert detector.detect(text) == []
    byline = "正文最后一句。\n环军捷\n"
    assert all(protected_mask(byline)[byline.index("环军捷") : byline.index("环军捷") + 3])


def test_names_before_verbs_of_speaking_and_thinking_are_protected(detector):
    for text, name in (
        ("下课后，李台生问老师一个问题。", "李台生"),
        ("会后，赵振堂觉得这个办法可行。", "赵振堂"),
        ("孙秀梅告诉记者，工程已经完工。", "孙秀梅"),
    ):
        mask = protected_mask(text)
        start = text.index(name)
        assert all(mask[start : start + 3]), name
        assert detector.detect(text) == []


def test_parallel_wording_is_deliberate():
    text = "要坚持节水、护水、治水并举，做到快查快改。"
    assert in_parallel(text, text.index("护"))
    assert in_parallel(text, text.index("查"))
    assert not in_parallel(text, text.index("坚"))


def test_a_slip_in_a_list_item_is_not_taken_for_parallel_wording():
    text = "奖项设一等奖、二登奖两个等级。"
    slip = text.index("登")
    assert not in_parallel(text, slip, fix="等")  # the fix mends the parallel 一等奖、二等奖
    assert in_parallel(text, slip, fix="灯")  # any other change would flatten deliberate variation
    hits = TypoDetector.load().detect(text)
    assert [(h.wrong, h.right) for h in hits] == [("登", "等")]


def test_repeated_wording_in_one_text_is_not_flagged(detector):
    one = "大力发展数字经际。"
    assert detector.detect(one)
    assert detector.detect(one + "数字经际是新的提法。") == []


def test_text_without_han_characters(detector):
    assert detector.detect("") == []
    assert detector.detect("Version 2.0 (2024-06-18), 100%") == []


def test_one_improbable_transition_is_enough_unless_the_character_is_in_a_common_word(detector):
    # 国籍 is a common word: one odd transition after it must not turn it into the commoner 国家
    assert detector.detect("同一国籍的船舶在公海上航行。") == []
    text = "要把群众满意作为工作的出发点和落角点。"  # 角点 reads fine, 落角 does not
    assert [(h.wrong, h.right) for h in detector.detect(text)] == [("角", "脚")]


def test_look_alikes_by_structure_are_proposed(detector):
    # 浣/院 share 完, 贝 is the lower part of 员, 险/验 share 佥: neither same-sound nor close as bitmaps
    for text, wrong, right in (
        ("市第一人民医浣开展义诊活动。", "浣", "院"),
        ("全体工作人贝参加培训。", "贝", "员"),
        ("推进自贸试险区建设。", "险", "验"),
    ):
        assert [(h.wrong, h.right) for h in detector.detect(text)] == [(wrong, right)]
    assert detector.detect("加强安全风险排查，做好检验工作。") == []


_HAN = "\u4e00-\u9fff"
_NAME_ALPHABET = (
    "省县镇乡村街道社区苏木嘎查片丸胶囊霉素沙星说指出等和与同志一行笑着的在是王李张刘市区一二三ab，。 、\n𠮷"
)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_NAME_ALPHABET, max_size=40))
def test_name_and_place_spans_match_their_regex_definition(text):
    """The fast scans in protect.py find exactly what `([Han]{m,n}?)(?:word|…)` finds."""
    from editor_app.proof.typo import protect

    name = re.compile(
        f"([{_HAN}]{{2,3}}?)(?:" + "|".join(sorted(protect.AFTER_NAME, key=len, reverse=True)) + ")"
    )
    place = re.compile(f"([{_HAN}]{{1,3}}?)(?=(" + "|".join(protect.PLACE_SUFFIXES) + "))")
    product = re.compile(f"([{_HAN}]{{1,4}}?)(?=" + "|".join(protect.PRODUCT_SUFFIXES) + ")")
    assert [(s, e) for s, e, _ in protect._NAME_AFTER.finditer(text)] == [
        m.span(1) for m in name.finditer(text)
    ]
    assert list(protect._PLACE.finditer(text)) == [(*m.span(1), m.group(2)) for m in place.finditer(text)]
    assert [(s, e) for s, e, _ in protect._PRODUCT.finditer(text)] == [
        m.span(1) for m in product.finditer(text)
    ]
