"""Shape tests on single lines of copy: punctuation, length and the markers newsrooms print.

These are the general signals the page reader combines; none of them knows any particular page.
The extracted text of printed pages often has ASCII "," for "，", so both count as commas.
"""

from __future__ import annotations

import re

from editor_app.jumplines import is_jump_line

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
TERMINAL = "。！？!?…；;：:"  # a paragraph may end here
CLOSERS = "”’」』）)》】\"'"  # closing marks count as terminal (quoted speech, a bracketed credit)
CLAUSE = "，,、；;：:。！？!?"  # clause punctuation: headings seldom contain it (、 is allowed)
SPACES = " \t\u3000\u00a0\u2002\u2003\u200b\ufeff"

HEADING_MAX = 40  # characters; two-part headlines reach ~30
HEADING_ONE_PART = 26  # a headline without a space in it is rarely longer
CAPTION_MAX = 80
LEAD_WINDOW = 14  # a news lead names its time within the first characters

_EDITOR_NOTE = re.compile(
    r"^[【\[]?(编\s?者\s?按|编者的话|编后语|编后|编辑手记|按\s?语)[】\]]?(\s*[:：]\s*|\s+|$)"
)
_TRAILING_TAG = re.compile(rf"^(.*[。！？!?”’」』…])\s*[（(]\s*([{HAN}]{{2,4}})\s*[）)]$", re.DOTALL)
_DATELINE = re.compile(
    rf"^(?:(本报讯|本刊讯|本网讯|通讯员讯|[{HAN}]{{2,6}}讯(?=[\s（(：:])"
    rf"|(?:本报|本刊|新华社|中新社)[{HAN}\d０-９]{{0,14}}电)"
    rf"\s*[:：]?\s*((?:（[^（）\n]{{1,40}}）|\([^()\n]{{1,40}}\)))?\s*)"
)
_PEN_NAME = re.compile(rf"^(?:[（(]\s*[{HAN}]{{2,4}}\s*[）)]|[{HAN}]{{2,4}})$")
_AUTHOR = re.compile(
    rf"^[□■●◆]?\s*[（(]?\s*(?:本报|本刊|特约)?(?:记者|通讯员|实习生|特约记者|撰稿|作者|文)\s*[/／:：]?\s*"
    rf"[{HAN}·]{{2,4}}(?:[\s、，,]+(?:(?:本报|本刊|特约)?(?:记者|通讯员|实习生)\s*)?[{HAN}·]{{2,4}})*\s*[）)]?$"
)
_CREDIT_BRACKETED = re.compile(
    r"[（(]\s*([^（）()]{1,24}?(?:摄|摄影|供图)|(?:图片|照片|资料图|图)[^（）()]{0,20}?提供|图片来源[^（）()]{1,20}"
    rf"|(?:摄影|图)\s*[/／:：]?\s*[{HAN}·]{{2,4}}(?:[\s、][{HAN}·]{{2,4}})*)\s*[）)]$"
)
_CREDIT_PLAIN = re.compile(
    rf"(?:^|(?<=[\s。！？!?]))((?:本报|本刊)?(?:记者|通讯员|摄影记者|特约摄影)?\s*[{HAN}·]{{2,4}}"
    rf"(?:[\s、][{HAN}·]{{2,4}})*(?:\s+|\s*[/／]\s*)(?:摄|摄影|供图))$"
)
_CAPTION_START = re.compile(r"^(?:图为|图[:：]|上图|下图|左图|右图|图[一二三四五六七八九\d]+[:：\s])")
_SUBHEAD_MARK = re.compile(
    r"^(?:[■□●◆◇▲△★☆▶►◎]\s*|【[^】]{1,30}】$|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]"
    r"|\d{1,2}[、.．]\s*(?=\D))"
)
_CREDITS_LINE = re.compile(
    r"^(?:责任编辑|责编|本版编辑|本期编辑|编辑|美编|美术编辑|校对|审校|审核|审稿|签发|主编|组版)\s*[:：]"
)
_LEAD_TIME = re.compile(r"日前|近日|近期|前不久|昨天|昨日|日上午|日下午|日晚|\d{1,2}月\d{1,2}日")
_PLACE = re.compile(
    rf"^([{HAN}]{{1,8}}?(?:省|市|区|县|镇|乡|村|街道|社区|园区|新区|局|委|厅|中心|公司|集团|大学|学院|医院))"
)
_NAMED_START = re.compile(
    rf"^(?:\d{{4}}年|[{HAN}]{{2,8}}?(?:省|市|区|县|镇|乡|村|街道|园区|新区|局|委|厅|公司|集团))"
)
_EVENT_END = re.compile(r"(?:召开|举行|举办|启动|开幕|闭幕|发布|印发|出台|签约|揭牌|成立)$")
_ENUMERATION = re.compile(
    r"^(?:[一二三四五六七八九十]是|[一二三四五六七八九十]要|一方面|首先|第[一二三四五六七八九十]|其[一二三])"
)
_FOLIO = re.compile(r"第\s*(\d{1,3})\s*版|星期[一二三四五六日天]|周[一二三四五六日]\b")
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_NOT_A_START = "的了着地得和与及并而等们之所其或且则就也都还又"
_SPEAKER = re.compile(rf"^([{HAN}]{{2,4}}?)(?:指出|强调|要求|表示|说|认为|介绍|提出|坦言|透露|称)")


