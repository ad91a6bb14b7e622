"""The export's named styles: fixed roles with ASCII ids, Chinese names and template-defined looks.

Print staff restyle a page in Word by editing these styles, so every element of the page is set in
its own named style (never in direct formatting). Ids stay ASCII so that Word, WPS and LibreOffice
agree on them; names are Chinese and never collide with Word's built-ins (正文, 标题, 题注, 页眉,
页脚 …), which Word would otherwise silently merge with its own.
"""

from __future__ import annotations

import copy

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.shared import Pt, RGBColor

from editor_app.export import docx_xml
from editor_app.layout.spec import DERIVED, ROLE_BY_ID, ROLES, WORD_BUILTIN_CHINESE, StyleSpec
from editor_app.layout.typeset import line_pt

__all__ = ["DERIVED", "ROLES", "ROLE_BY_ID", "WORD_BUILTIN_CHINESE", "install_styles", "style_specs"]

_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "distribute": WD_ALIGN_PARAGRAPH.DISTRIBUTE,
}


def style_specs(template) -> dict[str, StyleSpec]:
    """The template's styles, checked when the template was parsed (every role present, no unknown key)."""
    return template.styles


def _apply_font(style, spec: StyleSpec, face: str | None, size: float | None, latin_default: str) -> None:
    font = style.font
    if size:
        font.size = Pt(size)
    if spec.bold is not None:
        font.bold = spec.bold
    if spec.color:
        font.color.rgb = RGBColor.from_string(spec.color)
    if face:
        docx_xml.set_run_fonts(style.element.get_or_add_rPr(), face, spec.latin or latin_default)
    if spec.spacing_pt:
        docx_xml.set_char_spacing(style.element.get_or_add_rPr(), spec.spacing_pt)


def _apply_paragraph(style, spec: StyleSpec, size: float) -> None:
    fmt = style.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY  # the composer counts lines at this exact pitch
    fmt.line_spacing = Pt(line_pt(spec, size))
    if spec.align:
        fmt.alignment = _ALIGN[spec.align]
    fmt.space_before = Pt(spec.space_before_pt)
    fmt.space_after = Pt(spec.space_after_pt)
    if spec.keep_with_next:
        fmt.keep_with_next = True
    fmt.widow_control = True  # as in Word's own Normal style: no paragraph leaves one line alone
    pPr = style.element.get_or_add_pPr()
    docx_xml.set_first_line_indent(pPr, spec.indent_chars, size)
    if spec.border:
        border = spec.border
        docx_xml.set_paragraph_border(
            pPr,
            {
                "sides": border.sides,
                "style": border.style,
                "pt": border.pt,
                "space_pt": border.space_pt,
                **({"color": border.color} if border.color else {}),
            },
        )
    if spec.shading:
        docx_xml.set_shading(pPr, spec.shading)


def install_styles(document, template, replace: bool = True) -> list[str]:
    """Create (or, with `replace`, redefine) every role's style; return the ids it created.

    With `replace=False` a style already present in the document (a newsroom's reference DOCX) is
    kept as the newsroom left it: that is how a restyled template wins over the YAML.
    """
    specs = template.styles
    styles = document.styles
    existing = {s.style_id: s for s in styles}
    normal = specs["BodyText"]
    created = []
    for role in ROLES:
        spec = specs[role.style_id]
        style = existing.get(role.style_id)
        if style is not None and not replace:
            continue
        if style is None:
            kind = WD_STYLE_TYPE.PARAGRAPH if role.kind == "paragraph" else WD_STYLE_TYPE.CHARACTER
            style = styles.add_style(role.style_id, kind)
            style.element.set(docx_xml.qn("w:styleId"), role.style_id)
            created.append(role.style_id)
        style.element.name_val = spec.name
        style.hidden = False
        style.quick_style = True
        if role.kind == "paragraph" and role.style_id != "BodyText":
            style.base_style = existing.get("BodyText") or styles["BodyText"]
        if role.kind == "character":
            _apply_font(style, spec, spec.face, spec.size_pt, template.latin_face)
        else:
            size = spec.size_pt or normal.size_pt or template.body_pt
            _apply_font(style, spec, spec.face or normal.face, size, template.latin_face)
            _apply_paragraph(style, spec, size)
            if (
                template.grid.chars_per_line
                and abs(size - template.grid.body_pt) < 0.01
                and not spec.spacing_pt
            ):
                # body-size text set closer, so that the template's characters a line fit (GB/T 9704: 28)
                docx_xml.set_char_spacing(style.element.get_or_add_rPr(), template.grid_spacing_pt)
        source = existing.get(DERIVED.get(role.style_id, ""))
        if source is not None and source.element.rPr is not None and spec.derived:
            # a newsroom that restyled 署名 in its reference DOCX gets the same look for the tag
            style.element.remove(style.element.get_or_add_rPr())
            style.element.append(copy.deepcopy(source.element.rPr))
        existing[role.style_id] = style
    return created
