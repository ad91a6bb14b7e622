"""Read a KenLM binary language model ("trie with quantization and array-compressed pointers", format 5)
without KenLM: the vocabulary, unigram, bigram and trigram log10 probabilities and backoffs.

Used at build time only (`build_libime.py`) to convert libime's `zh_CN.lm` into our own tables; the layout
follows KenLM's lm/binary_format.cc, vocab.cc, search_trie.cc, trie.cc, bhiksha.cc and quantize.cc.
"""

from __future__ import annotations

import struct
from array import array
from bisect import bisect_right
from dataclasses import dataclass

MAGIC = b"mmap lm http://kheafield.com/code format version 5\n\x00"
QUANT_ARRAY_TRIE = 5


def required_bits(value: int) -> int:
    return value.bit_length()


def _chop_bits(max_offset: int, max_next: int, configured: int) -> int:
    """bhiksha.cc ChopBits: how many high bits of the next pointers the offset array holds."""
    required = required_bits(max_next)
    best, lowest = 0, None
    for chop in range(0, min(required, configured) + 1):
        change = (max_next >> (required - chop)) * 64 - max_offset * chop
        if lowest is None or change < lowest:
            lowest, best = change, chop
    return best


@dataclass
class KenLM:
    words: list[str]  # by word id (0 is <unk>)
    uni_prob: array  # log10 P(w)
    uni_backoff: array  # log10 backoff(w)
    bigram_word: array  # per bigram: its second word; bigrams of u are [uni_next[u], uni_next[u+1])
    uni_next: array
    bigram_prob: array
    bigram_backoff: array
    bigram_next: array  # trigrams of bigram j are [bigram_next[j], bigram_next[j+1])
    trigram_word: array
    trigram_prob: array


def read(path) -> KenLM:
    data = memoryview(open(path, "rb").read())
    if bytes(data[: len(MAGIC)]) != MAGIC:
        raise ValueError(f"{path}: not a KenLM binary model of format 5")
    pos = 56 + 12 + 12 + 8  # Sanity: magic (aligned to 8), three floats, three word indices, one uint64
    order, _mult, model_type, has_vocab, _version = struct.unpack_from("<B3xfIB3xI", data, pos)
    pos += 20
    counts = struct.unpack_from(f"<{order}Q", data, pos)
    header = (pos + 8 * order + 7) // 8 * 8
    if order != 3 or model_type != QUANT_ARRAY_TRIE or not has_vocab:
        raise ValueError(
            f"{path}: expected a trigram quantised array trie with its vocabulary "
            f"(order {order}, type {model_type})"
        )
    n1, n2, n3 = counts
    vocab_size = 8 + 8 * n1
    search = header + vocab_size
    # quantisation: 8-byte header (version, prob bits, backoff bits), then per middle order the prob and backoff
    # centres, then the longest order's prob centres
    qversion, prob_bits, backoff_bits = data[search], data[search + 1], data[search + 2]
    if qversion != 2:
        raise ValueError(f"{path}: quantisation version {qversion}")
    at = search + 8
    bigram_prob_table = array("f", bytes(data[at : at + 4 * (1 << prob_bits)]))
    at += 4 * (1 << prob_bits)
    bigram_backoff_table = array("f", bytes(data[at : at + 4 * (1 << backoff_bits)]))
    at += 4 * (1 << backoff_bits)
    trigram_prob_table = array("f", bytes(data[at : at + 4 * (1 << prob_bits)]))
    at += 4 * (1 << prob_bits)
    unigrams = search + (2 * (1 << prob_bits) + (1 << backoff_bits)) * 4 + 8
    # unigrams: (prob, backoff, next) x (n1 + 2)
    uni = array("f")
    uni_next = array("Q")
    for k in range(n1 + 1):
        p, b, nxt = struct.unpack_from("<ffQ", data, unigrams + 16 * k)
        uni.append(p)
        uni.append(b)
        uni_next.append(nxt)
    middle = unigrams + 16 * (n1 + 2)
    # array bhiksha for the bigrams' next pointers
    bh = (middle + 7) // 8 * 8
    bh_version, bh_bits = data[bh], data[bh + 1]
    if bh_version != 0:
        raise ValueError(f"{path}: array compression version {bh_version}")
    chop = _chop_bits(n2 + 1, n3, bh_bits)
    array_count = (n3 >> (required_bits(n3) - chop)) + 1
    offsets = array("Q", bytes(data[bh + 8 : bh + 8 + 8 * array_count]))
    bh_size = 8 * (1 + array_count) + 7
    inline_bits = required_bits(n3) - chop
    word_bits = required_bits(n1)
    quant_bits = prob_bits + backoff_bits
    total = word_bits + quant_bits + inline_bits
    base2 = middle + bh_size
    size2 = ((1 + n2) * total + 7) // 8 + 8
    blob2 = bytes(data[base2 : base2 + size2])
    base3 = base2 + size2
    total3 = word_bits + prob_bits
    size3 = ((1 + n3) * total3 + 7) // 8 + 8
    blob3 = bytes(data[base3 : base3 + size3])
    words_at = base3 + size3
    words = bytes(data[words_at:]).split(b"\x00")
    words = [w.decode("utf-8") for w in words[:n1]]
    if words[0] != "<unk>" or len(words) != n1:
        raise ValueError(f"{path}: the vocabulary is not where the header says ({len(words)} words)")
    wmask, pmask, bmask, imask = (
        (1 << word_bits) - 1,
        (1 << prob_bits) - 1,
        (1 << backoff_bits) - 1,
        (1 << inline_bits) - 1,
    )
    bigram_word, bigram_prob, bigram_backoff, bigram_next = array("I"), array("f"), array("f"), array("Q")
    for j in range(n2 + 1):
        bit = j * total
        v = int.from_bytes(blob2[bit >> 3 : (bit >> 3) + 8], "little") >> (bit & 7)
        bigram_word.append(v & wmask)
        v >>= word_bits
        bigram_backoff.append(bigram_backoff_table[v & bmask])
        v >>= backoff_bits
        bigram_prob.append(bigram_prob_table[v & pmask])
        v >>= prob_bits
        high = bisect_right(offsets, j) - 1
        bigram_next.append((high << inline_bits) | (v & imask))
    trigram_word, trigram_prob = array("I"), array("f")
    for j in range(n3):
        bit = j * total3
        v = int.from_bytes(blob3[bit >> 3 : (bit >> 3) + 8], "little") >> (bit & 7)
        trigram_word.append(v & wmask)
        trigram_prob.append(trigram_prob_table[(v >> word_bits) & pmask])
    return KenLM(
        words,
        uni[0::2],
        uni[1::2],
        bigram_word[:n2],
        uni_next,
        bigram_prob[:n2],
        bigram_backoff[:n2],
        bigram_next,
        trigram_word,
        trigram_prob,
    )