def compact(text: str) -> str:
    """The text without any whitespace (used to measure and compare)."""
    return "".join(text.split())


_EDGE_SPACE = re.compile(r"^[\s\u200b\ufeff]+|[\s\u200b\ufeff]+$")


def strip_line(text: str) -> str:
    """The text without surrounding whitespace, full-width spaces and zero-width marks."""
    return _EDGE_SPACE.sub("", text)


def is_blank(text: str) -> bool:
    return not strip_line(text)


_NOTE_MARK = re.compile("(?:\ufdd0[^\ufdd1]*\ufdd1)+$")  # a Word footnote citation (docx_text)


def ends_terminal(text: str) -> bool:
    """True when the text can end a paragraph: 。！？… ；： or a closing quote/bracket (a footnote
    citation after it does not count)."""
    body = _NOTE_MARK.sub("", text.rstrip(SPACES)).rstrip(SPACES)
    if not body:
        return True
    return body[-1] in TERMINAL or body[-1] in CLOSERS


def ends_sentence(text: str) -> bool:
    """Stricter than `ends_terminal`: a full stop, question or exclamation mark (maybe in quotes)."""
    body = text.rstrip(SPACES).rstrip(CLOSERS)
    return bool(body) and body[-1] in "。！？!?…"


def has_clause_punct(text: str) -> bool:
    return any(ch in "，,；;：:。！？!?" for ch in text.rstrip(SPACES)[:-1])


def heading_like(text: str) -> bool:
    """A short line without final punctuation and without commas: a title, kicker or subhead.

    Allowed: a deck starting with ——, one colon after a short lead-in (「桥北街道：先问需再开工」),
    and a short question or exclamation (「垃圾分类，你做对了吗？」).
    """
    flat = compact(text)
    if not flat or len(flat) > HEADING_MAX:
        return False
    if flat.startswith(("——", "—")):
        return True  # a deck (副题) may carry any punctuation
    if len(flat) > HEADING_ONE_PART and len(strip_line(text).split()) < 2:
        return False  # a long unbroken line is running text; long headlines come in two parts
    if flat[-1] in "！？!?":
        inner = flat[:-1]
        return (
            len(flat) <= 24
            and not any(ch in "。；;" for ch in inner)
            and sum(inner.count(c) for c in "，,") <= 1
        )
    if flat[-1] in TERMINAL or flat[-1] in "，,、" or (flat[-1] in CLOSERS and ends_sentence(flat)):
        return False
    colon = next((k for k, ch in enumerate(flat) if ch in "：:"), None)
    if colon is not None and 2 <= colon <= 8 and flat.count("：") + flat.count(":") == 1:
        flat = flat[:colon] + flat[colon + 1 :]
    return not has_clause_punct(flat + "x")


def is_deck(text: str) -> bool:
    return compact(text).startswith(("——", "—"))


def editor_note_label(text: str) -> tuple[str, str] | None:
    """(label, rest) when the line opens an editor's note, e.g. 「编者按」 or 「编者按：……」."""
    line = strip_line(text)
    match = _EDITOR_NOTE.match(line)
    if not match:
        return None
    rest = line[match.end() :]
    return compact(match.group(1)), rest


def dateline(text: str) -> tuple[str, str | None, str] | None:
    """(dateline, author line or None, rest) for 「本报讯（记者 ××）……」 at the start of a paragraph."""
    match = _DATELINE.match(text)
    if not match:
        return None
    rest = text[match.end() :]
    if not compact(rest):
        return None
    return match.group(1), match.group(2), rest


def pen_name(text: str) -> bool:
    """A byline tag: 2–4 Han characters, optionally in （）, on its own line."""
    return bool(_PEN_NAME.match(compact(text)))


_DATE_ONLY = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")


def date_only(text: str) -> bool:
    """A line that is only a date (「2026年6月18日」, under a signature): never a headline."""
    return bool(_DATE_ONLY.match(compact(text)))


