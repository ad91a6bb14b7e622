"""What the checker reports: a `Finding` on a span of one text, with a location inside a document."""

from __future__ import annotations

from dataclasses import dataclass

LEVELS = ("info", "warning", "error")
LEVEL_RANK = {name: rank for rank, name in enumerate(LEVELS)}


@dataclass(frozen=True)
class FindingLocation:
    """Where a finding sits in a document: page number (版次), block id and field path."""

    page: int
    block: str
    field: str


@dataclass(frozen=True)
class Finding:
    """One problem on `text == field_text[start:end]` (Python str offsets), with suggested replacements."""

    rule: str
    category: str
    level: str  # "error" | "warning" | "info"
    start: int
    end: int
    text: str
    suggestions: tuple[str, ...]
    message: str
    location: FindingLocation | None = None
    #: which pass found it: "fast" (the checker's rules, as the user types) or "deep" (深度校对, editor_app.proof.deep);
    #: read it as `finding.pass_` or `getattr(finding, "pass")`
    pass_: str = "fast"

    def to_dict(self) -> dict:
        data = {
            "rule": self.rule,
            "category": self.category,
            "level": self.level,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "suggestions": list(self.suggestions),
            "message": self.message,
            "pass": self.pass_,
        }
        if self.location is not None:
            data["location"] = {
                "page": self.location.page,
                "block": self.location.block,
                "field": self.location.field,
            }
        return data


# `pass` is a keyword, so the field is `pass_`; getattr(finding, "pass") reads it under the name the JSON uses
setattr(Finding, "pass", property(lambda self: self.pass_, doc="'fast' or 'deep' (see `pass_`)"))
