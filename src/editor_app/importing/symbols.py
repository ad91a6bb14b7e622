"""Characters of Word's symbol fonts (`w:sym`): Symbol and Wingdings codes → Unicode.

Word stores an inserted symbol as a font name and a code; for symbol fonts the code sits in the
private range F020–F0FF and means a glyph of that font, not a Unicode character. The tables are
the fonts' published encodings (facts), for the characters newsroom copy uses: Greek letters and
mathematical signs from Symbol; bullets, check marks, boxes, arrows and circled digits from
Wingdings. A code of an ordinary font is its Unicode character.
"""

from __future__ import annotations

_SYMBOL_ASCII = {
    0x22: "∀",
    0x24: "∃",
    0x27: "∋",
    0x2A: "∗",
    0x2D: "−",
    0x40: "≅",
    0x5C: "∴",
    0x5E: "⊥",
    0x7E: "∼",
}
_GREEK_UPPER = "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ"  # Symbol 0x41–0x5A
_GREEK_LOWER = "αβχδεφγηιϕκλμνοπθρστυϖωξψζ"  # Symbol 0x61–0x7A
_SYMBOL_HIGH = dict(
    zip(range(0xA1, 0xE0), "ϒ′≤⁄∞ƒ♣♦♥♠↔←↑→↓°±″≥×∝∂•÷≠≡≈…⏐⎯↵ℵℑℜ℘⊗⊕∅∩∪⊃⊇⊄⊂⊆∈∉∠∇®©™∏√⋅¬∧∨⇔⇐⇑⇒⇓", strict=True)
)
_SYMBOL_HIGH.update({0xE0: "◊", 0xE1: "〈", 0xE5: "∑", 0xF1: "〉", 0xF2: "∫"})

_WINGDINGS = {
    0x22: "✂",
    0x28: "☎",
    0x2A: "✉",
    0x4A: "☺",
    0x4C: "☹",
    0x6C: "●",
    0x6E: "■",
    0x6F: "□",
    0x71: "❑",
    0x75: "◆",
    0x76: "❖",
    0x9F: "•",
    0xA1: "○",
    0xA7: "▪",
    0xAB: "★",
    0xD8: "➢",
    0xE8: "➔",
    0xEF: "⇦",
    0xF0: "⇨",
    0xFB: "✗",
    0xFC: "✓",
    0xFD: "☒",
    0xFE: "☑",
}
_WINGDINGS.update({0x80 + i: c for i, c in enumerate("⓪①②③④⑤⑥⑦⑧⑨⑩⓿❶❷❸❹❺❻❼❽❾❿")})


def _symbol(code: int) -> str | None:
    if code in _SYMBOL_ASCII:
        return _SYMBOL_ASCII[code]
    if 0x41 <= code <= 0x5A:
        return _GREEK_UPPER[code - 0x41]
    if 0x61 <= code <= 0x7A:
        return _GREEK_LOWER[code - 0x61]
    if 0x20 <= code < 0x7F:
        return chr(code)
    return _SYMBOL_HIGH.get(code)


def symbol_char(font: str, code: str) -> str | None:
    """The character a `w:sym` shows, or None when this font's code is not known."""
    try:
        value = int(code, 16)
    except ValueError:
        return None
    name = font.strip().lower()
    if 0xF000 <= value <= 0xF0FF:
        value -= 0xF000
    elif name not in ("symbol", "wingdings"):
        return chr(value) if 0x20 <= value <= 0x10FFFF and not 0xD800 <= value <= 0xDFFF else None
    if name == "symbol":
        return _symbol(value)
    if name == "wingdings":
        return _WINGDINGS.get(value)
    return None
