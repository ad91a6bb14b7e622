"""Audit the proofreading word lists in ``resources/rules/data/``.

The checker flags every occurrence of a *wrong* form as a plain substring of running text, so one bad row
means false alarms in every article that contains it. This script keeps the lists honest:

* structure: right column count, known category, no empty field, wrong != right, no duplicate or
  conflicting rows, no chains (a right form that is another row's wrong form), the right form does not
  contain the wrong form;
* correct text: the wrong form never occurs in text known to be correct — the other rows' right forms,
  the idiom list, and (when ``../shared`` is present) every ``tgt`` sentence of ``data/eval/*.jsonl`` and
  every seed page in ``seeds/*.txt``;
* real words: the wrong form is not a frequent word of jieba's dictionary and does not sit inside one;
* idioms: each right form of ``idioms.tsv`` is listed in the idiom list ``成语.txt``.

Run ``python resources/rules/tools/audit_wordlists.py``; it prints one line per problem and exits 1 when
there is any. ``tests/proof/test_wordlists.py`` runs the same checks.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
DATA_DIR = REPO / "resources" / "rules" / "data"
SHARED_DIR = REPO.parent / "shared"
CATEGORIES = frozenset({"别字", "别词"})
# A jieba frequency above this marks a real word; rarer entries are mostly segmentation debris.
MAX_JIEBA_FREQ = 20
# Reviewed exceptions to the jieba rule: wrong form -> highest jieba frequency accepted. Corpus mining put
# common typos into jieba's dictionary (it holds 再接再励 and 按步就班 too); each form below was checked by
# hand to be never-correct on its own. Where a correct phrase can still contain it across a word boundary,
# the `protect:` list of the rule in resources/rules/words.yaml shadows that phrase.
REVIEWED_JIEBA_TYPOS = {
    "震憾": 30,  # only 震撼 exists (撼 shake; 憾 regret)
    "寒喧": 30,  # only 寒暄 exists (暄 warm)
    "烦燥": 30,  # only 烦躁 exists (燥 dry)
    "签定": 200,  # agreements are 签订; protect: 抽签定
    "无庸": 100,  # 无庸 is the non-recommended form of 毋庸 (异形词表); protect: 毫无庸俗
}
# The customer's seed page carries deliberate slips that the checker must catch; these wrong forms are allowed
# to occur there (docs/proofreading.md names 以问题和为导向 as a 句式杂糅 of 以问题为导向).
KNOWN_SEED_SLIPS = frozenset({"以问题和为导向"})


@dataclass(frozen=True)
class Row:
    """One correction pair, whatever file and column order it came from."""

    file: str
    line: int
    wrong: str
    right: str
    category: str = ""

    def where(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class ListSpec:
    """Column layout of one data file."""

    name: str
    min_fields: int
    max_fields: int
    wrong_col: int
    right_col: int
    category_col: int | None = None


SPECS = (
    ListSpec("confusions.tsv", 3, 4, wrong_col=0, right_col=1, category_col=2),
    ListSpec("idioms.tsv", 2, 2, wrong_col=0, right_col=1),
    ListSpec("variants.tsv", 2, 2, wrong_col=1, right_col=0),
)


def iter_data_lines(path: Path) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number, fields) for each non-blank, non-comment line."""
    text = path.read_text(encoding="utf-8")
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        yield number, raw.split("\t")


