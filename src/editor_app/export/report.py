"""The proof report (校对单): every finding and flag with where it is, and the error rate.

Chief editors sign off an issue on the error rate per 10,000 characters, compared with the
national limit for newspapers (差错率不超过万分之三). The same rows go to DOCX (to print and sign),
CSV (to count) or HTML (to mail).
"""

from __future__ import annotations

import csv
import html
import io
from dataclasses import dataclass
from pathlib import Path

from editor_app.errors import ExportError
from editor_app.export.comments import FLAG_STATUS_NAMES, flag_comment_text
from editor_app.export.output import write_bytes
from editor_app.messages import msg
from editor_app.model.fields import block_label, field_text, iter_text_fields
from editor_app.rounds import current_round, error_rate, round_name

LIMIT_PER_10K = 3.0
COLUMNS = ("序号", "来源", "版次", "稿件", "原文", "上下文", "建议", "说明", "级别", "状态")
_LEVEL = {"error": "差错", "warning": "存疑", "info": "提示"}


@dataclass(frozen=True)
class ReportRow:
    source: str
    page: str
    article: str
    text: str
    context: str
    suggestion: str
    message: str
    level: str
    status: str
    counts: bool  # counted as an error for the rate
    span: tuple | None = None  # (block, field, start, end): one error found twice is counted once


@dataclass(frozen=True)
class ReportSummary:
    characters: int
    errors: int

    @property
    def rate_per_10k(self) -> float:
        return self.errors * 10000 / self.characters if self.characters else 0.0

    @property
    def within_limit(self) -> bool:
        return self.rate_per_10k <= LIMIT_PER_10K


def _context(text: str, start: int, end: int, width: int = 12) -> str:
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    return f"{'…' if start > width else ''}{before}【{text[start:end]}】{after}{'…' if end + width < len(text) else ''}"


def _where(issue, block_id: str) -> tuple[str, str]:
    try:
        page, _, block = issue.find_block(block_id)
    except KeyError:
        return "", ""
    return f"第{page.number}版", block_label(block)


def collect_rows(issue, findings) -> list[ReportRow]:
    rows = []
    for finding in findings:
        loc = finding.location
        page, article, context = "", "", finding.text
        if loc is not None:
            page, article = _where(issue, loc.block)
            current = field_text(issue, loc.block, loc.field)
            if current is not None:
                context = _context(current, finding.start, finding.end)
        rows.append(
            ReportRow(
                "自动校对",
                page,
                article,
                finding.text,
                context,
                "／".join(finding.suggestions),
                finding.message or finding.rule,
                _LEVEL.get(finding.level, finding.level),
                "待处理",
                finding.level == "error",
                (loc.block, loc.field, finding.start, finding.end) if loc else None,
            )
        )
    for flag in issue.flags:
        loc = flag.location
        page, article = _where(issue, loc.block)
        context = loc.quote
        current = field_text(issue, loc.block, loc.field)
        if current is not None and current[loc.start : loc.end] == loc.quote:
            context = _context(current, loc.start, loc.end)
        rows.append(
            ReportRow(
                flag.author or "校对",
                page,
                article,
                loc.quote,
                context,
                flag.suggestion or "",
                flag_comment_text(flag),
                _LEVEL["error"],
                FLAG_STATUS_NAMES.get(flag.status, flag.status),
                flag.status != "rejected",
                (loc.block, loc.field, loc.start, loc.end),
            )
        )
    return rows


def count_characters(issue) -> int:
    """Characters as publishers count them: every printed character, spaces excluded."""
    return sum(len("".join(tf.text.split())) for tf in iter_text_fields(issue))


def summarize(issue, rows: list[ReportRow]) -> ReportSummary:
    spans = set()
    errors = 0
    for row in rows:
        if row.counts and (row.span is None or row.span not in spans):
            errors += 1
            if row.span is not None:
                spans.add(row.span)
    return ReportSummary(count_characters(issue), errors)


ROUND_COLUMNS = (
    "校次",
    "结束时间",
    "校对",
    "提出标记",
    "采纳",
    "驳回",
    "未处理",
    "计错",
    "字数",
    "差错率（/万）",
)


def round_rows(issue, summary: ReportSummary) -> list[list[str]]:
    """One row per proof round: the closed ones as they stood at closing, then the round under way.

    Marks count in the round they were raised in; errors and the rate are over the whole issue."""
    rows = []
    for closed in issue.rounds:
        c = closed.counts
        rows.append(
            [
                round_name(closed.number),
                closed.closed[:16].replace("T", " "),
                closed.closed_by,
                str(c.get("raised", 0)),
                str(c.get("accepted", 0)),
                str(c.get("rejected", 0)),
                str(c.get("open", 0)),
                str(c.get("errors", 0)),
                str(c.get("characters", 0)),
                f"{error_rate(c):.2f}",
            ]
        )
    number = current_round(issue)
    raised = [f for f in issue.flags if f.round == number]
    rows.append(
        [
            f"{round_name(number)}（进行中）",
            "",
            "",
            str(len(raised)),
            str(sum(f.status == "accepted" for f in raised)),
            str(sum(f.status == "rejected" for f in raised)),
            str(sum(f.status == "open" for f in raised)),
            str(summary.errors),
            str(summary.characters),
            f"{summary.rate_per_10k:.2f}",
        ]
    )
    return rows


def _cells(index: int, row: ReportRow) -> list[str]:
    return [
        str(index),
        row.source,
        row.page,
        row.article,
        row.text,
        row.context,
        row.suggestion,
        row.message,
        row.level,
        row.status,
    ]


def _summary_line(summary: ReportSummary) -> str:
    verdict = "未超过" if summary.within_limit else "超过"
    return (
        f"全文 {summary.characters} 字，计错 {summary.errors} 处，差错率 {summary.rate_per_10k:.2f}/万，"
        f"{verdict}报纸差错率限值 {LIMIT_PER_10K:g}/万"
    )


