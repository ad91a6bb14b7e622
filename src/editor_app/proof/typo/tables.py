"""The detector's data: word frequencies, character transitions, readings and shape neighbours.

Loaded once per process from the compact tables in `resources/typo/` (built by `resources/typo/build.py`);
plain text parsed with str.split so that the first use stays under 300 ms.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass, field
from itertools import compress
from pathlib import Path

from editor_app.errors import EditorError
from editor_app.paths import resource
from editor_app.proof.typo.lm import WordLM

#: cost (negative natural log probability) of a transition whose first character is unknown
UNKNOWN_COST = 16.0
#: character 2/3-grams and word pairs with the counts libime's model expects in 1.1 million words
#: (resources/typo/build_counts.py): the detector's corpus evidence ("corpus" in the names below)
CHARGRAMS = "expected_chargrams.tsv"
WORDPAIRS = "expected_wordpairs.tsv"
#: two-character words at least this frequent propose candidates
NEIGHBOUR_MIN_FREQ = 10


class TypoDataError(EditorError):
    """The bundled typo tables are missing or damaged."""


@dataclass
class Tables:
    words: dict[str, int]
    #: prev char -> (next chars, quantized scores as bytes (value = 2 * cost + 33), default byte)
    transitions: dict[str, tuple[str, bytes, int]]
    #: prefix (1 or 2 chars) -> (next chars, weights: chr(33 + 4 * ln(1 + count)) each)
    ngrams: dict[str, tuple[str, str]]
    readings: dict[str, tuple[str, ...]]
    by_reading: dict[str, str]
    shapes: dict[str, str]  # look-alikes by glyph (may include non-standard forms: the detector skips them)
    components: dict[str, str]  # look-alikes by structure: 院/浣 (完), 贝/员 (one holds the other)
    standard: set[str]  # the 8,105 characters of 通用规范汉字表
    common: set[str]  # its first level: the 3,500 common characters
    total: float = 0.0
    log_total: float = 0.0
    index: SoundIndex | None = None
    folder: Path | None = None
    #: "word_next" -> chr(33 + 4 ln(1 + count)) for adjacent word pairs (expected twice or more);
    #: read when the first candidate fix is weighed, not with the other tables, to keep first use fast
    _wordpairs: dict[str, str] | None = field(default=None, repr=False)
    _lm: WordLM | None = field(default=None, repr=False)
    _lm_error: TypoDataError | None = field(default=None, repr=False)
    _reading_pairs: dict[str, str] | None = field(default=None, repr=False)
    _fuzzy: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    _derived: dict = field(
        default_factory=dict, repr=False
    )  # fine_pairs' and frequent_chars' sets, by setting
    _alike: dict[str, tuple] = field(default_factory=dict, repr=False)  # look_alike's answers, by character
    _mates: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)  # word_mates' answers

    def transition_cost(self, prev: str, nxt: str) -> float:
        row = self.transitions.get(prev)
        if row is None:
            return UNKNOWN_COST
        nexts, scores, default = row
        idx = nexts.find(nxt)
        return ((scores[idx] if idx >= 0 else default) - 33) * 0.5

    def corpus_weight(self, gram: str) -> float:
        """ln(1 + count) of a 2- or 3-character gram in the corpus counts (0 when expected fewer than twice)."""
        row = self.ngrams.get(gram[:-1])
        if row is None:
            return 0.0
        idx = row[0].find(gram[-1])
        return (ord(row[1][idx]) - 33) * 0.25 if idx >= 0 else 0.0

    def pair_weight(self, word: str, nxt: str) -> float:
        """ln(1 + count) of the adjacent word pair in the corpus counts (0 when expected fewer than twice)."""
        pairs = self._wordpairs
        if pairs is None:
            with _LAZY_LOCK:  # the GUI's checker thread and the main thread may both get here first
                if self._wordpairs is None:
                    self._wordpairs = _load_wordpairs(self.folder) if self.folder else {}
                pairs = self._wordpairs
        found = pairs.get(word + "_" + nxt)
        return (ord(found) - 33) * 0.25 if found else 0.0

    def language_model(self) -> WordLM:
        """The word bigram model (`lm.py`), read when the first candidate fix is weighed. Read once per process
        even when two threads ask at the same moment; a damaged model raises the same error every time
        without being read again."""
        lm = self._lm
        if lm is None:
            with _LAZY_LOCK:
                if self._lm is None:
                    if self._lm_error is None:
                        try:
                            if self.folder is None:
                                raise ValueError("no folder to read it from")
                            self._lm = WordLM.load(self.folder)
                        except (OSError, ValueError) as exc:
                            self._lm_error = TypoDataError(
                                f"cannot read the typo language model in {self.folder}: {exc}"
                            )
                    if self._lm is None:  # a new exception each time: re-raising one would grow its traceback
                        raise TypoDataError(str(self._lm_error))
                lm = self._lm
        return lm

    def reading_pairs(self) -> dict[str, str]:
        """ "bu_jin" -> "不仅不尽不禁": common two-character words by their readings as words (`pairs.py`),
        read from readings.tsv on first use."""
        found = self._reading_pairs
        if found is None:
            with _LAZY_LOCK:
                if self._reading_pairs is None:
                    toks = _body(self.folder / "readings.tsv").split() if self.folder else []
                    if len(toks) % 2:
                        raise TypoDataError(  # (toks is empty without a folder)
                            f"the typo table {self.folder / 'readings.tsv'} is damaged"  # type: ignore[operator]
                        )
                    self._reading_pairs = dict(zip(toks[::2], toks[1::2]))
                found = self._reading_pairs
        return found

    def fine_pairs(self, limit: int, corpus_limit: int) -> dict[str, frozenset[str]]:
        """For each character x, the characters after which x's transition is not improbable: quantised transition
        score at most `limit` (`transitions`' bytes) or corpus weight byte above `corpus_limit` (`ngrams`'
        weights). A dictionary and a set look-up per pair is what lets stage 1 of the detector cost well under a
        microsecond a character; each character's set is worked out when first asked for (`fine[x]`)."""
        key = ("fine", limit, corpus_limit)
        found = self._derived.get(key)
        if found is None:
            found = self._derived[key] = _FineRows(self, limit, corpus_limit)
        return found

    def frequent_chars(self, floor: int) -> frozenset[str]:
        """Single characters at least `floor` frequent."""
        key = ("frequent", floor)
        found = self._derived.get(key)
        if found is None:
            words = self.words
            found = self._derived[key] = frozenset(c for c in self.readings if words.get(c, 0) >= floor)
        return found

    def look_alike(self, c: str) -> tuple[tuple[str, ...], tuple[str, ...], dict[str, str], frozenset[str]]:
        """(readings, near readings, look-alikes, their set) of `c`: the toneless readings, those one common
        confusion away, and the standard characters of similar glyph ("shape") or sharing a component
        ("part"), worked out once per character."""
        found = self._alike.get(c)
        if found is None:
            readings = self.readings.get(c, ())
            fuzzy = tuple(f for r in readings for f in self.fuzzy(r))
            looks = {x: "part" for x in self.components.get(c, "") if x in self.standard}
            looks.update((x, "shape") for x in self.shapes.get(c, "") if x in self.standard)
            found = self._alike[c] = (readings, fuzzy, looks, frozenset(looks))
        return found

    def word_mates(self, key: str) -> frozenset[str]:
        """ ">机": the characters x such that 机x is a known two-character word; "<机": those with x机 (from
        `neighbours.tsv`), as a set, so a look-alike that makes a word with a neighbour is one set intersection
        away instead of a look-up per look-alike."""
        found = self._mates.get(key)
        if found is None:
            found = frozenset(self.index.neighbours.get(key, "")) if self.index else frozenset()
            if len(self._mates) >= 50_000:
                self._mates.clear()
            self._mates[key] = found
        return found

    def fuzzy(self, reading: str) -> tuple[str, ...]:
        """Readings one common confusion away (zh/z, ch/c, sh/s, n/l, f/h, r/l; an/ang, en/eng, in/ing)."""
        found = self._fuzzy.get(reading)
        if found is None:
            found = tuple(r for r in _fuzzy_variants(reading) if r != reading and r in self.by_reading)
            self._fuzzy[reading] = found
        return found