def load_rows(data_dir: Path = DATA_DIR) -> tuple[list[Row], list[str]]:
    """Read all three lists; return the rows and the structural problems met while parsing."""
    rows: list[Row] = []
    problems: list[str] = []
    for spec in SPECS:
        path = data_dir / spec.name
        if not path.exists():
            problems.append(f"{spec.name}: file is missing")
            continue
        for number, fields in iter_data_lines(path):
            where = f"{spec.name}:{number}"
            if not spec.min_fields <= len(fields) <= spec.max_fields:
                problems.append(
                    f"{where}: expected {spec.min_fields}-{spec.max_fields} TAB-separated fields, "
                    f"got {len(fields)}"
                )
                continue
            if any(f != f.strip() for f in fields):
                problems.append(f"{where}: stray whitespace around a field")
            wrong, right = fields[spec.wrong_col].strip(), fields[spec.right_col].strip()
            category = fields[spec.category_col].strip() if spec.category_col is not None else ""
            if not wrong or not right:
                problems.append(f"{where}: empty wrong or right form")
                continue
            if spec.category_col is not None and category not in CATEGORIES:
                problems.append(f"{where}: category {category!r} is not one of {sorted(CATEGORIES)}")
            rows.append(Row(spec.name, number, wrong, right, category))
    return rows, problems


def check_structure(rows: list[Row]) -> list[str]:
    """wrong != right, right does not contain wrong, no duplicates, no conflicts, no chains."""
    problems: list[str] = []
    first_by_wrong: dict[str, Row] = {}
    for row in rows:
        if row.wrong == row.right:
            problems.append(f"{row.where()}: wrong form equals right form {row.right!r}")
        elif row.wrong in row.right:
            problems.append(f"{row.where()}: right form {row.right!r} contains wrong form {row.wrong!r}")
        earlier = first_by_wrong.get(row.wrong)
        if earlier is None:
            first_by_wrong[row.wrong] = row
        elif earlier.right == row.right:
            problems.append(f"{row.where()}: duplicate of {earlier.where()} ({row.wrong}→{row.right})")
        else:
            problems.append(
                f"{row.where()}: {row.wrong!r} → {row.right!r} conflicts with "
                f"{earlier.where()} ({earlier.wrong}→{earlier.right})"
            )
    for row in rows:
        target = first_by_wrong.get(row.right)
        if target is not None:
            problems.append(
                f"{row.where()}: right form {row.right!r} is itself flagged as wrong at {target.where()}"
            )
    return problems


def eval_correct_texts(shared_dir: Path = SHARED_DIR) -> list[str]:
    """The corrected (`tgt`) side of every labelled sentence in ../shared/data/eval (empty when absent)."""
    texts: list[str] = []
    for path in sorted((shared_dir / "data" / "eval").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["tgt"])
    return texts


def seed_texts(shared_dir: Path = SHARED_DIR) -> list[str]:
    """The customer's seed pages in ../shared/seeds (empty when absent)."""
    return [p.read_text(encoding="utf-8") for p in sorted((shared_dir / "seeds").glob("*.txt"))]


def load_idioms(shared_dir: Path = SHARED_DIR) -> set[str]:
    """The idiom list `成语.txt` (`idiom \\t freq`), or an empty set when ../shared is absent."""
    path = shared_dir / "data" / "wordlists" / "成语.txt"
    if not path.exists():
        return set()
    idioms = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split("\t")[0].strip()
        if word:
            idioms.add(word)
    return idioms


def jieba_dict_path() -> Path | None:
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "dict.txt"
    return path if path.exists() else None


