"""全部改正: a convention reported once is fixed in every place, and so is a repeated slip."""

from __future__ import annotations

from editor_app.model.document import Article, Issue, Page, Paragraph
from editor_app.proof.fixes import fix_all_targets, plan_fixes
from editor_app.search import edits_op


def _issue(*paragraphs: str) -> Issue:
    return Issue(pages=[Page(blocks=[Article(title="示例", paragraphs=[Paragraph(p) for p in paragraphs])])])


def test_a_half_width_comma_convention_is_fixed_everywhere(bundled):
    issue = _issue(
        "今年雨水偏多,河道水位上涨,防汛压力大。", "各街道加强巡查,及时清淤,确保安全。", "全年投入3,500万元。"
    )
    findings = bundled.check_issue(issue)
    grouped = [f for f in findings if f.rule == "punct.halfwidth-comma"]
    assert len(grouped) == 1  # reported once, as the document's convention
    targets = fix_all_targets(bundled, issue, grouped[0], findings)
    edits, fixed = plan_fixes(issue, targets)
    assert fixed == 4
    edits_op(edits).apply(issue)
    texts = [p.text for p in issue.pages[0].blocks[0].paragraphs]
    assert texts[:2] == ["今年雨水偏多，河道水位上涨，防汛压力大。", "各街道加强巡查，及时清淤，确保安全。"]
    assert texts[2] == "全年投入3,500万元。"  # a number keeps its separator


def test_a_repeated_word_slip_is_fixed_in_every_place(bundled):
    issue = _issue("全体干部再接再励。", "我们要再接再励，争取更大成绩。")
    findings = bundled.check_issue(issue)
    slip = next(f for f in findings if f.text == "再接再励")
    edits, fixed = plan_fixes(issue, fix_all_targets(bundled, issue, slip, findings))
    assert fixed == 2 and all("再接再厉" in text for text in edits.values())
