"""Build `lm_words.tsv`, `lm_index.bin`, `lm_next.bin`, `lm_cost.bin`: a word bigram model for the typo detector.

Source: the open-gram word trigram model that SunPinyin ships (Debian packages sunpinyin-data and
sunpinyin-utils; CC BY-SA 3.0, https://sourceforge.net/projects/open-gram/). Its unigram and bigram
probabilities are dumped with `tslminfo -p -v` and its lexicon is read from `pydict_sc.bin`; trigrams are
left out (size). Run from the repository root:

    apt-get install sunpinyin-data sunpinyin-utils
    python resources/typo/build_lm.py

Outputs (read on the first candidate by `editor_app.proof.typo.lm`; as derived data they stay under
CC BY-SA 3.0, see NOTICE):

- `lm_words.tsv`  the words, one per line in id order (a word's id is its line number, counted from 0, after
  the comment line, which also carries a CRC-32 of each file's content for the loader to check).
- `lm_index.bin`  four little-endian int32 arrays of one entry per word: -ln P(word) and -ln backoff weight
  (both in tenths of a nat), where its followers start in `lm_next.bin` (in characters) and how many there are.
- `lm_next.bin`   the followers of every word, concatenated in id order: each a word id as one UTF-32-LE
  character of the supplementary planes (`id_char`), so one `str.find` looks a bigram up.
- `lm_cost.bin`   one byte per follower: round(4 * -ln P(follower | word)), capped at 255.

Bigrams about punctuation other than the clause mark 「，」 (the punctuation words themselves stay) and bigrams
less than `--min-lift` nats likelier than the backoff estimate are left out (among them the bigrams the
model rates below that estimate, for which the detector then uses the estimate itself).
"""

from __future__ import annotations

import argparse
import math
import subprocess
import sys
import zlib
from array import array
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = Path("/usr/lib/x86_64-linux-gnu/sunpinyin/data")
MAX_COST = 255
#: the detector reads each run of Han characters as a clause between two of these (editor_app.proof.typo.lm)
CLAUSE_MARK = "，"
#: a bigram less than 1 nat (2.7x) likelier than the backoff estimate changes a window's reading little:
#: dropping those (and the punctuation bigrams) keeps 1.9 of 2.5 million with the same evaluation results
MIN_LIFT = 1.0


def id_char(i: int) -> str:
    """A word id as one character of the supplementary planes, where no character is whitespace, so the
    loader can split the file with str.split (must match editor_app.proof.typo.lm)."""
    return chr(0x10000 + i)


def lexicon(path: Path) -> list[str]:
    """Word strings of a SunPinyin pinyin trie: NUL-terminated UTF-32 strings from the offset in the header."""
    data = path.read_bytes()
    offset = int.from_bytes(data[8:12], "little")
    return data[offset:].decode("utf-32-le").split("\x00")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument(
        "--min-lift",
        type=float,
        default=MIN_LIFT,
        help="keep a bigram only when it is this many nats likelier than its backoff estimate",
    )
    args = parser.parse_args(argv)
    words = lexicon(args.data / "pydict_sc.bin")
    dump = subprocess.run(
        ["tslminfo", "-p", "-v", str(args.data / "lm_sc.t3g")], check=True, capture_output=True, text=True
    ).stdout
    ids: dict[int, int] = {}  # lexicon id -> our id
    unigrams: list[tuple[str, int, int]] = []
    raw: dict[int, tuple[float, float]] = {}  # our id -> (ln P, ln backoff)
    rows: dict[int, list[tuple[int, int]]] = {}
    han: list[bool] = []
    section = 0
    for line in dump.splitlines():
        if line.startswith("\\"):
            section = int(line[1])
            if section == 3:
                break
            continue
        parts = line.split()
        if section == 1:
            wid = int(parts[0])
            word = words[wid] if wid < len(words) else ""
            if wid == 0 or not word:
                continue  # sentence boundary and unnamed ids
            ids[wid] = len(unigrams)
            raw[len(unigrams)] = (math.log(float(parts[1])), math.log(float(parts[2])))
            han.append(word == CLAUSE_MARK or all("\u4e00" <= ch <= "\u9fff" for ch in word))
            unigrams.append(
                (word, round(-10 * math.log(float(parts[1]))), round(-10 * math.log(float(parts[2]))))
            )
        elif section == 2:
            a, b = int(parts[0]), int(parts[1])
            if a in ids and b in ids:
                a, b = ids[a], ids[b]
                log_p = math.log(float(parts[2]))
                if log_p - (raw[a][1] + raw[b][0]) < args.min_lift or not (han[a] and han[b]):
                    continue  # uninformative, or about punctuation other than the clause mark the detector uses
                rows.setdefault(a, []).append((b, min(MAX_COST, round(-4 * log_p))))
    nexts: list[str] = []
    costs = bytearray()
    columns: list[array] = [array("i") for _ in range(4)]
    lines = []
    for i, (word, cost, backoff) in enumerate(unigrams):
        followers = sorted(rows.get(i, ()))
        lines.append(f"{word}\n")
        for column, value in zip(columns, (cost, backoff, len(nexts), len(followers))):
            column.append(value)
        nexts.extend(id_char(b) for b, _ in followers)
        costs.extend(c for _, c in followers)
    if sys.byteorder != "little":
        for column in columns:
            column.byteswap()
    data = {
        "lm_words.tsv": "".join(lines).encode("utf-8"),
        "lm_index.bin": b"".join(column.tobytes() for column in columns),
        "lm_next.bin": "".join(nexts).encode("utf-32-le"),
        "lm_cost.bin": bytes(costs),
    }
    # the loader checks these, so a damaged or mismatched file is refused rather than read as wrong numbers
    sums = " ".join(f"{name}={zlib.crc32(blob):08x}" for name, blob in data.items())
    header = f"# generated by resources/typo/build_lm.py from SunPinyin's open-gram model (CC BY-SA 3.0); crc32 {sums}\n"
    data["lm_words.tsv"] = header.encode("utf-8") + data["lm_words.tsv"]
    for name, blob in data.items():
        (HERE / name).write_bytes(blob)
    print(f"{len(unigrams)} words, {sum(map(len, rows.values()))} bigrams")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
