"""Tools menu helpers: 简繁转换, pinyin of rare name characters, names sorted by pinyin or strokes."""

from __future__ import annotations

from editor_app.chinese import convert, pinyin_line, sort_names, strokes


def test_simplified_and_traditional_both_ways():
    assert convert("发展改革委员会", "s2t") == "發展改革委員會"
    assert convert("發展", "t2s") == "发展"


def test_pinyin_lists_every_reading_of_a_name_character():
    line = pinyin_line("单")
    assert "shàn" in line and "dān" in line


def test_names_sort_by_strokes_then_by_pinyin():
    names = ["王晓", "丁宁", "张华", "马骏", "万方", "乔木"]
    assert [strokes(n[0]) for n in sort_names(names, "strokes")] == [2, 3, 3, 4, 6, 7]
    assert sort_names(names, "strokes")[:3] == [
        "丁宁",
        "万方",
        "马骏",
    ]  # 万 and 马 tie: 方 (4) before 骏 (10)
    assert sort_names(names, "pinyin") == ["丁宁", "马骏", "乔木", "万方", "王晓", "张华"]
