"""The export's named styles: fixed roles with ASCII ids, Chinese names and template-defined looks.

Print staff restyle a page in Word by editing these styles, so every element of the page is set in
its own named style (never in direct formatting). Ids stay ASCII so that Word, WPS and LibreOffice
agree on them; names are Chinese and never collide with Word's built-ins (正文, 标题, 题注, 页眉,
页脚 …), which Word would otherwise silently merge with its own.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.shared import Pt, RGBColor

from editor_app.errors import TemplateError
from editor_app.export import docx_xml
from editor_app.messages import msg

# Word's built-in style names in the Chinese UI: a custom style must never use one of them.
WORD_BUILTIN_CHINESE = frozenset({
    "正文", "标题", "副标题", "题注", "页眉", "页脚", "正文文本", "正文缩进", "引用", "明显引用", "列表段落",
    "无间隔", "目录", "脚注文本", "尾注文本", "批注文字", "批注框文本", "超链接", "默认段落字体",
    *(f"标题 {n}" for n in range(1, 10)),
})


@dataclass(frozen=True)
class Role:
    style_id: str
    name: str
    kind: str = "paragraph"  # "paragraph" | "character"


# The roles the writer uses, in the order they appear in Word's style list.
ROLES: tuple[Role, ...] = (
    Role("BodyText", "稿件正文"),
    Role("Masthead", "报头"),
    Role("MastheadInfo", "报头信息"),
    Role("MastheadRule", "报头线"),
    Role("Folio", "版眉"),
    Role("PageNumber", "页码"),
    Role("Kicker", "引题"),
    Role("BannerTitle", "通栏标题"),
    Role("ArticleTitle", "主题"),
    Role("Deck", "副题"),
    Role("Subhead", "小标题"),
    Role("EditorNote", "编者按"),
    Role("Picture", "图片"),
    Role("PhotoPlaceholder", "图片占位"),
    Role("PhotoCaption", "图片说明"),
    Role("PhotoCredit", "图片署名"),
    Role("Byline", "署名"),
    Role("Credits", "责任编辑"),
    Role("NoteLabel", "编者按标签", "character"),
    Role("Dateline", "电头", "character"),
    Role("AuthorLine", "记者署名", "character"),
    Role("BylineTag", "署名文字", "character"),  # the tag set on the last body line; see blocks.Para.tail
)
# Roles a template may leave out: their look is taken from another role's (the tag looks like 署名).
DERIVED = {"BylineTag": "Byline"}
_FONT_KEYS = ("face", "latin", "size_pt", "bold", "color", "spacing_pt")
ROLE_BY_ID = {role.style_id: role for role in ROLES}

_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "distribute": WD_ALIGN_PARAGRAPH.DISTRIBUTE,
}
_KEYS = {"name", "face", "latin", "size_pt", "bold", "color", "pitch_pt", "indent_chars", "align",
         "space_before_pt", "space_after_pt", "border", "keep_with_next", "spacing_pt", "shading"}


def style_specs(template) -> dict[str, dict]:
    """The template's `styles:` mapping, checked: every role present, no unknown keys."""
    raw = template.data.get("styles")
    where = f"{template.path or template.id}"
    if not isinstance(raw, dict):
        raise TemplateError(msg("{where}: the template has no 'styles' section", where=where))
    specs = {}
    for role in ROLES:
        spec = raw.get(role.style_id)
        if spec is None and role.style_id in DERIVED and isinstance(raw.get(DERIVED[role.style_id]), dict):
            source = raw[DERIVED[role.style_id]]
            spec = {key: source[key] for key in _FONT_KEYS if key in source}
        if not isinstance(spec, dict):
            raise TemplateError(msg("{where}: styles.{style} is missing", where=where, style=role.style_id))
        unknown = set(spec) - _KEYS
        if unknown:
            raise TemplateError(msg("{where}: styles.{style} has unknown keys {keys}", where=where,
                                    style=role.style_id, keys=sorted(unknown)))
        if "align" in spec and spec["align"] not in _ALIGN:
            raise TemplateError(msg("{where}: styles.{style}.align must be one of {choices}", where=where,
                                    style=role.style_id, choices=sorted(_ALIGN)))
        name = str(spec.get("name", role.name))
        if name in WORD_BUILTIN_CHINESE:
            raise TemplateError(msg("{where}: styles.{style} may not be called {name} (a Word built-in style name)",
                                    where=where, style=role.style_id, name=repr(name)))
        specs[role.style_id] = {**spec, "name": name}
    return specs


def _apply_font(style, spec: dict, latin_default: str) -> None:
    font = style.font
    if "size_pt" in spec:
        font.size = Pt(float(spec["size_pt"]))
    if "bold" in spec:
        font.bold = bool(spec["bold"])
    if spec.get("color"):
        font.color.rgb = RGBColor.from_string(str(spec["color"]))
    face = spec.get("face")
    if face:
        docx_xml.set_run_fonts(style.element.get_or_add_rPr(), str(face), str(spec.get("latin", latin_default)))
    if spec.get("spacing_pt"):
        docx_xml.set_char_spacing(style.element.get_or_add_rPr(), float(spec["spacing_pt"]))


def _apply_paragraph(style, spec: dict, body_pt: float) -> None:
    fmt = style.paragraph_format
    if "pitch_pt" in spec:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(float(spec["pitch_pt"]))
    else:
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    if "align" in spec:
        fmt.alignment = _ALIGN[spec["align"]]
    fmt.space_before = Pt(float(spec.get("space_before_pt", 0)))
    fmt.space_after = Pt(float(spec.get("space_after_pt", 0)))
    if spec.get("keep_with_next"):
        fmt.keep_with_next = True
    fmt.widow_control = True  # as in Word's own Normal style: no paragraph leaves one line alone
    pPr = style.element.get_or_add_pPr()
    size = float(spec.get("size_pt", body_pt))
    docx_xml.set_first_line_indent(pPr, float(spec.get("indent_chars", 0)), size)
    if spec.get("border"):
        docx_xml.set_paragraph_border(pPr, spec["border"])
    if spec.get("shading"):
        docx_xml.set_shading(pPr, str(spec["shading"]))


def install_styles(document, template, replace: bool = True) -> list[str]:
    """Create (or, with `replace`, redefine) every role's style; return the ids it created.

    With `replace=False` a style already present in the document (a newsroom's reference DOCX) is
    kept as the newsroom left it: that is how a restyled template wins over the YAML.
    """
    specs = style_specs(template)
    styles = document.styles
    existing = {s.style_id: s for s in styles}
    latin = str(template.data.get("latin_face", "Times New Roman"))
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
        style.element.name_val = spec["name"]
        style.hidden = False
        style.quick_style = True
        if role.kind == "paragraph" and role.style_id != "BodyText":
            style.base_style = existing.get("BodyText") or styles["BodyText"]
        _apply_font(style, {**({} if role.kind == "character" else
                               {"face": normal.get("face"), "size_pt": normal.get("size_pt")}), **spec}, latin)
        if role.kind == "paragraph":
            _apply_paragraph(style, spec if role.style_id == "BodyText" else
                             {"indent_chars": 0, **spec}, float(normal.get("size_pt", template.body_pt)))
        source = existing.get(DERIVED.get(role.style_id, ""))
        if source is not None and source.element.rPr is not None and role.style_id not in template.data["styles"]:
            # a newsroom that restyled 署名 in its reference DOCX gets the same look for the tag
            style.element.remove(style.element.get_or_add_rPr())
            style.element.append(copy.deepcopy(source.element.rPr))
        existing[role.style_id] = style
    return created
