"""The WordprocessingML python-docx 1.2 has no API for, written directly.

Each helper fills one gap listed in the print conventions: East Asian faces and language, columns,
paragraph borders, character-based indents, fields with cached results, zero picture distances.
Word, WPS and LibreOffice all read these elements; nothing here is Word-only.
"""

from __future__ import annotations

import re

from docx.oxml import OxmlElement
from docx.oxml.ns import nsmap, qn

__all__ = [
    "qn",
    "set_run_fonts",
    "set_columns",
    "set_paragraph_border",
    "set_first_line_indent",
    "add_page_field",
    "set_language",
    "zero_inline_distances",
    "clean_xml_text",
]

# Characters XML 1.0 forbids (C0 controls except tab/newline/CR, lone surrogates, U+FFFE/FFFF).
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# Children of w:rPr / w:pPr / w:sectPr must appear in schema order, or Word calls the file corrupt.
_RPR_ORDER = (
    "w:rStyle",
    "w:rFonts",
    "w:b",
    "w:bCs",
    "w:i",
    "w:iCs",
    "w:caps",
    "w:smallCaps",
    "w:strike",
    "w:dstrike",
    "w:outline",
    "w:shadow",
    "w:emboss",
    "w:imprint",
    "w:noProof",
    "w:snapToGrid",
    "w:vanish",
    "w:webHidden",
    "w:color",
    "w:spacing",
    "w:w",
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
)
_PPR_ORDER = (
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
_SECT_ORDER = (
    "w:headerReference",
    "w:footerReference",
    "w:footnotePr",
    "w:endnotePr",
    "w:type",
    "w:pgSz",
    "w:pgMar",
    "w:paperSrc",
    "w:pgBorders",
    "w:lnNumType",
    "w:pgNumType",
    "w:cols",
    "w:formProt",
    "w:vAlign",
    "w:noEndnote",
    "w:titlePg",
    "w:textDirection",
    "w:bidi",
    "w:rtlGutter",
    "w:docGrid",
    "w:printerSettings",
    "w:sectPrChange",
)


def _place(parent, child, order: tuple[str, ...]) -> None:
    """Insert `child` into `parent` at its schema position, replacing an element of the same tag."""
    tag = child.tag
    for old in parent.findall(tag):
        parent.remove(old)
    rank = {qn(name): i for i, name in enumerate(order)}
    mine = rank.get(tag, len(order))
    for index, existing in enumerate(parent):
        if rank.get(existing.tag, len(order)) > mine:
            parent.insert(index, child)
            return
    parent.append(child)


def _element(tag: str, **attrs):
    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), str(value))
    return el


def clean_xml_text(text: str) -> tuple[str, int]:
    """Remove characters XML cannot carry; return the clean text and how many were removed."""
    cleaned, count = _ILLEGAL.subn("", text)
    return cleaned, count


def set_run_fonts(rPr, east_asia: str, latin: str = "Times New Roman") -> None:
    """Set the Chinese face (eastAsia) and the Latin face, dropping theme fonts that would win."""
    fonts = _element("w:rFonts", ascii=latin, hAnsi=latin, eastAsia=east_asia, cs=latin)
    fonts.set(qn("w:hint"), "eastAsia")  # ambiguous-width marks (“”—…) render full-width
    _place(rPr, fonts, _RPR_ORDER)


def set_char_spacing(rPr, points: float) -> None:
    _place(rPr, _element("w:spacing", val=int(round(points * 20))), _RPR_ORDER)


def set_language(rPr, east_asia: str = "zh-CN", latin: str = "en-US") -> None:
    _place(rPr, _element("w:lang", val=latin, eastAsia=east_asia, bidi="ar-SA"), _RPR_ORDER)


def set_first_line_indent(pPr, chars: float, size_pt: float) -> None:
    """A first-line indent in characters, with the twips LibreOffice reads beside Word's chars."""
    ind = _element(
        "w:ind", firstLineChars=int(round(chars * 100)), firstLine=int(round(chars * size_pt * 20))
    )
    _place(pPr, ind, _PPR_ORDER)


_BORDER_STYLES = {"single", "double", "thick", "thinThickSmallGap", "thickThinSmallGap", "dotted", "dashed"}


