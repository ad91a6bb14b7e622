"""How long importing a 20-page text takes (target: ≤ 1 s).

A "page" is one of our fixture pages (tests/fixtures/pages) repeated to the size of a real printed
page (~6,000 characters); twenty of them, separated by form feeds, make one text of ~120,000
characters that imports as a 20-page issue. Also times the
customer's page from ../shared when present, a DOCX page, and the GBK decoding path.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from editor_app.importing import import_file, import_text  # noqa: E402

PAGES = REPO / "tests" / "fixtures" / "pages"
SEED = REPO.parent / "shared" / "seeds" / "000_1827cb5f2df69aa0.txt"
PAGE_CHARS = 6000


def _page(name: str) -> str:
    text = (PAGES / name).read_text(encoding="utf-8")
    return "\n\n".join([text] * max(1, PAGE_CHARS // len(text)))


def _time(func, repeat: int = 5) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def _cold(path: Path) -> float:
    """Seconds for the first import in a new Python process, measured inside it."""
    code = (
        "import time; t = time.perf_counter(); from editor_app.importing import import_file; "
        f"import_file({str(path)!r}); print(time.perf_counter() - t)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
    )
    return float(out.stdout.strip())


def main() -> None:
    pages = [_page("newspaper_page.txt"), _page("bulletin_page.txt")] * 10
    text = "\f".join(pages)  # form feeds separate pages, as in text extracted from a PDF
    result = import_text(text)
    blocks = sum(len(page.blocks) for page in result.issue.pages)
    assert len(result.issue.pages) == 20
    best, median = _time(lambda: import_text(text))
    print(
        f"20-page text ({len(text):,} chars, {blocks} blocks): best {best * 1000:.0f} ms, "
        f"median {median * 1000:.0f} ms (target ≤ 1000 ms)"
    )
    with tempfile.TemporaryDirectory() as tmp:
        gbk = Path(tmp) / "pages_gbk.txt"
        gbk.write_bytes(text.encode("gb18030"))
        best, median = _time(lambda: import_file(gbk))
        print(f"same text as a GB18030 file: best {best * 1000:.0f} ms, median {median * 1000:.0f} ms")
        cold = [_cold(gbk) for _ in range(3)]
        print(
            f"same file in a fresh process (module imports and word list included): "
            f"best {min(cold) * 1000:.0f} ms"
        )
    if SEED.exists():
        best, median = _time(lambda: import_file(SEED), repeat=20)
        print(
            f"customer's page ({SEED.stat().st_size:,} bytes): best {best * 1000:.1f} ms, "
            f"median {median * 1000:.1f} ms"
        )
    try:
        sys.path.insert(0, str(REPO))
        from tests.importing.test_docx_import import build_docx
    except ImportError:
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "page.docx"
        build_docx(path)
        best, median = _time(lambda: import_file(path))
        print(f"DOCX page with 2 pictures: best {best * 1000:.1f} ms, median {median * 1000:.1f} ms")


if __name__ == "__main__":
    main()
