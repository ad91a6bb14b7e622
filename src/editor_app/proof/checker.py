"""The `Checker`: runs every loaded rule over a text or a whole issue and returns `Finding`s.

The checker owns what all rules share, so mechanisms stay small: scopes, a rule's `exceptions`
(context strings: a hit inside an occurrence of one is dropped), the user dictionary (a hit touching
a protected term is dropped), the document's ignore list, and de-duplication (one finding per span,
the most severe wins).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from editor_app.messages import msg
from editor_app.proof.findings import LEVEL_RANK, Finding, FindingLocation
from editor_app.proof.guard import BUDGET_SECONDS, PatternTimeout
from editor_app.proof.mechanisms import DocContext, Hit
from editor_app.proof.rules import SCOPES, Rule
from editor_app.proof.textutil import chars_of
from editor_app.proof.userdata import TermSpans, read_user_dictionary


def _inside_exception(rule: Rule, text: str, start: int, end: int) -> bool:
    """True when some exception string occurs in `text` at a place that covers [start, end)."""
    for context in rule.exceptions:
        size = len(context)
        if size >= end - start and text.find(context, max(0, end - size), start + size) != -1:
            return True
    return False


class Checker:
    """A set of compiled rules plus the user's protected terms."""

    def __init__(self, rules: Iterable[Rule], user_terms: Iterable[str] = (), problems: Iterable[str] = ()):
        self.rules = list(rules)
        self.user_terms = TermSpans(user_terms)
        self._by_scope = {scope: [r for r in self.rules if r.applies_to(scope)] for scope in SCOPES}
        # packs that did not load or ran over their time budget, in words for the user
        self.problems: list[str] = list(problems)
        self.switched_off: set[Path | None] = set()

    def _switch_off(self, rule: Rule) -> None:
        """A guarded pattern ran over budget: the whole pack goes off for this checker's life."""
        if rule.path in self.switched_off:
            return
        self.switched_off.add(rule.path)
        self.problems.append(
            msg(
                "rule pack {path} was switched off: its rule {rule} took more than {seconds} s "
                "on one text (a pattern that backtracks); fix the pattern and reload",
                path=rule.path,
                rule=rule.id,
                seconds=BUDGET_SECONDS,
            )
        )

    def _hits(self, rule: Rule, call):
        """The hits of one detector call; none (and the pack switched off) when it runs over budget."""
        if rule.path in self.switched_off:
            return []
        try:
            return list(call())
        except PatternTimeout:
            self._switch_off(rule)
            return []

    @classmethod
    def load(cls, rules_dirs=None, user_dictionary=None, include_user=True) -> Checker:
        """Bundled packs (or `rules_dirs`), then the user's rules folder and dictionary when
        `include_user`. `user_dictionary` is a file path or an iterable of terms."""
        from editor_app import paths
        from editor_app.proof.loader import load_rules

        if rules_dirs is None:
            folders = [paths.resource("rules")]
        elif isinstance(rules_dirs, (str, Path)):
            folders = [Path(rules_dirs)]
        else:
            folders = [Path(folder) for folder in rules_dirs]
        if include_user and paths.user_rules_dir().is_dir():
            folders.append(paths.user_rules_dir())
        lenient = (paths.user_rules_dir(),) if include_user else ()
        terms: list[str] = []
        if user_dictionary is None:
            if include_user:
                terms = read_user_dictionary(paths.user_dictionary_path())
        elif isinstance(user_dictionary, (str, Path)):
            terms = read_user_dictionary(Path(user_dictionary))
        else:
            terms = list(user_dictionary)
        problems: list[str] = []
        rules = load_rules(folders, lenient, problems)
        if include_user:  # rules the user switched off in the rules dialog
            from editor_app.proof.userdata import read_disabled_rules

            off = read_disabled_rules(paths.user_disabled_rules_path())
            rules = [rule for rule in rules if rule.id not in off]
        return cls(rules, terms, problems)

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    # --- checking ---------------------------------------------------------------------------------

    def _finding(self, rule: Rule, text: str, hit: Hit, location=None) -> Finding | None:
        start, end = hit.start, hit.end
        if not (0 <= start < end <= len(text)):
            return None
        span = text[start:end]
        suggestions = rule.suggestions if hit.suggestions is None else tuple(hit.suggestions)
        if span in suggestions:
            return None
        return Finding(
            rule=rule.id,
            category=hit.category or rule.category,
            level=hit.level or rule.level,
            start=start,
            end=end,
            text=span,
            suggestions=suggestions,
            message=rule.format_message(hit.message, span, suggestions),
            location=location,
        )

    def _accept(self, rule: Rule, text: str, hit: Hit, protected: list[tuple[int, int]]) -> bool:
        if rule.exceptions and _inside_exception(rule, text, hit.start, hit.end):
            return False
        return not any(s < hit.end and hit.start < e for s, e in protected)

    def _findings(self, rules: list[Rule], text: str, doc: DocContext, location=None) -> list[Finding]:
        protected = self.user_terms.spans(text)
        chars = chars_of(text)
        found = []
        for rule in rules:
            needs = getattr(rule.detector, "needs", None)
            if needs and needs.isdisjoint(chars):
                continue  # none of the characters this rule looks for: skip it without a call
            for hit in self._hits(rule, lambda rule=rule: rule.detector.find(text, doc)):
                if self._accept(rule, text, hit, protected):
                    finding = self._finding(rule, text, hit, location)
                    if finding is not None:
                        found.append(finding)
        return found

    def check_text(self, text: str, scope: str = "body", context: str | None = None) -> list[Finding]:
        """Findings in one text (a paragraph, a headline, or a whole plain-text page).

        `context` is the whole document the text belongs to (e.g. when an editor re-checks one
        paragraph): rules that compare usage across a document (variant forms, half-width
        conventions) then judge by the document, not by the paragraph alone."""
        if scope not in self._by_scope:
            raise ValueError(f"unknown scope {scope!r} (known: {', '.join(SCOPES)})")
        if not text:
            return []
        doc = DocContext(text if context is None else context)
        return _dedupe(self._findings(self._by_scope[scope], text, doc))

    def check_issue(self, issue) -> list[Finding]:
        """Findings in every text field of `issue`, with locations, minus the issue's ignore list."""
        from editor_app.model.fields import iter_text_fields

        fields = list(iter_text_fields(issue))
        doc = DocContext("\n".join(f.text for f in fields))
        whole_issue = [r for r in self.rules if hasattr(r.detector, "find_in_issue")]
        found: list[Finding] = []
        for field in fields:
            location = FindingLocation(field.page.number, field.block.id, field.path)
            rules = [r for r in self._by_scope[field.scope] if not hasattr(r.detector, "find_in_issue")]
            found.extend(self._findings(rules, field.text, doc, location))
        protected_by_field: dict[tuple[str, str], list] = {}
        for rule in whole_issue:
            for field, hit in self._hits(rule, lambda rule=rule: rule.detector.find_in_issue(issue, doc)):
                if not rule.applies_to(field.scope):
                    continue
                key = (field.block.id, field.path)
                if key not in protected_by_field:
                    protected_by_field[key] = self.user_terms.spans(field.text)
                if self._accept(rule, field.text, hit, protected_by_field[key]):
                    location = FindingLocation(field.page.number, field.block.id, field.path)
                    finding = self._finding(rule, field.text, hit, location)
                    if finding is not None:
                        found.append(finding)
        order = {(f.block.id, f.path): number for number, f in enumerate(fields)}
        found = [f for f in found if not _ignored(issue, f)]
        found.sort(
            key=lambda f: (
                order.get((f.location.block, f.location.field) if f.location else ("", ""), len(order)),
                f.start,
                -LEVEL_RANK[f.level],
                f.end,
            )
        )
        return _dedupe(found, by_location=True)


def _ignored(issue, finding: Finding) -> bool:
    for ignore in getattr(issue, "ignored", ()):
        if (
            ignore.rule == finding.rule
            and ignore.text == finding.text
            and (ignore.block is None or (finding.location and ignore.block == finding.location.block))
        ):
            return True
    return False


def _dedupe(found: list[Finding], by_location: bool = False) -> list[Finding]:
    """One finding per span (the most severe; the first rule on a tie), in reading order."""
    best: dict[tuple, Finding] = {}
    order: list[tuple] = []
    for finding in found:
        loc = (finding.location.block, finding.location.field) if by_location and finding.location else None
        key = (loc, finding.start, finding.end)
        current = best.get(key)
        if current is None:
            best[key] = finding
            order.append(key)
        elif LEVEL_RANK[finding.level] > LEVEL_RANK[current.level]:
            best[key] = finding
    result = [best[key] for key in order]
    if not by_location:
        result.sort(key=lambda f: (f.start, -LEVEL_RANK[f.level], f.end))
    return result
