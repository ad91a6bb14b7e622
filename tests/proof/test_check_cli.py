"""`editor-app check`: what a proofreader sees in a terminal, JSON for tools, exit statuses."""

from __future__ import annotations

import io
import json
import sys

import pytest

from editor_app.cli import main
from tests.conftest import SAMPLE


def _run(capsys, *argv) -> tuple[int, str, str]:
    status = main(["check", *map(str, argv)])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_text_output_shows_line_column_context_and_suggestion(capsys, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("第一段没有问题。\n会议要求，截止目前已布署完毕。\n", encoding="utf-8")
    status, out, _ = _run(capsys, page)
    assert status == 1
    assert "2:6: error [别词]" in out and "【截止目前】" in out and "→ 截至目前" in out
    assert "2:11: error [别字]" in out and "→ 部署" in out


def test_json_output_for_gbk_text_with_crlf(capsys, tmp_path):
    page = tmp_path / "page.txt"
    page.write_bytes("第一行。\r\n既使如此，也要坚持。\r\n".encode("gb18030"))
    status, out, _ = _run(capsys, page, "--format", "json")
    data = json.loads(out)
    text = "第一行。\n既使如此，也要坚持。\n"
    [finding] = data["findings"]
    assert status == 1
    assert set(finding) == {
        "rule",
        "category",
        "level",
        "start",
        "end",
        "text",
        "suggestions",
        "message",
        "pass",
    }
    assert finding["pass"] == "fast"
    assert text[finding["start"] : finding["end"]] == finding["text"] == "既使"
    assert data["stats"]["by_level"]["error"] == 1


def test_clean_text_exits_zero_and_min_level_filters(capsys, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("全市生态环境质量持续改善,各项工作稳步推进。", encoding="utf-8")
    status, out, _ = _run(capsys, page, "--format", "json")
    assert status == 0 and [f["level"] for f in json.loads(out)["findings"]] == ["info"]
    status, out, _ = _run(capsys, page, "--format", "json", "--min-level", "warning")
    assert status == 0 and json.loads(out)["findings"] == []


def test_standard_input(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("再接再励。".encode()), encoding="utf-8"))
    status, out, _ = _run(capsys, "-", "--format", "json")
    assert status == 1 and json.loads(out)["findings"][0]["suggestions"] == ["再接再厉"]


def test_project_findings_carry_locations(capsys):
    status, out, _ = _run(capsys, SAMPLE, "--format", "json")
    data = json.loads(out)
    slips = {f["text"] for f in data["findings"]}
    assert status == 1 and {"截止目前", "再接再励", "布署"} <= slips
    assert all(set(f["location"]) == {"page", "block", "field"} for f in data["findings"])
    status, out, _ = _run(capsys, SAMPLE)
    assert "第1版" in out and "【截止目前】" in out


def test_docx_paragraphs_are_checked(capsys, tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("会议要求各单位再接再励。")
    path = tmp_path / "page.docx"
    document.save(str(path))
    status, out, _ = _run(capsys, path, "--format", "json")
    assert status == 1 and "再接再励" in {f["text"] for f in json.loads(out)["findings"]}


def test_extra_rules_folder(capsys, tmp_path, write_pack):
    folder = write_pack("""\
        rules:
          - id: house.name
            type: existence
            category: 慎用词
            level: warning
            message: 本刊不用「{text}」
            terms: {老板: 负责人}
            examples: {bad: [老板说了算。]}
        """)
    page = tmp_path / "page.txt"
    page.write_text("老板说了算。", encoding="utf-8")
    status, out, _ = _run(capsys, page, "--rules", folder, "--format", "json")
    assert status == 0 and json.loads(out)["findings"][0]["message"] == "本刊不用「老板」"


@pytest.mark.parametrize("content", [b"\x00\x01\x02\xff\xfe binary", b""])
def test_bad_input_exits_two_with_a_message(capsys, tmp_path, content):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    status, out, err = _run(capsys, path)
    assert status == 2 and out == "" and "bad.txt" in err


def test_missing_file_and_broken_rules_exit_two(capsys, tmp_path, write_pack):
    status, _, err = _run(capsys, tmp_path / "nope.txt")
    assert status == 2 and "nope.txt" in err
    folder = write_pack("rules:\n  - id: x\n    type: pattern\n")
    page = tmp_path / "page.txt"
    page.write_text("正文。", encoding="utf-8")
    status, _, err = _run(capsys, page, "--rules", folder)
    assert status == 2 and "house.yaml:2" in err
