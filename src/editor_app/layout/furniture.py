"""Page furniture wording: masthead, 版眉 (folio), page number and credits, from the issue only.

The template gives the patterns (`wording:`); the words come from the issue. A page gets a masthead
only when the issue has a publication name and the page is the front page; every other page, and a
continuation page that takes what the front page could not hold, gets a 版眉 with its own 版次.
"""

from __future__ import annotations

from datetime import date

from editor_app.layout.spec import WordingSpec
from editor_app.model.document import Issue, Page

_WEEKDAYS = "一二三四五六日"


def chinese_date(iso: str | None) -> str:
    """2025-06-18 → 2025年6月18日 (an unparsable date is printed as given)."""
    if not iso:
        return ""
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.year}年{day.month}月{day.day}日"


def _unless_named(value: str, page_name: str) -> str:
    """Empty when the page name already says it: an imported running head 「社区专刊 第6版」 keeps its
    版次 and date, and the folio must not print 「第6版 社区专刊 第6版」."""
    flat = "".join(page_name.split())
    return "" if value and "".join(value.split()) in flat else value


def values(issue: Issue, page: Page, wording: WordingSpec, continuation: int = 0) -> dict[str, str]:
    weekday = ""
    try:
        weekday = "星期" + _WEEKDAYS[date.fromisoformat(issue.date or "").weekday()]
    except ValueError:  # no date yet, or not ISO: the folio goes without a weekday
        weekday = ""
    year = (issue.date or "")[:4]
    number = f"第{issue.number}期" if issue.number else ""
    total = f"（总第{issue.total_number}期）" if issue.total_number else ""
    name = page.name or ""
    page_label = _unless_named(f"第{page.number}版", name)
    if continuation:
        page_label = f"第{page.number}版（续{continuation if continuation > 1 else ''}）"
    return {
        "publication": issue.publication or "",
        "organizer": issue.organizer or "",
        "permit": issue.permit or "",
        "notice": wording.notice,
        "date": _unless_named(chinese_date(issue.date), name),
        "weekday": _unless_named(weekday, name),
        "year": f"{year}年" if year else "",
        "number": number,
        "issue_no": number + total,
        "page": page_label,
        "page_name": name,
        "pages": str(len(issue.pages)),
    }


def fill(pattern: str, values: dict[str, str]) -> str:
    """Fill `{key}` slots; runs of full-width spaces left by empty values are collapsed."""
    text = pattern
    for key, value in values.items():
        if not value:  # an empty slot takes one separator with it: 「报名　{date}　第1版」 → 「报名　第1版」
            text = text.replace("{" + key + "}　", "")
        text = text.replace("{" + key + "}", value)
    while "　　　" in text:
        text = text.replace("　　　", "　　")
    return text.strip("　 ")


def has_masthead(issue: Issue, page: Page, wants_masthead: bool, continuation: int = 0) -> bool:
    return bool(
        wants_masthead
        and issue.publication.strip()
        and issue.pages
        and page is issue.pages[0]
        and not continuation
    )


def folio_text(issue: Issue, page: Page, wording: WordingSpec, continuation: int = 0) -> str:
    """The running head of a page (empty when the template has none)."""
    return fill(wording.folio, values(issue, page, wording, continuation))


def masthead_lines(issue: Issue, page: Page, wording: WordingSpec) -> list[str]:
    """The lines under the publication's name (organizer, date, issue number, permit, notice)."""
    vals = values(issue, page, wording)
    return [line for line in (fill(str(pattern), vals) for pattern in wording.masthead_lines) if line]


def page_number_text(wording: WordingSpec, number: int) -> tuple[str, str]:
    """The text before and after the page number (the number itself is a field in the DOCX)."""
    before, _, after = wording.page_number.partition("{page}")
    return before, after.replace("{page}", str(number))


def credits_text(issue: Issue) -> str:
    parts = [f"{role}：{names}" for role, names in issue.editors.items() if names]
    return "（" + "　".join(parts) + "）" if parts else ""
