"""Aho-Corasick word lookup with leftmost-longest arbitration, shared by the dictionary mechanisms.

Each entry maps a string to a payload; protected strings (payload `None`) take part in arbitration but
never produce a hit, so a correct longer word shadows a wrong shorter one inside it. pyahocorasick is
imported on first build, keeping `import editor_app.proof` light.

Speed: pyahocorasick scans a node's children linearly, so with thousands of Chinese keys the root has
hundreds of children and every character of the text pays for them (≈ 0.3 s per million characters
for 800 keys). We therefore match UTF-8 bytes (spelled as a latin-1 `str`, which the automaton
accepts): the root then has a handful of children (the lead bytes of Han characters) and the scan is
about ten times faster. Match ends are mapped back to `str` offsets incrementally (UTF-8 is
self-synchronising, so a match always starts and ends on a character boundary).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from editor_app.proof.textutil import last_text_cache


def _bytes_str(text: str) -> str:
    return text.encode("utf-8", "surrogatepass").decode("latin-1")


# several dictionary rules scan the same text in a row
_encoded = last_text_cache(_bytes_str)


class WordIndex:
    def __init__(self, entries: dict[str, Any], protected: tuple[str, ...] | list[str] = ()):
        import ahocorasick

        self._automaton = ahocorasick.Automaton()
        self.size = 0
        for word, payload in entries.items():
            if word:
                self._automaton.add_word(_bytes_str(word), (len(word), payload))
                self.size += 1
        for word in protected:
            if word and word not in entries:
                self._automaton.add_word(_bytes_str(word), (len(word), None))
        if len(self._automaton):
            self._automaton.make_automaton()
        self._empty = len(self._automaton) == 0

    def _matches(self, text: str, longest: bool) -> Iterator[tuple[int, int, Any]]:
        if self._empty or not text:
            return
        if text.isascii():
            encoded = text
        else:
            encoded = _encoded(text)
        matches = self._automaton.iter_long(encoded) if longest else self._automaton.iter(encoded)
        byte_pos = char_pos = 0
        for last_byte, (length, payload) in matches:
            if payload is None:
                continue
            end_byte = last_byte + 1
            if encoded is text:
                char_pos = end_byte
            else:
                char_pos += len(encoded[byte_pos:end_byte].encode("latin-1").decode("utf-8", "surrogatepass"))
            byte_pos = end_byte
            yield char_pos - length, char_pos, payload

    def longest(self, text: str) -> Iterator[tuple[int, int, Any]]:
        """(start, end, payload) of leftmost-longest, non-overlapping matches with a payload."""
        return self._matches(text, longest=True)

    def all(self, text: str) -> Iterator[tuple[int, int, Any]]:
        """Every (possibly overlapping) match with a payload, in order of their ends."""
        return self._matches(text, longest=False)
