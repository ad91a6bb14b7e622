"""Text metrics and line breaking for the composer, without Qt.

Widths are in points. Han characters and full-width marks take one em; Latin letters and digits take
their Times New Roman advance (the Latin face every template names; Liberation Serif, which
LibreOffice substitutes, has the same metrics); a quarter em of automatic spacing separates Han text
from Latin or digits, as Word and LibreOffice set it. Lines break after any Han character except
where GB/T 15834 forbids it (`linebreak.py`); Latin words and numbers never break unless longer than
the line. A closing mark that does not fit takes the character before it down to the next line
(LibreOffice's way) unless the template asks for hanging punctuation (Word's).

`TextMetrics` is the interface: the GUI may plug in real font metrics with the same breaking rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from editor_app.layout.linebreak import LINE_END_FORBIDDEN, LINE_START_FORBIDDEN

# Times New Roman advances (fraction of an em) for U+0020…U+007E; the font's published metrics.
_TIMES = (
    0.25,
    0.333,
    0.408,
    0.5,
    0.5,
    0.833,
    0.778,
    0.18,
    0.333,
    0.333,
    0.5,
    0.564,
    0.25,
    0.333,
    0.25,
    0.278,
    0.5,
    0.5,
    0.5,
    0.5,
    0.5,
    0.5,
    0.5,
    0.5,
    0.5,
    0.5,
    0.278,
    0.278,
    0.564,
    0.564,
    0.564,
    0.444,
    0.921,
    0.722,
    0.667,
    0.667,
    0.722,
    0.611,
    0.556,
    0.722,
    0.722,
    0.333,
    0.389,
    0.722,
    0.611,
    0.889,
    0.722,
    0.722,
    0.556,
    0.722,
    0.667,
    0.556,
    0.611,
    0.722,
    0.722,
    0.944,
    0.722,
    0.722,
    0.611,
    0.333,
    0.278,
    0.333,
    0.469,
    0.5,
    0.333,
    0.444,
    0.5,
    0.444,
    0.5,
    0.444,
    0.333,
    0.5,
    0.5,
    0.278,
    0.278,
    0.5,
    0.278,
    0.778,
    0.5,
    0.5,
    0.5,
    0.5,
    0.333,
    0.389,
    0.278,
    0.5,
    0.5,
    0.722,
    0.5,
    0.5,
    0.444,
    0.48,
    0.2,
    0.48,
    0.541,
)
LATIN_EM = {chr(32 + i): w for i, w in enumerate(_TIMES)}
AUTOSPACE_EM = 0.25
_WORD_INNER = frozenset(".,-_/%'")


class TextMetrics(Protocol):
    """What the composer needs to know about type: the advance of a character at a size."""

    def advance_em(self, ch: str) -> float:
        """The advance of `ch` in ems of its size."""
        ...


class GridMetrics:
    """The Qt-free default: one em for Han and full-width text, Times New Roman for Latin."""

    def advance_em(self, ch: str) -> float:
        em = LATIN_EM.get(ch)
        if em is not None:
            return em
        code = ord(ch)
        if 0xFF61 <= code <= 0xFFDC or code < 0x20:  # half-width katakana and forms; controls take nothing
            return 0.5 if code >= 0x20 else 0.0
        if 0x0080 <= code < 0x2000 and not 0x00B7 == code:  # Latin-1, Greek, Cyrillic: about a Latin letter
            return 0.5
        return 1.0


def is_han(ch: str) -> bool:
    code = ord(ch)
    return (
        0x3400 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x3FFFF
        or 0x3000 <= code <= 0x303F
        or 0xFF01 <= code <= 0xFF60
    )


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    width: float  # points, autospace included
    kind: str  # "char" | "word" | "space"


def tokens(text: str, size_pt: float, metrics: TextMetrics, spacing_pt: float = 0.0) -> list[Token]:
    """Break opportunities: Han characters and marks stand alone, Latin words and numbers stay whole.
    `spacing_pt`: letter spacing added to every character (negative: set closer)."""
    out: list[Token] = []
    advance = metrics.advance_em
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if _is_word_char(ch):
            j = i + 1
            while j < n and text[j].isascii() and (text[j].isalnum() or text[j] in _WORD_INNER):
                j += 1
            while j > i + 1 and text[j - 1] in ".,":  # a sentence's full stop is not part of the word
                j -= 1
            width = sum(advance(c) for c in text[i:j]) * size_pt + spacing_pt * (j - i)
            if i > 0 and is_han(text[i - 1]):
                width += AUTOSPACE_EM * size_pt
            if j < n and is_han(text[j]):
                width += AUTOSPACE_EM * size_pt
            out.append(Token(i, j, width, "word"))
            i = j
            continue
        out.append(Token(i, i + 1, advance(ch) * size_pt + spacing_pt, "space" if ch == " " else "char"))
        i += 1
    return out


@dataclass(frozen=True)
class BrokenLine:
    start: int  # offsets into the paragraph's text
    end: int
    width: float  # natural width in points (trailing spaces excluded)
    last: bool  # the paragraph's last line (not justified)


def break_lines(
    text: str,
    size_pt: float,
    width_pt: float,
    indent_pt: float = 0.0,
    metrics: TextMetrics | None = None,
    hang: bool = False,
    spacing_pt: float = 0.0,
) -> list[BrokenLine]:
    """Lines of `text` set `width_pt` wide with a first-line indent; always at least one line."""
    return list(
        _break_cached(
            text,
            float(size_pt),
            round(float(width_pt), 3),
            round(float(indent_pt), 3),
            metrics or DEFAULT_METRICS,  # type: ignore[arg-type]  # hashed by identity
            hang,
            round(float(spacing_pt), 3),
        )
    )


@lru_cache(maxsize=8192)
def _break_cached(
    text: str,
    size_pt: float,
    width_pt: float,
    indent_pt: float,
    metrics: TextMetrics,
    hang: bool,
    spacing_pt: float = 0.0,
) -> tuple[BrokenLine, ...]:
    if not text:
        return (BrokenLine(0, 0, 0.0, True),)
    toks = tokens(text, size_pt, metrics, spacing_pt)
    lines: list[BrokenLine] = []
    start_tok = 0
    available = width_pt - indent_pt
    eps = 1e-6
    while start_tok < len(toks):
        while start_tok < len(toks) - 1 and toks[start_tok].kind == "space" and lines:
            start_tok += 1  # a space the break left at a line start is dropped
        used, k = 0.0, start_tok
        while k < len(toks) and used + toks[k].width <= available + eps:
            used += toks[k].width
            k += 1
        if k >= len(toks):
            lines.append(_line(toks, start_tok, len(toks), True))
            break
        if k == start_tok:  # one token wider than the whole line: a long Latin run breaks where it must
            k = start_tok + 1
            tok = toks[start_tok]
            if tok.kind == "word" and tok.end - tok.start > 1:
                cut = _cut_word(text, tok, size_pt, available, metrics, spacing_pt)
                toks[start_tok : start_tok + 1] = [
                    Token(tok.start, cut, available, "word"),
                    Token(cut, tok.end, tok.width - available, "word"),
                ]
            lines.append(_line(toks, start_tok, k, False))
            start_tok, available = k, width_pt
            continue
        nxt = toks[k]
        if text[nxt.start] in LINE_START_FORBIDDEN and nxt.kind == "char":
            if hang:  # the mark hangs past the line end
                k += 1
                while (
                    k < len(toks)
                    and toks[k].kind == "char"
                    and text[toks[k].start] in LINE_START_FORBIDDEN
                    and text[toks[k].start] == text[toks[k - 1].start]
                ):
                    k += 1  # 「……」 hangs whole
            else:  # the character before it goes down with it (and any marks before that)
                while k - 1 > start_tok and (
                    text[toks[k].start] in LINE_START_FORBIDDEN and toks[k].kind == "char"
                ):
                    k -= 1
        while (
            k - 1 > start_tok and toks[k - 1].kind == "char" and text[toks[k - 1].start] in LINE_END_FORBIDDEN
        ):
            k -= 1  # an opening mark never ends a line
        lines.append(_line(toks, start_tok, k, False))
        start_tok, available = k, width_pt
    return tuple(lines)


def _cut_word(
    text: str, tok: Token, size_pt: float, available: float, metrics: TextMetrics, spacing_pt: float = 0.0
) -> int:
    used = 0.0
    for i in range(tok.start, tok.end):
        used += metrics.advance_em(text[i]) * size_pt + spacing_pt
        if used > available:
            return max(tok.start + 1, i)
    return tok.end


def _line(toks: Sequence[Token], a: int, b: int, last: bool) -> BrokenLine:
    end = b
    while end > a + 1 and toks[end - 1].kind == "space":
        end -= 1
    width = sum(t.width for t in toks[a:end])
    return BrokenLine(toks[a].start, toks[b - 1].end if b > a else toks[a].start, width, last)


def text_width(text: str, size_pt: float, metrics: TextMetrics | None = None) -> float:
    """The natural width of `text` on one line, in points."""
    return sum(t.width for t in tokens(text, size_pt, metrics or DEFAULT_METRICS))


DEFAULT_METRICS = GridMetrics()
