"""Spans the typo detector must never "correct": quotes, names, places, bylines, the user's own words.
(Titles in 《》 are checked like any text.)

Over-correction of names and quoted wording is the top complaint about automatic checkers, so the
detector masks these spans before it looks for slips. Heuristics err on the side of protecting.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Common Chinese surnames (single character), enough to recognise names next to titles and verbs.
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季"
    "裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄"
    "窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查"
    "麻苑迟邝"
)
TITLES = (
    "书记",
    "局长",
    "主任",
    "部长",
    "厅长",
    "处长",
    "科长",
    "市长",
    "县长",
    "区长",
    "镇长",
    "乡长",
    "院长",
    "校长",
    "所长",
    "站长",
    "队长",
    "组长",
    "主席",
    "总理",
    "经理",
    "董事长",
    "总裁",
    "委员",
    "代表",
    "同志",
    "记者",
    "通讯员",
    "教授",
    "博士",
    "医生",
    "医师",
    "老师",
    "会长",
    "秘书长",
    "主编",
    "编辑",
    "馆长",
    "行长",
    "社长",
    "署长",
    "司长",
    "省长",
    "州长",
    "检察长",
    "庭长",
    "法官",
    "律师",
    "专家",
    "院士",
    "厂长",
    "主管",
    "干事",
    "支队长",
    "大队长",
    "政委",
    "指导员",
    "团长",
    "旅长",
    "师长",
    "军长",
    "总监",
    "经理人",
    "摄影",
    "撰稿",
    "作者",
    "校对",
    "审核",
    "学员",
    "村民",
    "群众",
    "居民",
    "职工",
    "党员",
    "网友",
    "市民",
)
AFTER_NAME = (
    "同志",
    "先生",
    "女士",
    "指出",
    "强调",
    "要求",
    "表示",
    "认为",
    "介绍",
    "说",
    "主持",
    "出席",
    "讲话",
    "提出",
    "担任",
    "任",
    "为",
    "等",
    "作",
    "参加",
    "同",
    "和",
    "与",
    "的",
    "在",
    "是",
    "带领",
    "一行",
    "问",
    "觉得",
    "告诉",
    "回答",
    "笑着",
)
# Suffixes that rarely end a common word: the one to three characters before them are taken as a name.
PLACE_SUFFIXES = ("省", "县", "镇", "乡", "村", "旗", "盟", "屯", "寨", "街道", "社区", "嘎查", "苏木")

# Endings of medicine and chemical names (奥美拉唑, 孟鲁司特片, 霍胆丸): their transliterated syllables read
# as nonsense to a general model, so the characters before such an ending are taken as a name.
PRODUCT_SUFFIXES = (
    "唑",
    "啉",
    "嗪",
    "胺",
    "酮",
    "酯",
    "醇",
    "钠",
    "钾",
    "霉素",
    "沙星",
    "洛尔",
    "地平",
    "普利",
    "他汀",
    "替丁",
    "司特",
    "西平",
    "片",
    "丸",
    "胶囊",
    "颗粒",
    "口服液",
    "软膏",
    "乳膏",
    "合剂",
    "冲剂",
    "注射液",
    "滴眼液",
    "喷雾剂",
    "糖浆",
    "散",
    "膏",
    "贴",
    "栓",
    "露",
)

# Quoted wording is the speaker's; a title in 《》 is not protected: the name of a law or a document is
# exactly where a slip embarrasses (《关于加强…的通知》), and titles are mostly ordinary words.
QUOTE_PAIRS = {"“": "”", "「": "」", "『": "』", "‘": "’", '"': '"', "〈": "〉", "（": "）", "(": ")"}
_QUOTED = re.compile(
    "|".join(
        f"{re.escape(o)}[^{re.escape(o)}{re.escape(c)}\n]{{0,80}}{re.escape(c)}"
        for o, c in QUOTE_PAIRS.items()
    )
)
# 「记者王晓」「校对：郑洁」「责任编辑 陈静」: a title, then perhaps a colon or a space, then the name.
_TITLE_NAME = re.compile(
    "(?:" + "|".join(sorted(TITLES, key=len, reverse=True)) + "|长)[：:\u3000 ]?([\u4e00-\u9fff]{2,3})"
)


class _BeforeWords:
    """Where `([Han]{lo,hi}?)(?:word|word…)` would match, found from the words' first characters instead of by
    trying the lazy group at every position (five times faster on long paragraphs, the same spans):
    `consume` says whether the word is part of the match (the search goes on after it) or only looked ahead at."""

    def __init__(self, words: Iterable[str], lo: int, hi: int, consume: bool):
        words = list(words)
        if lo < 1 or not all(words):  # an empty group or word would need the regex's empty-match rules
            raise ValueError("_BeforeWords needs lo >= 1 and non-empty words")
        self.lo, self.hi, self.consume = lo, hi, consume
        self.words: dict[str, list[str]] = {}
        for word in words:  # in the order the regex alternation would try them
            self.words.setdefault(word[0], []).append(word)
        self.starts = re.compile("[" + re.escape("".join(self.words)) + "]")

    def finditer(self, text: str):
        """(start, end, word) of each match, left to right: text[start:end] is the Han group."""
        pos = 0
        for m in self.starts.finditer(text):
            q = m.start()
            word = next((w for w in self.words[text[q]] if text.startswith(w, q)), None)
            if word is None or q - pos < self.lo:
                continue
            p = max(pos, q - self.hi)
            for k in range(q - 1, p - 1, -1):  # the group holds Han characters only
                if not _is_han(text[k]):
                    p = k + 1
                    break
            if q - p >= self.lo:
                yield p, q, word
                pos = q + len(word) if self.consume else q


_NAME_AFTER = _BeforeWords(sorted(AFTER_NAME, key=len, reverse=True), 2, 3, consume=True)
_PLACE = _BeforeWords(PLACE_SUFFIXES, 1, 3, consume=False)
_PRODUCT = _BeforeWords(PRODUCT_SUFFIXES, 1, 4, consume=False)
_SHORT_LINE = re.compile(r"^[ \t\u3000]*([\u4e00-\u9fff]{1,4})[ \t\u3000]*$", re.M)


def protected_mask(text: str, user_words: Iterable[str] = ()) -> bytearray:
    """One byte per character: 1 where the detector must stay silent."""
    mask = bytearray(len(text))

    def cover(start: int, end: int) -> None:
        mask[start:end] = b"\x01" * (end - start)

    for m in _QUOTED.finditer(text):
        cover(m.start(), m.end())
    for m in _SHORT_LINE.finditer(text):
        cover(m.start(1), m.end(1))
    for start, end in name_spans(text):
        cover(start, end)
    for start, end, suffix in _PLACE.finditer(text):
        cover(start, end + len(suffix))  # the name and its suffix (扎赉特旗)
    for start, end, _suffix in _PRODUCT.finditer(text):
        cover(start, end + 1)
    for word in user_words:
        if not word:
            continue
        start = text.find(word)
        while start >= 0:
            cover(start, start + len(word))
            start = text.find(word, start + 1)
    return mask


def name_spans(text: str) -> list[tuple[int, int]]:
    """Where a person's name probably stands: after a title (记者王晓, 书记：陈静) or at a clause start
    before a verb of saying (，李明表示). Generous: up to three characters are taken."""
    spans = []
    for m in _TITLE_NAME.finditer(text):
        if m.group(1)[0] in SURNAMES:
            spans.append((m.start(1), m.end(1)))
    for start, end, _word in _NAME_AFTER.finditer(text):
        if text[start] in SURNAMES and (
            start == 0 or not _is_han(text[start - 1]) or text[start - 1] in "、，,和与及"
        ):
            spans.append((start, end))
    return spans


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def in_parallel(s: str, i: int, fix: str = "", max_item: int = 4) -> bool:
    """True when s[i] fills a slot of a parallel construction: 治水、护水, 细化、量化、实化, 真查真改、严查严改.

    Either the frame repeats inside the unit (快查快改, 聊东聊西), or the items either side of a separator
    (、，；), read over the same short length, share a neighbour of s[i] at the same place and differ in this
    slot: deliberate variation, not to be "corrected" to a more common word. A fix that would copy the other
    item's character (一等奖、二登奖 → 二等奖) mends the parallel rather than flattening it, so it is not held back.
    """
    n = len(s)
    if (0 < i < n - 1 and s[i - 1] == s[i + 1]) or (i >= 3 and s[i - 1] == s[i - 3] and s[i] != s[i - 2]):
        return True  # the frame of 快查快改 / 边查边改
    if (i + 2 < n and s[i + 2] == s[i] and s[i + 1] != s[i]) or (
        i >= 2 and s[i - 2] == s[i] and s[i - 1] != s[i]
    ):
        return True  # the repeated slot of 聊东聊西 / 一心一意
    for q in range(max(0, i - max_item), min(n, i + max_item + 1)):
        if s[q] not in _SEPARATORS:
            continue
        for m in range(2, max_item + 1):
            before = s[q - m : q] if q >= m else ""
            after = s[q + 1 : q + 1 + m]
            if len(before) != m or len(after) != m or not all(map(_is_han, before + after)):
                continue
            k = i - (q - m) if i < q else i - q - 1
            if not 0 <= k < m:
                continue
            mine, other = (before, after) if i < q else (after, before)
            if other[k] == mine[k] or other[k] == fix:
                continue
            if (k > 0 and other[k - 1] == mine[k - 1]) or (k + 1 < m and other[k + 1] == mine[k + 1]):
                return True
    return False


_SEPARATORS = "、，,；;"
