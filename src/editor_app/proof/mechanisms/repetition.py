"""`repetition`: a word written twice by mistake (加强加强, 打好全力打好 → 全力打好).

Two modes, so each can be precise:
- adjacent (no `gap_words`): a unit of `min_unit`–`max_unit` Han characters written twice in a row.
  Valid doubling is excepted: reduplicated verbs and adjectives listed in `reduplicable` (研究研究,
  雪白雪白), AAAA (哈哈哈哈), 一X一X (一步一步), V着V着 (走着走着), numerals (二〇二〇).
- restated (`gap_words` given): a unit, one of the gap words (adverbs such as 全力, 切实), and the
  unit again — the writer restated a verb with its adverb and left the first one behind. The
  suggestion drops the first copy.
Both modes skip parallel clauses: when the unit also starts a neighbouring clause (joined by 、，；),
the writer is enumerating (人民城市人民建，人民城市为人民). Single characters are never units here:
AABB (高高兴兴), V不V, 一X一X, X和X and 真查真改 stay valid by construction.
"""

from __future__ import annotations

from editor_app.proof.mechanisms import Hit
from editor_app.proof.textutil import HAN, LazyRegex

KEYS = {"min_unit": int, "max_unit": int, "gap_words": list, "reduplicable": list}

# V着V着 (坐着坐着), V了V了, 想一想一下 (the unit 想一 straddles A一A), and spoken repetition with a
# modal particle (走吧走吧, 好啊好啊): valid, not slips.
_ASPECT = set("着著了一不过来去吧啊呀呢嘛哦啦哈")
_NUMERALS = set("〇零一二三四五六七八九十百千万亿两0123456789")
_CLAUSE_MARKS = "，、；。！？：,;\n"


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(mark, 0, start) for mark in _CLAUSE_MARKS) + 1
    rights = [pos for mark in _CLAUSE_MARKS if (pos := text.find(mark, end)) != -1]
    return left, (min(rights) if rights else len(text))


def _in_parallel(text: str, start: int, end: int, unit: str) -> bool:
    """Does `unit` also occur in the clause before or after the one holding [start, end)?"""
    left, right = _clause_bounds(text, start, end)
    if left > 1:
        before_left, _ = _clause_bounds(text, left - 1, left - 1)
        if unit in text[before_left : left - 1]:
            return True
    if right < len(text):
        _, after_right = _clause_bounds(text, right + 1, right + 1)
        if unit in text[right + 1 : after_right]:
            return True
    return False


class RepetitionDetector:
    def __init__(self, rule, pack):
        options = rule.options
        low, high = options.get("min_unit", 2), options.get("max_unit", 4)
        if not 2 <= low <= high <= 12:
            raise pack.error("need 2 <= min_unit <= max_unit <= 12", "min_unit")
        self.gap_words = tuple(options.get("gap_words", ()))
        self.reduplicable = frozenset(options.get("reduplicable", ()))
        self.low, self.high = low, high
        if self.gap_words:
            from editor_app.proof.dictionary import WordIndex

            self.gaps = WordIndex(dict.fromkeys(self.gap_words, True))
        else:
            self.regex = LazyRegex(f"([{HAN}]{{{low},{high}}})\\1")

    def _valid_doubling(self, unit: str) -> bool:
        return (
            unit in self.reduplicable
            or unit[0] == unit[1]
            or unit[0] == "一"
            or (len(unit) == 2 and unit[1] in _ASPECT)
            or all(char in _NUMERALS for char in unit)
        )

    def find(self, text, doc):
        if self.gap_words:
            yield from self._restated(text)
            return
        position = 0
        while True:
            match = self.regex.search(text, position)
            if match is None:
                return
            unit = match.group(1)
            start, end = match.span()
            position = start + 1
            if not self.gap_words and self._valid_doubling(unit):
                continue
            if _in_parallel(text, start, end, unit):
                continue
            suggestion = match.group(0)[len(unit) :]
            yield Hit(start, end, (suggestion,))
            position = end

    def _restated(self, text: str):
        """Unit + gap word + unit, anchored on the gap words (far cheaper than a back-reference scan)."""
        taken = 0
        for g0, g1, _ in self.gaps.longest(text):
            for size in range(self.high, self.low - 1, -1):
                start, end = g0 - size, g1 + size
                if start < taken or end > len(text):
                    continue
                unit = text[start:g0]
                if (
                    unit == text[g1:end]
                    and _HAN_RUN.fullmatch(unit)
                    and not _in_parallel(text, start, end, unit)
                ):
                    yield Hit(start, end, (text[g0:end],))
                    taken = end
                    break


_HAN_RUN = LazyRegex(f"[{HAN}]+")


def build(rule, pack):
    return RepetitionDetector(rule, pack)
