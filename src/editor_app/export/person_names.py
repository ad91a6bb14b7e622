"""Person names and bylines for the traditional edition: where they stand and how their surname is written.

A converter that reads 于勇 as "於 + 勇" or 余华 as "remainder + 華" insults the people named. Names are
found from what the segmenter put together as a name, from the checker's own name heuristics
(`proof.typo.protect.name_spans`: after a title, before a verb of saying) held to word boundaries,
from 某/某某 after a surname, from a surname alone before a form of address (游先生), and from bylines,
credits and （于勇）-style author lines, which are names throughout. Inside a name every character is
converted on its own, and a surname that has its own traditional form (于, 余, 范, 姜, 游, 岳 … stay as
written; 叶 becomes 葉, 钟 becomes 鍾) takes it. Ordinary words are never names: a span the dictionary
knows as another part of speech is left to the phrase converter (于是, 余额, 范围, 姜汤).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from editor_app.proof.typo.protect import SURNAMES, TITLES, name_spans

# Surnames whose traditional form differs from the character's usual conversion (于 → 於, 余 → 餘 …):
# as a surname the character is its own. 叶, 钟, 万, 沈, 谷 convert as usual (葉, 鍾, 萬, 沈, 谷).
SURNAME_FORMS = {
    "于": "于",
    "余": "余",
    "范": "范",
    "姜": "姜",
    "游": "游",
    "岳": "岳",
    "党": "党",
    "郁": "郁",
    "朴": "朴",
    "涂": "涂",
    "台": "台",
    "干": "干",
    "后": "后",
    "占": "占",
    "咸": "咸",
    "种": "种",
    "卜": "卜",
    "叶": "葉",
    "钟": "鍾",
    "万": "萬",
    "沈": "沈",
    "谷": "谷",
    "云": "雲",
    "冲": "冲",
    "曲": "曲",
    "筑": "筑",
}
COMPOUND_SURNAMES = (
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "夏侯",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
    "长孙",
    "宇文",
    "令狐",
    "东方",
    "西门",
    "端木",
    "独孤",
    "南宫",
    "万俟",
    "司徒",
    "司空",
    "闻人",
    "呼延",
)
# Words in bylines and credits that are not names: 记者 于勇、通讯员 范晓、于勇 摄.
ROLE_WORDS = (
    "本报记者",
    "本刊记者",
    "特约记者",
    "见习记者",
    "实习记者",
    "摄影记者",
    "记者",
    "通讯员",
    "实习生",
    "特约撰稿",
    "撰稿",
    "摄影",
    "责任编辑",
    "编辑",
    "校对",
    "审核",
    "供稿",
    "整理",
    "报道",
    "文字",
    "图片",
    "文图",
    "文",
    "图",
    "摄",
    "绘",
)
_ROLE = re.compile("|".join(sorted(map(re.escape, ROLE_WORDS), key=len, reverse=True)))
_HAN_RUN = re.compile(r"[\u3400-\u9fff\U00020000-\U0003ffff]+")
# （于勇） or （记者 于勇 通讯员 范晓）: a bracketed author line inside running text.
_BRACKETED = re.compile(r"[（(]([\u3400-\u9fff 　、·]{2,24})[）)]")
_SOMEONE = re.compile("[" + "".join(SURNAMES) + "]某{1,2}")
# A surname alone before a form of address is a name (游先生, 于女士) when a clause or a word that
# introduces a person comes first: in 归功于老师 or 诉诸于市长 the 于 is a preposition.
HONORIFICS = frozenset(
    (
        "先生",
        "女士",
        "小姐",
        "老师",
        "师傅",
        "同志",
        "阿姨",
        "大爷",
        "大妈",
        "奶奶",
        "爷爷",
        "书记",
        "主任",
        "局长",
        "区长",
        "县长",
        "市长",
        "镇长",
        "村长",
        "院长",
        "校长",
        "经理",
    )
)
INTRODUCERS = frozenset(
    (
        "市民",
        "居民",
        "村民",
        "网友",
        "患者",
        "家长",
        "读者",
        "游客",
        "群众",
        "职工",
        "记者",
        "叫",
        "是",
        "和",
        "与",
        "及",
        "跟",
        "同",
        "请",
        "让",
        "给",
        "问",
        "向",
        "据",
        "由",
        "找",
        "的",
    )
)
# Bracketed author lines open with a role (（记者 于勇）) or are a bare name (（于勇））.
_LEADING_ROLE = re.compile(
    "(?:"
    + "|".join(sorted(map(re.escape, [r for r in ROLE_WORDS if len(r) > 1]), key=len, reverse=True))
    + ")[ 　]?"
)
# Function words that never follow a surname inside a name (党的工作, 于是否).
_FUNCTION_CHARS = frozenset("的了着过在是和与及或等为被把将对从向于以之其这那个们也都就还又很不")
# Dictionary tags of proper names (person, place, other); every other word is an ordinary word.
_NAME_TAGS = ("nr", "nz", "ns")
# Surnames common enough that a name the segmenter put together from unknown characters is believed
# (于勇, 余华); a rare one (党, 台, 后, 种 …) counts only after a title, before a form of address or in
# a byline, since its character is far more often an ordinary word (后须, 种好).
COMMON_SURNAMES = frozenset("于余范游岳郁涂姜叶钟")


@dataclass(frozen=True)
class Token:
    word: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.word)


def surname_length(text: str) -> int:
    """1, or 2 for a compound surname (欧阳, 司马 …), or 0 when `text` does not start with a surname."""
    if text[:2] in COMPOUND_SURNAMES:
        return 2
    return 1 if text[:1] in SURNAMES else 0


def convert_name(name: str, char: Callable[[str], str]) -> str:
    """A name, character by character, with the surname's own form (于勇 → 于勇, 叶红 → 葉紅)."""
    if surname_length(name) == 1 and name[0] in SURNAME_FORMS:
        return SURNAME_FORMS[name[0]] + "".join(map(char, name[1:]))
    return "".join(map(char, name))