def trailing_tag(text: str) -> tuple[str, str] | None:
    """(paragraph, tag) for a last paragraph that ends 「……敢于担当。（环土）」."""
    match = _TRAILING_TAG.match(strip_line(text))
    return (match.group(1), match.group(2)) if match else None


def unbracket(text: str) -> str:
    """「（申环）」 → 「申环」: one pair of brackets around the whole text, if there is one."""
    if len(text) >= 3 and text[0] in "（(" and text[-1] in "）)":
        return text[1:-1].strip(SPACES)
    return text


def author_line(text: str) -> bool:
    """「（记者 张三 通讯员 李四）」, 「本报记者 王五」, 「文/赵六」."""
    flat = strip_line(text)
    return len(compact(flat)) <= 40 and bool(_AUTHOR.match(flat))


_BRACKETED_LEAD = re.compile(r"^\s*([（(][^（）()\n]{2,40}[）)])[\s\u3000]*(\S.*)$", re.DOTALL)


def leading_author(text: str) -> tuple[str, str] | None:
    """(「（记者 周文斌）」, rest) for a first paragraph that opens with its reporter line run in."""
    found = _BRACKETED_LEAD.match(text)
    if found is None or not author_line(found.group(1)):
        return None
    return found.group(1), found.group(2)


def photo_credit(text: str) -> tuple[str, str] | None:
    """(caption without credit, credit) when a caption ends with 「（林悦 摄）」 or 「本报记者 林悦 摄」."""
    body = strip_line(text)
    match = _CREDIT_BRACKETED.search(body) or _CREDIT_PLAIN.search(body)
    if not match:
        return None
    return strip_line(body[: match.start()]), match.group(1).strip()


def caption_marker(text: str) -> bool:
    return bool(_CAPTION_START.match(strip_line(text))) or photo_credit(text) is not None


def caption_shape(text: str) -> bool:
    """A short full sentence: ends with a full stop and holds at most one sentence."""
    flat = compact(text)
    if not flat or len(flat) > CAPTION_MAX or not ends_sentence(flat):
        return False
    inner = flat.rstrip(CLOSERS)[:-1]
    return not any(ch in "。！？!?" for ch in inner)


def subhead_marker(text: str) -> bool:
    return bool(_SUBHEAD_MARK.match(strip_line(text)))


def credits_line(text: str) -> bool:
    return bool(_CREDITS_LINE.match(strip_line(text)))


def parse_credits(text: str) -> dict[str, str] | None:
    """「责任编辑：张三 校对：李四」 → {"责任编辑": "张三", "校对": "李四"}; None if a role repeats."""
    parts = re.split(r"\s*([^\s:：]{1,6})\s*[:：]\s*", " " + strip_line(text))
    out: dict[str, str] = {}
    for i in range(1, len(parts) - 1, 2):
        role, names = parts[i], strip_line(parts[i + 1])
        if role in out:
            return None
        out[role] = names
    if compact(parts[0]):
        return None
    return out


def jump_line(text: str) -> bool:
    """「（下转第3版）」, 「（上接第1版）」: the story continues on another page."""
    return is_jump_line(compact(text))


def lead_opening(text: str) -> bool:
    """Does the paragraph open like a news lead (a time word early on, or a dateline)?"""
    if dateline(text):
        return True
    head = compact(text)[:LEAD_WINDOW]
    return bool(_LEAD_TIME.search(head))


def factual_head(text: str) -> bool:
    """A headline line that states who/when/what happened (「全市各区……」「……会议召开」).

    In a two-line group such a line is the 引题 when it comes first and the 副题 when it comes
    second; the other line carries the message and is the 主题.
    """
    flat = compact(text)
    named = _NAMED_START.match(flat)
    # a place that opens the line and is followed by what happened there; 「老厂房变身文化街区」 only ends in 区
    return bool((named and named.end() <= len(flat) - 2) or _EVENT_END.search(flat))


def place_echo(heading: str, paragraph: str) -> bool:
    """The headline opens with a place or body (「滨江区…」) that the next paragraph names early."""
    match = _PLACE.match(compact(heading))
    return match is not None and match.group(1) in compact(paragraph)[:30]


def anaphoric(text: str) -> bool:
    """「他说」「该项目……」「这些……」: a paragraph that leans on what came before."""
    return compact(text)[:1] in ("他", "她", "其", "该", "此", "这")


def enumeration(text: str) -> bool:
    """「一是……」「二要……」「首先……」: a paragraph that continues a list under a subhead."""
    return bool(_ENUMERATION.match(compact(text)))


