"""The manuscript for typesetters (发排稿): every story run down one column in its named styles.

Typesetters re-lay the page in 飞腾 or InDesign and map styles on import, so each element keeps its
own style (署名 included, on a paragraph of its own) and nothing is invented: no masthead. Before each
article a note the typesetter can delete (排版说明 style) gives its slot, its place on the composed
page (columns and lines), its character count and its pictures' files and captions.
"""

from __future__ import annotations

import io

from docx.shared import Emu, Mm

from editor_app.export import docx_xml, images, package
from editor_app.export.docx_writer import WriteOptions, new_document
from editor_app.export.page_writer import PLACEHOLDER_TEXT, finish_document, page_number
from editor_app.export.paragraphs import ParagraphWriter
from editor_app.layout.composition import ComposedBlock, ComposedPage, Composition
from editor_app.layout.story import Figure, Para, Piece, StoryStyle, story_of
from editor_app.messages import msg
from editor_app.model.document import Article

EMU_PER_MM = 36000


class ManuscriptWriter:
    def __init__(self, project, template, options: WriteOptions, warnings: list[str]):
        from editor_app.export import traditional

        self.project = project
        self.template = template
        self.options = options
        self.warnings = warnings
        convert = traditional.converter(options.variant, options.conversion_table) if options.variant else None
        self.document = new_document(template)
        self.par = ParagraphWriter(self.document, options.anchors, convert)
        self.body = self.document.element.body
        self.pictures = 0

    def write(self, composition: Composition) -> None:
        """`composition` is the issue composed on its own page templates: the notes report its places."""
        self._header_and_footer()
        total = sum(len(page.blocks) for page in composition.pages)
        done = 0
        for page in composition.pages:
            for composed in page.blocks:
                self._story(page, composed)
                done += 1
                if self.options.progress:
                    self.options.progress(done, total)

    def _header_and_footer(self) -> None:
        """A running head naming the manuscript and the issue, and the page number."""
        from editor_app.layout import furniture

        issue = self.project.issue
        section = self.document.sections[0]
        styles = {s.style_id: s for s in self.document.styles}
        values = furniture.values(issue, issue.pages[0], self.template.wording) if issue.pages else {}
        values["page"] = values["page_name"] = ""
        text = furniture.fill(self.template.wording.folio, values) if values else ""
        header = section.header.paragraphs[0]
        header.style = styles["Folio" if text else "PageNumber"]
        if text:
            header.add_run(self.par.text(text))
        page_number(section.footer.paragraphs[0], "PageNumber", self.template, 1, None)

    def _story(self, page: ComposedPage, composed: ComposedBlock) -> None:
        layout = self.template.layout  # the manuscript's own wording: no page template's 小标题 marker
        story = story_of(composed.block, StoryStyle(layout.byline_brackets, layout.subhead_marker))
        if story.kind in ("article", "photo_news"):
            self._note(page, composed)
        for para in story.head:
            self.par.write(self.body, para)
        for para in story.body:
            if para.tail:  # the byline tag as a 署名 paragraph of its own
                self.par.write(self.body, Para(para.style, para.pieces))
                self.par.write(self.body, Para("Byline", [Piece(p.text, None, p.source, p.offset)
                                                          for p in para.tail]))
            else:
                self.par.write(self.body, para)
        for figure in story.figures:
            self._figure(figure)

    def _note(self, page: ComposedPage, composed: ComposedBlock) -> None:
        story = composed.story
        block = story.block
        slot = page.template.slot(block.slot) if isinstance(block, Article) else None
        place = composed.place
        parts = [msg("[typesetting] slot {slot}; {columns} column(s) × {lines} line(s) on page {page} ({template}); "
                     "{chars} characters", slot=slot.name if slot else msg("none"), columns=place.span,
                     lines=place.height, page=page.page.number, template=page.template.name,
                     chars=story.characters())]
        for figure in story.figures:
            parts.append(msg("picture {file}: {caption}", file=figure.image or msg("not supplied yet"),
                             caption=figure.alt or "—"))
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
            package.describe_picture(shape._inline, self.document.part, self.par.text(figure.alt or figure.label),
                                     f"photo-{self.pictures:02d}")
        for para in figure.caption:
            self.par.write(self.body, para)

    def finish(self) -> bytes:
        self.par.report(self.warnings)
        return finish_document(self.document, self.options)
