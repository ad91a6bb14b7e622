"""Copy fitting on a character grid: how many body lines an article needs in its slot.

Print staff count in characters of body type, not in words. The grid (see print-conventions.md):
CJK characters and full-width marks take one em, ASCII half an em, an ASCII word never breaks,
opening punctuation never ends a line and closing punctuation never starts one: it hangs past the
line end (Word) or takes the character before it down (LibreOffice, the default here). Word and
LibreOffice also put a quarter-em space between CJK characters and Latin letters or digits
(autospace), which the grid counts too. Widths are counted in quarter-ems so everything stays an
integer. `bench/fit_accuracy.py` compares the count with LibreOffice's own line breaking.

A slot's `lines` is its capacity in body lines at the column measure (column-lines): an article in
a three-column slot flows through three columns of `column_chars`. A headline spans the slot, so its
height is paid in every column it spans; a photo is set one column wide with its caption below.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from editor_app.model.document import Article

# Closing marks may hang at the line end; opening marks are pushed to the next line.
CLOSING = set("，。、；：？！）》〉」』】〕〗”’…—·％,.;:?!)]}%")
OPENING = set("（《〈「『【〔〖“‘([{")
FITS_TOLERANCE = 2  # lines short of the slot that still count as "fits" (spacing absorbs them)
CAPTION_PT = 9.0
HEADLINE_SPACE_LINES = 1.5  # space above and below a headline, in body lines
DEFAULT_PHOTO_RATIO = 3 / 4  # height / width when the image size is unknown


EM = 4  # width units per em
AUTOSPACE = 1  # a quarter em between a CJK character and a Latin letter or digit


def char_units(ch: str) -> int:
    """Width in quarter-ems: ASCII (and half-width forms) 2, everything else 4."""
    code = ord(ch)
    if code < 0x7F or 0xFF61 <= code <= 0xFFDC:
        return EM // 2
    return EM


def _is_ideograph(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\U00020000" <= ch <= "\U0003ffff"


def _tokens(text: str):
    """(token, width) pairs: ASCII words and numbers stay whole, other characters stand alone."""
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isascii() and ch.isalnum():
            j = i + 1
            while j < n and text[j].isascii() and (text[j].isalnum() or text[j] in ".,-_/%'"):
                j += 1
            # trailing ASCII punctuation belongs to the sentence, not the word
            while j > i + 1 and text[j - 1] in ".,":
                j -= 1
            width = (j - i) * EM // 2
            if i > 0 and _is_ideograph(text[i - 1]):
                width += AUTOSPACE
            if j < n and _is_ideograph(text[j]):
                width += AUTOSPACE
            yield text[i:j], width
            i = j
        else:
            yield ch, char_units(ch)
            i += 1


def _paragraph_lines(text: str, width: int, indent: int, hang: bool = False) -> int:
    """Lines one paragraph needs at `width` units with a first-line indent of `indent` units.

    Closing punctuation never starts a line: with `hang` it hangs past the line end (Word's
    default for Chinese), otherwise the character before it moves down with it (LibreOffice).
    """
    if not text:
        return 1
    lines = 1
    line: list[tuple[str, int]] = []  # tokens on the current line
    pos = indent
    for token, w in _tokens(text):
        if token == " " and not line and lines > 1:
            continue
        if pos + w <= width:
            line.append((token, w))
            pos += w
            continue
        if token in CLOSING and line:
            if hang:
                line.append((token, w))
                pos = width  # the line is full; the mark hangs in the margin
                continue
            carried = [line.pop()]  # the character the mark belongs to goes down with it
            while line and carried[0][0] in CLOSING:
                carried.insert(0, line.pop())
        elif line and line[-1][0] in OPENING:  # an opening mark never ends a line
            carried = [line.pop()]
        else:
            carried = []
        if w > width and not carried:  # an ASCII run longer than the line breaks where it must
            remaining = w - (width - pos)
            lines += math.ceil(remaining / width)
            pos = remaining % width or width
            line = [(token, pos)]
            continue
        lines += 1
        line = carried + ([] if token == " " else [(token, w)])
        pos = sum(width_ for _, width_ in line)
    return lines


def estimate_lines(text: str, column_chars: int, indent: int = 0, hang: bool = False) -> int:
    """Body lines `text` needs in a column `column_chars` characters wide; `\\n` separates paragraphs.

    `indent` is the first-line indent in characters (body paragraphs use 2). `hang` lets closing
    punctuation hang past the line end (Word); the default follows LibreOffice and never
    underestimates Word.
    """
    width = max(EM, int(column_chars) * EM)
    return sum(_paragraph_lines(p, width, indent * EM, hang) for p in text.split("\n"))


@dataclass(frozen=True)
class FitResult:
    state: str  # "fits" | "overset" | "underset"
    lines_needed: int
    capacity: int
    delta_lines: int  # needed - capacity: > 0 overset, < 0 underset
    delta_chars: int  # delta_lines × column characters (how much to cut or add)
    body_lines: int = 0
    headline_lines: int = 0
    photo_lines: int = 0

    @property
    def summary_zh(self) -> str:
        if self.state == "overset":
            return f"超 {self.delta_lines} 行"
        if self.state == "underset":
            return f"缺 {-self.delta_lines} 行"
        return "合适"


def headline_lines(article: Article, template) -> int:
    """Headline height in body lines: the head's lines at their sizes plus their space, ÷ pitch, rounded up.

    Sizes and spacing come from the template's style set (ArticleTitle, Kicker, Deck), as the
    exporter sets them; a template without styles gets 22 pt heads, 14 pt decks and 1.5 lines of space.
    """
    styles = (template.data or {}).get("styles") or {}
    parts = [("ArticleTitle", article.title, 22.0), ("Kicker", article.kicker, 14.0),
             ("Deck", article.subtitle, 14.0)]
    total, spacing, styled = 0.0, 0.0, False
    for style_id, text, default_pt in parts:
        if not text:
            continue
        style = styles.get(style_id) or {}
        styled = styled or bool(style)
        total += float(style.get("size_pt", default_pt)) * (1.2 if style else 1.0)
        spacing += float(style.get("space_before_pt", 0)) + float(style.get("space_after_pt", 0))
    if total == 0:
        return 0
    if not styled:
        return math.ceil(total / template.pitch_pt + HEADLINE_SPACE_LINES)
    return math.ceil((total + spacing) / template.pitch_pt)


def photo_lines(article: Article, template, sizes: dict[str, tuple[int, int]] | None = None) -> int:
    """Lines the article's photos take in one column: picture height plus caption lines."""
    column_pt = template.column_chars * template.body_pt
    caption_chars = max(1, int(column_pt // CAPTION_PT))
    total = 0
    for photo in article.photos:
        ratio = DEFAULT_PHOTO_RATIO
        if sizes and photo.image in sizes:
            w, h = sizes[photo.image]
            if w > 0 and h > 0:
                ratio = h / w
        total += math.ceil(column_pt * ratio / template.pitch_pt)
        caption = " ".join(t for t in (photo.caption, photo.credit or "") if t)
        if caption:
            total += estimate_lines(caption, caption_chars)
    return total


def body_lines(article: Article, column_chars: int, hang: bool = False) -> int:
    """Body lines: dateline and author line run into the first paragraph; subheads take no indent."""
    total = 0
    run_in = " ".join(t for t in (article.dateline, article.author_line) if t)
    for i, paragraph in enumerate(article.paragraphs):
        text = paragraph.text
        if i == 0 and run_in:
            text = run_in + " " + text
        indent = 0 if paragraph.kind == "subhead" else 2
        total += estimate_lines(text, column_chars, indent=indent, hang=hang)
    if not article.paragraphs and run_in:
        total += estimate_lines(run_in, column_chars, indent=2, hang=hang)
    if article.byline and article.byline.strip():
        total += 1
    return total


def fit_article(article: Article, template, slot, image_sizes=None) -> FitResult:
    """Compare what `article` needs with what `slot` (a template Slot) holds.

    `image_sizes` maps project image paths to (width, height) so photos take their real height.
    A template may set `grid.hang_punctuation: true` when its pages are set in Word with hanging
    punctuation; the default counts like LibreOffice, which never gives fewer lines than Word.
    """
    columns = max(1, slot.columns)
    grid = (template.data or {}).get("grid") or {}
    body = body_lines(article, template.column_chars, hang=bool(grid.get("hang_punctuation", False)))
    head = headline_lines(article, template) * columns
    photos = photo_lines(article, template, image_sizes)
    needed = body + head + photos
    capacity = slot.lines
    delta = needed - capacity
    if delta > 0:
        state = "overset"
    elif delta < -FITS_TOLERANCE:
        state = "underset"
    else:
        state = "fits"
    return FitResult(state, needed, capacity, delta, delta * template.column_chars, body, head, photos)
