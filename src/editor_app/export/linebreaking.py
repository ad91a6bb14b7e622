"""Chinese line-breaking settings for an exported document (kinsoku, no hanging marks, autospace).

Without them LibreOffice lets closing marks hang past the column edge (into the gutter, over a
column rule or out of the 编者按 box) and Word uses its own default lists. Written once per
document, at the document level, so every paragraph style and a newsroom's reference DOCX inherit
them:

- `w:noLineBreaksBefore` / `w:noLineBreaksAfter` (settings): the GB/T 15834 sets of
  `layout.linebreak`, the same ones the copy fitter counts with;
- `w:characterSpacingControl` = doNotCompress (settings): every mark keeps its full em, as the fitter
  counts it; only a line-start opening mark may be compressed (`w:topLinePunct`), which can only
  shorten a line;
- docDefaults pPr: `w:kinsoku` on, `w:overflowPunct` off (a mark that does not fit takes the
  character before it to the next line instead of hanging), `w:topLinePunct` on, `w:autoSpaceDE` and
  `w:autoSpaceDN` on (a quarter em between Han and Latin letters or digits, as the fitter counts).
"""

from __future__ import annotations

from docx.oxml import OxmlElement

from editor_app.export.docx_xml import _PPR_ORDER, _element, _place, qn
from editor_app.layout.linebreak import LINE_END_FORBIDDEN_TEXT, LINE_START_FORBIDDEN_TEXT

# The languages Word keeps a custom kinsoku list for: a traditional edition's text is zh-TW for it.
KINSOKU_LANGUAGE = {"zh-CN": "zh-CN", "zh-SG": "zh-CN", "zh-TW": "zh-TW", "zh-HK": "zh-TW", "zh-MO": "zh-TW"}
# The children of w:settings up to w:compat, in schema order (ECMA-376 CT_Settings); later ones keep their place.
_SETTINGS_ORDER = tuple(
    f"w:{name}"
    for name in (
        "writeProtection",
        "view",
        "zoom",
        "removePersonalInformation",
        "removeDateAndTime",
        "doNotDisplayPageBoundaries",
        "displayBackgroundShape",
        "printPostScriptOverText",
        "printFractionalCharacterWidth",
        "printFormsData",
        "embedTrueTypeFonts",
        "embedSystemFonts",
        "saveSubsetFonts",
        "saveFormsData",
        "mirrorMargins",
        "alignBordersAndEdges",
        "bordersDoNotSurroundHeader",
        "bordersDoNotSurroundFooter",
        "gutterAtTop",
        "hideSpellingErrors",
        "hideGrammaticalErrors",
        "activeWritingStyle",
        "proofState",
        "formsDesign",
        "attachedTemplate",
        "linkStyles",
        "stylePaneFormatFilter",
        "stylePaneSortMethod",
        "documentType",
        "mailMerge",
        "revisionView",
        "trackRevisions",
        "doNotTrackMoves",
        "doNotTrackFormatting",
        "documentProtection",
        "autoFormatOverride",
        "styleLockTheme",
        "styleLockQFSet",
        "defaultTabStop",
        "autoHyphenation",
        "consecutiveHyphenLimit",
        "hyphenationZone",
        "doNotHyphenateCaps",
        "showEnvelope",
        "summaryLength",
        "clickAndTypeStyle",
        "defaultTableStyle",
        "evenAndOddHeaders",
        "bookFoldRevPrinting",
        "bookFoldPrinting",
        "bookFoldPrintingSheets",
        "drawingGridHorizontalSpacing",
        "drawingGridVerticalSpacing",
        "displayHorizontalDrawingGridEvery",
        "displayVerticalDrawingGridEvery",
        "doNotUseMarginsForDrawingGridOrigin",
        "drawingGridHorizontalOrigin",
        "drawingGridVerticalOrigin",
        "doNotShadeFormData",
        "noPunctuationKerning",
        "characterSpacingControl",
        "printTwoOnOne",
        "strictFirstAndLastChars",
        "noLineBreaksAfter",
        "noLineBreaksBefore",
        "savePreviewPicture",
        "doNotValidateAgainstSchema",
        "saveInvalidXml",
        "ignoreMixedContent",
        "alwaysShowPlaceholderText",
        "doNotDemarcateInvalidXml",
        "saveXmlDataOnly",
        "useXSLTWhenSaving",
        "saveThroughXslt",
        "showXMLTags",
        "alwaysMergeEmptyNamespace",
        "updateFields",
        "hdrShapeDefaults",
        "footnotePr",
        "endnotePr",
        "compat",
    )
)

# docDefaults paragraph properties: (tag, value) with value None for "on".
PARAGRAPH_DEFAULTS = (
    ("w:kinsoku", None),
    ("w:overflowPunct", "0"),
    ("w:topLinePunct", None),
    ("w:autoSpaceDE", None),
    ("w:autoSpaceDN", None),
)


def apply_line_breaking(document, language: str = "zh-CN") -> None:
    """Write the kinsoku sets into the settings and the break rules into docDefaults (idempotent)."""
    settings = document.settings.element
    _place(settings, _element("w:characterSpacingControl", val="doNotCompress"), _SETTINGS_ORDER)
    set_kinsoku_language(document, language)
    pPr = _default_paragraph_properties(document.styles.element)
    for tag, value in PARAGRAPH_DEFAULTS:
        _place(pPr, _element(tag, val=value) if value is not None else OxmlElement(tag), _PPR_ORDER)


def set_kinsoku_language(document, language: str) -> None:
    """(Re)write the custom kinsoku lists for `language` (a traditional edition switches them to zh-TW)."""
    settings = document.settings.element
    lang = KINSOKU_LANGUAGE.get(language, "zh-CN")
    _place(settings, _element("w:noLineBreaksAfter", lang=lang, val=LINE_END_FORBIDDEN_TEXT), _SETTINGS_ORDER)
    _place(
        settings, _element("w:noLineBreaksBefore", lang=lang, val=LINE_START_FORBIDDEN_TEXT), _SETTINGS_ORDER
    )


def _default_paragraph_properties(styles_element):
    defaults = styles_element.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles_element.insert(0, defaults)
    ppr_default = defaults.find(qn("w:pPrDefault"))
    if ppr_default is None:
        ppr_default = OxmlElement("w:pPrDefault")
        defaults.append(ppr_default)  # after w:rPrDefault, as the schema wants
    pPr = ppr_default.find(qn("w:pPr"))
    if pPr is None:
        pPr = OxmlElement("w:pPr")
        ppr_default.append(pPr)
    return pPr
