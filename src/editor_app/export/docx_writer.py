"""The DOCX a writer starts from: the template's page, languages and named styles, an empty body.

The document starts from the template's reference DOCX when there is one (its styles win, as with
pandoc's reference.docx), else from python-docx's blank document with the template's style set.
`page_writer.py` writes a composed page into it, `flow_writer.py` the flowing official bulletin and 发排稿.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.shared import Mm

from editor_app.export import docx_xml, linebreaking
from editor_app.export.comments import Anchors
from editor_app.export.styles import install_styles
from editor_app.layout.reference import open_reference, reference_docx


@dataclass
class WriteOptions:
    anchors: Anchors = field(default_factory=dict)
    variant: str | None = None  # traditional edition: s2t | s2hk | s2tw
    progress: Callable[[int, int], None] | None = None
    conversion_table: Path | None = None  # a user's simplified → traditional table (else the config folder's)


class DocumentWriter:
    """What the page and flow writers both start from: a new document in the template's styles, the paragraph
    writer (with the traditional edition's converter when one is asked for) and a count of the pictures, which
    gives each its own file name."""

    def __init__(self, project, template, options: WriteOptions, warnings: list[str]):
        from editor_app.export import traditional
        from editor_app.export.paragraphs import ParagraphWriter

        self.project = project
        self.template = template
        self.options = options
        self.warnings = warnings
        convert = (
            traditional.converter(options.variant, options.conversion_table) if options.variant else None
        )
        self.document = new_document(template)
        self.par = ParagraphWriter(self.document, options.anchors, convert)
        self.pictures = 0


def new_document(template, use_reference: bool = True):
    """A document with the template's page, language and styles, and an empty body."""
    ref = reference_docx(template) if use_reference else None
    document = open_reference(ref) if ref else Document()
    body = document.element.body
    for child in list(body):
        if child.tag != docx_xml.qn("w:sectPr"):
            body.remove(child)
    if ref is None:
        body_spec = template.styles["BodyText"]
        docx_xml.set_doc_defaults(
            document.styles.element,
            body_spec.face or "宋体",
            template.latin_face,
            template.language,
            body_spec.size_pt or template.body_pt,
        )
        docx_xml.drop_theme_fonts(document.styles.element)
        docx_xml.set_theme_font_lang(document.settings.element, template.language)
    install_styles(document, template, replace=ref is None)
    linebreaking.apply_line_breaking(document, template.language)  # GB/T 15834 禁则, no hanging marks
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
    section.header_distance = Mm(template.page.header_mm)
    section.footer_distance = Mm(template.page.footer_mm)
    for ref in section._sectPr.findall(docx_xml.qn("w:docGrid")):
        section._sectPr.remove(ref)
    docx_xml.set_columns(section._sectPr, 1, 0, False)
