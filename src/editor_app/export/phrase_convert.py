"""Simplified → traditional by phrase, with segmentation: the engine of the traditional edition.

OpenCC's Python port takes the longest dictionary phrase found anywhere in a string first, so 制作
inside 河湖长制作为, 全干 inside 健全干部 and 对表 inside 对标对表 win. Here jieba segments the text
first (its dictionary words, plus our phrase tables' own: 河湖长制, 对标对表), and a dictionary phrase
is used only where it agrees with the segmentation: it covers whole
words (这只 = 这/只) or lies inside one word (理发 in 理发店), never straddles a word boundary
(长制|作为). Authority, highest first: the user's table, person names (`person_names`), the project's
phrase table (`resources/traditional/phrases.tsv`), OpenCC's phrases, OpenCC's characters; then the
Taiwan or Hong Kong character variants (a user's entry is taken as final for its variant), and for
those two editions corner-bracket quotes (「」『』) as their readers expect.

OpenCC's tables and ours map every phrase to one of the same length, so a converted field can be cut
at the source's offsets; a user's entry may change the length (U盘 → 隨身碟), and `Converted.cut`
then maps the offsets, widening a cut that falls inside such an entry to the whole entry.
"""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from editor_app.export.person_names import SURNAME_FORMS, Token, byline_names, convert_name, person_spans
from editor_app.paths import resource

REGIONAL_VARIANTS = {"s2t": None, "s2tw": "TWVariants.txt", "s2hk": "HKVariants.txt"}
# Taiwan and Hong Kong quote with corner brackets (教育部《重訂標點符號手冊》; Hong Kong usage alike).
CORNER_QUOTES = {"“": "「", "”": "」", "‘": "『", "’": "』"}
_REGION_COLUMN = {"s2t": 0, "s2tw": 1, "s2hk": 2}


@dataclass(frozen=True)
class Table:
    """Phrase → replacement, with the longest key for each first character (to bound the search)."""

    entries: dict[str, str]
    longest: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, entries: dict[str, str]) -> Table:
        longest: dict[str, int] = {}
        for key in entries:
            if key and len(key) > longest.get(key[0], 0):
                longest[key[0]] = len(key)
        return cls(entries, longest)

    @property
    def starts(self) -> re.Pattern:
        """Finds the characters an entry starts with (the search jumps from one to the next)."""
        pattern = self.__dict__.get("_starts")
        if pattern is None:
            chars = "".join(sorted(self.longest))
            pattern = re.compile(f"[{re.escape(chars)}]" if chars else "(?!)")
            object.__setattr__(self, "_starts", pattern)
        return pattern


@dataclass
class Converted:
    """A converted text and how its offsets map to the source's."""

    source: str
    text: str
    # (source start, source end, text start, text end) of every replacement whose length differs
    changes: list[tuple[int, int, int, int]] = field(default_factory=list)

    def offset(self, position: int, end: bool = False) -> int:
        """Where source offset `position` falls in `text`; inside a replacement that changed length, its
        start (or, with `end`, its end)."""
        shift = 0
        for s0, s1, t0, t1 in self.changes:
            if position <= s0:
                break
            if position < s1:
                return t1 if end else t0
            shift = t1 - s1
        return position + shift

    def cut(self, start: int, end: int) -> str:
        """The converted text of source[start:end]."""
        return self.text[self.offset(start) : self.offset(end, end=True)]


def _opencc_dir() -> Path:
    import opencc

    return Path(opencc.__file__).with_name("dictionary")


@cache
def opencc_table(name: str) -> Table:
    """One of OpenCC's dictionaries (first candidate of each entry)."""
    entries = {}
    with open(_opencc_dir() / name, encoding="utf-8") as f:
        for line in f:
            key, _, values = line.rstrip("\n").partition("\t")
            if key and values:
                entries[key] = values.split(" ")[0]
    return Table.of(entries)


def parse_table(text: str, columns: int = 1) -> tuple[dict[str, tuple[str, ...]], list[int]]:
    """Rows `simplified<TAB or spaces>traditional…` (# comments): entries and the numbers of bad lines."""
    entries: dict[str, tuple[str, ...]] = {}
    bad = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split("\t") if "\t" in line else line.split()
        parts = [p.strip() for p in parts if p.strip()]
        if not 2 <= len(parts) <= 1 + columns or any(" " in p for p in parts):
            bad.append(number)
            continue
        entries[parts[0]] = tuple(parts[1:])
    return entries, bad


