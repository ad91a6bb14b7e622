"""Typo detector cost: first-use load time and throughput on clean newsroom text.

    PYTHONPATH=src python bench/typo_speed.py

Throughput is measured on the customer's page when ../shared is present, else on the bundled sample's text,
by fresh detectors (decisions are memoised per detector); best of several rounds, so that other load on the
machine does not count.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
SEED = REPO.parent / "shared" / "seeds" / "000_1827cb5f2df69aa0.txt"

LOAD_PROBE = """
import time
t0 = time.perf_counter()
from editor_app.proof.typo import TypoDetector
d = TypoDetector.load()
d.detect("各单位要认真贯彻落实会议精神，大力发展数字经际。")
print((time.perf_counter() - t0) * 1000)
"""


def sample_text() -> str:
    if SEED.exists():
        return SEED.read_text(encoding="utf-8")
    from editor_app.model.fields import iter_text_fields
    from editor_app.storage.project import open_project

    project = open_project(REPO / "resources" / "samples" / "sample.bulletin")
    return "\n".join(f.text for f in iter_text_fields(project.issue))


def main() -> int:
    loads = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", LOAD_PROBE],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONPATH": str(REPO / "src")},
        )
        loads.append(float(out.stdout.strip()))
    from editor_app.proof.typo import TypoDetector

    TypoDetector.load().detect("预热")
    text = sample_text()
    best = float("inf")
    for _ in range(7):
        detectors = [TypoDetector.load() for _ in range(5)]  # fresh memo: a first reading of the page
        start = time.perf_counter()
        for detector in detectors:
            detector.detect(text)
        best = min(best, (time.perf_counter() - start) / 5)
    print(f"first use (import + tables + first detect): best {min(loads):.0f} ms, worst {max(loads):.0f} ms")
    print(f"throughput on {len(text)} characters of clean text: {len(text) / best / 1000:.0f} k chars/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
