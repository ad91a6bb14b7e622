"""Checker quality on the public eval sets in ../shared/data/eval (read at run time, never copied).

Per set: clean-sentence flag rate (error-free sentences with any error/warning finding — the noise editors
feel), and character-level detection precision and recall of error/warning findings against the gold
edits. `python bench/check_quality.py [--shared PATH]`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def measure(path: Path, checker) -> dict:
    clean = clean_flagged = 0
    true_positive = predicted = gold = 0
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            findings = [f for f in checker.check_text(row["src"]) if f.level != "info"]
            flagged = set()
            for finding in findings:
                flagged.update(range(finding.start, finding.end))
            wrong = {offset for offset, _wrong, _right in row["edits"]}
            if not row["edits"]:
                clean += 1
                clean_flagged += bool(findings)
            predicted += len(flagged)
            gold += len(wrong)
            true_positive += len(flagged & wrong)
    return {
        "clean_flag_rate": clean_flagged / clean if clean else 0.0,
        "clean": clean,
        "precision": true_positive / predicted if predicted else 0.0,
        "recall": true_positive / gold if gold else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    from editor_app.proof import Checker

    checker = Checker.load(include_user=False)
    sets = sorted((args.shared / "data" / "eval").glob("*.jsonl"))
    if not sets:
        print(f"no eval sets under {args.shared / 'data' / 'eval'}: nothing to measure")
        return
    print(f"{'set':24} {'clean':>6} {'flag rate':>9} {'char P':>7} {'char R':>7}")
    for path in sets:
        result = measure(path, checker)
        print(
            f"{path.stem:24} {result['clean']:6d} {result['clean_flag_rate']:9.2%} "
            f"{result['precision']:7.3f} {result['recall']:7.3f}"
        )


if __name__ == "__main__":
    main()
