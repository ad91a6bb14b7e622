"""Write a composition as DOCX pages: every block at its place, as the composer set it.

Each composed page is one section (its own 版眉 and page number) whose single body paragraph anchors
the page's shapes: the masthead box, each block's head box over its columns, its text in a chain of
linked text boxes (one per frame, so the text stays editable and flows on if print staff edit it),
its pictures with their caption boxes, the 编者按 frame, and the rules. The writer decides nothing
about where things go: it writes what `layout.compose` produced.
"""

from __future__ import annotations

import copy
import io

from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm

from editor_app.export import docx_xml, images, package, shapes
from editor_app.export.docx_writer import DocumentWriter, WriteOptions
from editor_app.layout import furniture
from editor_app.layout.composition import ComposedBlock, ComposedPage, Composition, FigureBox, Rect
from editor_app.layout.story import Para, Piece

PLACEHOLDER_TEXT = "图片待补"
TWIPS_PER_MM = 1440 / 25.4
FRAME_SLACK_MM = 0.2  # a box a hair taller than its lines, so rounding never pushes the last one out


class PageWriter(DocumentWriter):
    """One export of a composition into a DOCX."""

    def __init__(self, project, template, options: WriteOptions, warnings: list[str]):
        super().__init__(project, template, options, warnings)
        self.ids = shapes.ShapeIds()
        self.chains = 0

    # --- pages --------------------------------------------------------------------------------
    def write(self, composition: Composition) -> None:
        _fast_partnames(self.document.part.package)
        body = self.document.element.body
        body_sectPr = body.find(docx_xml.qn("w:sectPr"))
        base = copy.deepcopy(body_sectPr)
        total = len(composition.pages)
        for index, page in enumerate(composition.pages):
            holder = self.par.new(body, "BodyText")
            docx_xml.make_hairline(holder._p.get_or_add_pPr())
            self._page(page, holder._p)
            if index < total - 1:  # every page but the last ends in its own section
                sectPr = copy.deepcopy(base)
                holder._p.get_or_add_pPr().append(sectPr)
            if self.options.progress:
                self.options.progress(index + 1, total)
        for section in self.document.sections:
            section.start_type = WD_SECTION.NEW_PAGE
        self._headers_and_footers(composition)

    def _page(self, page: ComposedPage, holder) -> None:
        if page.masthead_rect is not None:
            self._boxed_paras(holder, page.masthead_rect, page.masthead_paras, page.masthead_spacing, "报头")
        for composed in page.blocks:
            self._block(holder, composed)
        for rule in page.rules:
            weight = rule.weight_pt * 25.4 / 72
            if abs(rule.x1 - rule.x2) < 0.01:  # vertical
                rect = Rect(rule.x1 - weight / 2, rule.y1, weight, rule.y2 - rule.y1)
            else:
                rect = Rect(rule.x1, rule.y1 - weight / 2, rule.x2 - rule.x1, weight)
            holder.append(
                shapes.rectangle(
                    self.ids, rect.x, rect.y, rect.w, rect.h, "栏线", fill=rule.color or "000000"
                )
            )
        if page.credits_rect is not None and page.credits_para is not None:  # last in reading order
            self._boxed_paras(
                holder, page.credits_rect, [page.credits_para], {0: page.credits_spacing}, "责任编辑"
            )

    # --- blocks -------------------------------------------------------------------------------
    def _block(self, holder, composed: ComposedBlock) -> None:
        story = composed.story
        label = _label(composed)
        if composed.boxed:
            border = self.template.styles["EditorNote"].border
            holder.append(
                shapes.rectangle(
                    self.ids,
                    composed.rect.x,
                    composed.rect.y,
                    composed.rect.w,
                    composed.rect.h,
                    f"{label} 框",
                    line_pt=border.pt if border else 0.75,
                    line_color=border.color if border else None,
                )
            )
        if composed.head_rect is not None and story.head:
            spacing = dict(composed.head_spacing)
            self._boxed_paras(
                holder, composed.head_rect, story.head, spacing, f"{label} 标题", top_pt=composed.head_top_pt
            )
        for figure in composed.figures:
            self._figure(holder, figure, label)
        if story.body and composed.frames:
            self._chain(holder, composed, label)

    def _chain(self, holder, composed: ComposedBlock, label: str) -> None:
        self.chains += 1
        chain = self.chains
        content = None
        for seq, frame in enumerate(composed.frames):
            rect = frame.rect
            run, box = shapes.text_box(
                self.ids,
                rect.x,
                rect.y,
                rect.w,
                rect.h + FRAME_SLACK_MM,
                f"{label} 正文{seq + 1}",
                chain=chain,
                seq=seq,
            )
            holder.append(run)
            if seq == 0:
                content = box
        tab = int(round(composed.text_width * TWIPS_PER_MM))
        for index, para in enumerate(composed.story.body):
            paragraph = self.par.write(
                content,
                para,
                spacing=composed.body_spacing.get(index),
                tab_twips=tab,
                widow_control=bool(para.tail),
                keep_with_next=para.style == "Subhead",
            )
            if composed.boxed:  # the frame is drawn round the block, not round each paragraph
                docx_xml.clear_paragraph_border(paragraph._p.get_or_add_pPr())

    def _boxed_paras(
        self, holder, rect: Rect, paras: list[Para], spacing: dict, name: str, top_pt: float = 0.0
    ) -> None:
        run, content = shapes.text_box(self.ids, rect.x, rect.y, rect.w, rect.h + FRAME_SLACK_MM, name)
        holder.append(run)
        for index, para in enumerate(paras):
            self.par.write(
                content,
                para,
                spacing=spacing.get(index),
                widow_control=False,
                keep_with_next=False,
                extra_before_pt=top_pt if index == 0 else 0.0,
            )

    def _figure(self, holder, box: FigureBox, label: str) -> None:
        figure = box.figure
        prepared = images.prepare(self.project, figure, self.warnings)
        pic = box.picture
        if prepared is None:
            run, content = shapes.text_box(
                self.ids,
                pic.x,
                pic.y,
                pic.w,
                pic.h,
                f"{label} 图片占位",
                vertical="ctr",
                border_pt=0.75,
                border_dash="dash",
            )
            holder.append(run)
            self.par.write(
                content,
                Para("PhotoPlaceholder", [Piece(PLACEHOLDER_TEXT)]),
                widow_control=False,
                keep_with_next=False,
            )
        else:
            self.pictures += 1
            inline = self.document.part.new_pic_inline(io.BytesIO(prepared.data), Mm(pic.w), Mm(pic.h))
            alt = self.par.text(figure.alt or figure.label)
            run = shapes.anchored_picture(inline, self.ids, pic.x, pic.y, pic.w, pic.h, "photo", alt)
            package.describe_picture(
                run.find(".//" + docx_xml.qn("wp:anchor")),
                self.document.part,
                alt,
                f"photo-{self.pictures:02d}",
            )
            holder.append(run)
        if box.caption_rect is not None and figure.caption:
            self._boxed_paras(
                holder, box.caption_rect, figure.caption, box.caption_spacing, f"{label} 图片说明"
            )

    # --- headers and footers ------------------------------------------------------------------
    def _headers_and_footers(self, composition: Composition) -> None:
        """Each page's 版眉 in its header and its page number (a PAGE field) in its footer. With
        `page_numbers_outside` (GB/T 9704) odd and even footers differ."""
        outside = self.template.layout.page_numbers_outside
        if outside:
            self.document.settings.odd_and_even_pages_header_footer = True
        for index, (section, page) in enumerate(zip(self.document.sections, composition.pages, strict=False)):
            text = page.folio
            headers = [section.header] + ([section.even_page_header] if outside else [])
            for header in headers:
                header.is_linked_to_previous = False
                paragraph = header.paragraphs[0]
                paragraph._p.style = (
                    "Folio" if text else "PageNumber"
                )  # no head: no rule either (by id: fast)
                if text:
                    paragraph.add_run(self.par.text(text))
            footers = [(section.footer, index + 1, "right" if outside else None)]
            if outside:
                footers.append((section.even_page_footer, index + 2, "left"))
            for footer, number, side in footers:
                footer.is_linked_to_previous = False
                page_number(footer.paragraphs[0], "PageNumber", self.template, number, side)

    def finish(self) -> bytes:
        self.par.report(self.warnings)
        return finish_document(self.document, self.options)


