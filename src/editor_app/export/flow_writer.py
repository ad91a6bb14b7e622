"""Flowing documents: the 公文-style bulletin (GB/T 9704) and the manuscript for typesetters (发排稿).

Both run the stories down one column in their named styles and let Word break the pages. The
official bulletin is written as the composer set it (`layout.compose` flows a one-column page the way
Word does): the masthead, each head and paragraph at the composer's spacing on the 28 × 22 character
grid (`w:docGrid`), so its pages break where the preview shows them. The manuscript is what
typesetters re-lay in 飞腾 or InDesign: no masthead, each element in its own style (署名 a paragraph of
its own), pictures inline after their article, and before each article a note they can delete
(排版说明 style) with its slot, its place on the composed page, its character count and its pictures.
"""

from __future__ import annotations

import io

from docx.shared import Emu, Mm, Pt

from editor_app.export import docx_xml, images, package
from editor_app.export.docx_writer import DocumentWriter, WriteOptions
from editor_app.export.page_writer import PLACEHOLDER_TEXT, finish_document, page_number
from editor_app.layout.composition import ComposedBlock, ComposedPage, Composition, Spacing
from editor_app.layout.story import Figure, Para, Piece, StoryStyle, story_of
from editor_app.messages import msg
from editor_app.model.document import Article


