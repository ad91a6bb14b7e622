"""Chinese text tools for the Tools menu: 简繁转换, the pinyin of rare characters, sorting names.

- `convert(text, "s2t"|"t2s"|"s2tw"|"s2hk")` through OpenCC.
- `pinyin(text)`: tone-marked pinyin per character, every reading of a heteronym (姓名用字 such as
  单 shàn / dān: the proofreader decides which the person uses).
- `sort_names(names, by="pinyin"|"strokes")`: 按姓氏拼音 (letter by letter, then tone) or 按姓氏笔画
  (stroke count of the first character, then the next characters'; ties by pinyin). Stroke counts come
  from Unihan's kTotalStrokes (resources/chinese/strokes.tsv); a character without one sorts last.
"""

from __future__ import annotations

from functools import cache

from editor_app.errors import InputError
from editor_app.messages import msg
from editor_app.paths import resource

CONVERSIONS = ("s2t", "t2s", "s2tw", "s2hk", "tw2s", "hk2s")
UNKNOWN_STROKES = 99


@cache
def _opencc(config: str):
    import opencc

    return opencc.OpenCC(config)


def convert(text: str, config: str = "s2t") -> str:
    if config not in CONVERSIONS:
        raise InputError(None, msg("unknown conversion {config}", config=repr(config)))
    return _opencc(config).convert(text)


def pinyin(text: str) -> list[tuple[str, list[str]]]:
    """(character, readings) for each Han character of `text` (other characters are skipped)."""
    from pypinyin import Style
    from pypinyin import pinyin as _pinyin

    result = []
    for char in text:
        if "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" or ord(char) >= 0x20000:
            readings = _pinyin(char, style=Style.TONE, heteronym=True, errors="ignore")
            result.append((char, list(dict.fromkeys(readings[0])) if readings else []))
    return result


def pinyin_line(text: str) -> str:
    """「单 shàn/dān 于 yú」: one line a proofreader can read out."""
    return "  ".join(f"{char} {'/'.join(readings) or '?'}" for char, readings in pinyin(text))


@cache
def stroke_table() -> dict[str, int]:
    table: dict[str, int] = {}
    path = resource("chinese", "strokes.tsv")
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        count, _, chars = line.partition("\t")
        for char in chars:
            table[char] = int(count)
    return table


def strokes(char: str) -> int:
    return stroke_table().get(char, UNKNOWN_STROKES)


def _pinyin_key(name: str) -> tuple:
    from pypinyin import Style, lazy_pinyin

    return tuple(lazy_pinyin(name, style=Style.TONE3, errors=lambda chars: list(chars)))  # type: ignore[arg-type,return-value]


def sort_names(names: list[str], by: str = "pinyin") -> list[str]:
    """The names sorted; blank entries dropped, spaces inside names (张　三) ignored for the order."""
    cleaned = [n.strip() for n in names if n.strip()]

    def bare(name: str) -> str:
        return "".join(name.split())

    if by == "strokes":
        return sorted(cleaned, key=lambda n: (tuple(strokes(c) for c in bare(n)), _pinyin_key(bare(n))))
    if by == "pinyin":
        return sorted(cleaned, key=lambda n: (_pinyin_key(bare(n)), bare(n)))
    raise ValueError(by)
