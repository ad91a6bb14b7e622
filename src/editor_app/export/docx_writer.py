"""Write print sections (see `blocks.py`) into a DOCX that Word, WPS and LibreOffice agree on.

The document starts from the template's reference DOCX when there is one (its styles win, as with
pandoc's reference.docx), else from python-docx's blank document with the template's style set.
Sections: each section's properties go into its last paragraph, so a full-width head is followed
by columns without an empty paragraph; the final one-column section balances the columns.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Callable
from dataclasses import dataclass, field

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Emu, Mm

from editor_app.errors import TemplateError
from editor_app.export import docx_xml, images, linebreaking, traditional
from editor_app.export.blocks import Figure, Layout, Para, Picture, Piece, Section, folio_text
from editor_app.export.comments import Anchors
from editor_app.export.styles import install_styles, style_specs
from editor_app.messages import msg

EMU_PER_TWIP = 635
PLACEHOLDER_TEXT = "图片待补"


@dataclass
class WriteOptions:
    anchors: Anchors = field(default_factory=dict)
    variant: str | None = None  # traditional edition: s2t | s2hk | s2tw
    progress: Callable[[int, int], None] | None = None


def reference_docx(template):
    """The reference DOCX whose styles the export uses, if any.

    A newsroom's own copy in the user's config folder (`templates/<id>.docx`) wins, because an
    installed app's folder is read-only; then the one shipped beside the template's YAML.
    """
    from editor_app.paths import user_config_dir

    candidates = [user_config_dir() / "templates" / f"{template.id}.docx"]
    if template.path is not None:
        candidates.append(template.path.with_suffix(".docx"))
    return next((path for path in candidates if path.is_file()), None)


def new_document(template, use_reference: bool = True):
    """A document with the template's page, language and styles, and an empty body."""
    ref = reference_docx(template) if use_reference else None
    try:
        document = Document(str(ref)) if ref else Document()
    except Exception as exc:  # zip, XML or package errors: all mean "this file is not a usable DOCX"
        raise TemplateError(msg("{path}: the template's reference DOCX cannot be read ({reason}); save it "
                                "again from Word/WPS, or delete it to use the template's YAML styles",
                                path=ref, reason=exc.__class__.__name__)) from None
    body = document.element.body
    for child in list(body):
        if child.tag != docx_xml.qn("w:sectPr"):
            body.remove(child)
    specs = style_specs(template)
    if ref is None:
        body_spec = specs["BodyText"]
        docx_xml.set_doc_defaults(document.styles.element, str(body_spec.get("face", "宋体")),
                                  str(template.data.get("latin_face", "Times New Roman")),
                                  str(template.data.get("language", "zh-CN")),
                                  float(body_spec.get("size_pt", template.body_pt)))
        docx_xml.drop_theme_fonts(document.styles.element)
        docx_xml.set_theme_font_lang(document.settings.element, str(template.data.get("language", "zh-CN")))
    install_styles(document, template, replace=ref is None)
    if use_reference:  # every export; the reference DOCX files themselves stay as their YAML describes
        linebreaking.apply_line_breaking(document, str(template.data.get("language", "zh-CN")))
    # the line before a byline tag ends in a line break: justified, Word and LibreOffice would stretch it
    docx_xml.set_compat_flag(document.settings.element, "w:doNotExpandShiftReturn")
    _page_setup(document.sections[0], template)
    return document


def _page_setup(section, template) -> None:
    section.page_width = Mm(template.page_width_mm)
    section.page_height = Mm(template.page_height_mm)
    margins = template.margins_mm
    section.top_margin, section.bottom_margin = Mm(margins["top"]), Mm(margins["bottom"])
    section.left_margin, section.right_margin = Mm(margins["left"]), Mm(margins["right"])
    page = template.data.get("page") or {}
    section.header_distance = Mm(float(page.get("header_mm", max(6.0, margins["top"] - 10))))
    section.footer_distance = Mm(float(page.get("footer_mm", max(6.0, margins["bottom"] - 10))))
    for ref in section._sectPr.findall(docx_xml.qn("w:docGrid")):
        section._sectPr.remove(ref)
    docx_xml.set_columns(section._sectPr, 1, 0, False)


