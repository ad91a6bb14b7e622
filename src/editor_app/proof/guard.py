"""Guards for a newsroom's own regular expressions: checked when packs load, timed when they run.

A pattern like `(a+)+$` backtracks exponentially: 29 characters take half a minute in `re`, and
`([{HAN}]+)+$` freezes the window on an ordinary page. Two guards:

- on load, a repeat nested in a repeat (`(…+)+`, `(…*)*`, `(…+){2,}`) is refused with the rule's
  line, unless one of them is possessive (`a++`) or atomic (`(?>…)`), which cannot backtrack;
- at run time the pattern runs in the `regex` package with a time budget per call; a call over
  budget raises `PatternTimeout`, and the checker switches that pack off with a message.
"""

from __future__ import annotations

import re
import threading
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]

BUDGET_SECONDS = 1.0
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT)
_POSSESSIVE = getattr(C, "POSSESSIVE_REPEAT", None)


class PatternTimeout(Exception):  # noqa: N818 - a signal between guard and checker, not a user error
    """A guarded pattern ran over its budget on a text."""

    def __init__(self, pattern: str):
        super().__init__(pattern)
        self.pattern = pattern


def _walk(items, in_repeat: bool) -> bool:
    for op, av in items:
        if op in _REPEATS:
            low, high, sub = av
            repeats = high == C.MAXREPEAT or high > 1
            if repeats and in_repeat and low != high:
                return True
            if _walk(sub, in_repeat or repeats):
                return True
        elif op == _POSSESSIVE or op == C.ATOMIC_GROUP:
            continue  # cannot backtrack into it
        elif op == C.SUBPATTERN:
            if _walk(av[-1], in_repeat):
                return True
        elif op == C.BRANCH:
            if any(_walk(branch, in_repeat) for branch in av[1]):
                return True
        elif op in (C.ASSERT, C.ASSERT_NOT):
            if _walk(av[1], in_repeat):
                return True
    return False


def nested_quantifier(source: str) -> bool:
    """True when a variable repeat sits inside another repeat (catastrophic backtracking)."""
    return _walk(_parser.parse(source), False)


class GuardedRegex:
    """Like `textutil.LazyRegex`, compiled with `regex` and every call under a time budget."""

    def __init__(self, source: str, budget: float = BUDGET_SECONDS):
        parsed = _parser.parse(source)  # re's own syntax check (raises re.error)
        self.pattern = source
        self.groups = parsed.state.groups - 1
        self.groupindex = dict(parsed.state.groupdict)
        self.budget = budget
        self._compiled = None
        self._lock = threading.Lock()
        _ = self.compiled  # regex's own syntax errors now, while the pack loads

    @property
    def compiled(self):
        if self._compiled is None:
            import regex  # type: ignore[import-untyped]

            with self._lock:
                if self._compiled is None:
                    try:
                        self._compiled = regex.compile(self.pattern)
                    except regex.error as exc:
                        raise re.error(str(exc)) from None
        return self._compiled

    def _call(self, name: str, text: str, *args):
        try:
            return getattr(self.compiled, name)(text, *args, timeout=self.budget)
        except TimeoutError:
            raise PatternTimeout(self.pattern) from None

    def finditer(self, text: str, *args):
        iterator = self._call("finditer", text, *args)
        while True:
            try:
                match = next(iterator)
            except StopIteration:
                return
            except TimeoutError:
                raise PatternTimeout(self.pattern) from None
            yield match

    def search(self, text: str, *args):
        return self._call("search", text, *args)

    def match(self, text: str, *args):
        return self._call("match", text, *args)

    def fullmatch(self, text: str, *args):
        return self._call("fullmatch", text, *args)

    def sub(self, replacement, text: str):
        try:
            return self.compiled.sub(replacement, text, timeout=self.budget)
        except TimeoutError:
            raise PatternTimeout(self.pattern) from None
