"""Build `context_lm.bin`: the word trigram model the deep pass reads, converted from libime's `zh_CN.lm`.

Source: the KenLM trigram model that libime ships (Debian package `libime-data-language-model`,
https://github.com/fcitx/libime, © 2015-2022 CSSlayer; LGPL-2.1-or-later). It is read with our own reader of
KenLM's binary format (`kenlm_reader.py`; no KenLM needed) and written in our own layout, one file, so it can be
replaced or left out without touching anything else (the deep pass then says the model is missing). As a work
derived from an LGPL-2.1+ data file it stays under LGPL-2.1-or-later (see NOTICE). Run from the repository root:

    apt-get install libime-data-language-model
    python resources/typo/build_libime.py

Layout of `context_lm.bin` (read by `editor_app.proof.deep.lm3`): one ASCII header line,
`editor-app context-lm 1 <json>\\n`, whose JSON names each section's offset, length and CRC-32; then the sections:

- `words`    the words (Han characters only), UTF-8, one per line; a word's id is its line number.
- `uni`      two little-endian uint16 per word: -ln P(w) and -ln backoff(w), in hundredths of a nat.
- `bi_rows`  int32 per word + 1: where the bigrams that *predict* the word start in `bi_ctx` (as KenLM's trie
             keys them: by the predicted word, then the context word).
- `bi_ctx`   uint32 per bigram: its context word (sorted within each row, so a look-up is a binary search).
- `bi_cost`  two bytes per bigram: round(4 * -ln P(w | v)) and round(20 * -ln backoff(v w)), capped at 255.
- `tri_keys` int32 per bigram that has trigrams (sorted), `tri_rows` int32 where its trigrams start (+1 entry),
- `holes`    candidate index: "机?" and the standard characters (通用规范汉字表) that make a word of 2-4 characters
             the model knows in the hole ("机? 制智器…"), one key a line, so the deep pass proposes only fixes
             that complete a word.
- `tri_ctx`  uint32 per trigram: its first word (sorted within each row); `tri_cost` one byte each: 4 * -ln P.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import zlib
from array import array
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = Path("/usr/lib/x86_64-linux-gnu/libime/zh_CN.lm")
OUT = HERE / "context_lm.bin"
STANDARD = HERE.parent / "rules" / "data" / "tongyong_guifan_8105.txt"
MAGIC = "editor-app context-lm 1"
LN10 = math.log(10)


def is_han(word: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" or ch == "〇" for ch in word)


def byte(value: float, scale: float) -> int:
    return max(0, min(255, round(scale * value)))


def standard_chars() -> set[str]:
    text = STANDARD.read_text(encoding="utf-8")
    return {ch for line in text.splitlines() if not line.startswith("#") for ch in line if is_han(ch)}


def holes(words: list[str], standard: set[str], longest: int = 4) -> str:
    """ "机?<TAB>制智器…" lines: the characters that fill the hole to make a word (see the module docstring)."""
    found: dict[str, list[str]] = {}
    for word in words:
        if 2 <= len(word) <= longest:
            for k, ch in enumerate(word):
                if ch in standard:
                    found.setdefault(word[:k] + "?" + word[k + 1 :], []).append(ch)
    return "".join(f"{key}\t{''.join(chars)}\n" for key, chars in sorted(found.items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(HERE))
    from kenlm_reader import read

    m = read(args.source)
    ours = {}  # kenlm id -> our id
    words = []
    for kid, word in enumerate(m.words):
        if kid and word and is_han(word):
            ours[kid] = len(words)
            words.append(word)
    uni = array("H")
    bi_rows, bi_ctx, bi_cost = array("i"), array("I"), bytearray()
    tri_keys, tri_rows, tri_ctx, tri_cost = array("i"), array("i"), array("I"), bytearray()
    for kid, _word in enumerate(m.words):
        if kid not in ours:
            continue
        uni.append(min(65535, round(-100 * LN10 * m.uni_prob[kid])))
        uni.append(min(65535, round(-100 * LN10 * m.uni_backoff[kid])))
        bi_rows.append(len(bi_ctx))
        for j in range(m.uni_next[kid], m.uni_next[kid + 1]):
            v = m.bigram_word[j]
            if v not in ours:
                continue
            kids = [
                (ours[m.trigram_word[k]], m.trigram_prob[k])
                for k in range(m.bigram_next[j], m.bigram_next[j + 1])
                if m.trigram_word[k] in ours
            ]
            if kids:
                tri_keys.append(len(bi_ctx))
                tri_rows.append(len(tri_ctx))
                for w, p in sorted(kids):
                    tri_ctx.append(w)
                    tri_cost.append(byte(-LN10 * p, 4))
            bi_ctx.append(ours[v])
            bi_cost.append(byte(-LN10 * m.bigram_prob[j], 4))
            bi_cost.append(byte(-LN10 * m.bigram_backoff[j], 20))
    bi_rows.append(len(bi_ctx))
    tri_rows.append(len(tri_ctx))
    for column in (uni, bi_rows, bi_ctx, tri_keys, tri_rows, tri_ctx):
        if sys.byteorder != "little":
            column.byteswap()
    sections = {
        "words": "".join(w + "\n" for w in words).encode("utf-8"),
        "uni": uni.tobytes(),
        "bi_rows": bi_rows.tobytes(),
        "bi_ctx": bi_ctx.tobytes(),
        "bi_cost": bytes(bi_cost),
        "tri_keys": tri_keys.tobytes(),
        "tri_rows": tri_rows.tobytes(),
        "tri_ctx": tri_ctx.tobytes(),
        "tri_cost": bytes(tri_cost),
    }
    sections["holes"] = holes(words, standard_chars()).encode("utf-8")
    table, offset = {}, 0
    for name, blob in sections.items():
        table[name] = [offset, len(blob), f"{zlib.crc32(blob):08x}"]
        offset += len(blob)
    meta = {
        "source": "libime zh_CN.lm (LGPL-2.1-or-later), converted by resources/typo/build_libime.py",
        "words": len(words),
        "bigrams": len(bi_ctx),
        "trigrams": len(tri_ctx),
        "sections": table,
    }
    with args.out.open("wb") as fh:
        fh.write(f"{MAGIC} {json.dumps(meta, separators=(',', ':'))}\n".encode("ascii"))
        for blob in sections.values():
            fh.write(blob)
    print(
        f"{args.out.name}: {len(words)} words, {len(bi_ctx)} bigrams, {len(tri_ctx)} trigrams, "
        f"{args.out.stat().st_size:,} bytes"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
