"""THE page composer: an issue and its templates → pages of positioned boxes (see composition.py).

For each page: the grid from the template, the masthead (front page, only when the issue has a
publication name), the blocks the editor placed by hand, the rest placed by auto layout, each block
set at its place (`blockset.py`), the rules between blocks, and a continuation page for what the page
cannot hold. The preview, the PDF proof, the fit counts and the DOCX writer all read the result.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from editor_app.layout import furniture
from editor_app.layout.autolayout import GAP_ROWS, Request, auto_layout
from editor_app.layout.blockset import BlockSetter
from editor_app.layout.composition import ComposedPage, Composition, Grid, Rect, Rule
from editor_app.layout.metrics import DEFAULT_METRICS, TextMetrics
from editor_app.layout.spec import Template
from editor_app.layout.story import Para, Piece, Story, StoryStyle, story_of
from editor_app.layout.typeset import MM_PER_PT, Typesetter, placed
from editor_app.model.document import Article, Issue, Page, Placement

MAX_CONTINUATIONS = (
    2000  # a runaway page stops here; what is left is reported (export_docx refuses to drop it)
)
CREDITS_GAP_MM = 1.0  # between the text area's last line and the 责任编辑 line in the margin below


def grid_of(template: Template) -> Grid:
    body = template.grid.body_pt * MM_PER_PT
    col_w = template.column_chars * body
    gutter = template.gutter_chars * body
    width = template.columns * col_w + (template.columns - 1) * gutter
    left = template.page.left_mm + max(0.0, (template.text_width_mm - width) / 2)
    return Grid(
        template.columns,
        template.column_lines,
        left,
        template.page.top_mm,
        col_w,
        gutter,
        template.grid.pitch_pt * MM_PER_PT,
    )


class Composer:
    """Composes pages with one set of metrics. `template` overrides every page's own (an export with a
    chosen template); `image_sizes` maps project image paths to (width, height) in pixels."""

    def __init__(
        self,
        template: Template | None = None,
        metrics: TextMetrics | None = None,
        image_sizes: dict[str, tuple[int, int]] | None = None,
        templates: Callable[[str], Template] | None = None,
    ):
        self.override = template
        self.metrics = metrics or DEFAULT_METRICS
        self.image_sizes = image_sizes if image_sizes is not None else {}
        if templates is None:
            from editor_app.layout.templates import get_template

            templates = get_template
        self.templates = templates
        self._typesetters: dict[str, tuple[Template, Typesetter]] = {}

    def typesetter(self, template: Template) -> Typesetter:
        """One typesetter per template, kept between composes so unchanged paragraphs are not set again."""
        kept = self._typesetters.get(template.id)
        if kept is None or kept[0] is not template:
            kept = self._typesetters[template.id] = (template, Typesetter(template, self.metrics))
        return kept[1]

    def template_for(self, page: Page) -> Template:
        return self.override or self.templates(page.template)

    def compose(self, issue: Issue) -> Composition:
        pages: list[ComposedPage] = []
        for page in issue.pages:
            pages.extend(self.compose_page(issue, page))
        return Composition(pages)

    def compose_page(self, issue: Issue, page: Page) -> list[ComposedPage]:
        """The page, and the continuation pages that take what it cannot hold."""
        template = self.template_for(page)
        grid = grid_of(template)
        ts = self.typesetter(template)
        setter = BlockSetter(template, grid, ts, self.image_sizes)
        style = StoryStyle(template.layout.byline_brackets, template.layout.subhead_marker)
        stories = {block.id: story_of(block, style) for block in page.blocks}
        credits = furniture.credits_text(issue) if issue.pages and page is issue.pages[-1] else ""
        foot = self._credits(credits, ts, grid) if credits else None
        if template.flowing:
            out = self._flowing(issue, page, template, grid, ts, setter, stories)
        else:
            out = self._composed(issue, page, template, grid, ts, setter, stories)
        if foot is not None:  # the 责任编辑 line closes the issue's last page, just under the grid
            last = out[-1]
            para, spacing, height, line = foot
            top = grid.y(grid.lines) + CREDITS_GAP_MM
            last.credits, last.credits_para, last.credits_spacing = credits, para, spacing
            last.credits_rect = Rect(grid.left, top, grid.width(grid.columns), height)
            last.credits_line = placed(line, grid.left, top, grid.width(grid.columns))
        return out

    def _flowing(
        self,
        issue: Issue,
        page: Page,
        template: Template,
        grid: Grid,
        ts: Typesetter,
        setter: BlockSetter,
        stories: dict[str, Story],
    ) -> list[ComposedPage]:
        """A flowing page (公文, the 发排稿): one block after another down the column, a story's text
        running on to the next page where the page ends, as Word sets a flowing document."""
        out = [self._blank(issue, page, template, grid, ts, 0)]
        if out[0].masthead:
            out[0].reserved_lines -= GAP_ROWS  # the masthead's own space below it separates it
        row = out[0].reserved_lines
        for block in page.blocks:
            parts, offset, row = setter.flow(
                stories[block.id], grid.columns, row, grid.lines, MAX_CONTINUATIONS
            )
            base = len(out) - 1
            for part_offset, part in parts:
                while base + part_offset >= len(out):
                    out.append(self._blank(issue, page, template, grid, ts, len(out)))
                out[base + part_offset].blocks.append(part)
            if row >= grid.lines:  # the page is full: the next block starts the next page
                out.append(self._blank(issue, page, template, grid, ts, len(out)))
                row = 0
        while len(out) > 1 and not out[-1].blocks:
            out.pop()
        return out

    def _composed(
        self,
        issue: Issue,
        page: Page,
        template: Template,
        grid: Grid,
        ts: Typesetter,
        setter: BlockSetter,
        stories: dict[str, Story],
    ) -> list[ComposedPage]:
        """A composed page: blocks on the column grid where the editor put them or auto layout did."""
        requests = {
            block.id: self._request(stories[block.id], setter, template, grid) for block in page.blocks
        }
        out: list[ComposedPage] = []
        pending = list(page.blocks)
        continuation = 0
        while True:
            composed = self._blank(issue, page, template, grid, ts, continuation)
            fixed = (
                {}
                if continuation
                else {b.id: _clamped(b.place, grid) for b in pending if b.place is not None}
            )
            result = auto_layout(
                [requests[b.id] for b in pending if b.id not in fixed],
                fixed,
                grid.columns,
                grid.lines,
                composed.reserved_lines,
            )
            for block in pending:
                story = stories[block.id]
                if block.id in fixed:
                    composed.blocks.append(setter.compose(story, fixed[block.id], "editor"))
                elif block.id in result.places:
                    sized = "slot" if _slot_span(story, template) else "content"
                    composed.blocks.append(setter.compose(story, result.places[block.id], sized))
            composed.rules = _rules(composed, template)
            out.append(composed)
            spilled = set(result.spill)
            spill = [b for b in pending if b.id in spilled]
            if spill and not composed.blocks:
                # not even an empty page holds the first block: it takes the whole page, overset, and the
                # rest go on (one page each at worst; never two blocks on one spot)
                first, spill = spill[0], spill[1:]
                whole = Placement(
                    0, grid.columns, composed.reserved_lines, max(1, grid.lines - composed.reserved_lines)
                )
                composed.blocks.append(setter.compose(stories[first.id], whole, "content"))
            if not spill:
                break
            if (
                continuation >= MAX_CONTINUATIONS
            ):  # a runaway page: what is left is reported, never lost silently
                composed.unset = [b.id for b in spill]
                break
            pending = spill
            continuation += 1
        return out

    def _credits(self, text: str, ts: Typesetter, grid: Grid):
        """(paragraph, spacing, height in mm, its line) of the 责任编辑 line."""
        para = Para("Credits", [Piece(text)])
        lines, height, spacing = ts.stack([para], grid.width(grid.columns), align="right")
        return para, spacing[0], height, lines[-1][1]

    # --- parts --------------------------------------------------------------------------------
    def _blank(
        self, issue: Issue, page: Page, template: Template, grid: Grid, ts: Typesetter, continuation: int
    ) -> ComposedPage:
        composed = ComposedPage(
            page, template, grid, template.page.width_mm, template.page.height_mm, continuation
        )
        if furniture.has_masthead(issue, page, template.layout.masthead, continuation):
            self._masthead(composed, issue, ts)
        else:
            composed.folio = furniture.folio_text(issue, page, template.wording, continuation)
        return composed

    def _masthead(self, composed: ComposedPage, issue: Issue, ts: Typesetter) -> None:
        template, grid = composed.template, composed.grid
        lines = furniture.masthead_lines(issue, composed.page, template.wording)
        paras = [Para("Masthead", [Piece(issue.publication.strip())])]
        paras += [Para("MastheadInfo", [Piece(text)]) for text in lines[:-1]]
        if lines:
            paras.append(Para("MastheadRule", [Piece(lines[-1])]))
        width = grid.width(grid.columns)
        set_lines, height, spacing = ts.stack(paras, width)
        composed.masthead_paras, composed.masthead_spacing = paras, spacing
        rule_style = template.styles["MastheadRule"] if lines else template.styles["Masthead"]
        border = rule_style.border
        rule_gap = (border.space_pt + border.pt) * MM_PER_PT if border else 0.0
        total = height + rule_gap + rule_style.space_after_pt * MM_PER_PT
        rows = math.ceil(total / grid.pitch - 1e-6)
        composed.masthead_rect = Rect(grid.left, grid.top, width, rows * grid.pitch)
        composed.masthead = [placed(line, grid.left, grid.top + y, width) for y, line in set_lines]
        if border:
            y = grid.top + height + border.space_pt * MM_PER_PT
            composed.masthead_rules.append(
                Rule(grid.left, y, grid.left + width, y, border.pt, border.color, border.style)
            )
        composed.reserved_lines = rows + GAP_ROWS
        composed.masthead_bottom_pt = (
            rows * grid.pitch - height - rule_gap
        ) / MM_PER_PT  # pads it to its rows

    def _request(self, story: Story, setter: BlockSetter, template: Template, grid: Grid) -> Request:
        memo: dict[int, int] = {}
        slot_span = _slot_span(story, template)
        slot = template.slot(story.block.slot) if isinstance(story.block, Article) else None

        def rows_for(span: int) -> int:
            if span not in memo:
                if slot is not None and slot_span:
                    planned = math.ceil(slot.lines / max(1, slot_span))
                    memo[span] = max(planned, setter.head_rows(story, span) + 1)
                else:
                    memo[span] = setter.natural_rows(story, span)
            return memo[span]

        kind = story.kind
        full = kind in ("banner", "note")
        max_span = grid.columns
        if kind in ("photo", "photo_news"):
            max_span = min(grid.columns, 3)
        elif kind == "article" and story.characters() <= template.layout.brief_chars:
            max_span = min(grid.columns, 2)  # a 简讯 stays narrow
        return Request(
            story.block_id, kind, rows_for, span=slot_span or None, full_width=full, max_span=max_span
        )


def _slot_span(story: Story, template: Template) -> int:
    block = story.block
    if isinstance(block, Article) and block.slot:
        slot = template.slot(block.slot)
        if slot is not None:
            return min(slot.columns, template.columns)
    return 0


def _clamped(place: Placement, grid: Grid) -> Placement:
    column = max(0, min(place.column, grid.columns - 1))
    span = max(1, min(place.span, grid.columns - column))
    top = max(0, min(place.top, grid.lines - 1))
    height = max(1, min(place.height, grid.lines - top))
    return Placement(column, span, top, height)


def _rules(page: ComposedPage, template: Template) -> list[Rule]:
    """Column rules inside blocks and between blocks side by side; a rule across the gap between
    blocks stacked one above the other."""
    grid = page.grid
    rules: list[Rule] = []
    blocks = page.blocks
    if template.layout.column_rule:
        for b in blocks:
            if b.story.kind in ("article", "photo_news") and len(b.frames) > 1:
                for left, right in zip(b.frames, b.frames[1:], strict=False):
                    if right.rect.x > left.rect.x + 1:
                        x = (left.rect.right + right.rect.x) / 2
                        top = max(left.rect.y, right.rect.y)
                        bottom = min(left.rect.bottom, right.rect.bottom)
                        if bottom > top:
                            rules.append(Rule(x, top, x, bottom, 0.5))
        for a in blocks:
            for b in blocks:
                if a.place.column + a.place.span == b.place.column:
                    top = max(a.rect.y, b.rect.y)
                    bottom = min(a.rect.bottom, b.rect.bottom)
                    if bottom - top > grid.pitch:
                        x = a.rect.right + grid.gutter / 2
                        rules.append(Rule(x, top, x, bottom, 0.5))
    if template.layout.block_rule:
        for a in blocks:
            for b in blocks:
                if a is not b and b.place.top == a.place.top + a.place.height + GAP_ROWS:
                    x1 = max(a.rect.x, b.rect.x)
                    x2 = min(a.rect.right, b.rect.right)
                    if x2 - x1 > 1:
                        y = b.rect.y - grid.pitch / 2
                        rules.append(Rule(x1, y, x2, y, 0.5))
    return rules
