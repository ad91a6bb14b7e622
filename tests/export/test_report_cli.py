"""The report command on the bundled sample: the real checker, the CSV a chief editor opens."""

from __future__ import annotations


def test_cli_report_writes_csv(tmp_path):
    import subprocess
    import sys

    from tests.conftest import SAMPLE

    out = tmp_path / "r.csv"
    result = subprocess.run([sys.executable, "-m", "editor_app", "report", str(SAMPLE), "-o", str(out)],
                            capture_output=True, timeout=300)
    assert result.returncode == 0, result.stderr.decode()
    text = out.read_bytes().decode("utf-8-sig")
    assert "校对单" in text and "差错率" in text
