"""The character-grid fit estimator: line counts an editor can check by hand, slot states."""

from __future__ import annotations

from editor_app.layout.fit import estimate_lines, fit_article
from editor_app.layout.templates import Slot, get_template
from editor_app.model.document import Article, Paragraph, Photo


def test_cjk_characters_take_one_cell_each():
    assert estimate_lines("中" * 14, 14) == 1
    assert estimate_lines("中" * 15, 14) == 2
    assert estimate_lines("中" * 28, 14) == 2


def test_first_line_indent_takes_two_cells():
    assert estimate_lines("中" * 12, 14, indent=2) == 1
    assert estimate_lines("中" * 13, 14, indent=2) == 2


def test_ascii_is_half_width_and_words_do_not_break():
    assert estimate_lines("a" * 28, 14) == 1  # 28 half-ems = 14 ems
    # 13 CJK + a 4-letter word: the word moves whole to the next line
    assert estimate_lines("中" * 13 + "word", 14) == 2
    assert estimate_lines("中" * 12 + "wo", 14) == 1
    assert estimate_lines("a b " * 7, 14) == 1  # spaces are half-width too


def test_closing_punctuation_never_starts_a_line():
    # LibreOffice: the last character goes down with its mark, leaving the line one short
    assert estimate_lines("中" * 14 + "。" + "中" * 12, 14) == 2
    assert estimate_lines("中" * 14 + "。" + "中" * 13, 14) == 3
    # Word lets the mark hang in the margin instead
    assert estimate_lines("中" * 14 + "。", 14, hang=True) == 1
    assert estimate_lines("中" * 14 + "。" + "中" * 14, 14, hang=True) == 2
    # two marks in a row (。”) take the character before them along
    assert estimate_lines("中" * 13 + "了。”" + "中" * 10, 14) == 2
    assert estimate_lines("中" * 14 + "中", 14) == 2


def test_latin_and_digits_next_to_cjk_get_a_quarter_em_each_side():
    # 12 ems of CJK + a quarter-em space + "ab" (one em) = 13.25 ems: fits in 14
    assert estimate_lines("中" * 12 + "ab", 14) == 1
    # 12 ems + a quarter em + "abcd" (two ems) = 14.25 ems: the word moves to the next line
    assert estimate_lines("中" * 12 + "abcd", 14) == 2
    assert estimate_lines("中" * 11 + "ab" + "中", 14) == 1  # 13.5 ems with a space on each side


def test_opening_punctuation_never_ends_a_line():
    # “ would be the last cell of line one; it is carried to line two with the word it opens
    assert estimate_lines("中" * 13 + "“中中", 14) == 2
    assert estimate_lines("中" * 13 + "“" + "中" * 13, 14) == 2
    assert estimate_lines("中" * 13 + "“" + "中" * 14, 14) == 3


def test_paragraphs_are_counted_separately_and_empty_ones_take_a_line():
    assert estimate_lines("中" * 15 + "\n" + "中" * 3 + "\n", 14) == 4


def test_a_long_ascii_run_breaks_where_it_must():
    assert estimate_lines("x" * 60, 14) == 3


def _article(chars: int) -> Article:
    return Article(title="标题", paragraphs=[Paragraph("中" * chars)], slot="brief")


def test_fit_states_follow_the_text_length():
    template = get_template("a4-bulletin")
    slot = Slot("brief", "简讯", 1, 15)
    short = fit_article(_article(20), template, slot)
    assert short.state == "underset" and short.delta_lines < 0
    chars_per_line = template.column_chars
    exact_body_lines = slot.lines - short.headline_lines
    fits = fit_article(_article(chars_per_line * exact_body_lines - 2), template, slot)
    assert fits.state == "fits", fits
    over = fit_article(_article(chars_per_line * (exact_body_lines + 3)), template, slot)
    assert over.state == "overset"
    assert over.delta_lines == over.lines_needed - slot.lines > 0
    assert over.delta_chars == over.delta_lines * chars_per_line


def test_headline_spans_its_columns_and_photos_take_lines():
    template = get_template("a4-bulletin")
    one = fit_article(_article(50), template, Slot("x", "x", 1, 40))
    three = fit_article(_article(50), template, Slot("x", "x", 3, 40))
    assert three.headline_lines == 3 * one.headline_lines
    with_photo = Article(title="标题", paragraphs=[Paragraph("中" * 50)],
                         photos=[Photo(image="images/a.jpg", caption="图片说明", credit="某某 摄")])
    tall = fit_article(with_photo, template, Slot("x", "x", 1, 40), {"images/a.jpg": (300, 600)})
    wide = fit_article(with_photo, template, Slot("x", "x", 1, 40), {"images/a.jpg": (600, 300)})
    assert tall.photo_lines > wide.photo_lines > 0


def test_headline_height_follows_the_template_styles():
    template = get_template("a4-bulletin")
    styles = template.data["styles"]
    title = styles["ArticleTitle"]
    expected = -(-(title["size_pt"] * 1.2 + title.get("space_before_pt", 0) + title.get("space_after_pt", 0))
                 // template.pitch_pt)
    result = fit_article(Article(title="标题", paragraphs=[Paragraph("中")]), template, Slot("x", "x", 1, 40))
    assert result.headline_lines == expected
    with_deck = fit_article(Article(title="标题", subtitle="——副题", paragraphs=[Paragraph("中")]), template,
                            Slot("x", "x", 1, 40))
    assert with_deck.headline_lines > result.headline_lines
