"""Chinese line breaking in every export: the GB/T 15834 kinsoku sets, no hanging marks, autospace."""

from __future__ import annotations

import pytest

from editor_app.export import export_docx
from editor_app.layout import linebreak, metrics

from .helpers import part, w

TEMPLATES = ("a4-bulletin", "a3-bulletin", "tabloid", "official", "manuscript")


def test_the_sets_are_the_ones_the_composer_breaks_lines_with():
    assert metrics.LINE_START_FORBIDDEN is linebreak.LINE_START_FORBIDDEN
    assert metrics.LINE_END_FORBIDDEN is linebreak.LINE_END_FORBIDDEN
    assert set("，。、；：？！）》”") <= linebreak.LINE_START_FORBIDDEN  # GB/T 15834 §5.1.1–5.1.2, 5.1.7
    assert set("（《“") <= linebreak.LINE_END_FORBIDDEN
    assert not linebreak.may_break_between("字", "。")
    assert not linebreak.may_break_between("“", "字")
    assert linebreak.may_break_between("。", "字")


@pytest.mark.parametrize("template_id", TEMPLATES)
def test_every_template_carries_kinsoku_and_no_hanging_punctuation(sample_project, tmp_path, template_id):
    path = export_docx(sample_project, tmp_path / f"{template_id}.docx", template=template_id).path
    settings = part(path, "word/settings.xml")
    after = settings.find(w("noLineBreaksAfter"))
    before = settings.find(w("noLineBreaksBefore"))
    assert before.get(w("val")) == linebreak.LINE_START_FORBIDDEN_TEXT
    assert after.get(w("val")) == linebreak.LINE_END_FORBIDDEN_TEXT
    assert before.get(w("lang")) == after.get(w("lang")) == "zh-CN"
    assert settings.find(w("characterSpacingControl")).get(w("val")) == "doNotCompress"
    # schema order: the kinsoku lists come after characterSpacingControl and before compat
    order = [child.tag for child in settings]
    assert (
        order.index(w("characterSpacingControl"))
        < order.index(w("noLineBreaksAfter"))
        < order.index(w("noLineBreaksBefore"))
        < order.index(w("compat"))
    )

    pPr = part(path, "word/styles.xml").find(f"{w('docDefaults')}/{w('pPrDefault')}/{w('pPr')}")
    values = {child.tag: child.get(w("val")) for child in pPr}
    assert values[w("overflowPunct")] == "0"  # a mark that does not fit takes a character down, never hangs
    for on in ("kinsoku", "topLinePunct", "autoSpaceDE", "autoSpaceDN"):
        assert w(on) in values and values[w(on)] in (None, "1", "true", "on")
    tags = [child.tag for child in pPr]
    assert (
        tags.index(w("kinsoku"))
        < tags.index(w("overflowPunct"))
        < tags.index(w("autoSpaceDN"))
        < tags.index(w("spacing"))
    )
    # no paragraph style turns hanging back on
    styles = part(path, "word/styles.xml")
    assert [
        el for el in styles.iter(w("overflowPunct")) if el.get(w("val")) not in ("0", "false", "off")
    ] == []


def test_the_traditional_edition_moves_the_lists_to_traditional_chinese(sample_project, tmp_path):
    path = export_docx(sample_project, tmp_path / "hk.docx", traditional="s2hk").path
    settings = part(path, "word/settings.xml")
    # Word keeps one custom list per language and has one for traditional Chinese (zh-TW), used for zh-HK too
    assert settings.find(w("noLineBreaksBefore")).get(w("lang")) == "zh-TW"
    assert settings.find(w("noLineBreaksAfter")).get(w("lang")) == "zh-TW"