class _FineRows(dict):
    """Tables.fine_pairs: x -> frozenset of fine next characters, each row built on first use with loops in C
    (a translation table marks the fine entries, compress picks them)."""

    def __init__(self, tables: Tables, limit: int, corpus_limit: int):
        super().__init__()
        self.tables = tables
        self.good = bytes(1 if q <= limit else 0 for q in range(256))
        self.seen = bytes(1 if q > corpus_limit else 0 for q in range(256))

    def __missing__(self, x: str) -> frozenset[str]:
        t = self.tables
        found: frozenset[str] = frozenset()
        row = t.transitions.get(x)
        if row is not None:
            nexts, scores, default = row
            if self.good[default]:  # every pair from x is fine but those listed worse
                worse = bytes(1 - q for q in self.good)
                found = frozenset(t.readings) - frozenset(compress(nexts, scores.translate(worse)))
            else:
                found = frozenset(compress(nexts, scores.translate(self.good)))
        seen = t.ngrams.get(x)
        if seen is not None:
            found = found | frozenset(compress(seen[0], seen[1].encode("latin-1").translate(self.seen)))
        self[x] = found
        return found


@dataclass
class SoundIndex:
    """Known two-character words keyed by one character and the other's toneless reading.

    `neighbours["机zhi"]` lists x such that 机x is a word (机制, 机智 …); `neighbours["zhi机"]` lists x with
    x机 a word (both for words of frequency >= `NEIGHBOUR_MIN_FREQ` of standard characters); `neighbours[">机"]`
    and `neighbours["<机"]` list every x with 机x, x机 a word of the word list. Built by resources/typo/build.py into `neighbours.tsv`, so that candidate generation is a
    couple of dictionary look-ups per suspicious character.
    """

    neighbours: dict[str, str]

    @classmethod
    def build(
        cls, words: dict[str, int], readings: dict[str, tuple[str, ...]], min_freq: int = NEIGHBOUR_MIN_FREQ
    ) -> SoundIndex:
        neighbours: dict[str, list[str]] = {}
        for word, freq in words.items():
            if len(word) != 2 or freq < min_freq:
                continue
            a, b = word[0], word[1]
            ra = readings.get(a)
            rb = readings.get(b)
            if not ra or not rb:
                continue
            for r in rb:
                neighbours.setdefault(a + r, []).append(b)
            for r in ra:
                neighbours.setdefault(r + b, []).append(a)
        for word in words:  # every two-character word, whatever its frequency: `Tables.word_mates`
            if len(word) == 2:
                neighbours.setdefault(">" + word[0], []).append(word[1])
                neighbours.setdefault("<" + word[1], []).append(word[0])
        return cls({k: "".join(v) for k, v in neighbours.items()})


