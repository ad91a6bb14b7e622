"""Proofreaders' flags become Word comments on exactly the flagged words."""

from __future__ import annotations

from editor_app.export import export_docx

from .conftest import flag_on
from .helpers import body_paragraphs, commented_spans, comments, paragraph_text


def _by_text(path):
    spans = commented_spans(path)
    notes = comments(path)
    return {spans[cid]: notes[cid] for cid in spans}


def test_flags_are_comments_on_their_exact_spans(sample_project, tmp_path):
    issue = sample_project.issue
    flag_on(issue, "再接再励", "成语误写", "再接再厉")
    flag_on(issue, "布署", "别字", "部署")
    flag_on(issue, "截止目前", "用词不当", "截至目前")
    out = export_docx(sample_project, tmp_path / "flags.docx", flags_as_comments=True)
    found = _by_text(out.path)
    assert set(found) == {"再接再励", "布署", "截止目前"}
    author, text = found["再接再励"]
    assert author == "周宁"
    assert "成语误写" in text and "再接再厉" in text


def test_flag_inside_the_dateline_paragraph_splits_runs_without_losing_text(sample_project, tmp_path):
    issue = sample_project.issue
    flag_on(issue, "日前从新区", "核实日期")
    out = export_docx(sample_project, tmp_path / "split.docx", flags_as_comments=True)
    assert set(_by_text(out.path)) == {"日前从新区"}
    texts = [paragraph_text(p) for p in body_paragraphs(out.path)]
    assert any(t.startswith("新区讯　日前从新区住房保障部门获悉") for t in texts)


def test_overlapping_flags_each_keep_their_span(sample_project, tmp_path):
    issue = sample_project.issue
    flag_on(issue, "老旧小区改造提速", "标题过长")
    flag_on(issue, "改造提速", "用词")
    out = export_docx(sample_project, tmp_path / "overlap.docx", flags_as_comments=True)
    assert set(_by_text(out.path)) == {"老旧小区改造提速", "改造提速"}


def test_handled_flags_stay_out_by_option_and_moved_text_is_reanchored(sample_project, tmp_path):
    issue = sample_project.issue
    flag_on(issue, "布署", "别字", status="rejected")
    moved = flag_on(issue, "再接再励", "成语误写")
    moved.location.start += 3  # the text was edited after the flag: the quote still finds the words
    moved.location.end += 3
    gone = flag_on(issue, "截止目前", "用词不当")
    gone.location.quote = "不存在的话"
    result = export_docx(sample_project, tmp_path / "moved.docx", flags_as_comments=True, handled_marks=False)
    assert set(_by_text(result.path)) == {"再接再励"}
    assert any("不存在的话" in w for w in result.warnings)
    assert not any("fl" in w.split("「")[0] for w in result.warnings)  # no internal id before the quote


def test_without_the_option_no_comments_are_written(sample_project, tmp_path):
    flag_on(sample_project.issue, "布署", "别字")
    out = export_docx(sample_project, tmp_path / "plain.docx")
    assert commented_spans(out.path) == {}


def test_findings_become_comments_from_the_checker(sample_project, tmp_path):
    flag_on(sample_project.issue, "口袋公园", "核实数量")
    out = export_docx(
        sample_project, tmp_path / "findings.docx", findings_as_comments=True, flags_as_comments=True
    )
    found = _by_text(out.path)
    assert {"截止目前", "再接再励", "布署", "口袋公园"} <= set(found)
    author, text = found["布署"]
    assert author == "自动校对" and "部署" in text


def test_ignored_findings_are_not_exported(sample_project, tmp_path):
    from editor_app.model.document import Ignore

    sample_project.issue.ignored.append(Ignore(rule=_rule_for(sample_project, "布署"), text="布署"))
    out = export_docx(sample_project, tmp_path / "ignored.docx", findings_as_comments=True)
    assert "布署" not in _by_text(out.path)
    assert "截止目前" in _by_text(out.path)


def _rule_for(project, text):
    from editor_app.proof import check_issue

    return next(f.rule for f in check_issue(project.issue) if f.text == text)


def test_a_flag_on_text_that_is_not_printed_is_reported(sample_project, tmp_path):
    from editor_app.model.document import Flag, Location

    article = next(b for _, b in sample_project.issue.blocks() if getattr(b, "slot", None) == "lead")
    sample_project.issue.flags.append(Flag(Location(article.id, "slot", 0, 4, "lead"), note="版位待定"))
    result = export_docx(sample_project, tmp_path / "slot.docx", flags_as_comments=True)
    assert commented_spans(result.path) == {}
    assert any("not printed" in w and "版位待定" in w for w in result.warnings)


def test_handled_marks_become_resolved_comments_without_warnings(sample_project, tmp_path):
    import zipfile

    from editor_app.model.fields import get_field, set_field

    issue = sample_project.issue
    accepted = flag_on(issue, "再接再励", "成语误写", "再接再厉")
    _, _, block = issue.find_block(accepted.location.block)
    text = get_field(block, accepted.location.field)
    set_field(block, accepted.location.field, text.replace("再接再励", "再接再厉"))  # what accepting does
    accepted.status, accepted.resolved_by = "accepted", "周宁"
    flag_on(issue, "布署", "别字", status="rejected")
    flag_on(issue, "截止目前", "用词不当")
    result = export_docx(sample_project, tmp_path / "resolved.docx", flags_as_comments=True)
    assert result.warnings == [] or not any("标记" in w or "mark" in w for w in result.warnings)
    found = _by_text(result.path)
    assert set(found) == {"再接再厉", "布署", "截止目前"}  # the accepted mark sits on the correction
    assert "已采纳：周宁" in found["再接再厉"][1]
    with zipfile.ZipFile(result.path) as archive:
        extended = archive.read("word/commentsExtended.xml").decode("utf-8")
        comments_xml = archive.read("word/comments.xml").decode("utf-8")
        assert "commentsExtended" in archive.read("[Content_Types].xml").decode("utf-8")
    assert extended.count('w15:done="1"') == 2 and extended.count('w15:done="0"') == 1
    import re

    ids = re.findall(r'w14:paraId="([0-9A-F]{8})"', comments_xml)
    assert sorted(ids) == sorted(re.findall(r'w15:paraId="([0-9A-F]{8})"', extended))
    plain = export_docx(
        sample_project, tmp_path / "open-only.docx", flags_as_comments=True, handled_marks=False
    )
    assert set(_by_text(plain.path)) == {"截止目前"}


def test_the_cli_can_leave_handled_marks_out(sample_project, tmp_path):
    import subprocess
    import sys

    from editor_app.storage.project import save_project

    flag_on(sample_project.issue, "布署", "别字", status="rejected")
    flag_on(sample_project.issue, "截止目前", "用词不当")
    source = save_project(sample_project, tmp_path / "marks.bulletin")
    for extra, expected in (([], {"布署", "截止目前"}), (["--omit-handled-marks"], {"截止目前"})):
        out = tmp_path / f"cli{len(extra)}.docx"
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "editor_app",
                "export",
                str(source),
                "-o",
                str(out),
                "--flags-as-comments",
                *extra,
            ],
            capture_output=True,
        )
        assert result.returncode == 0, result.stderr.decode()
        assert set(_by_text(out)) == expected
