"""全部改正: every place a finding's fix applies to, turned into one set of field edits.

A rule that reports a document's convention once (「共 265 处，可一次替换」) has many places behind
that one finding; its detector's `find_each` yields all of them, each with its own suggestion. For
other rules, fixing all means every current finding of the same rule on the same text. The same
filters as the checker apply (scopes, the rule's exceptions, the user dictionary, the ignore list).
"""

from __future__ import annotations

from collections import defaultdict

from editor_app.model.document import Issue
from editor_app.model.fields import iter_text_fields
from editor_app.proof.checker import Checker, _ignored
from editor_app.proof.findings import Finding, FindingLocation


def every_occurrence(checker: Checker, issue: Issue, rule_id: str) -> list[Finding]:
    """All findings of one rule across the issue, a convention expanded into each of its places."""
    rule = checker.rule(rule_id)
    find_each = getattr(rule.detector, "find_each", None)
    if find_each is None:
        return [f for f in checker.check_issue(issue) if f.rule == rule_id]
    found = []
    for tf in iter_text_fields(issue):
        if not rule.applies_to(tf.scope):
            continue
        protected = None
        for hit in find_each(tf.text):
            if protected is None:
                protected = checker.user_terms.spans(tf.text)
            if not checker._accept(rule, tf.text, hit, protected):
                continue
            location = FindingLocation(tf.page.number, tf.block.id, tf.path)
            finding = checker._finding(rule, tf.text, hit, location)
            if finding is not None and not _ignored(issue, finding):
                found.append(finding)
    return found


def fix_all_targets(
    checker: Checker, issue: Issue, finding: Finding, current: list[Finding]
) -> list[Finding]:
    """The findings that 全部改正 on `finding` would fix (each with a suggestion)."""
    try:
        rule = checker.rule(finding.rule)
    except KeyError:
        rule = None
    if rule is not None and hasattr(rule.detector, "find_each"):
        targets = every_occurrence(checker, issue, finding.rule)
    else:
        targets = [f for f in current if f.rule == finding.rule and f.text == finding.text]
    return [f for f in targets if f.suggestions and f.location is not None]


def plan_fixes(issue: Issue, findings: list[Finding]) -> tuple[dict[tuple[str, str], str], int]:
    """({(block, path): new text}, places fixed): each finding's first suggestion in place.

    A finding whose text is no longer where it was (the field changed since the check) is skipped,
    and so is one overlapping another already fixed."""
    by_field: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for finding in findings:
        if finding.location is not None and finding.suggestions:
            by_field[(finding.location.block, finding.location.field)].append(finding)
    texts = {(tf.block.id, tf.path): tf.text for tf in iter_text_fields(issue)}
    edits: dict[tuple[str, str], str] = {}
    fixed = 0
    for key, items in by_field.items():
        text = texts.get(key)
        if text is None:
            continue
        parts, position = [], 0
        for finding in sorted(items, key=lambda f: (f.start, f.end)):
            if finding.start < position or text[finding.start : finding.end] != finding.text:
                continue
            parts.append(text[position : finding.start])
            parts.append(finding.suggestions[0])
            position = finding.end
            fixed += 1
        if parts:
            parts.append(text[position:])
            new = "".join(parts)
            if new != text:
                edits[key] = new
    return edits, fixed
