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