@cache
def supplement() -> dict[str, tuple[str, ...]]:
    """The project's phrase table: simplified → (traditional[, Taiwan form, Hong Kong form])."""
    entries, bad = parse_table(resource("traditional", "phrases.tsv").read_text("utf-8"), columns=3)
    if bad:
        raise ValueError(f"resources/traditional/phrases.tsv: malformed lines {bad}")
    return entries


@lru_cache(maxsize=4)
def _tokenizer(extra_words: frozenset[str]):
    """jieba's tokenizer, knowing the phrase tables' own words (河湖长制, 对标对表)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)  # jieba reports building its prefix dictionary on stderr
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for word in sorted(extra_words):
        if len(word) > 1:
            tokenizer.add_word(word, max(tokenizer.FREQ.get(word, 0), 1000))
            tokenizer.suggest_freq(word, tune=True)
    return tokenizer


@cache
def _name_like_words() -> dict[str, str]:
    """Words jieba's dictionary tags as names of people, places or other proper nouns, with their tag.

    Read from its dict.txt (word, frequency, tag) rather than through jieba.posseg, whose import builds
    a table of every word (about a second and 100 MB)."""
    import jieba

    with jieba.Tokenizer().get_dict_file() as f:
        data = f.read().decode("utf-8")
    return dict(re.findall(r"^(\S+) \d+ (n[rsz]\w*)$", data, re.M))


@cache
def _pos_model():
    """jieba.posseg's character HMM (parts of speech for characters the dictionary has no word for),
    loaded from its files without importing jieba.posseg (see `_name_like_words`)."""
    import importlib.util
    import pickle

    import jieba

    folder = Path(jieba.__file__).with_name("posseg")
    tables = []
    for name in ("char_state_tab", "prob_start", "prob_trans", "prob_emit"):
        with open(folder / f"{name}.p", "rb") as f:
            tables.append(pickle.load(f))  # jieba's own model files, shipped with the package
    spec = importlib.util.spec_from_file_location("editor_app._jieba_pos_viterbi", folder / "viterbi.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return lambda word: module.viterbi(word, *tables)[1]


class PhraseConverter:
    """Converts texts for one variant (s2t, s2tw, s2hk) with an optional user table."""

    def __init__(self, variant: str, user: dict[str, str] | None = None):
        self.variant = variant
        self.user = Table.of(dict(user or {}))
        column = _REGION_COLUMN[variant]
        own = supplement()
        self.supplement = Table.of({k: v[column] if len(v) > column else v[0] for k, v in own.items()})
        self.final_supplement = {k for k, v in own.items() if len(v) > column and column}
        self.phrases = opencc_table("STPhrases.txt")
        self.chars = opencc_table("STCharacters.txt").entries
        regional = REGIONAL_VARIANTS[variant]
        self.regional = opencc_table(regional).entries if regional else {}
        self.regional_table = str.maketrans({k: v for k, v in self.regional.items() if len(k) == len(v) == 1})
        # every character's conversion then its regional form, for str.translate
        both = {ch: self.regional.get(self.char(ch), self.char(ch)) for ch in (*self.chars, *self.regional)}
        self.char_table = str.maketrans(
            {ch: t for ch, t in both.items() if len(ch) == len(t) == 1 and t != ch}
        )
        self.tokenizer = _tokenizer(frozenset(own) | frozenset(self.user.entries))
        # surnames written differently from the character's usual conversion (于勇, not 於勇)
        self.surnames = {ch for ch, form in SURNAME_FORMS.items() if form != self.char(ch)}

    # --- helpers the name finder asks ------------------------------------------------------------

    def is_phrase(self, text: str) -> bool:
        return text in self.user.entries or text in self.supplement.entries or text in self.phrases.entries

    def word_tag(self, word: str) -> str | None:
        """The dictionary's tag for `word` when it is a proper name (nr, ns, nz …), "w" for any other word
        it lists, None when it does not list the word."""
        if not self.tokenizer.FREQ.get(word):
            return None
        return _name_like_words().get(word, "w")

    def guess_words(self, text: str) -> list[tuple[str, str]]:
        """`text` (characters the dictionary has no word for) cut and tagged by jieba's character HMM, as
        jieba.posseg does: 叫于勇 → 叫/v 于勇/nr."""
        words, current, tag = [], "", ""
        for ch, (state, pos) in zip(text, _pos_model()(text), strict=True):
            current += ch
            tag = pos
            if state in "ES":
                words.append((current, tag))
                current = ""
        if current:
            words.append((current, tag))
        return words

    def char(self, ch: str) -> str:
        return self.chars.get(ch, ch)

    def tokens(self, text: str) -> list[Token]:
        found, pos = [], 0
        for word in self.tokenizer.cut(text, HMM=False):
            found.append(Token(word, pos))
            pos += len(word)
        if pos != len(text):  # jieba always covers the text; keep going on one token if it ever did not
            return [Token(text, 0)]
        return found

    # --- conversion -------------------------------------------------------------------------------

    def convert(self, text: str, names: bool = False) -> Converted:
        """`text` converted; with `names`, the text is a byline or credit (its Han runs are names)."""
        if not text:
            return Converted(text, text)
        n = len(text)
        tokens = self.tokens(text)
        bounds = sorted({0, n, *(t.start for t in tokens)})
        at_bound = bytearray(n + 1)
        for b in bounds:
            at_bound[b] = 1
        token_end = [0] * n  # where the word holding each character ends
        for token in tokens:
            token_end[token.start : token.end] = [token.end] * len(token.word)
        taken = bytearray(n)
        segments: list[tuple[int, int, str, bool]] = []  # (start, end, replacement, final)

        def take(i: int, j: int, value: str, final: bool) -> None:
            taken[i:j] = b"\x01" * (j - i)
            segments.append((i, j, value, final))

        def match(table: Table, final_keys, min_len: int) -> None:
            """Longest entries first, left to right, each covering whole words or lying inside one word."""
            after = 0
            for found in table.starts.finditer(text):
                i = found.start()
                longest = table.longest[text[i]]
                if i < after or taken[i] or longest < min_len:
                    continue
                free, limit = i, min(n, i + longest)
                while free < limit and not taken[free]:
                    free += 1
                inside = min(free, token_end[i])
                ends = list(range(inside, i + min_len - 1, -1))
                if at_bound[i]:  # also phrases of whole words beyond this one
                    ends[:0] = [
                        b
                        for b in reversed(
                            bounds[bisect.bisect_right(bounds, inside) : bisect.bisect_right(bounds, free)]
                        )
                    ]
                for j in ends:
                    key = text[i:j]
                    if key in table.entries:
                        take(i, j, table.entries[key], key in final_keys)
                        after = j
                        break

        if self.user.entries:
            match(self.user, self.user.entries, 1)
        spans = (
            byline_names(text)
            if names
            else person_spans(text, tokens, self.surnames, self.is_phrase, self.word_tag, self.guess_words)
        )
        for start, end in spans:
            if not any(taken[start:end]):
                take(start, end, convert_name(text[start:end], self.char), False)
        match(self.supplement, self.final_supplement, 1)
        match(self.phrases, (), 2)
        segments.sort()
        out, changes, length, pos = [], [], 0, 0
        for start, end, value, final in [*segments, (n, n, "", True)]:
            if start > pos:  # characters no entry covers: one table lookup each, at C speed
                out.append(text[pos:start].translate(self.char_table))
                length += start - pos
            if not final and self.regional:
                value = value.translate(self.regional_table)
            if len(value) != end - start:
                changes.append((start, end, length, length + len(value)))
            out.append(value)
            length += len(value)
            pos = end
        converted = "".join(out)
        if self.regional:
            converted = corner_quotes(converted)
        return Converted(text, converted, changes)


def corner_quotes(text: str) -> str:
    """“…” → 「…」 and ‘…’ → 『…』, leaving an apostrophe between Latin letters or digits (Xi’an) alone."""
    if not any(mark in text for mark in CORNER_QUOTES):
        return text
    chars = list(text)
    for i, ch in enumerate(chars):
        if ch in CORNER_QUOTES:
            if (
                ch in "‘’"
                and 0 < i < len(chars) - 1
                and chars[i - 1].isascii()
                and chars[i - 1].isalnum()
                and chars[i + 1].isascii()
                and chars[i + 1].isalnum()
            ):
                continue
            chars[i] = CORNER_QUOTES[ch]
    return "".join(chars)
