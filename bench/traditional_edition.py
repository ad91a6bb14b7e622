"""The traditional edition: accuracy on our phrase set, and how fast pages convert.

Accuracy: tests/export/data/traditional_phrases.tsv (phrases and sentences we wrote, each with the
Taiwan and the Hong Kong form an editor there expects), converted by our converter and, for
comparison, by OpenCC's own s2tw/s2hk as the exporter used it before (its quote marks turned into
corner brackets first, so that only the characters are compared). Speed: building the converter
(OpenCC's tables and jieba's dictionary, once per export), then converting our fixture pages and
the customer's page from ../shared when present, field by field as the exporter does. With
../shared/data/eval present, it also lists where our Taiwan edition and OpenCC's differ on the
sentences of those sets (their corrected side), for a reader to judge (`--show` prints them).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from editor_app.export.phrase_convert import corner_quotes  # noqa: E402
from editor_app.export.traditional import converter  # noqa: E402

DATA = REPO / "tests" / "export" / "data" / "traditional_phrases.tsv"
PAGES = REPO / "tests" / "fixtures" / "pages"
SEED = REPO.parent / "shared" / "seeds" / "000_1827cb5f2df69aa0.txt"
EVAL = REPO.parent / "shared" / "data" / "eval"


def _rows():
    for line in DATA.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            parts = line.split("\t")
            yield parts[0], parts[1], parts[2], parts[3] if len(parts) > 3 else ""


def _fields(path: Path) -> list[tuple[str, str]]:
    from editor_app.importing import import_file
    from editor_app.model.fields import iter_text_fields

    issue = import_file(path).to_project().issue
    return [(tf.text, tf.path) for tf in iter_text_fields(issue)]


def main() -> int:
    import opencc

    rows = list(_rows())
    print(f"phrase set: {len(rows)} rows")
    for variant, column in (("s2tw", 1), ("s2hk", 2)):
        start = time.perf_counter()
        ours = converter(variant)
        built = time.perf_counter() - start
        library = opencc.OpenCC(variant)
        right = sum(ours.convert_field(row[0], row[3]) == row[column] for row in rows)
        # OpenCC alone, given our corner quotes so that only the characters are compared
        plain = sum(corner_quotes(library.convert(row[0])) == row[column] for row in rows)
        print(
            f"{variant}: ours {right}/{len(rows)} ({100 * right / len(rows):.1f} %), OpenCC alone {plain}/{len(rows)} "
            f"({100 * plain / len(rows):.1f} %); converter built in {built:.2f} s"
        )
    pages = sorted(PAGES.glob("*.txt")) + ([SEED] if SEED.exists() else [])
    fields = [field for page in pages for field in _fields(page)]
    chars = sum(len(text) for text, _path in fields)
    for variant in ("s2tw", "s2hk"):
        best = float("inf")
        for _ in range(3):
            fresh = converter(variant)  # no memo from the previous round
            start = time.perf_counter()
            for text, path in fields:
                fresh.convert_field(text, path)
            best = min(best, time.perf_counter() - start)
        print(
            f"{variant}: {len(pages)} pages, {chars} characters in {best * 1000:.0f} ms "
            f"({chars / best / 1000:.0f} k chars/s)"
        )
    if EVAL.is_dir():
        _differences(opencc.OpenCC("s2tw"), converter("s2tw"), show="--show" in sys.argv)
    return 0


def _differences(library, ours, show: bool) -> None:
    import difflib
    import json

    sentences = [
        json.loads(line)["tgt"]
        for path in sorted(EVAL.glob("*.jsonl"))
        for line in path.read_text("utf-8").splitlines()
        if line.strip()
    ]
    found: dict[tuple[str, str, str], int] = {}
    for sentence in sentences:
        a, b = ours(sentence), corner_quotes(library.convert(sentence))
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
            if op != "equal":
                key = (
                    sentence[max(0, i1 - 3) : i2 + 3],
                    a[max(0, i1 - 3) : i2 + 3],
                    b[max(0, j1 - 3) : j2 + 3],
                )
                found[key] = found.get(key, 0) + 1
    print(
        f"eval sets: {len(sentences)} sentences, {sum(map(len, sentences))} characters; ours and OpenCC alone "
        f"differ at {len(found)} distinct places"
    )
    if show:
        for (source, mine, theirs), count in sorted(found.items()):
            print(f"  {count} × {source}: ours {mine} | OpenCC {theirs}")


if __name__ == "__main__":
    sys.exit(main())