def set_paragraph_border(pPr, spec: dict) -> None:
    """`spec`: {sides: box|top|bottom|top-bottom, style: single|double…, pt: 0.75, space_pt: 4, color}."""
    sides = {
        "box": ("top", "left", "bottom", "right"),
        "top": ("top",),
        "bottom": ("bottom",),
        "top-bottom": ("top", "bottom"),
    }[spec.get("sides", "box")]
    style = spec.get("style", "single")
    if style not in _BORDER_STYLES:
        style = "single"
    size = max(2, min(96, int(round(float(spec.get("pt", 0.75)) * 8))))  # eighths of a point
    space = int(round(float(spec.get("space_pt", 4))))
    border = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):  # schema order
        if side in sides:
            border.append(
                _element(f"w:{side}", val=style, sz=size, space=space, color=spec.get("color", "000000"))
            )
    # No w:between: Word and LibreOffice then draw consecutive paragraphs with identical borders as one
    # box (an explicit between="nil" makes LibreOffice box every paragraph separately).
    _place(pPr, border, _PPR_ORDER)


def clear_paragraph_border(pPr) -> None:
    """No border on this paragraph whatever its style says (the composed page draws the 编者按 frame)."""
    border = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        border.append(_element(f"w:{side}", val="nil"))
    _place(pPr, border, _PPR_ORDER)


def set_shading(pPr, fill: str) -> None:
    _place(pPr, _element("w:shd", val="clear", color="auto", fill=fill), _PPR_ORDER)


_TCPR_ORDER = (
    "w:cnfStyle",
    "w:tcW",
    "w:gridSpan",
    "w:hMerge",
    "w:vMerge",
    "w:tcBorders",
    "w:shd",
    "w:noWrap",
    "w:tcMar",
    "w:textDirection",
    "w:tcFitText",
    "w:vAlign",
    "w:hideMark",
)


def set_cell_shading(tcPr, fill: str) -> None:
    """Shade the whole cell (a paragraph's shading leaves the cell margins white)."""
    _place(tcPr, _element("w:shd", val="clear", color="auto", fill=fill), _TCPR_ORDER)


def repeat_as_header(trPr) -> None:
    """The row is repeated at the top of every page the table runs onto."""
    _place(
        trPr,
        _element("w:tblHeader"),
        (
            "w:cnfStyle",
            "w:divId",
            "w:gridBefore",
            "w:gridAfter",
            "w:wBefore",
            "w:wAfter",
            "w:cantSplit",
            "w:trHeight",
            "w:tblHeader",
            "w:tblCellSpacing",
            "w:jc",
            "w:hidden",
        ),
    )


def set_keep_with_next(pPr) -> None:
    _place(pPr, _element("w:keepNext"), _PPR_ORDER)


def set_right_tab(pPr, position_twips: int) -> None:
    """One right-aligned tab stop (the byline tag's) at `position_twips` from the column's left edge."""
    tabs = _element("w:tabs")
    tabs.append(_element("w:tab", val="right", pos=position_twips))
    _place(pPr, tabs, _PPR_ORDER)


def add_break_and_tab(p) -> None:
    """A run holding a line break and a tab: what follows starts a new line at the next tab stop."""
    run = OxmlElement("w:r")
    run.append(OxmlElement("w:br"))
    run.append(OxmlElement("w:tab"))
    p.append(run)