def page_number(paragraph, style_id: str, template, cached: int, side: str | None) -> None:
    """A PAGE field with the template's wording round it (「— 1 —」); `side` puts it one character in
    from the outer edge (GB/T 9704)."""
    paragraph._p.style = style_id
    before, after = furniture.page_number_text(template.wording, cached)
    if side == "right":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        after += "　"
    elif side == "left":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        before = "　" + before
    if before:
        paragraph.add_run(before)
    docx_xml.add_page_field(paragraph, str(cached))
    if after:
        paragraph.add_run(after)


def _fast_partnames(package) -> None:
    """python-docx names each new header and footer part by walking every part of the package, which
    makes a page's header cost grow with the pages before it; this package counts instead."""
    from docx.opc.packuri import PackURI

    taken = {str(part.partname) for part in package.iter_parts()}
    last: dict[str, int] = {}

    def next_partname(template: str):
        number = last.get(template, 0) + 1
        while template % number in taken:
            number += 1
        last[template] = number
        taken.add(template % number)
        return PackURI(template % number)

    package.next_partname = next_partname


def finish_document(document, options: WriteOptions) -> bytes:
    from editor_app.export import traditional

    if options.variant:
        traditional.map_faces(document.styles.element, options.variant)
        traditional.set_languages(document.styles.element, options.variant)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _label(composed: ComposedBlock) -> str:
    from editor_app.model.fields import block_label

    return (block_label(composed.block) or composed.story.kind)[:16]
