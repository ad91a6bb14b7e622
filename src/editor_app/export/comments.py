"""Comments to anchor in the export: proofreaders' flags and checker findings, by model field.

A comment belongs to an exact span of one field; the writer splits runs at the span's ends. An open
flag whose text has changed since it was made is re-anchored on its quoted text, or reported and
skipped (a comment on the wrong words would mislead the print staff more than a missing one).

A handled flag (accepted or rejected) is exported as a resolved comment, or not at all: accepted, it
sits on its suggestion, where the quote was; rejected, on the quote. Word and LibreOffice read the
resolved state from `word/commentsExtended.xml` (`w15:done="1"` on the comment's last paragraph,
matched by `w14:paraId`), which python-docx does not write, so `mark_resolved` adds it. A handled
flag whose text cannot be found any more is simply left out: nothing is waiting on it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from editor_app.messages import msg
from editor_app.model.fields import block_label, field_text

FLAG_AUTHOR = "校对"
CHECKER_AUTHOR = "自动校对"
FLAG_STATUS_NAMES = {
    "open": "待处理",
    "accepted": "已采纳",
    "rejected": "已驳回",
}  # as the 校对单 prints them


@dataclass(frozen=True)
class Anchor:
    start: int
    end: int
    text: str
    author: str
    initials: str
    resolved: bool = False


Anchors = dict[tuple[str, str], list[Anchor]]


def flag_comment_text(flag) -> str:
    parts = [f"【{flag.category}】" if flag.category else ""]
    parts.append(flag.note or "")
    if flag.suggestion:
        parts.append(f"（建议：{flag.suggestion}）")
    if flag.status != "open":
        status = FLAG_STATUS_NAMES.get(flag.status, flag.status)
        who = "，".join(p for p in (flag.resolved_by, (flag.resolved_at or "")[:10]) if p)
        parts.append(f"［{status}：{who}］" if who else f"［{status}］")
    return "".join(parts).strip() or "请核对"


def _where(issue, block_id: str) -> str:
    """「第1版《标题》」 for messages: people know pages and headlines, not ids."""
    try:
        page, _, block = issue.find_block(block_id)
    except KeyError:
        return ""
    label = block_label(block)
    return f"第{page.number}版" + (f"《{label[:16]}》" if label else "")


def _span(text: str, start: int, length: int, quote: str) -> tuple[int, int] | None:
    """Where `quote` is in `text`: at `start`, else its copy nearest to `start`, else None."""
    if not quote:
        return None
    if text[start : start + length] == quote:
        return start, start + length
    found, best = text.find(quote), None
    while found >= 0:
        if best is None or abs(found - start) < abs(best - start):
            best = found
        found = text.find(quote, found + 1)
    return None if best is None else (best, best + len(quote))


def flag_anchors(issue, warnings: list[str], handled: bool = True) -> Anchors:
    """Every open flag on its span (re-anchored on the quote if the text moved); handled flags as
    resolved comments when `handled`, else left out."""
    anchors: Anchors = defaultdict(list)
    for flag in issue.flags:
        if flag.status != "open" and not handled:
            continue
        loc = flag.location
        text = field_text(issue, loc.block, loc.field)
        where = _where(issue, loc.block)
        if text is None:
            if flag.status == "open":
                warnings.append(
                    msg(
                        "the mark on 「{quote}」 ({where}): its text no longer exists; not exported "
                        "as a comment",
                        quote=loc.quote,
                        where=where or msg("a deleted block"),
                    )
                )
            continue
        if flag.status == "accepted" and flag.suggestion:  # the suggestion now stands where the quote was
            span = _span(text, loc.start, len(flag.suggestion), flag.suggestion)
        elif 0 <= loc.start < loc.end <= len(text) and (
            not loc.quote or text[loc.start : loc.end] == loc.quote
        ):
            span = (loc.start, loc.end)
        else:
            span = _span(text, loc.start, loc.end - loc.start, loc.quote)
        if span is None or span[0] >= span[1]:
            if flag.status == "open":
                warnings.append(
                    msg(
                        "the mark on 「{quote}」 ({where}): the marked text is no longer there; not "
                        "exported as a comment",
                        quote=loc.quote,
                        where=where,
                    )
                )
            continue
        author = flag.author or FLAG_AUTHOR
        anchors[(loc.block, loc.field)].append(
            Anchor(
                span[0], span[1], flag_comment_text(flag), author, author[:2], resolved=flag.status != "open"
            )
        )
    return anchors


W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
RT_COMMENTS_EXTENDED = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
CT_COMMENTS_EXTENDED = "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"


def mark_resolved(document, resolved_ids: set[int]) -> int:
    """Give the document a commentsExtended part marking the comments with these ids as done (the rest
    as open); returns how many were marked. The writer collects the ids as it adds handled marks."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml.ns import qn

    comments = list(document.comments) if document.part._comments_part is not None else []
    if not comments or not resolved_ids:
        return 0
    entries, done = [], 0
    for number, comment in enumerate(comments, start=1):
        paragraphs = comment._comment_elm.findall(qn("w:p"))
        if not paragraphs:
            continue
        para_id = f"{0x10000000 + number:08X}"  # unique, below 0x80000000 as Word requires
        paragraphs[-1].set(f"{{{W14}}}paraId", para_id)
        is_done = comment.comment_id in resolved_ids
        done += is_done
        entries.append(f'<w15:commentEx w15:paraId="{para_id}" w15:done="{1 if is_done else 0}"/>')
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w15:commentsEx xmlns:w15="{W15}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        f'mc:Ignorable="w15">{"".join(entries)}</w15:commentsEx>'
    )
    part = Part(
        PackURI("/word/commentsExtended.xml"),
        CT_COMMENTS_EXTENDED,
        xml.encode("utf-8"),
        document.part.package,
    )
    document.part.relate_to(part, RT_COMMENTS_EXTENDED)
    return done


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
            Anchor(finding.start, finding.end, finding_comment_text(finding), CHECKER_AUTHOR, "AI")
        )
    return anchors


def merge(*groups: Anchors) -> Anchors:
    merged: Anchors = defaultdict(list)
    for group in groups:
        for key, items in group.items():
            merged[key].extend(items)
    for items in merged.values():
        items.sort(key=lambda a: (a.start, a.end))
    return merged