def cannot_start(text: str) -> bool:
    """Text that cannot open a sentence: a particle or closing punctuation left by a column break."""
    flat = compact(text)
    return bool(flat) and (flat[0] in _NOT_A_START or flat[0] in CLOSERS or flat[0] in "，,。、；;：:！？!?")


def fragment_start(text: str) -> bool:
    """Text that begins in the middle of a sentence: 「的…」, 「民”…」, 「题,…」 left by a column break."""
    flat = compact(text)
    if cannot_start(flat):
        return True
    head = flat[:6]
    for k, ch in enumerate(head):
        if ch in "“‘「『（(《【":
            break
        if ch in "”’」』）)》】" and k >= 1:
            return True
    return len(flat) > 2 and flat[1] in "，,、"


_QUANTITY_START = re.compile(
    rf"^(?:(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万]*[十百千万][零〇一二三四五六七八九十百千万]*"
    rf"|[一二两三四五六七八九十百千万]+)[万亿千百]?(?:余|多)[万亿千百]?(?![年月日天周岁时])[{HAN}]"  # not 「十多年来」
    rf"|\d+(?:\.\d+)?(?:万|亿)?(?![年月日时点分秒号届期版])[{HAN}]"  # 「86部」「12辆」, not 「2024年」
    r"|(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万]*[十百千万][零〇一二三四五六七八九十百千万]*)"
    r"(?:万|亿)?(?:个|名|人|家|件|户|亩|次|元|吨|所|座|项|条|台|辆|套|处|场|位|只|篇|份|株|棵|头|批|张|间|栋|幢"
    r"|公里|千米|米|平方米|立方米|公顷|公斤|千克|千瓦时|千瓦|兆瓦|倍|%|％))"
)


_SHORT_TAIL = re.compile(r"^[^\s，,、；;：:。！？!?“”「」]{1,6}[。！？!?]")


def short_tail(text: str) -> bool:
    """Text opening with a sentence of at most six characters (「12月底。」「全部完工。」): after an unfinished
    paragraph, the end of its sentence rather than a paragraph of its own."""
    return bool(_SHORT_TAIL.match(compact(text)))


def quantity_start(text: str) -> bool:
    """Text opening with a bare count (「600余个。」「一百余个，…」): the tail of a sentence cut after its noun."""
    return bool(_QUANTITY_START.match(compact(text)))


def splits_word(left: str, right: str) -> bool:
    """Does the break between two lines fall inside a word (「…参与鸟」|「类调查…」)?"""
    from editor_app.importing.words import splits_word as _splits

    return _splits(left, right)


def folio(text: str) -> tuple[int | None, str | None] | None:
    """(page number, ISO date) for a running head such as 「2021年3月5日 星期五 第3版 综合新闻」."""
    flat = compact(text)
    if len(flat) > 40 or has_clause_punct(flat + "x"):
        return None
    marks = _FOLIO.search(text)
    if not marks:
        return None
    number = next((int(m.group(1)) for m in _FOLIO.finditer(text) if m.group(1)), None)
    date = _DATE.search(text)
    iso = None
    if date:
        year, month, day = (int(g) for g in date.groups())
        if 1 <= month <= 12 and 1 <= day <= 31:
            iso = f"{year:04d}-{month:02d}-{day:02d}"
    return number, iso


def comma_title(text: str) -> bool:
    """A short title with a comma in it (「守住绿水青山，留住美丽乡愁」), not a sentence."""
    flat = compact(text)
    if not flat or len(flat) > 26 or flat.count("，") + flat.count(",") not in (1, 2):
        return False
    if speaker(flat) or ends_terminal(flat) or flat[-1] in "，,":
        return False
    return heading_like(flat.replace("，", "").replace(",", ""))


def opens_with_time(text: str) -> bool:
    """「日前，……」「近日，……」「5月12日，……」: the paragraph itself starts like a news lead."""
    match = _LEAD_TIME.search(compact(text)[:8])
    return match is not None and match.start() == 0


def speaker(text: str) -> str | None:
    """The name in 「张华强调，……」: a paragraph continuing a speech report."""
    match = _SPEAKER.match(compact(text))
    return match.group(1) if match else None


def join_fragments(left: str, right: str) -> str:
    """Join a paragraph split at a column or picture break (a space only between Latin words;
    digits, as in 「20」+「21年」, join directly)."""
    left, right = left.rstrip(SPACES), right.lstrip(SPACES)
    if (
        left
        and right
        and left[-1].isascii()
        and left[-1].isalpha()
        and right[0].isascii()
        and right[0].isalpha()
    ):
        return f"{left} {right}"
    return left + right
