"""Lay out one page after its template: masthead, banners, boxed notes, articles flowed in columns.

Units are tenths of a point (U = 10 per pt) so fonts can use integer pixel sizes and the picture is
the same on screen, in a PDF and on a printer: the painter only scales. The result is a list of
draw operations (`PageLayout.ops`) painted by `paint_page`; building it is the expensive part and
happens after edits settle, never on a keystroke.

Articles flow through the page's columns in reading order; an article whose slot spans all columns
gets its headline across the page. Each band of columns is balanced. What does not fit on the page
is reported as overflow (a red strip), and articles that are overset in their slot get a red bar.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QTextCharFormat, QTextLayout, QTextOption

from editor_app.export.blocks import Layout, photo_position, subhead_marker
from editor_app.gui.preview.tags import overflow_bar, overset_tag, underset_tag
from editor_app.model.document import Article, Banner, EditorNote, PhotoBlock

U = 10  # layout units per point
MM = 72 / 25.4 * U
SONG, HEI, KAI = "Noto Serif CJK SC", "Noto Sans CJK SC", "AR PL UKai CN"
RED = QColor("#c8161d")
INK = QColor("#1a1a1a")
OVERSET = QColor("#d32f2f")


def font(family: str, size_pt: float, bold: bool = False) -> QFont:
    f = QFont(family)
    f.setPixelSize(max(1, round(size_pt * U)))
    f.setBold(bold)
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return f


@dataclass
class Op:
    kind: str  # text | layout | line | rect | image
    args: tuple


@dataclass
class Box:
    """A piece of column content: `height` units, drawn by ops relative to (0, 0) of its column slot."""

    height: float
    ops: list[Op] = field(default_factory=list)


@dataclass
class PageLayout:
    width: float
    height: float
    ops: list[Op] = field(default_factory=list)
    overflow_lines: int = 0
    article_boxes: dict[str, list[QRectF]] = field(default_factory=dict)  # block id -> areas on the page

    def add_area(self, block_id: str | None, rect: QRectF) -> None:
        """Note where a block is drawn; touching pieces in one column merge into one rectangle."""
        if not block_id:
            return
        areas = self.article_boxes.setdefault(block_id, [])
        last = areas[-1] if areas else None
        if last is not None and abs(last.x() - rect.x()) < 1 and abs(last.bottom() - rect.top()) < 1:
            areas[-1] = last.united(rect)
        else:
            areas.append(rect)

    def block_at(self, x: float, y: float) -> str | None:
        for block_id, areas in self.article_boxes.items():
            if any(area.contains(x, y) for area in areas):
                return block_id
        return None


def _layout_text(text: str, fnt: QFont, width: float, pitch: float, indent: float = 0.0,
                 align=Qt.AlignmentFlag.AlignJustify, formats=()) -> list[Box]:
    """One box per line; justified CJK with the first-line indent, at an exact line pitch."""
    layout = QTextLayout(text, fnt)
    option = QTextOption(align)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    if formats:
        layout.setFormats(list(formats))
    layout.beginLayout()
    lines = []
    y = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        first = not lines
        line.setLineWidth(width - (indent if first else 0))
        line.setPosition(QPointF(indent if first else 0, y + (pitch - line.height()) / 2))
        lines.append(line)
        y += pitch
    layout.endLayout()
    boxes = []
    for i, _line in enumerate(lines):
        # the line's band: the painter clips to it (QTextLayout.draw alone also paints the line above)
        clip = QRectF(-indent - fnt.pixelSize(), i * pitch, width + 2 * indent + 2 * fnt.pixelSize(), pitch)
        boxes.append(Box(pitch, [Op("layout", (layout, i * pitch, clip))]))
    return boxes or [Box(pitch)]


def _run_in_formats(prefix_parts, body_font: QFont):
    """Character formats for a run-in dateline (黑体) and author line (楷体) before the body text."""
    formats, start = [], 0
    for text, family in prefix_parts:
        fmt = QTextCharFormat()
        fmt.setFont(font(family, body_font.pixelSize() / U, bold=family == HEI))
        rng = QTextLayout.FormatRange()
        rng.start, rng.length, rng.format = start, len(text), fmt
        formats.append(rng)
        start += len(text)
    return formats


class PageBuilder:
    def __init__(self, session, page, template):
        self.session, self.page, self.t = session, page, template
        self.issue = session.issue
        self.width = template.page_width_mm * MM
        self.height = template.page_height_mm * MM
        m = template.margins_mm
        self.left, self.right = m["left"] * MM, self.width - m["right"] * MM
        self.top, self.bottom = m["top"] * MM, self.height - m["bottom"] * MM
        self.body_pt = template.body_pt
        self.pitch = template.pitch_pt * U
        self.col_w = template.column_chars * template.body_pt * U
        self.gutter = template.gutter_chars * template.body_pt * U
        grid_w = template.columns * self.col_w + (template.columns - 1) * self.gutter
        self.grid_left = self.left + max(0.0, (self.right - self.left - grid_w) / 2)
        self.layout = Layout.from_template(template)  # what the export reads: markers, brackets
        self.out = PageLayout(self.width, self.height)
        self.y = self.top
        self.images: dict[str, QImage] = {}

    # --- page furniture ------------------------------------------------------------------------
    def text_line(self, text, fnt, y, align="center", color=INK, left=None, right=None) -> float:
        left = self.left if left is None else left
        right = self.right if right is None else right
        self.out.ops.append(Op("text", (QRectF(left, y, right - left, fnt.pixelSize() * 1.4), text, fnt,
                                        align, color)))
        return fnt.pixelSize() * 1.4

    def rule(self, y, weight_pt=0.5, color=INK, left=None, right=None) -> None:
        self.out.ops.append(Op("line", (self.left if left is None else left, y,
                                        self.right if right is None else right, y, weight_pt * U, color)))

    def folio(self) -> None:
        issue, page = self.issue, self.page
        parts = [issue.publication]
        if issue.date and issue.number:
            parts.append(f"{issue.date[:4]}年第{issue.number}期")
        parts.append(f"第{page.number}版" + (f" {page.name}" if page.name else ""))
        self.text_line("　".join(p for p in parts if p), font(SONG, 9), self.top - 17 * U)
        self.rule(self.top - 3 * U, 0.5)
        self.y = self.top  # the folio sits in the top margin, as in the export's page header

    def style_pt(self, style_id: str, default: float) -> float:
        """A size from the template's style set (what the DOCX export uses), else `default`."""
        style = (self.t.data.get("styles") or {}).get(style_id) or {}
        try:
            return float(style.get("size_pt", default))
        except (TypeError, ValueError):
            return default

    def masthead(self) -> None:
        issue = self.issue
        wording = self.t.data.get("wording") or {}
        self.y += 2 * U
        colour = (self.t.data.get("styles") or {}).get("Masthead", {}).get("color")
        masthead_font = font(HEI, self.style_pt("Masthead", 38), bold=True)
        self.y += self.text_line(issue.publication or "", masthead_font, self.y,
                                 color=QColor(f"#{colour}") if colour else INK)
        date = issue.date or ""
        y, mo, d = (date.split("-") + ["", ""])[:3]
        if mo.isdigit() and d.isdigit():
            date = f"{y}年{int(mo)}月{int(d)}日"
        issue_no = ""
        if issue.number:
            issue_no = f"第{issue.number}期" + (f"（总第{issue.total_number}期）" if issue.total_number else "")
        values = {"organizer": issue.organizer or "", "date": date, "issue_no": issue_no,
                  "permit": issue.permit or "", "notice": wording.get("notice", "")}
        lines = wording.get("masthead_lines") or ["{organizer}　　{date}　　{issue_no}"]
        self.y += 2 * U
        info = font(SONG, self.style_pt("MastheadInfo", 9))
        for template_line in lines:
            text = _fill(str(template_line), values)
            if text:
                self.y += self.text_line(text, info, self.y)
        self.rule(self.y + 2 * U, 0.5)
        self.rule(self.y + 4.5 * U, 2.25)
        self.y += 14 * U

    def foot(self) -> None:
        editors = "　".join(f"{role}：{names}" for role, names in self.issue.editors.items())
        if editors:
            self.text_line(f"（{editors}）", font(SONG, 9), self.bottom + 3 * U, align="right")
        self.text_line(f"— {self.page.number} —", font(SONG, 10.5), self.bottom + 20 * U)

    # --- full-width blocks ---------------------------------------------------------------------
    def headline(self, kicker, title, subtitle, left, right, title_pt=22.0, deck_pt=14.0,
                 title_style: str = "ArticleTitle") -> list[Box]:
        """引题/主题/副题 centred over `right - left`, spaced as the template's styles say."""
        width = right - left
        styles = self.t.data.get("styles") or {}
        boxes = [Box(0.0)]
        center = Qt.AlignmentFlag.AlignHCenter
        parts = ((kicker, "Kicker", font(KAI, deck_pt)), (title, title_style, font(HEI, title_pt, bold=True)),
                 (subtitle, "Deck", font(KAI, deck_pt)))
        for text, style_id, fnt in parts:
            if not text:
                continue
            style = styles.get(style_id) or {}
            boxes[-1].height += float(style.get("space_before_pt", 2)) * U
            boxes += _layout_text(text, fnt, width, fnt.pixelSize() * 1.4, align=center)
            boxes.append(Box(float(style.get("space_after_pt", 3)) * U))
        return boxes

    def _no_room(self, height: float) -> bool:
        """True (and counted as overflow) when a full-width piece does not fit below self.y."""
        if self.y + height <= self.bottom:
            return False
        self.out.overflow_lines += max(1, round(height / self.pitch))
        self.y = self.bottom
        return True

    def place_full(self, boxes: list[Box], block_id: str | None = None) -> None:
        height = sum(box.height for box in boxes)
        if self._no_room(height):
            return
        self.out.add_area(block_id, QRectF(self.left, self.y, self.right - self.left, height))
        for box in boxes:
            for op in box.ops:
                self.out.ops.append(_shifted(op, self.left, self.y))
            self.y += box.height

    def note(self, block: EditorNote) -> None:
        pad = 6 * U
        inner_left, inner_right = self.left + pad, self.right - pad
        label = (block.label or "编者按") + "："
        text = "\n".join(p.text for p in block.paragraphs) or " "
        fnt = font(KAI, self.body_pt)
        formats = _run_in_formats([(label, HEI)], fnt)
        boxes = []
        for i, para in enumerate(text.split("\n")):
            body = (label + para) if i == 0 else para
            boxes += _layout_text(body, fnt, inner_right - inner_left, self.pitch,
                                  indent=2 * self.body_pt * U, formats=formats if i == 0 else ())
        top = self.y + 4 * U
        height = sum(b.height for b in boxes) + 2 * pad
        if self._no_room(height + 4 * U):
            return
        self.out.ops.append(Op("rect", (QRectF(self.left, top, self.right - self.left, height), 0.75 * U)))
        y = top + pad
        for box in boxes:
            for op in box.ops:
                self.out.ops.append(_shifted(op, inner_left, y))
            y += box.height
        self.out.add_area(block.id, QRectF(self.left, top, self.right - self.left, height))
        self.y = top + height + 8 * U

    # --- column content ------------------------------------------------------------------------
    def article_boxes(self, page, article: Article, with_headline: bool) -> list[Box]:
        w, pitch, size = self.col_w, self.pitch, self.body_pt
        boxes: list[Box] = []
        if with_headline:
            boxes += self.headline(article.kicker, article.title, article.subtitle, 0, w,
                                   title_pt=min(16.0, size * 1.6), deck_pt=size + 1)
        body_font = font(SONG, size)
        run_in = [(t, fam) for t, fam in ((article.dateline, HEI), (article.author_line, KAI)) if t]
        prefix = "".join(t + ("　" if fam == HEI else "") for t, fam in run_in)
        formats = _run_in_formats([(t + ("　" if fam == HEI else ""), fam) for t, fam in run_in], body_font)
        photos = [box for photo in article.photos for box in self.photo_boxes(photo.image, photo.caption,
                                                                               photo.credit)]
        photo_at = photo_position(article) if article.paragraphs else 0  # where the export puts them
        ends_in_text = False
        for i, p in enumerate(article.paragraphs or []):
            if p.kind == "subhead":
                text = subhead_marker(p.text, self.layout) + p.text
                boxes += _layout_text(text, font(HEI, size, bold=True), w, pitch, align=Qt.AlignmentFlag.AlignLeft)
            elif prefix:  # the dateline runs into the first body paragraph, after any opening subhead
                boxes += _layout_text(prefix + p.text, body_font, w, pitch, indent=2 * size * U,
                                      formats=formats)
                prefix = ""
            else:
                boxes += _layout_text(p.text, body_font, w, pitch, indent=2 * size * U)
            ends_in_text = p.kind != "subhead"
            if i + 1 == photo_at:
                boxes += photos
                ends_in_text = ends_in_text and not photos
        if prefix:  # a dateline with no body text still prints, as in the export
            boxes += _layout_text(prefix.rstrip("　"), body_font, w, pitch, indent=2 * size * U, formats=formats)
            ends_in_text = True
        if not photo_at:
            boxes += photos
            ends_in_text = ends_in_text and not photos
        if article.byline and article.byline.strip():
            brackets = self.layout.byline_brackets
            tag = article.byline
            if len(brackets) == 2 and not tag.strip().startswith(brackets[0]):
                tag = brackets[0] + tag + brackets[1]
            line = _layout_text(tag, font(KAI, size), w, pitch, align=Qt.AlignmentFlag.AlignRight)
            if ends_in_text:  # the tag goes with the last line, as in the export: never alone atop a column
                boxes[-1:] = [_joined([boxes[-1], *line])]
            else:
                boxes += line
        fit = self.session.fit(page, article)
        if with_headline and fit is not None and fit.state != "fits":
            boxes.append(self.fit_bar(fit))  # a head across the page carries the tag instead
        return boxes

    @staticmethod
    def fit_label(fit) -> tuple[str, QColor]:
        """The tag in the interface language (「▲ 超 8 行（约 104 字）」 in Chinese)."""
        if fit.state == "overset":
            return overset_tag(fit.delta_lines, fit.delta_chars), OVERSET
        return underset_tag(-fit.delta_lines, -fit.delta_chars), QColor("#f9a825")

    def fit_bar(self, fit) -> Box:
        """The fit state as a bar closing an article with an in-column head (takes a line)."""
        text, color = self.fit_label(fit)
        h = self.pitch * 0.9
        rect = QRectF(0, 1 * U, self.col_w, h - 2 * U)
        return Box(h, [Op("bar", (rect, text, font(HEI, 7.5, bold=True), color))])

    def tag_headline(self, boxes: list[Box], fit, width: float) -> None:
        """The fit state as a tag at the right end of a head across the page (takes no space)."""
        if fit is None or fit.state == "fits" or len(boxes) < 2:
            return
        text, color = self.fit_label(fit)
        tag_font = font(HEI, 7.5, bold=True)
        tag_w = max(92 * U, QFontMetricsF(tag_font).horizontalAdvance(text) + 8 * U)  # English is longer
        tag_h = 11 * U
        rect = QRectF(width - tag_w, (boxes[1].height - tag_h) / 2, tag_w, tag_h)
        boxes[1].ops.append(Op("bar", (rect, text, tag_font, color)))

    def photo_boxes(self, image_key, caption, credit) -> list[Box]:
        w = self.col_w
        img = self._image(image_key)
        ratio = img.height() / img.width() if img is not None and img.width() else 0.75
        h = w * ratio
        boxes = [Box(h + 3 * U, [Op("image", (QRectF(0, 0, w, h), img))])]
        cap_font = font(KAI, 9)
        text = caption or ""
        if text or credit:
            boxes += _layout_text(text, cap_font, w, 13 * U, align=Qt.AlignmentFlag.AlignLeft)
        if credit:
            boxes += _layout_text(credit, font(HEI, 8), w, 12 * U, align=Qt.AlignmentFlag.AlignLeft)
        boxes[-1].height += 4 * U
        return [_joined(boxes)]  # one unit in the flow: a caption never leaves its picture for the next column

    def _image(self, key):
        if not key or key not in self.session.project.images:
            return None
        if key not in self.images:
            image = QImage()
            image.loadFromData(self.session.project.images[key])
            self.images[key] = image if not image.isNull() else None
        return self.images[key]

    def flow(self, items: list[tuple[str, list[Box]]]) -> None:
        """Flow (block id, boxes) through the columns from self.y, balanced; note what is left over."""
        if not items:
            return
        n = self.t.columns
        available = self.bottom - self.y
        total = sum(b.height for _, boxes in items for b in boxes)
        if available < self.pitch:  # the page is full: all of it is overflow
            self.out.overflow_lines += int(round(total / self.pitch))
            return
        height = min(available, total / n + self.pitch)
        while True:
            placed, left_over = self._place(items, height, dry=True)
            if left_over == 0 or height >= available:
                break
            height = min(available, height + self.pitch)
        self._place(items, height, dry=False)
        for col in range(1, n if self.layout.column_rule else 1):
            x = self.grid_left + col * (self.col_w + self.gutter) - self.gutter / 2
            self.out.ops.append(Op("line", (x, self.y, x, self.y + min(height, placed), 0.5 * U, INK)))
        if left_over:
            self.out.overflow_lines += int(round(left_over / self.pitch))
        self.y += min(height, placed) + 4 * U

    def _place(self, items, height, dry):
        col, y, tallest, left_over = 0, 0.0, 0.0, 0.0
        for block_id, boxes in items:
            for box in boxes:
                if col >= self.t.columns:
                    left_over += box.height
                    continue
                if y + box.height > height + 0.5 and y > 0:
                    col, y = col + 1, 0.0
                    if col >= self.t.columns:
                        left_over += box.height
                        continue
                x = self.grid_left + col * (self.col_w + self.gutter)
                if not dry:
                    for op in box.ops:
                        self.out.ops.append(_shifted(op, x, self.y + y))
                    self.out.add_area(block_id, QRectF(x, self.y + y, self.col_w, box.height))
                y += box.height
                tallest = max(tallest, y)
        return tallest, left_over

    # --- the page ------------------------------------------------------------------------------
    def build(self) -> PageLayout:
        self.folio()
        if self.page is self.issue.pages[0]:
            self.masthead()
        pending: list[tuple[str, list[Box]]] = []
        heads_full = self.layout.heads_full_width
        title_pt, kicker_pt = self.style_pt("ArticleTitle", 20), self.style_pt("Kicker", 14)
        deck_pt = self.style_pt("Deck", 13)
        for block in self.page.blocks:
            full = isinstance(block, (Banner, EditorNote))
            slot = self.t.slot(block.slot) if isinstance(block, Article) else None
            spans_all = isinstance(block, Article) and (
                heads_full or (slot is not None and slot.columns >= self.t.columns))
            if full or spans_all:
                self.flow(pending)
                pending = []
            if isinstance(block, Banner):
                self.place_full(self.headline(block.kicker, block.title, block.subtitle, 0, self.right - self.left,
                                              title_pt=self.style_pt("BannerTitle", 22), deck_pt=kicker_pt,
                                              title_style="BannerTitle"), block.id)
            elif isinstance(block, EditorNote):
                self.note(block)
            elif isinstance(block, Article):
                if spans_all:
                    head = self.headline(block.kicker, block.title, block.subtitle, 0, self.right - self.left,
                                         title_pt=title_pt, deck_pt=deck_pt)
                    self.tag_headline(head, self.session.fit(self.page, block), self.right - self.left)
                    self.place_full(head, block.id)
                pending.append((block.id, self.article_boxes(self.page, block, not spans_all)))
            elif isinstance(block, PhotoBlock):
                pending.append((block.id, self.photo_boxes(block.image, block.caption, block.credit)))
        self.flow(pending)
        if self.out.overflow_lines:
            # just below the text area, left half: the credits line is right-aligned beside it
            rect = QRectF(self.left, self.bottom + 3 * U, (self.right - self.left) / 2, 12 * U)
            text = overflow_bar(self.out.overflow_lines)
            self.out.ops.append(Op("bar", (rect, text, font(HEI, 8, bold=True), OVERSET)))
        self.foot()
        return self.out


