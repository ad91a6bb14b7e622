"""10,000 fuzz cases per loader (project, text import, Word import, rule pack): the bar of issue 16.

Every case must open or be refused with a message (exit 2 in the CLI) within 5 s; the script prints
the tally per loader and exits 1 on the first case that does otherwise (Hypothesis shows it).
FUZZ_CASES sets the count (default 10000).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/fuzz_loaders.py
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from tests.fuzz.harness import cases, json_projects, run_case  # noqa: E402


def fuzz(name: str, strategy, loader: str, count: int) -> Counter:
    tally: Counter = Counter(max_ms=0)

    @settings(max_examples=count, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(strategy)
    def check(data):
        run_case(loader, data, tally)

    started = time.monotonic()
    check()
    tally["seconds"] = int(time.monotonic() - started)
    print(
        f"{name:16} cases {tally['opened'] + tally['refused']:6}  opened {tally['opened']:6}  "
        f"refused (exit 2, message) {tally['refused']:6}  slowest {tally['max_ms']} ms  "
        f"({tally['seconds']} s)",
        flush=True,
    )
    return tally


def main() -> int:
    count = int(os.environ.get("FUZZ_CASES", "10000"))
    only = sys.argv[1:] or ["project", "project-json", "text", "docx", "rules"]
    for name in only:
        if name == "project-json":
            fuzz(name, json_projects(), "project", count)
        else:
            fuzz(name, cases(name), name, count)
    return 0


if __name__ == "__main__":
    sys.exit(main())
