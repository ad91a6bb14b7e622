"""The user's own proofreading data: the user dictionary (terms the checker never flags: names, house
words, one per line) and the rules the user switched off (one rule id per line)."""

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


def read_disabled_rules(path: Path) -> set[str]:
    """Rule ids the user switched off (`#` comments and blank lines skipped); missing file → none."""
    return set(read_user_dictionary(path))


def write_lines(path: Path, lines: Iterable[str], header: str = "") -> None:
    """Write a user data file atomically (the dictionary or the switched-off rules)."""
    from editor_app.storage.atomic import write_atomic

    path.parent.mkdir(parents=True, exist_ok=True)
    body = (header + "\n" if header else "") + "".join(f"{line}\n" for line in lines)
    write_atomic(path, body.encode("utf-8"))


def add_term(path: Path, term: str) -> bool:
    """Add one term to the user dictionary file (False when it was there already)."""
    term = term.strip()
    terms = read_user_dictionary(path)
    if not term or term in terms:
        return False
    try:
        text = path.read_text(encoding="utf-8-sig") if path.exists() else ""
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, msg("cannot read the user dictionary: {reason}", reason=exc)) from exc
    from editor_app.storage.atomic import write_atomic

    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(
        path, (text + ("" if not text or text.endswith("\n") else "\n") + term + "\n").encode("utf-8")
    )
    return True
