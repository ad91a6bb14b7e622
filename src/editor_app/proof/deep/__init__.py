"""The deep pass (深度校对): slower, run after the fast checker, for the slips the fast pass lets through.

    deep = DeepChecker.load()
    for finding in deep.check_text("进一步完善工作机智。"):
        print(finding.text, finding.suggestions, finding.pass_)   # 智 ('制',) deep

Three parts, each precision first (measurements in docs/benchmarks.md):

- `context.py`: every Han character judged in its sentence by a word trigram model (`lm3.py`, converted from
  libime's model): 机智 → 机制, 心里健康 → 心理健康 (rule `typo.context`).
- `idioms.py`: idioms and set phrases one slip away: 刻舟求箭 → 刻舟求剑, 久久为公 → 久久为功 (`idiom.near`,
  `phrase.near`).
- `resources/rules/deep/function_words.yaml`: 的/地/得, 在/再, 做/作 where a pattern can decide (`deep.*`).

Names, quotes, bylines, the user's words, parallel wording and wording that recurs in the document are left alone,
as in the fast pass, and so is every name found anywhere on the page (`names.py`) and every medicine or chemical
name (`terms.py`: 息斯敏, 三氯乙酸). Findings carry `pass_ = "deep"`;
a deep finding that overlaps a fast one is dropped (the fast pass already said it).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from dataclasses import replace

from editor_app.proof.findings import LEVEL_RANK, Finding, FindingLocation

__all__ = ["DeepChecker", "DeepDataError", "check_issue_both", "merge_findings", "shared_deep_checker"]

HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
SCOPES = ("headline", "body", "caption", "editor_note")


class DeepDataError(Exception):
    """The deep pass's data (language model, phrase lists) is missing or damaged."""


