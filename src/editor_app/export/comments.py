"""Comments to anchor in the export: proofreaders' flags and checker findings, by model field.

A comment belongs to an exact span of one field; the writer splits runs at the span's ends. A flag
whose text has changed since it was made is re-anchored on its quoted text, or reported and skipped
(a comment on the wrong words would mislead the print staff more than a missing one).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from editor_app.messages import msg
from editor_app.model.fields import field_text

FLAG_AUTHOR = "校对"
CHECKER_AUTHOR = "自动校对"
FLAG_STATUS_NAMES = {"open": "待处理", "accepted": "已采纳", "rejected": "已驳回"}  # as the 校对单 prints them


@dataclass(frozen=True)
class Anchor:
    start: int
    end: int
    text: str
    author: str
    initials: str


Anchors = dict[tuple[str, str], list[Anchor]]



def flag_comment_text(flag) -> str:
    parts = [f"【{flag.category}】" if flag.category else ""]
    parts.append(flag.note or "")
    if flag.suggestion:
        parts.append(f"（建议：{flag.suggestion}）")
    if flag.status != "open":
        parts.append(f"［{FLAG_STATUS_NAMES.get(flag.status, flag.status)}］")
    return "".join(parts).strip() or "请核对"


def flag_anchors(issue, warnings: list[str]) -> Anchors:
    """Every flag not rejected, on its span (re-anchored on the quote if the text moved)."""
    anchors: Anchors = defaultdict(list)
    for flag in issue.flags:
        if flag.status == "rejected":
            continue
        loc = flag.location
        text = field_text(issue, loc.block, loc.field)
        if text is None:
            warnings.append(msg("flag {flag}: its text ({field}) no longer exists; not exported as a comment",
                                flag=flag.id, field=loc.field))
            continue
        start, end = loc.start, loc.end
        if not (0 <= start < end <= len(text)) or (loc.quote and text[start:end] != loc.quote):
            found = text.find(loc.quote) if loc.quote else -1
            if found < 0:
                warnings.append(msg("flag {flag}: 「{quote}」 is no longer in the text; not exported as a comment",
                                    flag=flag.id, quote=loc.quote))
                continue
            start, end = found, found + len(loc.quote)
        author = flag.author or FLAG_AUTHOR
        anchors[(loc.block, loc.field)].append(Anchor(start, end, flag_comment_text(flag), author, author[:2]))
    return anchors


def finding_comment_text(finding) -> str:
    text = finding.message or finding.rule
    if finding.suggestions:
        text += "（建议：" + "／".join(finding.suggestions) + "）"
    return text


def finding_anchors(findings) -> Anchors:
    """Error and warning findings that point into a field (info findings stay out of print files)."""
    anchors: Anchors = defaultdict(list)
    for finding in findings:
        loc = finding.location
        if loc is None or finding.level not in ("error", "warning") or finding.end <= finding.start:
            continue
        anchors[(loc.block, loc.field)].append(
            Anchor(finding.start, finding.end, finding_comment_text(finding), CHECKER_AUTHOR, "AI"))
    return anchors


def merge(*groups: Anchors) -> Anchors:
    merged: Anchors = defaultdict(list)
    for group in groups:
        for key, items in group.items():
            merged[key].extend(items)
    for items in merged.values():
        items.sort(key=lambda a: (a.start, a.end))
    return merged
