"""Chinese spelling-check evaluation: the typo detector, the whole checker and a reference baseline.

Reads ../shared/data/eval/*.jsonl ({"src", "tgt", "edits": [[offset, wrong, right], ...]}) and prints, per
set and system: character-level detection precision and recall, and the clean-sentence flag rate (share of
error-free sentences that get any error/warning finding: the number editors feel).

Systems:
  checker   the whole checker (editor_app.proof.check_text), when present in this tree; precision/recall
            count its 别字/别词/成语 findings, the flag rate counts every error/warning finding
  deep      the deep pass alone (editor_app.proof.deep: context scorer, idioms and set phrases, function words);
            precision/recall over its findings, the flag rate over its error/warning findings
  both      the whole checker with the deep pass (what `editor-app check --deep` reports): the union of the two
  detector  editor_app.proof.typo alone
  baseline  unknown-word spans from jieba segmentation, one-character same-pinyin swap, accepted when the
            result is a jieba dictionary word with frequency >= 500

    PYTHONPATH=src python bench/eval_csc.py [--sets odw law med] [--markdown]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
DATA = REPO.parent / "shared" / "data" / "eval"
TYPO_CATEGORIES = {"别字", "别词", "成语"}

Flagger = Callable[[str], tuple[set[int], bool]]  # -> (flagged typo positions, any error/warning finding)


@dataclass
class Score:
    system: str
    sentences: int = 0
    gold: int = 0
    flagged: int = 0
    correct: int = 0
    clean: int = 0
    clean_flagged: int = 0
    seconds: float = 0.0

    @property
    def precision(self) -> float:
        return self.correct / self.flagged if self.flagged else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def clean_rate(self) -> float:
        return self.clean_flagged / self.clean if self.clean else 0.0


def load_set(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def gold_positions(item: dict) -> set[int]:
    return {off for off, wrong, right in item["edits"] if wrong != right}


def evaluate(name: str, items: Iterable[dict], flag: Flagger) -> Score:
    score = Score(name)
    start = time.perf_counter()
    for item in items:
        gold = gold_positions(item)
        positions, any_finding = flag(item["src"])
        score.sentences += 1
        score.gold += len(gold)
        score.flagged += len(positions)
        score.correct += len(positions & gold)
        if not item["edits"]:
            score.clean += 1
            score.clean_flagged += bool(any_finding)
    score.seconds = time.perf_counter() - start
    return score


def span_positions(text: str, start: int, end: int, suggestion: str | None) -> set[int]:
    """Positions a finding points at: the differing characters when the suggestion has the same length."""
    wrong = text[start:end]
    if suggestion is not None and len(suggestion) == len(wrong):
        diff = {start + k for k, (a, b) in enumerate(zip(wrong, suggestion)) if a != b}
        if diff:
            return diff
    return set(range(start, end))


# -- systems ------------------------------------------------------------------------------------
def detector_flagger(min_logit: float | None = None) -> Flagger:
    from editor_app.proof.typo import Settings, TypoDetector

    detector = TypoDetector.load(settings=Settings() if min_logit is None else Settings(min_logit=min_logit))

    def flag(text: str) -> tuple[set[int], bool]:
        hits = detector.detect(text)
        positions: set[int] = set()
        for h in hits:
            positions |= span_positions(text, h.start, h.end, h.right)
        return positions, bool(hits)

    return flag


def checker_flagger() -> Flagger | None:
    try:
        from editor_app.proof import check_text
    except ImportError:
        return None

    def flag(text: str) -> tuple[set[int], bool]:
        findings = [f for f in check_text(text) if f.level in ("error", "warning")]
        positions: set[int] = set()
        for f in findings:
            if f.category in TYPO_CATEGORIES:
                positions |= span_positions(text, f.start, f.end, f.suggestions[0] if f.suggestions else None)
        return positions, bool(findings)

    return flag


def deep_flagger() -> Flagger | None:
    try:
        from editor_app.proof.deep import DeepChecker
    except ImportError:
        return None
    deep = DeepChecker.load(user_terms=())

    def flag(text: str) -> tuple[set[int], bool]:
        findings = [f for f in deep.check_text(text) if f.level in ("error", "warning")]
        positions: set[int] = set()
        for f in findings:
            if f.category in TYPO_CATEGORIES:
                positions |= span_positions(text, f.start, f.end, f.suggestions[0] if f.suggestions else None)
        return positions, bool(findings)

    return flag


def both_flagger() -> Flagger | None:
    """The fast checker, then the deep pass on what it left: a deep finding touching a fast one is dropped, as
    `DeepChecker.check_issue` does."""
    try:
        from editor_app.proof import check_text
        from editor_app.proof.deep import DeepChecker
    except ImportError:
        return None
    deep = DeepChecker.load(user_terms=())

    def flag(text: str) -> tuple[set[int], bool]:
        fast = [f for f in check_text(text) if f.level in ("error", "warning")]
        more = [
            f
            for f in deep.check_text(text)
            if f.level in ("error", "warning")
            and not any(g.start <= f.end and f.start <= g.end for g in fast)
        ]
        positions: set[int] = set()
        for f in fast + more:
            if f.category in TYPO_CATEGORIES:
                positions |= span_positions(text, f.start, f.end, f.suggestions[0] if f.suggestions else None)
        return positions, bool(fast or more)

    return flag


def baseline_flagger() -> Flagger:
    import logging

    import jieba
    from pypinyin import Style, pinyin

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    freq = jieba.dt.FREQ
    readings: dict[str, set[str]] = {}
    by_reading: dict[str, set[str]] = {}
    for word, f in freq.items():
        if len(word) == 1 and f > 0 and "\u4e00" <= word <= "\u9fff":
            rs = {r for r in pinyin(word, style=Style.NORMAL, heteronym=True)[0]}
            readings[word] = rs
            for r in rs:
                by_reading.setdefault(r, set()).add(word)

    def homophones(c: str) -> set[str]:
        out: set[str] = set()
        for r in readings.get(c, ()):
            out |= by_reading[r]
        out.discard(c)
        return out

    def is_han(s: str) -> bool:
        return all("\u4e00" <= ch <= "\u9fff" for ch in s)

    def spans(text: str) -> list[tuple[int, int]]:
        out = []
        pos = 0
        single_start = None
        for tok in jieba.lcut(text):
            end = pos + len(tok)
            if len(tok) == 1 and is_han(tok):
                if single_start is None:
                    single_start = pos
            else:
                if single_start is not None and pos - single_start >= 2:
                    out.append((single_start, pos))
                single_start = None
                if len(tok) > 1 and is_han(tok) and freq.get(tok, 0) == 0:
                    out.append((pos, end))
            pos = end
        if single_start is not None and pos - single_start >= 2:
            out.append((single_start, pos))
        return out

    def flag(text: str) -> tuple[set[int], bool]:
        positions: set[int] = set()
        for a, b in spans(text):
            for p in range(a, b):
                done = False
                for x in homophones(text[p]):
                    for lo in range(max(a, p - 3), p + 1):
                        for hi in range(p + 1, min(b, lo + 4) + 1):
                            if hi - lo < 2:
                                continue
                            cand = text[lo:p] + x + text[p + 1 : hi]
                            if freq.get(cand, 0) >= 500:
                                positions.add(p)
                                done = True
                                break
                        if done:
                            break
                    if done:
                        break
        return positions, bool(positions)

    return flag


# -- report -------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Evaluate typo detection on labelled CSC sets.")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--sets", nargs="*", help="substrings of set names to run (default: all)")
    parser.add_argument("--systems", nargs="*", default=["checker", "deep", "both", "detector", "baseline"])
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--min-logit", type=float, help="the detector's acceptance threshold (log-odds)")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"no evaluation data at {args.data}: nothing to measure", file=sys.stderr)
        return 0
    paths = sorted(args.data.glob("*.jsonl"))
    if args.sets:
        paths = [p for p in paths if any(s in p.stem for s in args.sets)]
    makers = {
        "checker": checker_flagger,
        "deep": deep_flagger,
        "both": both_flagger,
        "detector": lambda: detector_flagger(args.min_logit),
        "baseline": baseline_flagger,
    }
    systems = {}
    for name in args.systems:
        flagger = makers[name]()
        if flagger is None:
            print(f"({name}: not available in this tree)", file=sys.stderr)
            continue
        systems[name] = flagger
    rows = []
    for path in paths:
        items = load_set(path)
        for name, flagger in systems.items():
            rows.append((path.stem, evaluate(name, items, flagger)))
    if args.markdown:
        print("| set | system | precision | recall | clean flagged | ms/sentence |")
        print("|---|---|---|---|---|---|")
        for stem, s in rows:
            print(
                f"| {stem} | {s.system} | {s.precision:.3f} | {s.recall:.3f} | "
                f"{s.clean_rate:.1%} ({s.clean_flagged}/{s.clean}) | {1000 * s.seconds / s.sentences:.2f} |"
            )
    else:
        print(f"{'set':<22}{'system':<10}{'P':>7}{'R':>7}{'clean':>8}{'ms/sent':>9}")
        for stem, s in rows:
            print(
                f"{stem:<22}{s.system:<10}{s.precision:>7.3f}{s.recall:>7.3f}{s.clean_rate:>8.1%}"
                f"{1000 * s.seconds / s.sentences:>9.2f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
