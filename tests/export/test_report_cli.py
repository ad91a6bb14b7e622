"""The report command on the bundled sample: the real checker, the CSV a chief editor opens."""

from __future__ import annotations


def test_cli_report_writes_csv(tmp_path):
    import subprocess
    import sys

    from tests.conftest import SAMPLE

    out = tmp_path / "r.csv"
    result = subprocess.run(
        [sys.executable, "-m", "editor_app", "report", str(SAMPLE), "-o", str(out)],
        capture_output=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr.decode()
    text = out.read_bytes().decode("utf-8-sig")
    assert "校对单" in text and "差错率" in text


def test_check_and_report_give_the_same_character_count(tmp_path, capsys):
    """The proofreader reads 「N 字」 in the terminal and 「全文 N 字」 on the report: the same N."""
    import re

    from editor_app.cli import main
    from tests.conftest import SAMPLE

    main(["check", str(SAMPLE)])
    checked = re.search(r"(\d+) 字，", capsys.readouterr().out).group(1)
    out = tmp_path / "r.csv"
    assert main(["report", str(SAMPLE), "-o", str(out)]) == 0
    reported = re.search(r"全文 (\d+) 字", out.read_bytes().decode("utf-8-sig")).group(1)
    assert checked == reported


def test_check_counts_characters_of_plain_text_without_spaces_and_line_breaks(tmp_path, capsys):
    from editor_app.cli import main

    page = tmp_path / "page.txt"
    page.write_bytes("标题\r\n\r\n　　正文一句。\r\n".encode("gb18030"))
    main(["check", str(page)])
    assert capsys.readouterr().out.strip().startswith("7 字，")