class DeepChecker:
    """Runs the deep pass over a text or an issue; see the module docstring."""

    def __init__(
        self,
        tables,
        lm,
        idioms: list[str],
        phrases: list[str],
        rules=None,
        user_terms: Iterable[str] = (),
        settings=None,
        word_pairs: Iterable[tuple[str, str]] = (),
    ):
        from editor_app.proof.deep.context import ContextScorer
        from editor_app.proof.deep.idioms import PhraseMatcher

        self.tables = tables
        self.lm = lm
        self.scorer = ContextScorer(tables, lm, settings, tables.language_model())
        self.phrases = PhraseMatcher(idioms, phrases)
        self.idioms = frozenset(idioms)
        self.rules = rules  # a Checker of the function-word pack, or None
        self.user_terms = tuple(t for t in user_terms if t)
        self.word_pairs: dict[str, list[str]] = {}
        for a, b in word_pairs:
            self.word_pairs.setdefault(a, []).append(b)
            self.word_pairs.setdefault(b, []).append(a)

    @classmethod
    def load(cls, user_terms: Iterable[str] | None = None) -> DeepChecker:
        """The bundled data; `user_terms` default to the user's dictionary."""
        from editor_app import paths
        from editor_app.proof.checker import Checker
        from editor_app.proof.deep.idioms import read_list
        from editor_app.proof.deep.lm3 import FILE, ContextLMError, TrigramLM
        from editor_app.proof.typo.tables import shared_tables
        from editor_app.proof.userdata import read_user_dictionary

        folder = paths.resource("rules", "deep")
        try:
            lm = TrigramLM.load(paths.resource("typo", FILE))
            idioms = read_list(folder / "idioms.txt")
            phrases = read_list(folder / "set_phrases.txt")
            pairs = [
                (cols[0], cols[1])
                for cols in (line.split("\t") for line in read_list(folder / "word_pairs.tsv"))
                if len(cols) >= 2
            ]
            own = read_list(paths.resource("typo", "supplement.txt"))
        except (OSError, ContextLMError) as exc:
            raise DeepDataError(f"the deep pass cannot read its data: {exc}") from exc
        rules = Checker.load(rules_dirs=[folder], user_dictionary=(), include_user=False)
        if user_terms is None:
            user_terms = read_user_dictionary(paths.user_dictionary_path())
        deep = cls(shared_tables(), lm, idioms, phrases, rules, user_terms, word_pairs=pairs)
        deep.scorer.own_words = set(own)
        return deep

    # -- public ----------------------------------------------------------------------------------
    def check_text(
        self,
        text: str,
        scope: str = "body",
        context: str | None = None,
        names: Iterable[str] | None = None,
        location: FindingLocation | None = None,
    ) -> list[Finding]:
        """Deep findings in one text. `context` is the whole document (wording that recurs there is deliberate);
        `names` the names found on the page (`names.page_names`), by default those of `context`."""
        if not text or scope not in SCOPES:
            return []
        from editor_app.proof.deep.names import page_names

        document = text if context is None else context
        if names is None:
            names = page_names([document], self.user_terms)
        mask = self._mask(text, names)
        found = self._context_findings(text, document, mask, location)
        found += self._phrase_findings(text, mask, location)
        if self.rules is not None:
            found += [
                replace(f, location=location, pass_="deep")
                for f in self.rules.check_text(text, scope, document)
                if not any(mask[f.start : f.end])
            ]
        return _one_per_place(found)

    def check_issue(self, issue, fast: Iterable[Finding] = ()) -> list[Finding]:
        """Deep findings in every text field of `issue` (minus its ignore list and what `fast` already
        reports), with locations, in reading order."""
        from editor_app.model.fields import iter_text_fields
        from editor_app.proof.checker import _ignored
        from editor_app.proof.deep.names import page_names

        fields = list(iter_text_fields(issue))
        document = "\n".join(f.text for f in fields)
        names = page_names([f.text for f in fields], self.user_terms)
        taken: dict[tuple[str, str], list[tuple[int, int]]] = {}
        for f in fast:
            if f.location is not None:
                taken.setdefault((f.location.block, f.location.field), []).append((f.start, f.end))
        out = []
        for field in fields:
            location = FindingLocation(field.page.number, field.block.id, field.path)
            spans = taken.get((field.block.id, field.path), [])
            for finding in self.check_text(field.text, field.scope, document, names, location):
                if not any(s < finding.end and finding.start < e for s, e in spans) and not _ignored(
                    issue, finding
                ):
                    out.append(finding)
        return out

    # -- parts -----------------------------------------------------------------------------------
    def _mask(self, text: str, names: Iterable[str]) -> bytearray:
        from editor_app.proof.deep.terms import medicine_spans
        from editor_app.proof.typo.protect import protected_mask

        mask = protected_mask(text, list(self.user_terms) + [n for n in names if n in text])
        for start, end in medicine_spans(text, self._known):
            mask[start:end] = b"\x01" * (end - start)
        return mask

    def _known(self, word: str) -> bool:
        return len(word) > 1 and (self.lm.knows(word) or word in self.tables.words)

    def _context_findings(self, text, document, mask, location) -> list[Finding]:
        from editor_app.proof.typo.detector import _repeated
        from editor_app.proof.typo.protect import in_parallel

        scorer = self.scorer
        standard = self.tables.standard
        hits = []
        pairs: list[tuple[float, int, str]] = []
        for run in HAN_RUN.finditer(text):
            s, base = run.group(), run.start()
            if len(s) < scorer.settings.min_run:
                continue
            for i in range(len(s)):
                p = base + i
                if mask[p] or s[i] not in standard:
                    continue
                fix = scorer.best_fix(s, i)
                if fix is None or in_parallel(s, i, fix[0]) or _repeated(text, p, document):
                    continue
                hits.append((fix[1], p, fix[0]))
            for i in range(len(s) - 1):  # two adjacent slips: 独岛 for 督导
                p = base + i
                if mask[p] or mask[p + 1] or s[i] not in standard or s[i + 1] not in standard:
                    continue
                two = scorer.two_fix(s, i)
                if (
                    two is not None
                    and not in_parallel(s, i)
                    and not in_parallel(s, i + 1)
                    and not _repeated(text, p, document)
                    and not _repeated(text, p + 1, document)
                ):
                    pairs.append((two[1], p, two[0]))
            for i in range(len(s) - 1):  # listed real-word confusions: 机智 for 机制
                for other in self.word_pairs.get(s[i : i + 2], ()):
                    p = base + i
                    if any(mask[p : p + 2]) or _repeated(text, p, document):
                        continue
                    margin = scorer.gain(s, i, i + 2, other) - scorer.settings.pair_gain
                    if margin >= 0:
                        k = 0 if s[i] != other[0] else 1
                        hits.append((margin, p + k, other[k]))
        kept: list[tuple[float, int, str]] = []
        for margin, p, right in sorted(
            hits, reverse=True
        ):  # one slip spoils its neighbours too: keep the best
            if all(abs(p - q) > 1 for _, q, _ in kept):
                kept.append((margin, p, right))
        for margin, p, word in sorted(pairs, reverse=True):  # a pair wins over single fixes inside it
            if all(q > p + 2 or q + len(r) < p for _, q, r in kept):
                kept.append((margin, p, word))
        out = []
        for margin, p, right in sorted(kept, key=lambda h: h[1]):
            level = "error" if margin >= 8.0 else "warning"
            wrong = text[p : p + len(right)]
            out.append(
                Finding(
                    "typo.context",
                    "别字" if len(right) == 1 else "别词",
                    level,
                    p,
                    p + len(right),
                    wrong,
                    (right,),
                    f"疑似别字：「{wrong}」或为「{right}」（深度校对：上下文）",
                    location,
                    "deep",
                )
            )
        return out

    def _phrase_findings(self, text, mask, location) -> list[Finding]:
        lm = self.lm
        words = self.tables.words
        out = []
        for start, end, phrase in self.phrases.matches(text, self.scorer.similar):
            window = text[start:end]
            if any(mask[start:end]) or lm.knows(window) or window in words:
                continue
            is_idiom = phrase in self.idioms
            rule, category = ("idiom.near", "成语") if is_idiom else ("phrase.near", "规范表述")
            label = "成语" if is_idiom else "规范表述"
            out.append(
                Finding(
                    rule,
                    category,
                    "error",
                    start,
                    end,
                    window,
                    (phrase,),
                    f"疑似{label}误写：「{window}」应为「{phrase}」（深度校对）",
                    location,
                    "deep",
                )
            )
        return out


