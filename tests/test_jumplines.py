"""Jump lines are recognised the same way by the importer (whole lines) and the checker (paragraph ends)."""

from __future__ import annotations

import pytest

from editor_app.jumplines import ends_with_jump, is_jump_line


@pytest.mark.parametrize(
    "line",
    [
        "（下转第2版）",
        "(上接第1版)",
        "下转A3版",
        "（转4版）",
        "（接第十二版）",
        "（下转第 2 版）",
        "  （下接第３版）  ",
    ],
)
def test_jump_lines_in_their_usual_forms(line):
    assert is_jump_line(line)


@pytest.mark.parametrize(
    "line", ["下转第3版要闻", "本报讯 下转", "（下转第2版）正文", "转发第2版通知", "第2版"]
)
def test_lines_that_only_mention_a_page_are_not_jump_lines(line):
    assert not is_jump_line(line)


def test_a_paragraph_ending_with_a_jump_line_goes_on_elsewhere():
    assert ends_with_jump("街道和部门之间形成了闭环（下转第2版）")
    assert ends_with_jump("全程留痕。（转A4版） ")
    assert not ends_with_jump("详见（下转第2版）的报道")