class DocxWriter:
    """One export: turns sections into paragraphs, runs, pictures and comments."""

    def __init__(self, project, template, layout: Layout, options: WriteOptions, warnings: list[str]):
        self.project = project
        self.template = template
        self.layout = layout
        self.options = options
        self.warnings = warnings
        self.convert = traditional.converter(options.variant) if options.variant else None
        self.document = new_document(template)
        self.styles = {s.style_id: s for s in self.document.styles}
        self.removed_controls = 0
        self.placed: set[int] = set()  # anchors that became comments
        self.gutter_twips = int(round(template.gutter_chars * template.body_pt * 20))
        self.text_width_twips = int(round((template.text_width_mm / 25.4) * 1440))

    # --- text -----------------------------------------------------------------------------------

    def _text(self, text: str) -> str:
        text, removed = docx_xml.clean_xml_text(text)
        self.removed_controls += removed
        return self.convert(text) if self.convert else text

    def _run(self, paragraph, text: str, char_style: str | None):
        run = paragraph.add_run(self._text(text))
        if char_style:
            run._r.style = char_style  # by id: python-docx's lookup by object rescans every style
        return run

    def _new_paragraph(self, style_id: str, container=None):
        """A paragraph in the body, or in `container` (a table cell) whose first paragraph is still empty."""
        if style_id not in self.styles:
            raise KeyError(f"style {style_id} is missing from the template")
        if container is not None and len(container.paragraphs) == 1 and not container.paragraphs[0].runs \
                and container.paragraphs[0]._p.pPr is None:
            paragraph = container.paragraphs[0]
        else:
            paragraph = (container or self.document).add_paragraph()
        paragraph._p.style = style_id
        return paragraph

    def _paragraph(self, para: Para, container=None, columns: int = 1):
        paragraph = self._new_paragraph(para.style, container)
        if para.keep_with_next:
            paragraph.paragraph_format.keep_with_next = True
        self._pieces(paragraph, para.pieces)
        if para.tail:  # a line break, then a tab to a right-aligned stop at the column's edge
            docx_xml.set_right_tab(paragraph._p.get_or_add_pPr(), self._column_width_twips(columns))
            # set here too, not only in the style: a newsroom's reference DOCX may have it off
            paragraph.paragraph_format.widow_control = True
            docx_xml.add_break_and_tab(paragraph._p)
            self._pieces(paragraph, para.tail)
        return paragraph

    def _pieces(self, paragraph, pieces) -> None:
        for piece in pieces:
            anchors = self.options.anchors.get(piece.source) if piece.source else None
            if not anchors:
                if piece.text:
                    self._run(paragraph, piece.text, piece.char_style)
                continue
            self._anchored_runs(paragraph, piece, anchors)

    def _anchored_runs(self, paragraph, piece, anchors) -> None:
        """Split the piece at every comment boundary, then hang each comment on its runs."""
        lo, hi = piece.offset, piece.offset + len(piece.text)
        cuts = {0, len(piece.text)}
        for anchor in anchors:
            if anchor.end > lo and anchor.start < hi:
                cuts.add(max(anchor.start, lo) - lo)
                cuts.add(min(anchor.end, hi) - lo)
        cuts = sorted(cuts)
        spans = []
        for a, b in zip(cuts, cuts[1:], strict=False):
            spans.append((a + lo, b + lo, self._run(paragraph, piece.text[a:b], piece.char_style)))
        for anchor in anchors:
            runs = [run for start, end, run in spans if start >= anchor.start and end <= anchor.end]
            if runs:
                self.placed.add(id(anchor))
                self.document.add_comment(runs, text=self._text(anchor.text),
                                          author=self._text(anchor.author) or "校对",
                                          initials=self._text(anchor.initials))

    # --- pictures -------------------------------------------------------------------------------

    def _column_width_twips(self, columns: int) -> int:
        return (self.text_width_twips - (columns - 1) * self.gutter_twips) // columns

    def _figure(self, figure: Figure, columns: int):
        """Picture, caption and credit; in a frame (one unsplittable cell) when the template asks.

        LibreOffice balances the columns of a section without honouring keep-with-next, so in
        multi-column templates a caption could start the next column; a table row that cannot split
        keeps the three together in Word, WPS and LibreOffice alike.
        """
        container = None
        if self.layout.figure_frame and columns > 1:
            width = self._column_width_twips(columns)
            table = self.document.add_table(rows=1, cols=1)
            docx_xml.frame_table(table, width)
            container = table.cell(0, 0)
        last = self._picture(figure.picture, columns, container)
        for para in figure.paras:
            last = self._paragraph(para, container)
        return table if container is not None else last

    def _picture(self, picture: Picture, columns: int, container=None):
        prepared = images.prepare(self.project, picture, self.warnings)
        if prepared is None:
            return self._paragraph(Para("PhotoPlaceholder", [Piece(PLACEHOLDER_TEXT)], keep_with_next=True),
                                   container)
        width = Emu(self._column_width_twips(columns) * EMU_PER_TWIP)
        if self.layout.picture_max_mm:
            width = min(width, Mm(self.layout.picture_max_mm))
        height = Emu(int(width * prepared.height / prepared.width))
        max_height = Mm(self.template.text_height_mm * 0.6)
        if height > max_height:
            width, height = Emu(int(width * max_height / height)), max_height
        paragraph = self._new_paragraph("Picture", container)
        shape = paragraph.add_run().add_picture(io.BytesIO(prepared.data), width=width, height=height)
        docx_xml.zero_inline_distances(shape)
        paragraph.paragraph_format.keep_with_next = True
        return paragraph

    # --- sections, headers, footers --------------------------------------------------------------

    def write(self, sections: list[Section]) -> None:
        body_sectPr = self.document.element.body.find(docx_xml.qn("w:sectPr"))
        base = copy.deepcopy(body_sectPr)
        total = sum(len(s.items) for s in sections)
        done = 0
        page_starts = []
        for index, section in enumerate(sections):
            last = None
            for item in section.items:
                last = (self._figure(item, section.columns) if isinstance(item, Figure)
                        else self._paragraph(item, columns=section.columns))
                done += 1
                if self.options.progress and done % 50 == 0:
                    self.options.progress(done, total)
            if index == len(sections) - 1 and hasattr(last, "_p") and not last.text:
                # The empty closing paragraph only balances the columns: one point high, it never spills a
                # full last page onto a blank one.
                docx_xml.make_hairline(last._p.get_or_add_pPr())
            sectPr = body_sectPr if index == len(sections) - 1 else copy.deepcopy(base)
            docx_xml.set_columns(sectPr, section.columns, self.gutter_twips, self.layout.column_rule)
            docx_xml.set_section_type(sectPr, "nextPage" if section.new_page else "continuous")
            if sectPr is not body_sectPr:
                if not hasattr(last, "_p"):  # a framed figure ends the section: a hairline paragraph holds the break
                    last = self._new_paragraph("Picture")
                    docx_xml.make_hairline(last._p.get_or_add_pPr())
                last._p.get_or_add_pPr().append(sectPr)
            if index == 0 or section.new_page:
                page_starts.append((index, section.page))
        if self.options.progress:
            self.options.progress(total, total)
        self._headers_and_footers(page_starts)

    def _headers_and_footers(self, page_starts) -> None:
        """A running head and a page number for the first section of every 版 (later ones inherit).

        With `layout.page_numbers_outside` (GB/T 9704: odd pages right, even pages left, one
        character in from the edge) odd and even footers differ.
        """
        doc_sections = self.document.sections
        outside = self.layout.page_numbers_outside
        if outside:
            self.document.settings.odd_and_even_pages_header_footer = True
        for page_index, (index, page) in enumerate(page_starts):
            section = doc_sections[index]
            if index == 0:
                section.start_type = WD_SECTION.NEW_PAGE
            text = folio_text(self.project.issue, page, self.layout)
            headers = [section.header] + ([section.even_page_header] if outside else [])
            for header in headers:
                header.is_linked_to_previous = False
                paragraph = header.paragraphs[0]
                paragraph.style = self.styles["Folio" if text else "PageNumber"]  # no head: no rule either
                if text:
                    paragraph.add_run(self._text(text))
            self._page_number(section.footer, page_index + 1, "right" if outside else None)
            if outside:
                self._page_number(section.even_page_footer, page_index + 2, "left")

    def _page_number(self, footer, cached: int, side: str | None) -> None:
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.style = self.styles["PageNumber"]
        before, _, after = str(self.layout.wording.get("page_number", "— {page} —")).partition("{page}")
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

    def finish(self) -> bytes:
        unplaced = [a for group in self.options.anchors.values() for a in group if id(a) not in self.placed]
        if unplaced:
            self.warnings.append(msg("{count} comment(s) point at text that is not printed and were left out: "
                                     "{quotes}", count=len(unplaced),
                                     quotes="; ".join(a.text[:40] for a in unplaced[:5])))
        if self.removed_controls:
            self.warnings.append(msg("removed {count} control character(s) that a DOCX cannot store (they were "
                                     "invisible in the text)", count=self.removed_controls))
        if self.options.variant:
            traditional.map_faces(self.document.styles.element, self.options.variant)
            traditional.set_languages(self.document.styles.element, self.options.variant)
        out = io.BytesIO()
        self.document.save(out)
        return out.getvalue()
