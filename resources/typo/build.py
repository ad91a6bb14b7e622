"""Build the compact typo-detector tables in this folder from installed, openly licensed data.

Run from the repository root with the project venv:

    pip download --no-deps -d /tmp/p2h pinyin2hanzi      # MIT; only its data files are read
    python resources/typo/build.py --pinyin2hanzi /tmp/p2h/Pinyin2Hanzi-0.1.1.tar.gz

Outputs (UTF-8, each well under 3 MB, loaded by `editor_app.proof.typo.tables`):

- `words.tsv`   word<TAB>frequency: jieba's dict.txt (MIT) words of 2+ Han characters with frequency >= 5
  (jieba lists misspellings such as 再接再励 at frequency 3: the floor drops them), plus single characters,
  plus the hand-written modern official vocabulary in `supplement.txt` at frequency 1000.
- `bigrams.tsv` prev<TAB>default<TAB>next chars<TAB>scores: the character transition table of Pinyin2Hanzi's
  HMM (MIT), as -2*ln(p) rounded and stored as one ASCII character each (chr(33 + q)).
- `chars.tsv`   char<TAB>toneless readings<TAB>similar-shape chars: readings from pypinyin for the 8,105
  characters of 通用规范汉字表 (plus every character the other tables use); shape neighbours from glyph
  bitmaps of an installed CJK font (see `shape.py`), when one is found.
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
HANZI_LIST = Path(__file__).resolve().parents[3] / "shared" / "data" / "wordlists" / "tongyong_guifan_hanzi_8105.tsv"


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
        fh.write("# word\tfrequency (jieba dict.txt, MIT; multi-character words with frequency >= 5;"
                 " plus supplement.txt)\n")
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
        fh.write("# prev\tdefault\tnext chars\tscores: Pinyin2Hanzi hmm_transition (MIT); score = chr(33 + round(-2 ln p))\n")
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
        chars = [line.split("\t")[1] for line in HANZI_LIST.read_text(encoding="utf-8").splitlines() if "\t" in line]
    seen = set(chars)
    chars += sorted(c for c in extra if c not in seen and HAN.match(c))
    try:
        from shape import similar_shapes  # type: ignore[import-not-found]
        shapes = similar_shapes(chars[:8105] if len(chars) >= 8105 else chars)
    except (ImportError, OSError) as exc:
        print(f"no shape table: {exc}", file=sys.stderr)
        shapes = {}
    with out.open("w", encoding="utf-8") as fh:
        fh.write("# char\ttoneless readings (pypinyin)\tsimilar-shape characters (glyph bitmaps)\n")
        for c in chars:
            readings = sorted(set(pinyin(c, style=Style.NORMAL, heteronym=True)[0]))
            readings = [r for r in readings if r.isascii() and r.isalpha()]
            if not readings:
                continue
            fh.write(f"{c}\t{' '.join(readings)}\t{''.join(shapes.get(c, ()))}\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pinyin2hanzi", type=Path, required=True, help="Pinyin2Hanzi sdist (.tar.gz)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(HERE))
    words = build_words(HERE / "words.tsv")
    used = build_bigrams(HERE / "bigrams.tsv", load_transitions(args.pinyin2hanzi))
    used.update(w for w in words if len(w) == 1)
    build_chars(HERE / "chars.tsv", used)
    for name in ("words.tsv", "bigrams.tsv", "chars.tsv"):
        print(name, (HERE / name).stat().st_size, "bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
