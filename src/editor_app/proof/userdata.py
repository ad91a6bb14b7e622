"""The user dictionary: terms the checker never flags (names, house words), one per line."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from editor_app.errors import InputError
from editor_app.messages import msg


def read_user_dictionary(path: Path) -> list[str]:
    """Terms of a user dictionary file (`#` comments and blank lines skipped); missing file → none."""
    if not path.exists():
        return []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, msg("cannot read the user dictionary: {reason}", reason=exc)) from exc
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


class TermSpans:
    """Finds where protected terms occur in a text (Aho-Corasick, built once)."""

    def __init__(self, terms: Iterable[str]):
        self.terms = sorted({term for term in terms if term})
        self._automaton = None
        if self.terms:
            import ahocorasick

            automaton = ahocorasick.Automaton()
            for term in self.terms:
                automaton.add_word(term, len(term))
            automaton.make_automaton()
            self._automaton = automaton

    def spans(self, text: str) -> list[tuple[int, int]]:
        if self._automaton is None or not text:
            return []
        return [(end + 1 - length, end + 1) for end, length in self._automaton.iter(text)]