def byline_names(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Name spans in a byline, credit or author line: every Han run once its role words are taken out
    (记者 于勇 → 于勇; 于勇 摄 → 于勇; 记者于勇 → 于勇); a run of two two-character names is split."""
    spans = []
    for run in _HAN_RUN.finditer(text):
        pos, end = run.start(), run.end()
        for role in _ROLE.finditer(text, pos, end):
            if role.start() > pos:
                spans.extend(_split_names(text, pos, role.start()))
            pos = role.end()
        if pos < end:
            spans.extend(_split_names(text, pos, end))
    return [(offset + a, offset + b) for a, b in spans]


def _split_names(text: str, start: int, end: int) -> list[tuple[int, int]]:
    if end - start == 4 and surname_length(text[start:]) == 1 and surname_length(text[start + 2 :]) == 1:
        return [(start, start + 2), (start + 2, end)]
    return [(start, end)]


def person_spans(
    text: str,
    tokens: Sequence[Token],
    surnames: set[str],
    is_phrase: Callable[[str], bool],
    word_tag: Callable[[str], str | None],
    guess_words: Callable[[str], list[tuple[str, str]]],
) -> list[tuple[int, int]]:
    """Spans of `text` that name a person whose surname is in `surnames` (those written differently as a
    surname: 于, 余, 范 …; other names convert alike either way), not overlapping, in order.

    `tokens`: the segmentation of `text`; `is_phrase(s)`: the conversion tables have a phrase entry for
    s (a phrase entry knows better than a name rule: 姜汤, 范仲淹); `word_tag(s)`: the dictionary's tag
    for s (nr, ns, nz … for proper names, "w" for other words, None when it does not list s);
    `guess_words(s)`: s cut into words with parts of speech by a character model, for stretches the
    dictionary has no words for. The dictionary's own name tags are not enough (it tags 范畴, 涂抹 and
    于今 as names); a name the character model finds where the dictionary has no word is believed
    (他叫于勇 → 于勇/nr; 于是 and 记者于近日 are dictionary words).
    """
    starts = {t.start: i for i, t in enumerate(tokens)}
    ends = {t.start + len(t.word) for t in tokens}
    found: list[tuple[int, int]] = []

    def ordinary(word: str) -> bool:
        tag = word_tag(word)
        return tag is not None and not tag.startswith(_NAME_TAGS)

    def candidate(word: str) -> bool:
        return surname_length(word) == 1 and word[0] in surnames and not is_phrase(word)

    def name_like(word: str) -> bool:
        tag = word_tag(word)
        if tag is None:
            guessed = guess_words(word)
            tag = guessed[0][1] if len(guessed) == 1 else "x"
        return tag.startswith("nr")

    for i, token in enumerate(tokens):
        word = token.word
        if not candidate(word):
            continue
        following = tokens[i + 1].word if i + 1 < len(tokens) else ""
        before = tokens[i - 1].word if i else ""
        if (
            len(word) == 1
            and following in HONORIFICS
            and (not _HAN_RUN.match(before[-1:]) or before in INTRODUCERS)
        ):
            found.append((token.start, token.start + 1))  # 市民/游/先生
        elif (
            word[0] in COMMON_SURNAMES
            and len(word) == 1
            and (word_tag(word) or "").startswith("nr")
            and 0 < len(following) <= 2
            and name_like(following)
            and not is_phrase(word + following)
            and not ordinary(word + following)
        ):
            found.append((token.start, token.start + 1 + len(following)))  # 范/nr 美玲/nr
    # Stretches of single characters and words the dictionary does not list, cut again by the character
    # model as jieba.posseg would: a name it finds there starting with a common surname is a name.
    i = 0
    while i < len(tokens):
        j = i
        while (
            j < len(tokens)
            and (len(tokens[j].word) == 1 or word_tag(tokens[j].word) is None)
            and _HAN_RUN.fullmatch(tokens[j].word)
        ):
            j += 1
        if j > i:
            start = tokens[i].start
            stretch = "".join(t.word for t in tokens[i:j])
            if len(stretch) >= 2 and any(ch in COMMON_SURNAMES and ch in surnames for ch in stretch):
                pos = start
                for word, tag in guess_words(stretch):
                    if (
                        tag.startswith("nr")
                        and 2 <= len(word) <= 4
                        and word[0] in COMMON_SURNAMES
                        and candidate(word)
                    ):
                        found.append((pos, pos + len(word)))
                    pos += len(word)
            i = j
        else:
            i += 1
    for start, end in name_spans(text):  # after a title or before 说/表示: held to word boundaries
        if start not in starts or not candidate(text[start:end]):
            continue
        after_title = text[:start].rstrip("：: 　").endswith(TITLES)
        if text[start] not in COMMON_SURNAMES and not after_title:
            continue  # a rare surname only after a title (党 in 党的工作 is the Party)
        i = starts[start]
        stop = start
        while i < len(tokens) and tokens[i].start + len(tokens[i].word) <= end:
            stop = tokens[i].start + len(tokens[i].word)
            i += 1
        span = text[start:stop]
        if (
            stop - start < 2
            or stop not in ends
            or is_phrase(span)
            or any(ch in _FUNCTION_CHARS for ch in span[1:])
        ):
            continue
        inside = [t.word for t in tokens[starts[start] : i]]
        if ordinary(span) or any(len(word) > 1 and (ordinary(word) or is_phrase(word)) for word in inside):
            continue  # 记者于近日获悉: 近日 is a word, not a given name
        found.append((start, stop))
    for m in _SOMEONE.finditer(text):  # 于某、范某某
        if m.group()[0] in surnames:
            found.append((m.start(), m.end()))
    for m in _BRACKETED.finditer(text):  # （于勇）, （记者 于勇）
        inner = m.group(1)
        if _LEADING_ROLE.match(inner) or (len(inner) <= 3 and candidate(inner) and not ordinary(inner)):
            found.extend(byline_names(inner, m.start(1)))
    return _disjoint(found)


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans merged, in order."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
