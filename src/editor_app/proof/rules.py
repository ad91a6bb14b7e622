"""A loaded rule: the keys every rule shares, plus the detector its mechanism compiled."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CATEGORIES = (
    "别字",
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
)
SCOPES = ("headline", "body", "caption", "editor_note", "byline")
SCOPE_ANY = "any"

# Keys every rule may carry (mechanisms add their own). `examples` is required so that the rule test
# can prove each rule fires on its bad examples and stays quiet on its good ones.
COMMON_KEYS = (
    "id",
    "type",
    "category",
    "level",
    "message",
    "suggestions",
    "scopes",
    "exceptions",
    "examples",
    "description",
)
REQUIRED_KEYS = ("id", "type", "category", "level", "message", "examples")


@dataclass
class Rule:
    id: str
    type: str
    category: str
    level: str
    message: str
    suggestions: tuple[str, ...] = ()
    scopes: frozenset[str] = frozenset(SCOPES)
    exceptions: tuple[str, ...] = ()
    examples_bad: tuple[str, ...] = ()
    examples_good: tuple[str, ...] = ()
    description: str = ""
    path: Path | None = None
    line: int | None = None
    options: dict[str, Any] = field(default_factory=dict)
    detector: Any = None

    def applies_to(self, scope: str) -> bool:
        return scope in self.scopes

    def format_message(self, template: str | None, text: str, suggestions: tuple[str, ...]) -> str:
        """Fill `{text}` and `{suggestion}` in a message template (validated when the rule loaded)."""
        message = template or self.message
        if "{" not in message:
            return message
        return message.replace("{text}", text).replace("{suggestion}", suggestions[0] if suggestions else "")