def _fill(pattern: str, values: dict[str, str]) -> str:
    """A wording line with its {placeholders} filled; empty parts and their spacing drop out."""
    import re

    parts = [p for p in re.split(r"\u3000+", pattern) if p]
    filled = [re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), ""), p).strip() for p in parts]
    return "　　".join(p for p in filled if p)


def _joined(boxes: list[Box]) -> Box:
    """Boxes stacked into one, which the column flow never splits."""
    whole, y = Box(0.0), 0.0
    for box in boxes:
        whole.ops += [_shifted(op, 0, y) for op in box.ops]
        y += box.height
    whole.height = y
    return whole


def _shifted(op: Op, dx: float, dy: float) -> Op:
    if op.kind == "layout":
        layout, line_y, clip = op.args
        return Op("layout_at", (layout, dx, dy - line_y, clip.translated(dx, dy - line_y)))
    if op.kind == "layout_at":
        layout, x, y, clip = op.args
        return Op("layout_at", (layout, x + dx, y + dy, clip.translated(dx, dy)))
    if op.kind in ("image", "bar"):
        rect = op.args[0].translated(dx, dy)
        return Op(op.kind, (rect, *op.args[1:]))
    if op.kind == "text":
        rect = op.args[0].translated(dx, dy)
        return Op("text", (rect, *op.args[1:]))
    if op.kind == "line":
        x1, y1, x2, y2, w, c = op.args
        return Op("line", (x1 + dx, y1 + dy, x2 + dx, y2 + dy, w, c))
    return op


def build_page_layout(session, page) -> PageLayout:
    from editor_app.layout.templates import get_template

    return PageBuilder(session, page, get_template(page.template)).build()
