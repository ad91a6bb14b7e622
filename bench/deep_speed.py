"""Deep pass (深度校对) speed: `PYTHONPATH=src python bench/deep_speed.py`.

Targets (issue 13): >= 5 k chars/s (a 6,000-character page in <= 1.5 s on two cores), first use <= 1 s. Measured
on the customer's page (imported as the GUI reads it) and on the evaluation sets' sentences, both read from
../shared at run time; each run uses a fresh DeepChecker (nothing memoised from an earlier run), the model itself
loaded once. First use: a fresh process importing the deep pass, loading its data and checking one sentence.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
SHARED = REPO.parent / "shared"


def fresh_checker(template):
    from editor_app.proof.deep import DeepChecker

    deep = DeepChecker(
        template.tables,
        template.lm,
        sorted(template.idioms),
        [],
        template.rules,
        (),
        word_pairs=[(a, b) for a, bs in template.word_pairs.items() for b in bs],
    )
    deep.phrases = template.phrases
    deep.scorer.own_words = template.scorer.own_words
    # the models' memos of costs are shared by every checker in the process: empty them, so a timed run reads
    # the models afresh as well
    template.lm._memo.clear()
    template.tables.language_model()._memo.clear()
    return deep


def first_use() -> float:
    code = (
        "import time; t=time.perf_counter(); from editor_app.proof.deep import DeepChecker; "
        "DeepChecker.load(user_terms=()).check_text('进一步完善工作机智。'); print(time.perf_counter()-t)"
    )
    runs = []
    for _ in range(5):
        out = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONPATH": str(REPO / "src"), "PATH": ""},
        )
        runs.append(float(out.stdout.strip()))
    return sorted(runs)[len(runs) // 2]


def main() -> int:
    from editor_app.proof.deep import DeepChecker

    template = DeepChecker.load(user_terms=())
    seed = SHARED / "seeds" / "000_1827cb5f2df69aa0.txt"
    if seed.exists():
        from editor_app.importing import import_file
        from editor_app.model.fields import iter_text_fields

        issue = import_file(seed).issue
        size = sum(len(f.text) for f in iter_text_fields(issue))
        times = []
        for _ in range(5):
            deep = fresh_checker(template)
            start = time.perf_counter()
            deep.check_issue(issue)
            times.append(time.perf_counter() - start)
        median = sorted(times)[len(times) // 2]
        print(
            f"customer's page ({size:,} chars): median {median:.2f} s = {size / median / 1e3:.1f} k chars/s on one "
            f"core (best {min(times):.2f} s, worst {max(times):.2f} s, 5 runs)"
        )
    sentences = []
    for path in sorted((SHARED / "data" / "eval").glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            sentences += [json.loads(line)["src"] for line in fh if line.strip()]
    if sentences:
        deep = fresh_checker(template)
        size = sum(map(len, sentences))
        start = time.perf_counter()
        for sentence in sentences:
            deep.check_text(sentence)
        seconds = time.perf_counter() - start
        print(
            f"evaluation sentences ({len(sentences):,}, {size:,} chars): {seconds:.1f} s = "
            f"{size / seconds / 1e3:.1f} k chars/s on one core"
        )
    print(f"first use (fresh process: imports, data, one sentence): median of 5 {first_use():.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
