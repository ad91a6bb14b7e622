"""One huge page against the same text spread over 64 pages: the export must not go quadratic.

A pasted-in document can put all of its text on one page; the composer then sets what does not fit on
continuation pages. Target (issue 16): the single page takes no more than 4× the 64-page export of the
same characters. Run: PYTHONPATH=src python bench/single_page_export.py [--chars 1000000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from editor_app.export import export_docx  # noqa: E402
from editor_app.model.document import Article, Issue, Page, Paragraph  # noqa: E402
from editor_app.storage.project import Project  # noqa: E402
from export_speed import sentence_source  # noqa: E402


def articles(chars: int) -> list[Article]:
    sentences = sentence_source()  # real sentences in order (both layouts get the same text)
    out, total = [], 0
    while total < chars:
        paragraphs = ["".join(next(sentences) for _ in range(3)) for _ in range(8)]
        total += sum(map(len, paragraphs))
        out.append(
            Article(
                title=f"稿件{len(out) + 1}", dateline="新区讯", paragraphs=[Paragraph(t) for t in paragraphs]
            )
        )
    return out


def timed(project: Project) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        result = export_docx(project, Path(folder) / "out.docx")
        return time.perf_counter() - start, len(result.problems)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--chars", type=int, default=1_000_000)
    args = parser.parse_args()
    items = articles(args.chars)
    chars = sum(len(p.text) for a in items for p in a.paragraphs)
    one = Project(Issue(pages=[Page(1, blocks=list(items))]))
    per = -(-len(items) // 64)
    many = Project(Issue(pages=[Page(n + 1, blocks=items[n * per : (n + 1) * per]) for n in range(64)]))
    single, _ = timed(one)
    spread, _ = timed(many)
    print(
        f"{chars} characters in {len(items)} articles: one page {single:.1f} s, 64 pages {spread:.1f} s, "
        f"ratio {single / spread:.2f} (target ≤ 4)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
