"""`script`: traditional characters in simplified text, via OpenCC's character table.

Only characters outside the 8,105 通用规范汉字表 are flagged, so standard characters that OpenCC also
lists as traditional (於 in 於谦, 乾 in 乾隆, 藉 in 狼藉) pass. Keys: `allowed_file` (the standard list,
any layout: every Han character in the file counts). We read OpenCC's data file directly instead of
importing its converter, which keeps loading fast.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from editor_app.proof.mechanisms import Hit
from editor_app.proof.textutil import LazyRegex, chars_of, is_han

KEYS = {"allowed_file": str}
REQUIRED = ("allowed_file",)


def opencc_table(name: str) -> Path | None:
    spec = importlib.util.find_spec("opencc")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        path = Path(folder) / "dictionary" / name
        if path.is_file():
            return path
    return None


def read_allowed(path: Path) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(c for line in lines if not line.startswith("#") for c in line if is_han(c))


class ScriptDetector:
    def __init__(self, mapping: dict[str, str]):
        self.mapping = mapping
        self.chars = frozenset(mapping)  # set.isdisjoint(text) is a fast pre-check for clean text
        chars = "".join(sorted(mapping))
        self.regex = LazyRegex(f"[{re.escape(chars)}]+") if chars else None

    def find(self, text, doc):
        if self.regex is None or self.chars.isdisjoint(chars_of(text)):
            return
        for match in self.regex.finditer(text):
            simplified = "".join(self.mapping[char] for char in match.group())
            yield Hit(match.start(), match.end(), (simplified,))


def build(rule, pack):
    allowed = read_allowed(pack.resolve(rule.options["allowed_file"], "allowed_file"))
    table = opencc_table("TSCharacters.txt")
    if table is None:
        raise pack.error("OpenCC (opencc-python-reimplemented) is not installed; the script rule needs it")
    mapping: dict[str, str] = {}
    for line in table.read_text(encoding="utf-8").splitlines():
        trad, _, simp = line.partition("\t")
        options = simp.split()
        if len(trad) == 1 and options and trad not in allowed and trad not in options:
            mapping[trad] = options[0]
    return ScriptDetector(mapping)
