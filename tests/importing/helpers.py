"""Small views of an import result used by the importing tests."""

from __future__ import annotations

import re
from collections import Counter

from editor_app.model.document import Article, Banner, EditorNote, PhotoBlock
from editor_app.model.fields import iter_text_fields

# Separators the importer may drop: the colon after a label (「编者按：」) or a dateline (「本报讯：」).
_LABEL_COLON = re.compile(
    r"(?m)^((?:[^\S\n]|[\u200b\ufeff])*)[【\[]?(编[^\S\n]?者[^\S\n]?按|编者的话|编后语|编后|编辑手记|按[^\S\n]?语)[】\]]?[^\S\n]*[:：]?"
)
_DATELINE_COLON = re.compile(r"(讯|电)[^\S\n]*[:：]")
_INVISIBLE = "\u200b\ufeff"
# …and the brackets around a byline tag on its own line (「（申环）」 is stored as 「申环」).
_BYLINE_BRACKETS = re.compile(r"(?m)^(?:\s|[\u200b\ufeff])*[（(]\s*([\u4e00-\u9fff]{2,4})\s*[）)]\s*$")
# …and the colons of a credits line (「责任编辑：周敏」 goes to issue.editors as role → names).
_CREDITS = re.compile(
    r"(?m)^(?:\s|[\u200b\ufeff])*(?:责任编辑|责编|本版编辑|本期编辑|编辑|美编|美术编辑|校对|审校|审核|审稿|签发|主编|组版)"
    r"\s*[:：].*$"
)
# …and of a byline run in at the end of the last paragraph (「……担当。（环土）」).
_TRAILING_BRACKETS = re.compile(
    r"(?m)([。！？!?”’」』…][^\S\n]*)[（(][^\S\n]*([\u4e00-\u9fff]{2,4})[^\S\n]*[）)]"
)
# …and around a photo credit (「（林悦 摄）」 is stored as 「林悦 摄」).
_CREDIT_BRACKETS = re.compile(
    r"[（(]([^（）()\n]{0,30}(?:摄|供图|提供)影?|(?:摄影|图|图片来源)[^（）()\n]{1,30})\s*[）)]"
)


def blocks(result, kind=None):
    found = list(result.issue.pages[0].blocks)
    return [b for b in found if kind is None or isinstance(b, kind)]


def articles(result) -> list[Article]:
    return blocks(result, Article)


def notes(result) -> list[EditorNote]:
    return blocks(result, EditorNote)


def banners(result) -> list[Banner]:
    return blocks(result, Banner)


def photo_blocks(result) -> list[PhotoBlock]:
    return blocks(result, PhotoBlock)


def body_texts(result) -> list[str]:
    """Every paragraph text (articles and notes), in reading order."""
    out = []
    for block in blocks(result):
        out.extend(p.text for p in getattr(block, "paragraphs", ()))
    return out


def output_characters(result) -> Counter:
    """Multiset of the non-whitespace characters in every field of the imported issue."""
    chars: Counter = Counter()
    for field in iter_text_fields(result.issue):
        chars.update(ch for ch in field.text if not ch.isspace())
    for _, block in result.issue.blocks():
        if isinstance(block, EditorNote):
            chars.update(ch for ch in block.label if not ch.isspace())
    for page in result.issue.pages:
        chars.update(ch for ch in page.name or "" if not ch.isspace())
    for role, names in result.issue.editors.items():
        chars.update(ch for ch in role + names if not ch.isspace())
    return chars


def lost_characters(text: str, result) -> Counter:
    """Characters of the input missing from the output.

    Whitespace, zero-width marks and the punctuation that only frames a recognised field (the
    colon after 「编者按」 or 「本报讯」, the brackets of 「（申环）」 or 「（林悦 摄）」, the colons of a
    credits line) are not counted: those fields keep the words, not the frame.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = _LABEL_COLON.sub(r"\1\2", _DATELINE_COLON.sub(r"\1", text))
    text = _BYLINE_BRACKETS.sub(r"\1", text)
    text = _TRAILING_BRACKETS.sub(r"\1\2", text)
    text = _CREDIT_BRACKETS.sub(r"\1", text)
    text = _CREDITS.sub(lambda m: m.group(0).replace("：", "").replace(":", ""), text)
    wanted = Counter(ch for ch in text if not ch.isspace() and ch not in _INVISIBLE)
    return wanted - output_characters(result)
