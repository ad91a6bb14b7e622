"""The proof report (校对单): every flag and finding with its place, and the error rate per 10,000."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

import docx
import pytest

from editor_app.errors import ExportError
from editor_app.export import write_report
from editor_app.export.report import count_characters
from editor_app.model.fields import iter_text_fields

from .conftest import flag_on
from .helpers import part, w


@dataclass(frozen=True)
class _Loc:
    page: int
    block: str
    field: str


@dataclass(frozen=True)
class _Finding:
    rule: str
    category: str
    level: str
    start: int
    end: int
    text: str
    suggestions: tuple
    message: str
    location: _Loc | None = None


class _ListChecker:
    """Finds the given words wherever they occur (stands in for the rule engine in these tests)."""

    def __init__(self, words: dict[str, tuple[str, str]]):
        self.words = words

    def check_issue(self, issue):
        found = []
        for tf in iter_text_fields(issue):
            for word, (right, level) in self.words.items():
                start = tf.text.find(word)
                if start >= 0:
                    found.append(
                        _Finding(
                            "test.word",
                            "别字",
                            level,
                            start,
                            start + len(word),
                            word,
                            (right,),
                            f"疑为「{right}」",
                            _Loc(tf.page.number, tf.block.id, tf.path),
                        )
                    )
        return found


CHECKER = _ListChecker({"布署": ("部署", "error"), "截止目前": ("截至目前", "warning")})


def _rows(path):
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))
    end = rows.index([])  # the table of proof rounds follows after a blank row
    return rows[0], rows[1], rows[2], rows[3:end]


def test_csv_report_lists_findings_and_flags_with_place_context_and_rate(sample_project, tmp_path):
    flag_on(sample_project.issue, "再接再励", "成语误写", "再接再厉")
    flag_on(sample_project.issue, "口袋公园", "存疑", status="rejected")
    out = write_report(sample_project, tmp_path / "report.csv", checker=CHECKER)
    title, summary, header, rows = _rows(out)
    assert title == ["滨江新区工作简报第7期校对单"]
    assert header[:5] == ["序号", "来源", "版次", "稿件", "原文"]
    by_text = {row[4]: row for row in rows}
    assert set(by_text) == {"布署", "截止目前", "再接再励", "口袋公园"}
    assert by_text["布署"][1:4] == ["自动校对", "第1版", "政务服务“一网通办”事项再扩容"]
    assert "【布署】" in by_text["布署"][5] and by_text["布署"][6] == "部署"
    assert by_text["再接再励"][9] == "待处理" and by_text["口袋公园"][9] == "已驳回"
    # counted: the error finding and the open flag (not the warning, not the rejected flag)
    chars = count_characters(sample_project.issue)
    rate = 2 * 10000 / chars
    assert f"全文 {chars} 字，计错 2 处，差错率 {rate:.2f}/万" in summary[0]
    assert ("超过" in summary[0]) and "3/万" in summary[0]


def test_html_report_escapes_text(sample_project, tmp_path):
    sample_project.issue.pages[0].blocks[-1].paragraphs[0].text = "终端<script>布署</script>到位"
    out = write_report(sample_project, tmp_path / "report.html", checker=CHECKER)
    page = out.read_text("utf-8")
    assert "<script>" not in page and "&lt;script&gt;" in page
    findings_table = page.split("<h2>")[0]
    assert findings_table.count("<tr>") == 1 + 2  # header, 布署, 截止目前


def test_docx_report_has_a_table_with_explicit_widths(sample_project, tmp_path):
    out = write_report(sample_project, tmp_path / "report.docx", checker=CHECKER)
    document = docx.Document(str(out))
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells][:3] == ["序号", "来源", "版次"]
    assert len(table.rows) == 3
    root = part(out, "word/document.xml")
    assert all(int(g.get(w("w"))) > 0 for g in root.iter(w("gridCol")))
    assert all(tc.find(w("tcPr")).find(w("tcW")) is not None for tc in root.iter(w("tc")))


def test_report_needs_a_known_suffix(sample_project, tmp_path):
    with pytest.raises(ExportError, match="docx, .csv or .html"):
        write_report(sample_project, tmp_path / "report.pdf", checker=CHECKER)


def test_a_flag_on_a_span_the_checker_also_found_counts_once(sample_project, tmp_path):
    flag_on(sample_project.issue, "布署", "别字", "部署")
    out = write_report(sample_project, tmp_path / "report.csv", checker=CHECKER)
    _, summary, _, rows = _rows(out)
    assert [row[4] for row in rows].count("布署") == 2  # both are listed …
    assert "计错 1 处" in summary[0]  # … but it is one error


def test_docx_report_header_is_shaded_whole_repeats_and_fits_序号(sample_project, tmp_path):
    """Print staff see a grey header row on every page, and 「序号」 is not broken over two lines."""
    out = write_report(sample_project, tmp_path / "report.docx", checker=CHECKER)
    root = part(out, "word/document.xml")
    first_row = next(root.iter(w("tr")))
    assert first_row.find(w("trPr")).find(w("tblHeader")) is not None
    cells = first_row.findall(w("tc"))
    assert all(tc.find(w("tcPr")).find(w("shd")).get(w("fill")) == "E7E6E6" for tc in cells)
    # two characters of 10.5 pt plus Word's default 0.19 cm cell margins on both sides
    number_col = int(next(root.iter(w("gridCol"))).get(w("w")))
    assert number_col >= 2 * 10.5 * 20 + 2 * 108
    for grid in root.iter(w("tblGrid")):  # each table: the findings, then the proof rounds
        assert sum(int(g.get(w("w"))) for g in grid.iter(w("gridCol"))) <= round(257 / 25.4 * 1440) + 5


def test_the_report_lists_each_proof_round_with_its_marks_and_rate(sample_project, tmp_path):
    from editor_app.model.ops import CloseRound
    from editor_app.rounds import snapshot

    issue = sample_project.issue
    flag_on(issue, "再接再励", "成语误写", "再接再厉")
    flag_on(issue, "布署", "别字", status="rejected")
    CloseRound(snapshot(issue, [], closed_by="周宁", closed="2026-06-17T09:30:00+00:00")).apply(issue)
    later = flag_on(issue, "截止目前", "用词不当")
    later.round = 2
    out = write_report(sample_project, tmp_path / "rounds.csv", checker=_NoFindings())
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    start = rows.index(["各校次"])
    header, first, second = rows[start + 1], rows[start + 2], rows[start + 3]
    assert header[:7] == ["校次", "结束时间", "校对", "提出标记", "采纳", "驳回", "未处理"]
    assert first[:7] == ["一校", "2026-06-17 09:30", "周宁", "2", "0", "1", "1"]
    assert second[:7] == ["二校（进行中）", "", "", "1", "0", "0", "1"]
    assert float(first[-1]) > 0 and float(second[-1]) > 0
    document = docx.Document(
        str(write_report(sample_project, tmp_path / "rounds.docx", checker=_NoFindings()))
    )
    assert [c.text for c in document.tables[1].rows[1].cells][:3] == ["一校", "2026-06-17 09:30", "周宁"]


class _NoFindings:
    def check_issue(self, _issue):
        return []