# What follows w:compat in w:settings (schema order); elements of later namespaces (w14:docId …) come last too.
_AFTER_COMPAT = {
    qn(f"w:{name}")
    for name in (
        "docVars",
        "rsids",
        "attachedSchema",
        "themeFontLang",
        "clrSchemeMapping",
        "doNotIncludeSubdocsInStats",
        "doNotAutoCompressPictures",
        "forceUpgrade",
        "captions",
        "readModeInkLockDown",
        "smartTagType",
        "shapeDefaults",
        "doNotEmbedSmartTags",
        "decimalSymbol",
        "listSeparator",
    )
} | {
    "{http://schemas.openxmlformats.org/officeDocument/2006/math}mathPr",
    "{http://schemas.openxmlformats.org/schemaLibrary/2006/main}schemaLibrary",
}
# The children of w:compat in schema order.
_COMPAT_ORDER = tuple(
    f"w:{name}"
    for name in (
        "useSingleBorderforContiguousCells",
        "wpJustification",
        "noTabHangInd",
        "noLeading",
        "spaceForUL",
        "noColumnBalance",
        "balanceSingleByteDoubleByteWidth",
        "noExtraLineSpacing",
        "doNotLeaveBackslashAlone",
        "ulTrailSpace",
        "doNotExpandShiftReturn",
        "spacingInWholePoints",
        "lineWrapLikeWord6",
        "printBodyTextBeforeHeader",
        "printColBlack",
        "wpSpaceWidth",
        "showBreaksInFrames",
        "subFontBySize",
        "suppressBottomSpacing",
        "suppressTopSpacing",
        "suppressSpacingAtTopOfPage",
        "suppressSpBfAfterPgBrk",
        "swapBordersFacingPages",
        "convMailMergeEsc",
        "truncateFontHeightsLikeWP6",
        "mwSmallCaps",
        "usePrinterMetrics",
        "doNotSuppressParagraphBorders",
        "wrapTrailSpaces",
        "footnoteLayoutLikeWW8",
        "shapeLayoutLikeWW8",
        "alignTablesRowByRow",
        "forgetLastTabAlignment",
        "adjustLineHeightInTable",
        "autoSpaceLikeWord95",
        "noSpaceRaiseLower",
        "doNotUseHTMLParagraphAutoSpacing",
        "layoutRawTableWidth",
        "layoutTableRowsApart",
        "useWord97LineBreakRules",
        "doNotBreakWrappedTables",
        "doNotSnapToGridInCell",
        "selectFldWithFirstOrLastChar",
        "applyBreakingRules",
        "doNotWrapTextWithPunct",
        "doNotUseEastAsianBreakRules",
        "useWord2002TableStyleRules",
        "growAutofit",
        "useFELayout",
        "useNormalStyleForList",
        "doNotUseIndentAsNumberingTabStop",
        "useAltKinsokuLineBreakRules",
        "allowSpaceOfSameStyleInTable",
        "doNotSuppressIndentation",
        "doNotAutofitConstrainedTables",
        "autofitToFirstFixedWidthCell",
        "underlineTabInNumList",
        "displayHangulFixedWidth",
        "splitPgBreakAndParaMark",
        "doNotVertAlignCellWithSp",
        "doNotBreakConstrainedForcedTable",
        "doNotVertAlignInTxbx",
        "useAnsiKerningPairs",
        "cachedColBalance",
        "compatSetting",
    )
)


def set_compat_flag(settings_element, tag: str) -> None:
    """Turn on a layout compatibility flag (`w:doNotExpandShiftReturn` …), each in its schema place."""
    compat = settings_element.find(qn("w:compat"))
    if compat is None:  # python-docx's and Word's settings have one; a hand-made reference may not
        compat = OxmlElement("w:compat")
        after = [
            child
            for child in settings_element
            if child.tag in _AFTER_COMPAT or not str(child.tag).startswith(f"{{{nsmap['w']}}}")
        ]
        if after:
            after[0].addprevious(compat)
        else:
            settings_element.append(compat)
    if compat.find(qn(tag)) is None:
        _place(compat, OxmlElement(tag), _COMPAT_ORDER)


def set_columns(sectPr, count: int, space_twips: int, separator: bool) -> None:
    """Equal-width columns for the section (`w:cols` goes before `w:docGrid`)."""
    cols = _element("w:cols", num=count, space=space_twips)
    if separator and count > 1:
        cols.set(qn("w:sep"), "1")
    _place(sectPr, cols, _SECT_ORDER)


def set_section_type(sectPr, kind: str) -> None:
    """`continuous` or `nextPage`: how this section starts."""
    _place(sectPr, _element("w:type", val=kind), _SECT_ORDER)


def set_doc_grid_lines(sectPr, pitch_pt: float) -> None:
    _place(sectPr, _element("w:docGrid", type="lines", linePitch=int(round(pitch_pt * 20))), _SECT_ORDER)


