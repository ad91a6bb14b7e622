"""`pattern`: a regular expression (punctuation, numbers, spaces). Never use `\\b` in Chinese text.

Keys: `pattern` (required); `group` (report that group's span, so context can be matched without
look-behind); `replace` (suggestion built with `match.expand`, e.g. `"\\1"`); `map` (matched text →
suggestion); `translate` (character → character, applied to the matched text, e.g. full-width digits); `needs` (characters of which at least one must occur, a cheap pre-filter);
`context_line` (keep a hit only when its line matches this regex, e.g. running text with sentence
punctuation rather than a headline).

`counterpart` (the correct marks, e.g. "，") turns on convention handling: when the text uses the
flagged form more often than its counterpart, the flagged form is the document's systematic convention
(a house habit or an extraction artifact), not a slip: it is reported once, at `info`, with the count,
instead of once per occurrence. Where the counterpart dominates, each occurrence is a slip at the
rule's level. Related rules can also decide together: with `convention_pattern` (the whole family
of flagged forms) and `convention_counterpart` (the family of correct marks), a text that uses the
flagged family more than the correct one (typed with half-width , . ; : ? ! throughout) follows one
convention even where a given mark is rare.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from editor_app.proof.mechanisms import Hit
from editor_app.proof.textutil import HAN, LazyRegex, chars_of

if TYPE_CHECKING:
    from editor_app.proof.guard import GuardedRegex

KEYS = {
    "pattern": str,
    "group": int,
    "replace": str,
    "map": dict,
    "translate": dict,
    "needs": str,
    "context_line": str,
    "counterpart": str,
    "convention_pattern": str,
    "convention_counterpart": str,
}
REQUIRED = ("pattern",)
_TEMPLATE_REF = re.compile(r"\\(\d+)|\\g<(\w+)>")


def compile_regex(source: str, pack, key: str) -> LazyRegex | GuardedRegex:
    """Check a rule's regex now (syntax, no `\\b`); compile it on first use.

    A pack outside the bundled folder also gets the guards of `proof.guard`: no nested quantifiers,
    and a time budget per call."""
    from editor_app.proof.guard import GuardedRegex, nested_quantifier

    source = source.replace("{HAN}", HAN)
    if "\\b" in source:
        raise pack.error(f"'{key}' uses \\b, which never matches between Chinese characters", key)
    try:
        if getattr(pack, "trusted", True):
            return LazyRegex(source)
        if nested_quantifier(source):
            raise pack.error(
                f"'{key}' nests a repeat inside a repeat (like (a+)+), which can take "
                "exponential time: rewrite it, or make the inner repeat possessive (a++) "
                "or atomic ((?>…))",
                key,
            )
        return GuardedRegex(source)
    except (re.error, OverflowError, RecursionError) as exc:
        raise pack.error(f"bad regular expression in '{key}': {exc}", key) from None


class PatternDetector:
    def __init__(self, rule, pack):
        options = rule.options
        self.rule_id = rule.id
        self.regex = compile_regex(options["pattern"], pack, "pattern")
        self.group = options.get("group", 0)
        if not 0 <= self.group <= self.regex.groups:
            raise pack.error(f"'group' {self.group} does not exist in the pattern", "group")
        self.replace = options.get("replace")
        if self.replace is not None:
            for number, name in _TEMPLATE_REF.findall(self.replace):
                ok = (
                    (int(number) <= self.regex.groups)
                    if number
                    else (
                        name in self.regex.groupindex or (name.isdigit() and int(name) <= self.regex.groups)
                    )
                )
                if not ok:
                    raise pack.error(
                        f"'replace' refers to a group the pattern does not have: {self.replace}", "replace"
                    )
        self.mapping = {str(k): str(v) for k, v in options.get("map", {}).items()}
        try:
            self.table = str.maketrans({str(k): str(v) for k, v in options.get("translate", {}).items()})
        except ValueError as exc:
            raise pack.error("'translate' maps single characters to strings", "translate") from exc
        self.needs = frozenset(options.get("needs", ""))
        context = options.get("context_line")
        self.context_line = compile_regex(context, pack, "context_line") if context else None
        self.counterpart = options.get("counterpart", "")
        convention = options.get("convention_pattern")
        self.convention = compile_regex(convention, pack, "convention_pattern") if convention else None
        self.convention_counterpart = options.get("convention_counterpart", "")
        self.level = rule.level
        self.message = rule.message

    def _suggestions(self, match) -> tuple[str, ...] | None:
        if self.replace is not None:
            try:
                return (match.expand(self.replace),)
            except (re.error, IndexError):
                return None
        if self.mapping:
            value = self.mapping.get(match.group(self.group))
            return (value,) if value is not None else None
        if self.table:
            return (match.group(self.group).translate(self.table),)
        return None

    def _line_ok(self, text: str, index: int) -> bool:
        if self.context_line is None:
            return True
        start = text.rfind("\n", 0, index) + 1
        end = text.find("\n", index)
        return self.context_line.search(text, start, len(text) if end < 0 else end) is not None

    def _raw(self, text: str):
        if self.needs and self.needs.isdisjoint(chars_of(text)):
            return
        for match in self.regex.finditer(text):
            start, end = match.span(self.group)
            if start < end and self._line_ok(text, start):
                yield match, start, end

    def _convention(self, doc) -> tuple[bool, int]:
        """(is the flagged form the document's convention, how many times it occurs)."""
        key = ("pattern-convention", self.rule_id)
        if key not in doc.memo:
            text = doc.text
            count = sum(1 for _ in self._raw(text))
            systematic = count > sum(text.count(char) for char in self.counterpart)
            if not systematic and self.convention is not None:
                family = sum(1 for _ in self.convention.finditer(text))
                systematic = family > sum(text.count(char) for char in self.convention_counterpart)
            doc.memo[key] = (systematic, count)
        return doc.memo[key]

    def find(self, text, doc):
        decided = False
        systematic = count = 0
        for match, start, end in self._raw(text):
            if not decided:  # decide the convention only when there is something to report
                systematic, count = self._convention(doc) if self.counterpart else (False, 0)
                decided = True
            if systematic:
                emitted = ("pattern-emitted", self.rule_id)
                if doc.memo.get(emitted):
                    return
                doc.memo[emitted] = True
                message = f"{self.message}（全文统一如此，共 {count} 处，可一次替换）"
                yield Hit(start, end, self._suggestions(match), message, "info")
                return
            yield Hit(start, end, self._suggestions(match))

    def find_each(self, text):
        """Every hit with its own suggestion, never grouped as a convention (for 全部改正)."""
        for match, start, end in self._raw(text):
            yield Hit(start, end, self._suggestions(match))


def build(rule, pack):
    return PatternDetector(rule, pack)