_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"), ("f", "h"), ("r", "l"))
_FINALS = (("ang", "an"), ("eng", "en"), ("ing", "in"))


def _fuzzy_variants(reading: str) -> set[str]:
    out = set()
    for long, short in _INITIALS:
        if reading.startswith(long):
            out.add(short + reading[len(long) :])
        elif reading.startswith(short) and not reading.startswith(("zh", "ch", "sh")):
            out.add(long + reading[len(short) :])
    for long, short in _FINALS:
        if reading.endswith(long):
            out.add(reading[: -len(long)] + short)
        elif reading.endswith(short):
            out.add(reading[: -len(short)] + long)
    return out


def _body(path: Path) -> str:
    """The file's text after its leading `#` comment lines."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise TypoDataError(f"cannot read the typo table {path}: {exc}") from exc
    while text.startswith("#"):
        text = text.partition("\n")[2]
    return text


def load_tables(folder: Path | None = None) -> Tables:
    """Parse the tables; whitespace-separated fields let str.split do the work in C."""
    folder = folder or resource("typo")
    try:
        toks = _body(folder / "words.tsv").split()
        words = dict(zip(toks[::2], map(int, toks[1::2])))
        transitions: dict[str, tuple[str, bytes, int]] = {}
        for line in _body(folder / "bigrams.tsv").splitlines():
            prev, default, nexts, scores = line.split("\t")
            transitions[prev] = (nexts, scores.encode("ascii"), ord(default))
        toks = _body(folder / CHARGRAMS).split()
        ngrams = dict(zip(toks[::3], zip(toks[1::3], toks[2::3])))
        readings: dict[str, tuple[str, ...]] = {}
        by_reading: dict[str, list[str]] = {}
        shapes: dict[str, str] = {}
        components: dict[str, str] = {}
        standard: set[str] = set()
        common: set[str] = set()
        for line in _body(folder / "chars.tsv").splitlines():
            char, reads, similar, level, parts = line.split("\t")
            if level != "0":
                standard.add(char)
                if level == "1":
                    common.add(char)
            readings[char] = tuple(reads.split(" "))
            for r in readings[char]:
                by_reading.setdefault(r, []).append(char)
            if similar:
                shapes[char] = similar
            if parts:
                components[char] = parts
        # suggest standard characters only (traditional and variant forms are the script rule's business)
        by_reading = {r: [c for c in cs if c in standard] for r, cs in by_reading.items()}
        toks = _body(folder / "neighbours.tsv").split()
        index = SoundIndex(dict(zip(toks[::2], toks[1::2])))
    except ValueError as exc:
        raise TypoDataError(f"the typo tables in {folder} are damaged: {exc}") from exc
    if not words or not transitions or not readings or not index.neighbours:
        raise TypoDataError(f"the typo tables in {folder} are empty")
    total = float(sum(words.values()))
    for name in (WORDPAIRS, "readings.tsv", "lm_words.tsv", "lm_index.bin", "lm_next.bin", "lm_cost.bin"):
        if not (folder / name).is_file():
            raise TypoDataError(f"cannot read the typo table {folder / name}: no such file")
    return Tables(
        words,
        transitions,
        ngrams,
        readings,
        {r: "".join(cs) for r, cs in by_reading.items()},
        shapes,
        components,
        standard,
        common,
        total,
        math.log(total),
        index,
        folder,
    )


def _load_wordpairs(folder: Path) -> dict[str, str]:
    toks = _body(folder / WORDPAIRS).split()
    if len(toks) % 2:
        raise TypoDataError(f"the typo table {folder / WORDPAIRS} is damaged")
    return dict(zip(toks[::2], toks[1::2]))


_LOCK = threading.Lock()
_LAZY_LOCK = threading.Lock()  # the tables read on first use (word pairs, language model)
_CACHE: dict[str, Tables] = {}


def shared_tables() -> Tables:
    """The bundled tables, loaded on first use and shared by every detector in the process."""
    with _LOCK:
        if "default" not in _CACHE:
            _CACHE["default"] = load_tables()
        return _CACHE["default"]
