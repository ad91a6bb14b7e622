"""The command line as a user meets it: output, exit status, and messages instead of tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys

from editor_app import __version__
from editor_app.cli import main

from .conftest import SAMPLE


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "editor_app", *args], input=stdin, capture_output=True, timeout=120
    )


def test_version():
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.decode().strip() == f"editor-app {__version__}"


def test_dump_prints_canonical_json():
    result = run_cli("dump", str(SAMPLE))
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout.decode("utf-8"))
    assert data["schema"] == 3 and data["pages"][0]["blocks"][0]["type"] == "banner"


def test_dump_of_corrupt_file_exits_2_without_traceback(tmp_path):
    bad = tmp_path / "bad.bulletin"
    bad.write_bytes(b"definitely not a zip")
    result = run_cli("dump", str(bad))
    assert result.returncode == 2
    err = result.stderr.decode()
    assert "not a zip" in err and "Traceback" not in err


def test_new_creates_project_from_template(tmp_path, capsys):
    out = tmp_path / "issue.bulletin"
    assert main(["new", "--template", "tabloid", str(out)]) == 0
    assert main(["dump", str(out)]) == 0
    data = json.loads(capsys.readouterr().out.split("\n", 1)[1])
    assert data["issue"]["type"] == "newspaper" and data["pages"][0]["template"] == "tabloid"
    assert main(["new", str(out)]) == 2  # refuses to overwrite
    assert "already exists" in capsys.readouterr().err


def test_new_with_unknown_template(tmp_path, capsys):
    assert main(["new", "--template", "nope", str(tmp_path / "x.bulletin")]) == 2
    assert "unknown template 'nope'" in capsys.readouterr().err


def test_export_strict_refuses_a_page_with_an_overset_block_and_writes_nothing(tmp_path):
    from editor_app.model import Paragraph
    from editor_app.storage.project import open_project, save_project

    project = open_project(SAMPLE)
    brief = next(b for _, b in project.issue.blocks() if getattr(b, "slot", None) == "brief")
    brief.paragraphs.append(Paragraph("新区各街道同步推进服务网点建设，方便居民就近办事。" * 12))
    overset = tmp_path / "overset.bulletin"
    save_project(project, overset)
    out = tmp_path / "page.docx"
    strict = run_cli("export", str(overset), "-o", str(out), "--strict")
    assert strict.returncode == 1, strict.stderr.decode()
    assert "overset" in strict.stderr.decode("utf-8") or "超" in strict.stderr.decode("utf-8")
    assert not out.exists()
    lenient = run_cli("export", str(overset), "-o", str(out))
    assert lenient.returncode == 0, lenient.stderr.decode()
    assert out.exists() and "overset" in lenient.stderr.decode("utf-8")  # said as a warning instead


def test_export_and_report_take_the_deep_pass_when_asked(tmp_path):
    import csv

    from tests.export.helpers import part

    page = tmp_path / "page.txt"
    page.write_text("推进会召开\n\n会议强调，要坚持全面从严治档。\n", encoding="utf-8")
    for deep in (False, True):
        out = tmp_path / f"page-{deep}.docx"
        extra = ["--deep"] if deep else []
        result = run_cli("export", str(page), "-o", str(out), "--findings-as-comments", *extra)
        assert result.returncode == 0, result.stderr.decode()
        comments = "".join(part(out, "word/comments.xml").itertext())
        assert ("全面从严治党" in comments) is deep
        report = tmp_path / f"report-{deep}.csv"
        result = run_cli("report", str(page), "-o", str(report), *extra)
        assert result.returncode == 0, result.stderr.decode()
        rows = list(csv.reader(report.read_text(encoding="utf-8-sig").splitlines()))
        assert any("全面从严治党" in cell for row in rows for cell in row) is deep
