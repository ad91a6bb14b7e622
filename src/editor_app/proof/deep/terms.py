"""Medicine and chemical names, which a general language model reads as slips: 息斯敏 → 希斯敏, 三氯乙酸 → 三氟乙酸,
特比奈芬 → 特比奶粉, 克咳敏 → 可咳敏.

Their syllables are transliterations or chemistry (斯, 奈, 氯, 唑 …), strung before an ending that names the kind of
substance (敏, 宁, 芬, 酸, 素, 霉素, 沙星 …) or the form it is sold in (片, 胶囊, 注射液 …). A stretch of up to four
Han characters before such an ending, none of two or more of them a word the language model or the dictionary
knows, is taken as a name when it holds one of those syllables making no word with its neighbours there, or
stands right beside another such name (a list of medicines: 扑尔敏白菜素消咳宁克咳敏). The deep pass then leaves it alone, as the fast pass
leaves the names before 唑, 霉素, 片 alone (`typo.protect.PRODUCT_SUFFIXES`).
"""

from __future__ import annotations

from collections.abc import Callable

#: endings of medicine and chemical names (kinds of substance) and of the forms they are sold in
ENDINGS = tuple(
    sorted(
        (
            "敏",
            "宁",
            "芬",
            "酸",
            "素",
            "灵",
            "松",
            "定",
            "平",
            "星",
            "林",
            "酊",
            "韦",
            "坦",
            "嗪",
            "唑",
            "胺",
            "酮",
            "酯",
            "醇",
            "钠",
            "钾",
            "钙",
            "铵",
            "肽",
            "酶",
            "苷",
            "碱",
            "醛",
            "酚",
            "烷",
            "烯",
            "霉素",
            "沙星",
            "西林",
            "他汀",
            "地平",
            "普利",
            "沙坦",
            "替丁",
            "洛尔",
            "司特",
            "片",
            "丸",
            "胶囊",
            "颗粒",
            "口服液",
            "软膏",
            "乳膏",
            "注射液",
            "滴眼液",
            "喷雾剂",
            "糖浆",
            "溶液",
            "冲剂",
            "合剂",
            "栓",
            "贴",
            "膏",
            "散",
        ),
        key=len,
        reverse=True,
    )
)
#: syllables of transliterated and chemical names (阿莫西林, 布洛芬, 三氯乙酸, 咪喹莫特): rare in ordinary words
SYLLABLES = frozenset(
    "阿埃艾安奥巴贝倍苯比吡必布查达丹德地碘丁啶多厄恩尔伐法凡芬酚呋弗氟福咔卡坎考珂克喹拉莱兰乐雷锂利磷林硫六"
    "卢鲁仑罗洛氯马麦曼美咪米嘧莫姆纳奈尼诺哌帕培硼皮泼普齐羟嗪氰瑞噻塞沙砷舒斯素羧索他肽泰坦酞特替酮托妥唑瓦韦"
    "维沃西烯昔锡辛溴亚伊依乙异吲英佐"
)
#: chemistry's own characters (elements, radicals, rings): a name that holds one is a name whatever its neighbours
CHEMICAL = frozenset("氯氟溴碘硫磷氰羟羧苯酚醛烷烯炔嗪唑啶嘧喹吲哌吡噻咪呋肟胍脲铵钠钾钙镁锌锂砷硼硒")
MAX_NAME = 4
_FIRSTS = frozenset(e[0] for e in ENDINGS)


def medicine_spans(text: str, known: Callable[[str], bool]) -> list[tuple[int, int]]:
    """(start, end) of the medicine and chemical names in `text` (see the module docstring); `known(word)` says
    whether a word is in the model's or the dictionary's vocabulary."""
    found: list[tuple[int, int, bool]] = []  # start, end, whether it holds a transliteration syllable
    n = len(text)
    j = 0
    while j < n:
        ending = None
        if text[j] in _FIRSTS:
            ending = next((e for e in ENDINGS if text.startswith(e, j)), None)
        if ending is None:
            j += 1
            continue
        end = j + len(ending)
        start = None
        if end == n or not known(text[j : end + 1]):  # the ending ends the word (not 平台, 素质, 星期)
            for a in range(j - 1, max(-1, j - MAX_NAME - 1), -1):
                # the name before the ending is no word of its own (乙 in 乙酸 may be; 导致 in 导致过敏 is)
                if not "\u4e00" <= text[a] <= "\u9fff" or (a < j - 1 and known(text[a:j])):
                    break
                start = a
        if start is not None:
            # a syllable that makes no word with its neighbours in the stretch (氯 in 三氯乙酸; not 安 in 安宁稳定)
            loose = any(
                text[k] in CHEMICAL
                or (
                    text[k] in SYLLABLES
                    and not (k > start and known(text[k - 1 : k + 1]))
                    and not known(text[k : k + 2])
                )
                for k in range(start, j)
            )
            found.append((start, end, loose))
        j = end
    spans = [(a, b) for a, b, syllable in found if syllable]
    # names without such a syllable count when they stand right beside one that has it (a list of medicines)
    changed = True
    while changed:
        changed = False
        for a, b, _ in found:
            if (a, b) not in spans and any(b == c or d == a for c, d in spans):
                spans.append((a, b))
                changed = True
    return sorted(spans)
