"""规范标点: ASCII marks inside Chinese sentences become full-width; numbers, Latin and addresses stay."""

from __future__ import annotations

import pytest

from editor_app.punctuation import normalize_punctuation


@pytest.mark.parametrize(
    ("before", "after", "count"),
    [
        ("河道整治已完成,水质明显好转; 居民满意.", "河道整治已完成，水质明显好转；居民满意.", 2),
        ("会上强调:要压实责任!大家同意吗?", "会上强调：要压实责任！大家同意吗？", 3),
        ("区河长办(简称河长办)牵头", "区河长办（简称河长办）牵头", 2),
        ("(1)完善监测网络", "（1）完善监测网络", 2),
        ("推行\"河长制\"和'林长制'", "推行“河长制”和‘林长制’", 4),
        ("报名时间:9:30至11:00", "报名时间：9:30至11:00", 1),
    ],
)
def test_marks_in_chinese_context_become_full_width(before, after, count):
    assert normalize_punctuation(before) == (after, count)


@pytest.mark.parametrize(
    "text",
    [
        "全年投入资金3,500万元",  # a thousands separator
        "会议于14:30开始",  # a time
        "函数 f(x) 的值",  # Latin in brackets
        'He said "fine", then left.',
        "详见https://example.org/page?id=3,或来电",  # a web address keeps its marks
        "联系邮箱office@example.org",
        "比分为3:1",
    ],
)
def test_numbers_latin_and_addresses_are_left_alone(text):
    assert normalize_punctuation(text) == (text, 0)
