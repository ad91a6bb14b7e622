"""Aho-Corasick word lookup with leftmost-longest arbitration, shared by the dictionary mechanisms.

Each entry maps a string to a payload; protected strings (payload `None`) take part in arbitration but
never produce a hit, so a correct longer word shadows a wrong shorter one inside it. pyahocorasick is
imported on first build, keeping `import editor_app.proof` light.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


class WordIndex:
    def __init__(self, entries: dict[str, Any], protected: tuple[str, ...] | list[str] = ()):
        import ahocorasick

        self._automaton = ahocorasick.Automaton()
        self.size = 0
        for word, payload in entries.items():
            if word:
                self._automaton.add_word(word, (len(word), payload))
                self.size += 1
        for word in protected:
            if word and word not in entries:
                self._automaton.add_word(word, (len(word), None))
        if len(self._automaton):
            self._automaton.make_automaton()
        self._empty = len(self._automaton) == 0

    def longest(self, text: str) -> Iterator[tuple[int, int, Any]]:
        """(start, end, payload) of leftmost-longest, non-overlapping matches with a payload."""
        if self._empty or not text:
            return
        for end, (length, payload) in self._automaton.iter_long(text):
            if payload is not None:
                yield end + 1 - length, end + 1, payload

    def all(self, text: str) -> Iterator[tuple[int, int, Any]]:
        """Every (possibly overlapping) match with a payload."""
        if self._empty or not text:
            return
        for end, (length, payload) in self._automaton.iter(text):
            if payload is not None:
                yield end + 1 - length, end + 1, payload