def add_page_field(paragraph, cached: str = "1", style_id: str | None = None) -> None:
    """Append a PAGE field: begin / instrText / separate / cached result / end.

    WPS shows nothing for a field without a cached result, so one is always written.
    """

    def run(*children):
        r = OxmlElement("w:r")
        if style_id:
            rPr = OxmlElement("w:rPr")
            rPr.append(_element("w:rStyle", val=style_id))
            r.append(rPr)
        for child in children:
            r.append(child)
        paragraph._p.append(r)

    run(_element("w:fldChar", fldCharType="begin"))
    instr = OxmlElement("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = " PAGE "
    run(instr)
    run(_element("w:fldChar", fldCharType="separate"))
    text = OxmlElement("w:t")
    text.text = cached
    run(text)
    run(_element("w:fldChar", fldCharType="end"))


def frame_table(table, width_twips: int) -> None:
    """A borderless one-cell table exactly one column wide whose row never splits.

    Every width is written (tblW, gridCol, tcW): WPS ignores tblW and autofit.
    """
    table.autofit = False
    tbl = table._tbl
    tblPr = tbl.tblPr
    for tag in ("w:tblW", "w:tblInd", "w:tblCellMar", "w:tblBorders"):
        for old in tblPr.findall(qn(tag)):
            tblPr.remove(old)
    order = (
        "w:tblStyle",
        "w:tblpPr",
        "w:tblOverlap",
        "w:bidiVisual",
        "w:tblStyleRowBandSize",
        "w:tblStyleColBandSize",
        "w:tblW",
        "w:jc",
        "w:tblCellSpacing",
        "w:tblInd",
        "w:tblBorders",
        "w:shd",
        "w:tblLayout",
        "w:tblCellMar",
        "w:tblLook",
    )
    _place(tblPr, _element("w:tblW", w=width_twips, type="dxa"), order)
    _place(tblPr, _element("w:tblInd", w=0, type="dxa"), order)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_element(f"w:{side}", val="nil"))
    _place(tblPr, borders, order)
    margins = OxmlElement("w:tblCellMar")
    for side in ("top", "left", "bottom", "right"):
        margins.append(_element(f"w:{side}", w=0, type="dxa"))
    _place(tblPr, margins, order)
    for grid_col in tbl.tblGrid.findall(qn("w:gridCol")):
        grid_col.set(qn("w:w"), str(width_twips))
    for tc in tbl.iter(qn("w:tc")):
        tcPr = tc.get_or_add_tcPr()
        for old in tcPr.findall(qn("w:tcW")):
            tcPr.remove(old)
        tcPr.insert(0, _element("w:tcW", w=width_twips, type="dxa"))
    for tr in tbl.findall(qn("w:tr")):
        trPr = tr.get_or_add_trPr()
        trPr.append(_element("w:cantSplit"))


def make_hairline(pPr) -> None:
    """An empty paragraph one point high (it only carries a section break after a table)."""
    _place(pPr, _element("w:spacing", before=0, after=0, line=20, lineRule="exact"), _PPR_ORDER)


def zero_inline_distances(inline_shape) -> None:
    """LibreOffice adds ~9 pt around an inline picture unless dist* are 0."""
    inline = inline_shape._inline
    for attr in ("distT", "distB", "distL", "distR"):
        inline.set(attr, "0")


def set_doc_defaults(styles_element, east_asia_face: str, latin: str, lang: str, size_pt: float) -> None:
    """docDefaults: Chinese face, zh-CN language and the body size, without theme fonts."""
    defaults = styles_element.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles_element.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rPr = rpr_default.find(qn("w:rPr"))
    if rPr is None:
        rPr = OxmlElement("w:rPr")
        rpr_default.append(rPr)
    set_run_fonts(rPr, east_asia_face, latin)
    half_points = int(round(size_pt * 2))
    _place(rPr, _element("w:sz", val=half_points), _RPR_ORDER)
    _place(rPr, _element("w:szCs", val=half_points), _RPR_ORDER)
    set_language(rPr, lang)


def drop_theme_fonts(root) -> None:
    """Remove theme font attributes (asciiTheme, eastAsiaTheme …): they override the named faces."""
    for fonts in root.iter(qn("w:rFonts")):
        for attr in [a for a in fonts.attrib if a.endswith("Theme")]:
            del fonts.attrib[attr]


def set_theme_font_lang(settings_element, lang: str) -> None:
    el = settings_element.find(qn("w:themeFontLang"))
    if el is None:
        el = OxmlElement("w:themeFontLang")
        settings_element.append(el)
    el.set(qn("w:val"), "en-US")
    el.set(qn("w:eastAsia"), lang)