def load_jieba_words(min_freq: int = MAX_JIEBA_FREQ + 1) -> dict[str, int]:
    """jieba dictionary words with frequency >= min_freq (empty when jieba is not installed)."""
    path = jieba_dict_path()
    if path is None:
        return {}
    words: dict[str, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split(" ")
        if len(parts) >= 2 and parts[1].isdigit() and int(parts[1]) >= min_freq:
            words[parts[0]] = int(parts[1])
    return words


def find_in_texts(needles: Iterable[str], texts: Iterable[str]) -> dict[str, str]:
    """Map each needle found in some text to a short excerpt around its first occurrence."""
    found: dict[str, str] = {}
    for needle, excerpt in _occurrences(needles, texts):
        found.setdefault(needle, excerpt.replace("\n", " "))
    return found


def check_correct_text(rows: list[Row], texts: Iterable[str], label: str) -> list[str]:
    """The wrong form must never occur in known-correct text."""
    hits = find_in_texts((r.wrong for r in rows), texts)
    return [
        f"{r.where()}: wrong form {r.wrong!r} occurs in {label}: …{hits[r.wrong]}…"
        for r in rows
        if r.wrong in hits
    ]


def check_right_forms(rows: list[Row]) -> list[str]:
    """A wrong form must not occur inside any row's right form (that text is correct by definition)."""
    problems = []
    hits = find_in_texts((r.wrong for r in rows), [r.right for r in rows])
    rights_by_wrong = {
        r.wrong: [x.right for x in rows if r.wrong in x.right and x.right != r.right]
        for r in rows
        if r.wrong in hits
    }
    for row in rows:
        others = rights_by_wrong.get(row.wrong)
        if others:
            problems.append(f"{row.where()}: wrong form {row.wrong!r} occurs in correct form(s) {others[:3]}")
    return problems


def read_corpus(path: Path) -> list[str]:
    """Lines of a plain or segmented corpus (`词/词性  词/词性`, tags and spaces are dropped)."""
    text = path.read_text(encoding="utf-8")
    return [re.sub(r"/[A-Za-z]+\s*|[\[\] ]", "", line) for line in text.splitlines()]


def corpus_report(rows: list[Row], lines: list[str]) -> list[str]:
    """Every row whose wrong form occurs in the corpus, with up to three contexts (for human review)."""
    contexts: dict[str, list[str]] = {}
    for row_wrong, excerpt in _occurrences((r.wrong for r in rows), lines):
        contexts.setdefault(row_wrong, []).append(excerpt)
    return [
        f"{r.where()}: {r.wrong} ×{len(contexts[r.wrong])}: " + " | ".join(contexts[r.wrong][:3])
        for r in rows
        if r.wrong in contexts
    ]


def _occurrences(needles: Iterable[str], texts: Iterable[str]) -> Iterator[tuple[str, str]]:
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for needle in set(needles):
        automaton.add_word(needle, needle)
    if len(automaton) == 0:
        return
    automaton.make_automaton()
    for text in texts:
        for end, needle in automaton.iter(text):
            start = end - len(needle) + 1
            yield needle, text[max(0, start - 8) : end + 9]


def check_jieba(rows: list[Row], words: dict[str, int]) -> list[str]:
    """The wrong form is not a frequent jieba word and does not sit inside one."""
    import ahocorasick

    problems = []
    by_wrong: dict[str, list[str]] = {}

    automaton = ahocorasick.Automaton()
    for row in rows:
        automaton.add_word(row.wrong, row.wrong)
    if len(automaton) == 0:
        return []
    automaton.make_automaton()
    for word in words:
        for _end, needle in automaton.iter(word):
            by_wrong.setdefault(needle, []).append(word)
    for row in rows:
        hosts = [w for w in by_wrong.get(row.wrong, ()) if w not in (row.right, row.wrong)]
        if row.wrong in words and words[row.wrong] > REVIEWED_JIEBA_TYPOS.get(row.wrong, MAX_JIEBA_FREQ):
            problems.append(
                f"{row.where()}: wrong form {row.wrong!r} is a jieba word (freq {words[row.wrong]})"
            )
        elif hosts:
            hosts.sort(key=lambda w: -words[w])
            problems.append(f"{row.where()}: wrong form {row.wrong!r} sits inside jieba word(s) {hosts[:3]}")
    return problems


def boundary_risks(
    rows: list[Row], words: dict[str, int], min_freq: int = 2000
) -> list[tuple[int, Row, str]]:
    """Rows whose wrong form could arise across a word boundary: (score, row, example), riskiest first.

    For a split wrong = x + y, a frequent word ending in x followed by a frequent word starting with y
    (严峻 + 工作 for 峻工) is an example; the score is the lower of the two frequencies. This is a hint for a
    human reviewer (real risk depends on whether the two words meet in real text), not a failing check.
    """
    ends: dict[str, tuple[int, str]] = {}
    starts: dict[str, tuple[int, str]] = {}
    longest = max((len(r.wrong) for r in rows), default=0)
    for word, freq in words.items():
        if freq < min_freq:
            continue
        for k in range(1, min(len(word), longest) + 1):
            if freq > ends.get(word[-k:], (0, ""))[0]:
                ends[word[-k:]] = (freq, word)
            if freq > starts.get(word[:k], (0, ""))[0]:
                starts[word[:k]] = (freq, word)
    risks = []
    for row in rows:
        best: tuple[int, str] | None = None
        for i in range(1, len(row.wrong)):
            left, right = ends.get(row.wrong[:i]), starts.get(row.wrong[i:])
            if left and right and (best is None or min(left[0], right[0]) > best[0]):
                best = (min(left[0], right[0]), f"{left[1]}|{right[1]}")
        if best:
            risks.append((best[0], row, best[1]))
    risks.sort(key=lambda item: -item[0])
    return risks


def check_idioms(rows: list[Row], idioms: set[str]) -> list[str]:
    """Each corrected idiom must be a listed idiom; its wrong form must not be one."""
    problems = []
    for row in rows:
        if row.file != "idioms.tsv":
            continue
        if row.right not in idioms:
            problems.append(f"{row.where()}: {row.right!r} is not in 成语.txt")
    for row in rows:
        if row.wrong in idioms:
            problems.append(f"{row.where()}: wrong form {row.wrong!r} is itself listed in 成语.txt")
    return problems


def audit(data_dir: Path = DATA_DIR, shared_dir: Path = SHARED_DIR, use_jieba: bool = True) -> list[str]:
    """Every problem found, one human-readable line each (empty list: the lists are clean)."""
    rows, problems = load_rows(data_dir)
    problems += check_structure(rows)
    problems += check_right_forms(rows)
    idioms = load_idioms(shared_dir)
    if idioms:
        problems += check_idioms(rows, idioms)
        problems += check_correct_text(rows, sorted(idioms), "成语.txt")
    texts = eval_correct_texts(shared_dir)
    if texts:
        problems += check_correct_text(rows, texts, "an eval tgt sentence")
    seeds = seed_texts(shared_dir)
    if seeds:
        problems += check_correct_text(
            [r for r in rows if r.wrong not in KNOWN_SEED_SLIPS], seeds, "a seed page"
        )
    if use_jieba:
        problems += check_jieba(rows, load_jieba_words())
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="folder with the .tsv lists")
    parser.add_argument("--shared", type=Path, default=SHARED_DIR, help="the ../shared folder")
    parser.add_argument("--no-jieba", action="store_true", help="skip the jieba dictionary check")
    parser.add_argument(
        "--boundary-report",
        type=int,
        metavar="N",
        default=0,
        help="also list the N rows most likely to match across a word boundary (for review)",
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="also list rows whose wrong form occurs in this text corpus (for review; repeatable)",
    )
    args = parser.parse_args(argv)
    for corpus in args.corpus:
        rows, _ = load_rows(args.data)
        for line in corpus_report(rows, read_corpus(corpus)):
            print(f"corpus {corpus.name}: {line}")
    if args.boundary_report:
        rows, _ = load_rows(args.data)
        for score, row, example in boundary_risks(rows, load_jieba_words())[: args.boundary_report]:
            print(f"risk {score:>7} {row.where()}: {row.wrong} ({example})")
    rows, _ = load_rows(args.data)
    problems = audit(args.data, args.shared, use_jieba=not args.no_jieba)
    for problem in problems:
        print(problem)
    counts = {spec.name: sum(1 for r in rows if r.file == spec.name) for spec in SPECS}
    summary = ", ".join(f"{name} {n}" for name, n in counts.items())
    shared_note = "" if args.shared.exists() else " (../shared absent: corpus and idiom checks skipped)"
    print(f"{len(problems)} problem(s); rows: {summary}{shared_note}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
