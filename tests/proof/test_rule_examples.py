"""Every rule proves itself: each bad example yields that rule's finding, each good example none."""

from __future__ import annotations

from editor_app.proof import Checker
from editor_app.proof.examples import example_issue
from editor_app.proof.rules import SCOPES


def _scope(rule) -> str:
    return "body" if "body" in rule.scopes else next(s for s in SCOPES if s in rule.scopes)


def _fires(rule, example: str) -> bool:
    checker = Checker([rule])  # the rule alone: examples test the rule, not its neighbours
    if getattr(rule.detector, "example_kind", "text") == "document":
        findings = checker.check_issue(example_issue(example))
    else:
        findings = checker.check_text(example, _scope(rule))
    return any(f.rule == rule.id for f in findings)


def test_every_rule_flags_its_bad_examples_and_passes_its_good_ones(bundled):
    problems = []
    for rule in bundled.rules:
        for example in rule.examples_bad:
            if not _fires(rule, example):
                problems.append(f"{rule.id}: bad example not flagged: {example!r}")
        for example in rule.examples_good:
            if _fires(rule, example):
                problems.append(f"{rule.id}: good example flagged: {example!r}")
    assert not problems, "\n".join(problems)
    assert len(bundled.rules) >= 30
    assert {r.category for r in bundled.rules} >= {
        "别词",
        "成语",
        "异形词",
        "标点",
        "数字",
        "重复",
        "规范表述",
        "繁简",
        "空格",
        "慎用词",
        "版式",
    }
