"""Build `expected_chargrams.tsv` and `expected_wordpairs.tsv`: counts the typo detector reads as news-corpus
evidence, computed from libime's word trigram model instead of counted in a corpus.

Source: `zh_CN.lm` of libime (Debian package `libime-data-language-model`, https://github.com/fcitx/libime,
© 2015-2022 CSSlayer; LGPL-2.1-or-later), read with our own KenLM reader (`kenlm_reader.py`). As data derived from
it the two tables stay under LGPL-2.1-or-later (see NOTICE). No text is involved: a count here is what the model
expects in a text of `WORDS` words (1.1 million, the size of the corpus the detector's features were first
fitted at), so the detector's weights keep their scale. Run from the repository root:

    apt-get install libime-data-language-model
    python resources/typo/build_counts.py

How the expectation is taken (P is the model's probability, N the number of tokens, bo a backoff weight):

- a word w occurs N·P(w) times; each character 2- and 3-gram inside it that often;
- a word pair (v, u) occurs N·P(v)·P(u|v) times, with P(u|v) = bo(v)·P(u) for pairs the model does not list,
  so the pairs it leaves out still count (summed per character pair, not enumerated);
- the character 2- and 3-grams across one word boundary are summed over the word pairs they span;
- a character 3-gram x y z that spans three words (y a one-character word) is N·L(x, y)·R(y, z), with L the
  expected share of word pairs (w, y) whose w ends in x and R the probability that the word after y starts
  with z (the trigram's own context is left out: a first-order approximation).

Outputs, in the layouts the detector always read (`editor_app.proof.typo.tables`):

- `expected_chargrams.tsv`  prefix<TAB>next chars<TAB>weights: character 2-grams (one-character prefix) and
  3-grams (two-character prefix) expected at least `MIN_COUNT` times; weight = chr(33 + round(4 ln(1 + count))).
- `expected_wordpairs.tsv`  word_next<TAB>weight: adjacent word pairs, at least one of two or more characters,
  expected at least `MIN_COUNT` times; same weight.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = Path("/usr/lib/x86_64-linux-gnu/libime/zh_CN.lm")
#: the size of the text the counts are expected in, in words (Han word tokens)
WORDS = 1_100_000
#: grams expected fewer times than this are left out (as grams seen once were before)
MIN_COUNT = 2.0
#: character 2-grams expected fewer times than this are left out
MIN_BIGRAM_COUNT = 2.0
#: word pairs expected fewer times than this are left out
MIN_PAIR_COUNT = 2.0
HAN = re.compile(r"^[\u4e00-\u9fff]+$")
CHARGRAMS = "expected_chargrams.tsv"
WORDPAIRS = "expected_wordpairs.tsv"


def weight(count: float) -> str:
    return chr(33 + min(90, round(4 * math.log1p(count))))


class Model:
    """The Han words of the model with unigram probabilities, backoffs and listed bigram probabilities."""

    def __init__(self, path: Path):
        sys.path.insert(0, str(HERE))
        from kenlm_reader import read

        m = read(path)
        self.words: dict[int, str] = {k: w for k, w in enumerate(m.words) if k and HAN.match(w or "")}
        self.p = {k: 10.0 ** m.uni_prob[k] for k in self.words}
        self.bo = {k: 10.0 ** m.uni_backoff[k] for k in self.words}
        #: listed bigrams: (v, u, P(u | v)), both Han words
        self.bigrams: list[tuple[int, int, float]] = []
        for u in self.words:
            for j in range(m.uni_next[u], m.uni_next[u + 1]):
                v = m.bigram_word[j]
                if v in self.words:
                    self.bigrams.append((v, u, 10.0 ** m.bigram_prob[j]))
        han_mass = sum(self.p.values())
        self.tokens = WORDS / han_mass  # N: the Han words are han_mass of all tokens


def _sums(model: Model, key, value) -> dict[str, float]:
    out: dict[str, float] = defaultdict(float)
    for k, w in model.words.items():
        part = key(w)
        if part:
            out[part] += value(k)
    return out


def _outer(
    left: dict[str, float],
    right: dict[str, float],
    floor: float,
    out: dict[str, float],
    join=lambda a, b: a + b,
) -> None:
    """out[a + b] += left[a] * right[b] for every product of at least `floor` (both sorted: early exits)."""
    rights = sorted(right.items(), key=lambda kv: -kv[1])
    for a, x in left.items():
        if not rights or x * rights[0][1] < floor:
            continue
        for b, y in rights:
            if x * y < floor:
                break
            out[join(a, b)] += x * y


def _products(gram: str, a1, a2, b1, b2) -> list[float]:
    """The backoff products that sum into a character gram across one word boundary."""
    if len(gram) == 2:
        return [a1.get(gram[0], 0.0) * b1.get(gram[1], 0.0)]
    return [a2.get(gram[:2], 0.0) * b1.get(gram[2], 0.0), a1.get(gram[0], 0.0) * b2.get(gram[1:], 0.0)]


def expected_counts(model: Model) -> tuple[dict[str, float], dict[str, float]]:
    """(character 2/3-gram -> expected count, "word_next" -> expected count), at `WORDS` words."""
    n = model.tokens
    p, bo, words = model.p, model.bo, model.words
    floor = min(MIN_COUNT, MIN_BIGRAM_COUNT) / n / 4  # products below a quarter of the floor cannot reach it
    #                                                   with the listed pairs' help
    grams: dict[str, float] = defaultdict(float)
    for k, w in words.items():  # inside words
        for size in (2, 3):
            for i in range(len(w) - size + 1):
                grams[w[i : i + size]] += p[k]
    # across one boundary: the backoff part summed per character context, then the listed pairs' difference
    a1 = _sums(model, lambda w: w[-1], lambda k: p[k] * bo[k])
    a2 = _sums(model, lambda w: w[-2:] if len(w) > 1 else "", lambda k: p[k] * bo[k])
    b1 = _sums(model, lambda w: w[0], lambda k: p[k])
    b2 = _sums(model, lambda w: w[:2] if len(w) > 1 else "", lambda k: p[k])
    across: dict[str, float] = defaultdict(float)
    _outer(a1, b1, floor, across)
    _outer(a2, b1, floor, across)
    _outer(a1, b2, floor, across)
    for v, u, q in model.bigrams:
        wv, wu = words[v], words[u]
        d = p[v] * (q - bo[v] * p[u])
        across[wv[-1] + wu[0]] += d
        if len(wv) > 1:
            across[wv[-2:] + wu[0]] += d
        if len(wu) > 1:
            across[wv[-1] + wu[:2]] += d
    for gram in list(across):  # grams the listed pairs reached but the outer products left below their floor
        x = across[gram]
        for product in _products(gram, a1, a2, b1, b2):
            if product < floor:
                x += product
        grams[gram] += max(0.0, x)
    # across two boundaries, through a one-character word y: N * L(x, y) * R(y, z)
    single = {w: k for k, w in words.items() if len(w) == 1}
    left: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))  # y -> x -> L
    right: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))  # y -> z -> R
    for v, u, q in model.bigrams:
        wv, wu = words[v], words[u]
        if len(wu) == 1:
            left[wu][wv[-1]] += p[v] * (q - bo[v] * p[u])
        if len(wv) == 1:
            right[wv][wu[0]] += q - bo[v] * p[u]
    for y, k in single.items():
        lx = left.pop(y, {})
        for x, value in a1.items():
            lx[x] = lx.get(x, 0.0) + value * p[k]
        rz = right.pop(y, {})
        for z, value in b1.items():
            rz[z] = rz.get(z, 0.0) + bo[k] * value
        lpos = {x: value for x, value in lx.items() if value * n >= MIN_COUNT}  # R <= 1
        rpos = {z: value for z, value in rz.items() if value > 0}
        _outer(lpos, rpos, MIN_COUNT / n, grams, join=lambda a, b, y=y: a + y + b)
    chargrams = {
        g: c * n for g, c in grams.items() if c * n >= (MIN_BIGRAM_COUNT if len(g) == 2 else MIN_COUNT)
    }
    pairs: dict[str, float] = {}
    listed = set()
    for v, u, q in model.bigrams:
        wv, wu = words[v], words[u]
        listed.add((v, u))
        count = n * p[v] * q
        if count >= MIN_PAIR_COUNT and (len(wv) > 1 or len(wu) > 1):
            pairs[f"{wv}_{wu}"] = count
    # pairs the model does not list but expects often (two frequent words): bo(v) P(v) P(u)
    frequent = sorted(((n * p[k] * bo[k], k) for k in words), reverse=True)
    common = sorted(((p[k], k) for k in words), reverse=True)
    for x, v in frequent:
        if x * common[0][0] < MIN_PAIR_COUNT:
            break
        for y, u in common:
            if x * y < MIN_PAIR_COUNT:
                break
            if (v, u) not in listed and (len(words[v]) > 1 or len(words[u]) > 1):
                pairs[f"{words[v]}_{words[u]}"] = x * y
    return chargrams, pairs


def write(folder: Path, chargrams: dict[str, float], pairs: dict[str, float]) -> None:
    rows: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for gram, count in chargrams.items():
        rows[gram[:-1]].append((gram[-1], count))
    source = "libime zh_CN.lm (LGPL-2.1-or-later), resources/typo/build_counts.py"
    with (folder / CHARGRAMS).open("w", encoding="utf-8") as fh:
        fh.write(
            f"# prefix\tnext chars\tweights: character 2-grams expected at least {MIN_BIGRAM_COUNT:g} and 3-grams"
            f" at least {MIN_COUNT:g} times in"
            f" {WORDS:,} words under {source}; weight = chr(33 + round(4 ln(1 + count)))\n"
        )
        for prefix in sorted(rows):
            entries = sorted(rows[prefix])
            fh.write(
                f"{prefix}\t{''.join(c for c, _ in entries)}\t{''.join(weight(n) for _, n in entries)}\n"
            )
    with (folder / WORDPAIRS).open("w", encoding="utf-8") as fh:
        fh.write(
            f"# word_next\tweight: adjacent word pairs expected at least {MIN_PAIR_COUNT:g} times in {WORDS:,} words"
            f" under {source}; weight = chr(33 + round(4 ln(1 + count)))\n"
        )
        for key in sorted(pairs):
            fh.write(f"{key}\t{weight(pairs[key])}\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--out", type=Path, default=HERE)
    parser.add_argument("--words", type=int, help="size of the text the counts are expected in")
    parser.add_argument("--min-pair-count", type=float, help="floor of the word pairs' expected counts")
    parser.add_argument(
        "--min-bigram-count", type=float, help="floor of the character 2-grams' expected counts"
    )
    args = parser.parse_args(argv)
    global WORDS, MIN_PAIR_COUNT, MIN_BIGRAM_COUNT
    WORDS = args.words or WORDS
    MIN_PAIR_COUNT = args.min_pair_count or MIN_PAIR_COUNT
    MIN_BIGRAM_COUNT = args.min_bigram_count or MIN_BIGRAM_COUNT
    chargrams, pairs = expected_counts(Model(args.source))
    write(args.out, chargrams, pairs)
    for name in (CHARGRAMS, WORDPAIRS):
        print(name, f"{(args.out / name).stat().st_size:,} bytes")
    print(f"{len(chargrams):,} character grams, {len(pairs):,} word pairs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
