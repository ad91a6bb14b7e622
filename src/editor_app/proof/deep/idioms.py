"""Idioms and set phrases one slip away: 刻舟求箭 → 刻舟求剑, 防微杜监 → 防微杜渐, 全面从严治档 → 全面从严治党.

The fast pass knows 358 misspellings by name (resources/rules/data/idioms.tsv). Here every window of the text is
compared with the full idiom list (`resources/rules/deep/idioms.txt`, 8,519 entries) and the set phrases of
official writing (`set_phrases.txt`): a window that differs from one by a single character that sounds or looks
like the right one (the same neighbours the context scorer uses), or that drops or adds one interior character of
a phrase of five or more, is a slip with the phrase as its suggestion — unless the window is itself a word the
language model or the dictionary knows, another listed phrase, or protected (names, quotes, the user's words).
Windows are looked up by their halves (a phrase one substitution away shares one half with the window), a few
dictionary look-ups per character.
"""

from __future__ import annotations

from pathlib import Path


def read_list(path: Path) -> list[str]:
    """One phrase a line; `#` lines are comments."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


class PhraseMatcher:
    """Finds windows one slip away from a listed idiom or set phrase."""

    def __init__(self, idioms: list[str], phrases: list[str]):
        self.known = frozenset(idioms) | frozenset(phrases)
        self.lengths = sorted({len(p) for p in self.known})
        self.dropped: dict[
            str, list[str]
        ] = {}  # phrase minus one interior character -> phrases (5+ characters)
        for phrase in sorted(self.known):
            if len(phrase) >= 5:
                for k in range(1, len(phrase) - 1):
                    self.dropped.setdefault(phrase[:k] + phrase[k + 1 :], []).append(phrase)
        # a window one substitution away keeps the first or the second half of the phrase intact: phrases by
        # their length and either half, so a window costs two look-ups
        self.halves: dict[int, tuple[dict[str, list[str]], dict[str, list[str]]]] = {}
        for phrase in sorted(self.known):
            heads, tails = self.halves.setdefault(len(phrase), ({}, {}))
            half = len(phrase) // 2
            heads.setdefault(phrase[:half], []).append(phrase)
            tails.setdefault(phrase[half:], []).append(phrase)
        # a window one substitution away keeps its first or its second character: positions where neither
        # starts a phrase are skipped (most of the text)
        self.firsts = frozenset(p[0] for p in self.known)
        self.seconds = frozenset(p[1] for p in self.known)

    def matches(self, text: str, similar) -> list[tuple[int, int, str]]:
        """(start, end, phrase) for each window one slip away. `similar(c)` gives the characters a slip for c
        could stand for (char -> kind)."""
        out = []
        n = len(text)
        known = self.known
        firsts, seconds = self.firsts, self.seconds
        for p in range(n):
            if text[p] not in firsts and (p + 1 >= n or text[p + 1] not in seconds):
                continue
            for size in self.lengths:
                end = p + size
                if end > n:
                    break
                window = text[p:end]
                if window in known:
                    continue
                heads, tails = self.halves[size]
                half = size // 2
                for phrase, lo, hi in [(ph, half, size) for ph in heads.get(window[:half], ())] + [
                    (ph, 0, half) for ph in tails.get(window[half:], ())
                ]:
                    diff = [k for k in range(lo, hi) if window[k] != phrase[k]]
                    if len(diff) == 1:
                        k = diff[0]
                        if window[k] in similar(phrase[k]) and _han(window[k]):
                            out.append((p, end, phrase))
                if size >= 4:  # one interior character missing: the phrase is one longer than the window
                    for phrase in self.dropped.get(window, ()):
                        out.append((p, end, phrase))
                    if size >= 6:  # one interior character extra
                        for k in range(1, size - 1):
                            shorter = window[:k] + window[k + 1 :]
                            if shorter in known and _han(window[k]):
                                out.append((p, end, shorter))
        return out


def _han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"
