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
from editor_app.proof.textutil import chars_of, is_han

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
        self.chars = frozenset(mapping)  # intersected with the text's characters: the few to look for
        self._regexes: dict[str, re.Pattern] = {}

    def find(self, text, doc):
        present = self.chars.intersection(chars_of(text))
        if not present:
            return
        # a class of the few traditional characters the text holds: re scans a class of thousands ~50x slower
        key = "".join(sorted(present))
        regex = self._regexes.get(key)
        if regex is None:
            if len(self._regexes) >= 256:
                self._regexes.clear()
            regex = self._regexes[key] = re.compile(f"[{re.escape(key)}]+")
        for match in regex.finditer(text):
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