class FlowWriter(DocumentWriter):
    def __init__(self, project, template, options: WriteOptions, warnings: list[str]):
        super().__init__(project, template, options, warnings)
        self.body = self.document.element.body
        self.notes = template.layout.typesetter_notes

    def write(self, composition: Composition) -> None:
        """`composition`: the issue on this template (the official bulletin, written as composed), or on
        each page's own template (the manuscript, whose notes report those places)."""
        exact = bool(composition.pages) and composition.pages[0].template.id == self.template.id
        self._furniture(composition)
        if exact and composition.pages[0].masthead_paras:
            first = composition.pages[0]
            self._paras(first.masthead_paras, first.masthead_spacing, bottom=first.masthead_bottom_pt)
        seen: set[str] = set()
        total = sum(len(page.blocks) for page in composition.pages)
        done = 0
        for page in composition.pages:
            for composed in page.blocks:
                done += 1
                if composed.block_id in seen:  # the rest of a story that ran on to this page
                    continue
                seen.add(composed.block_id)
                self._block(page, composed, exact)
                if self.options.progress:
                    self.options.progress(done, total)
        last = composition.pages[-1] if composition.pages else None
        if last is not None and last.credits_para is not None:
            self.par.write(self.body, last.credits_para, spacing=last.credits_spacing if exact else None)

    # --- furniture ----------------------------------------------------------------------------
    def _furniture(self, composition: Composition) -> None:
        """The running head (the manuscript names itself and the issue; the official bulletin has none),
        the page number, and the character grid the official bulletin is set on."""
        from editor_app.layout import furniture

        issue = self.project.issue
        section = self.document.sections[0]
        values = furniture.values(issue, issue.pages[0], self.template.wording) if issue.pages else {}
        if values:
            values["page"] = values["page_name"] = ""
        text = furniture.fill(self.template.wording.folio, values) if values else ""
        outside = self.template.layout.page_numbers_outside
        if outside:
            self.document.settings.odd_and_even_pages_header_footer = True
        headers = [section.header] + ([section.even_page_header] if outside else [])
        for header in headers:
            paragraph = header.paragraphs[0]
            paragraph._p.style = "Folio" if text else "PageNumber"
            if text:
                paragraph.add_run(self.par.text(text))
        page_number(
            section.footer.paragraphs[0], "PageNumber", self.template, 1, "right" if outside else None
        )
        if outside:
            page_number(section.even_page_footer.paragraphs[0], "PageNumber", self.template, 2, "left")
        grid = self.template.grid
        if grid.chars_per_line:  # the lines of the grid; its characters a line come from the body's spacing
            docx_xml.set_doc_grid_lines(section._sectPr, grid.pitch_pt)

    # --- stories ------------------------------------------------------------------------------
    def _block(self, page: ComposedPage, composed: ComposedBlock, exact: bool) -> None:
        if exact:  # as composed: the spacing that puts every line where the preview shows it
            story = composed.story
            self._paras(
                story.head,
                composed.head_spacing,
                top=composed.head_top_pt,
                bottom=composed.head_bottom_pt,
                keep=True,
            )
            for figure in story.figures:
                self._figure(figure)
            for index, para in enumerate(story.body):
                self.par.write(
                    self.body,
                    para,
                    spacing=composed.body_spacing.get(index),
                    tab_twips=int(round(composed.text_width * 1440 / 25.4)),
                    widow_control=bool(para.tail),
                    keep_with_next=para.style == "Subhead",
                )
            return
        layout = self.template.layout  # the manuscript's own wording: no page template's 小标题 marker
        story = story_of(composed.block, StoryStyle(layout.byline_brackets, layout.subhead_marker))
        if self.notes and story.kind in ("article", "photo_news"):
            self._note(page, composed)
        for para in story.head:
            self.par.write(self.body, para)
        for para in story.body:
            if para.tail:  # the byline tag as a 署名 paragraph of its own
                self.par.write(self.body, Para(para.style, para.pieces))
                self.par.write(
                    self.body, Para("Byline", [Piece(p.text, None, p.source, p.offset) for p in para.tail])
                )
            else:
                self.par.write(self.body, para)
        for figure in story.figures:
            self._figure(figure)

    def _paras(
        self,
        paras: list[Para],
        spacing: dict[int, Spacing],
        top: float = 0.0,
        bottom: float = 0.0,
        keep: bool = False,
    ) -> None:
        for index, para in enumerate(paras):
            written = self.par.write(
                self.body,
                para,
                spacing=spacing.get(index),
                widow_control=False,
                keep_with_next=keep,
                extra_before_pt=top if index == 0 else 0.0,
            )
            if index == len(paras) - 1 and spacing.get(index) is not None:
                written.paragraph_format.space_after = Pt(round(spacing[index].after + bottom, 2))

    def _note(self, page: ComposedPage, composed: ComposedBlock) -> None:
        story = composed.story
        block = story.block
        slot = page.template.slot(block.slot) if isinstance(block, Article) else None
        place = composed.place
        parts = [
            msg(
                "[typesetting] slot {slot}; {columns} column(s) × {lines} line(s) on page {page} ({template}); "
                "{chars} characters",
                slot=slot.name if slot else msg("none"),
                columns=place.span,
                lines=place.height,
                page=page.page.number,
                template=page.template.name,
                chars=story.characters(),
            )
        ]
        for figure in story.figures:
            parts.append(
                msg(
                    "picture {file}: {caption}",
                    file=figure.image or msg("not supplied yet"),
                    caption=figure.alt or "—",
                )
            )
        self.par.write(self.body, Para("TypesetterNote", [Piece("；".join(parts))]))

    def _figure(self, figure: Figure) -> None:
        prepared = images.prepare(self.project, figure, self.warnings)
        if prepared is None:
            self.par.write(self.body, Para("PhotoPlaceholder", [Piece(PLACEHOLDER_TEXT)]))
        else:
            width = Mm(self.template.text_width_mm)
            if self.template.layout.picture_max_mm:
                width = min(width, Mm(self.template.layout.picture_max_mm))
            height = Emu(int(width * prepared.height / prepared.width))
            paragraph = self.par.new(self.body, "Picture")
            shape = paragraph.add_run().add_picture(io.BytesIO(prepared.data), width=width, height=height)
            docx_xml.zero_inline_distances(shape)
            self.pictures += 1
            package.describe_picture(
                shape._inline,
                self.document.part,
                self.par.text(figure.alt or figure.label),
                f"photo-{self.pictures:02d}",
            )
        for para in figure.caption:
            self.par.write(self.body, para)

    def finish(self) -> bytes:
        self.par.report(self.warnings)
        return finish_document(self.document, self.options)