def _title(issue) -> str:
    number = f"第{issue.number}期" if issue.number else ""
    return f"{issue.publication}{number}校对单"


def render_csv(issue, rows, summary) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([_title(issue)])
    writer.writerow([_summary_line(summary)])
    writer.writerow(COLUMNS)
    for index, row in enumerate(rows, 1):
        writer.writerow(_cells(index, row))
    writer.writerow([])
    writer.writerow(["各校次"])
    writer.writerow(ROUND_COLUMNS)
    writer.writerows(round_rows(issue, summary))
    return out.getvalue().encode("utf-8-sig")  # BOM: Excel on Chinese Windows reads UTF-8


def render_html(issue, rows, summary) -> bytes:
    esc = html.escape
    head = "".join(f"<th>{esc(c)}</th>" for c in COLUMNS)
    body = "\n".join(
        "<tr>" + "".join(f"<td>{esc(c)}</td>" for c in _cells(i, row)) + "</tr>"
        for i, row in enumerate(rows, 1)
    )
    rounds = "\n".join(
        "<tr>" + "".join(f"<td>{esc(c)}</td>" for c in cells) + "</tr>"
        for cells in round_rows(issue, summary)
    )
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{esc(_title(issue))}</title>
<style>body{{font-family:"宋体",SimSun,serif}} table{{border-collapse:collapse}}
td,th{{border:1px solid #888;padding:2px 6px;vertical-align:top}} th{{background:#eee}}</style></head>
<body><h1>{esc(_title(issue))}</h1><p>{esc(_summary_line(summary))}</p>
<table><thead><tr>{head}</tr></thead><tbody>
{body}
</tbody></table>
<h2>各校次</h2>
<table><thead><tr>{"".join(f"<th>{esc(c)}</th>" for c in ROUND_COLUMNS)}</tr></thead><tbody>
{rounds}
</tbody></table></body></html>
"""
    return page.encode("utf-8")


_WIDTHS_MM = (12, 18, 14, 34, 20, 60, 22, 47, 12, 18)  # = 257 mm, the landscape A4 text block
_ROUND_WIDTHS_MM = (34, 34, 24, 22, 20, 20, 20, 20, 24, 39)  # = 257 mm


def render_docx(issue, rows, summary) -> bytes:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm, Pt

    from editor_app.export import docx_xml

    document = Document()
    docx_xml.set_doc_defaults(document.styles.element, "宋体", "Times New Roman", "zh-CN", 9)
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(20))
    title = document.add_paragraph()
    run = title.add_run(_title(issue))
    run.font.size = Pt(16)
    docx_xml.set_run_fonts(run._r.get_or_add_rPr(), "黑体")
    document.add_paragraph(_summary_line(summary))
    table = document.add_table(rows=1, cols=len(COLUMNS))
    table.style = document.styles["Table Grid"]
    table.autofit = False
    for cell, name in zip(table.rows[0].cells, COLUMNS, strict=True):
        cell.text = name
    for index, row in enumerate(rows, 1):
        for cell, value in zip(table.add_row().cells, _cells(index, row), strict=True):
            cell.text = docx_xml.clean_xml_text(value)[0]
    # WPS ignores tblW and autofit: every gridCol and every tcW must carry its width.
    for col, width in zip(table.columns, _WIDTHS_MM, strict=True):
        col.width = Mm(width)
        for cell in col.cells:
            cell.width = Mm(width)
    for cell in table.rows[0].cells:
        docx_xml.set_cell_shading(cell._tc.get_or_add_tcPr(), "E7E6E6")
    docx_xml.repeat_as_header(table.rows[0]._tr.get_or_add_trPr())
    heading = document.add_paragraph()
    heading.paragraph_format.space_before = Pt(12)
    docx_xml.set_run_fonts(heading.add_run("各校次")._r.get_or_add_rPr(), "黑体")
    rounds = document.add_table(rows=1, cols=len(ROUND_COLUMNS))
    rounds.style = document.styles["Table Grid"]
    for cell, name in zip(rounds.rows[0].cells, ROUND_COLUMNS, strict=True):
        cell.text = name
        docx_xml.set_cell_shading(cell._tc.get_or_add_tcPr(), "E7E6E6")
    rounds.autofit = False
    for cells in round_rows(issue, summary):
        for cell, value in zip(rounds.add_row().cells, cells, strict=True):
            cell.text = docx_xml.clean_xml_text(value)[0]
    for col, width in zip(rounds.columns, _ROUND_WIDTHS_MM, strict=True):
        col.width = Mm(width)
        for cell in col.cells:
            cell.width = Mm(width)
    sign = document.add_paragraph("校对：　　　　　　　　责任编辑：　　　　　　　　签发：")
    sign.paragraph_format.space_before = Pt(18)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


_RENDERERS = {".csv": render_csv, ".html": render_html, ".htm": render_html, ".docx": render_docx}


def write_report(project, out, checker=None, findings=None) -> Path:
    """Write the report for `project`; the format follows the suffix (.docx, .csv or .html). `findings`: the
    checker findings to list (e.g. fast and deep pass together); default: `checker`'s."""
    out = Path(out)
    render = _RENDERERS.get(out.suffix.lower())
    if render is None:
        raise ExportError(msg("{path}: the report must be .docx, .csv or .html", path=out))
    issue = project.issue
    if findings is None:
        if checker is None:
            from editor_app.proof import default_checker

            checker = default_checker()
        findings = checker.check_issue(issue)
    rows = collect_rows(issue, findings)
    write_bytes(out, render(issue, rows, summarize(issue, rows)))
    return out
