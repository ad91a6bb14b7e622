"""Line breaking on the character grid: counts an editor can check by hand (GB/T 15834 禁则)."""

from __future__ import annotations

from editor_app.layout.linebreak import LINE_END_FORBIDDEN, LINE_START_FORBIDDEN
from editor_app.layout.metrics import break_lines


def lines(text: str, ems: float, indent: float = 0, hang: bool = False) -> int:
    """Lines `text` takes in a column `ems` characters of 10 pt wide."""
    return len(break_lines(text, 10, ems * 10, indent * 10, hang=hang))


def test_cjk_characters_take_one_cell_each():
    assert lines("中" * 14, 14) == 1
    assert lines("中" * 15, 14) == 2
    assert lines("中" * 28, 14) == 2


def test_first_line_indent_takes_two_cells():
    assert lines("中" * 12, 14, indent=2) == 1
    assert lines("中" * 13, 14, indent=2) == 2


def test_latin_takes_its_times_width_and_words_do_not_break():
    assert lines("a" * 31, 14) == 1  # an a is 0.444 em: 31 of them are 13.8 ems
    assert lines("m" * 17, 14) == 1 and lines("m" * 19, 14) == 2  # an m is 0.778 em
    assert lines("中" * 13 + "word", 14) == 2  # the word moves whole to the next line
    assert lines("中" * 12 + "wo", 14) == 1


def test_closing_punctuation_never_starts_a_line():
    # LibreOffice's way: the last character goes down with its mark
    assert lines("中" * 14 + "。" + "中" * 12, 14) == 2
    assert lines("中" * 14 + "。" + "中" * 13, 14) == 3
    # Word's hanging punctuation, when a template asks for it
    assert lines("中" * 14 + "。", 14, hang=True) == 1
    assert lines("中" * 14 + "。" + "中" * 14, 14, hang=True) == 2
    # two marks in a row (。”) take the character before them along
    assert lines("中" * 13 + "了。”" + "中" * 10, 14) == 2
    for mark in "。，、；：？！）》”":
        text = "中" * 14 + mark + "中" * 5
        assert all(text[line.start] != mark for line in break_lines(text, 10, 140)), mark


def test_opening_punctuation_never_ends_a_line():
    assert lines("中" * 13 + "“中中", 14) == 2
    text = "中" * 13 + "“" + "中" * 13
    assert all(text[line.end - 1] not in "“《（" for line in break_lines(text, 10, 140))
    assert lines("中" * 13 + "“" + "中" * 14, 14) == 3


def test_latin_and_digits_next_to_han_get_a_quarter_em_of_space():
    assert lines("中" * 12 + "ab", 14) == 1  # 12 + 0.25 + 0.944 ems
    assert lines("中" * 12 + "abcd", 14) == 2  # 12 + 0.25 + 1.888 ems: over 14
    assert lines("中" * 11 + "ab" + "中", 14) == 1  # a quarter em on each side


def test_a_long_latin_run_breaks_where_it_must():
    assert lines("x" * 60, 14) == 3  # 30 ems


def test_the_rule_sets_are_the_standards():
    assert set("。，、；：？！）》”") <= LINE_START_FORBIDDEN
    assert set("“《（") <= LINE_END_FORBIDDEN
    assert not LINE_START_FORBIDDEN & LINE_END_FORBIDDEN
