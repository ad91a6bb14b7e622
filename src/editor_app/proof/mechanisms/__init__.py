"""Rule mechanisms: each rule `type` is one small module in this package.

The mechanism interface (what a module `editor_app.proof.mechanisms.<type>` provides):

- `KEYS: dict[str, type | tuple[type, ...]]` — the rule keys it accepts besides the common ones
  (`id`, `type`, `category`, `level`, `message`, `suggestions`, `scopes`, `exceptions`, `examples`,
  `description`); the loader rejects any other key, naming the file and line.
- `REQUIRED: tuple[str, ...]` — keys among `KEYS` a rule must give (optional, default none).
- `build(rule, pack) -> detector` — compiles the rule once when packs load. `rule` is a
  `editor_app.proof.rules.Rule` (its mechanism keys in `rule.options`); `pack` is a
  `editor_app.proof.loader.PackContext` with `resolve(name)` (a data file next to the pack or under
  `data/`) and `error(problem, key=None)` (a `RuleError` pointing at the rule's line). Raise that error
  for bad options. Import heavy libraries lazily (inside `build` or the detector), not at module import.

A detector has
- `find(text, doc) -> Iterable[Hit]`: spans in one text. `doc` is a `DocContext`: the whole document
  text (`doc.text`, for checks that compare forms across a document) and a per-check `doc.memo` dict.
- optionally `needs: frozenset[str]`: characters of which the text must contain at least one for
  `find` to have anything to say; the checker skips the call otherwise (cheap for short paragraphs).
- optionally `find_in_issue(issue, doc) -> Iterable[tuple[TextField, Hit]]`: for rules that look at
  the document model (structure, paragraphs that continue); when present, `check_issue` calls it
  instead of `find` per field.

`Hit(start, end, suggestions=None, message=None, level=None, category=None)`: `None` means "use the
rule's own". The checker turns hits into `Finding`s, and applies scopes, the rule's `exceptions`, the
user dictionary and the document's ignore list, so mechanisms need not.

To add a mechanism, write the module and add its name to `MECHANISMS`.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from types import ModuleType
from typing import NamedTuple

MECHANISMS = (
    "substitution",
    "existence",
    "repetition",
    "consistency",
    "pattern",
    "script",
    "phrase",
    "balance",
    "structure",
    "candidates",
)


class Hit(NamedTuple):
    start: int
    end: int
    suggestions: tuple[str, ...] | None = None
    message: str | None = None
    level: str | None = None
    category: str | None = None


@dataclass
class DocContext:
    """The document a text belongs to (for `check_text`, the text itself)."""

    text: str
    memo: dict = field(default_factory=dict)


def mechanism(name: str) -> ModuleType:
    """The module implementing rule type `name` (KeyError for an unknown or unavailable type)."""
    if name not in MECHANISMS:
        raise KeyError(name)
    try:
        return importlib.import_module(f"{__name__}.{name}")
    except ModuleNotFoundError as exc:
        if exc.name == f"{__name__}.{name}":
            raise KeyError(name) from exc
        raise