def _one_per_place(found: list[Finding]) -> list[Finding]:
    """Of findings that overlap, the phrase and rule findings win over the context scorer's, then the more severe."""
    rank = {"idiom.near": 3, "phrase.near": 3}
    kept: list[Finding] = []
    for f in sorted(
        found,
        key=lambda f: (
            -rank.get(f.rule, 2 if f.rule != "typo.context" else 1),
            -LEVEL_RANK[f.level],
            f.start,
        ),
    ):
        if all(f.end <= k.start or f.start >= k.end for k in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: (f.start, f.end))


_lock = threading.Lock()
_shared: dict[str, DeepChecker] = {}


def shared_deep_checker() -> DeepChecker:
    """One DeepChecker per process (the model takes a few hundred milliseconds to read)."""
    with _lock:
        if "default" not in _shared:
            _shared["default"] = DeepChecker.load()
        return _shared["default"]


def merge_findings(fast: list[Finding], deep: list[Finding], issue) -> list[Finding]:
    """Fast and deep findings of one issue in reading order (fields as `iter_text_fields` yields them)."""
    from editor_app.model.fields import iter_text_fields

    order = {(f.block.id, f.path): number for number, f in enumerate(iter_text_fields(issue))}

    def key(f: Finding):
        loc = f.location
        return (order.get((loc.block, loc.field), len(order)) if loc else -1, f.start, f.end)

    return sorted(list(fast) + list(deep), key=key)


def check_issue_both(issue, checker=None) -> list[Finding]:
    """The fast checker's findings plus the deep pass's, in reading order (for exports and reports that include
    the deep pass)."""
    if checker is None:
        from editor_app.proof import default_checker

        checker = default_checker()
    fast = checker.check_issue(issue)
    return merge_findings(fast, shared_deep_checker().check_issue(issue, fast), issue)
