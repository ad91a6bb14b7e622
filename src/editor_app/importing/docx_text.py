"""Every visible character of a Word paragraph, and nothing the reader does not see.

What Word shows besides plain runs: math (OMML `m:t`), symbols (`w:sym`, a character of a symbol
font), non-breaking hyphens, footnote and endnote reference marks, the base text of ruby (the ruby
text above it — pinyin, zhuyin — is an annotation, not copy). What it does not show in the final
text: deletions and the old place of a tracked move (`w:moveFrom`), the VML fallback copy of a
text box. Text after an unexpanded entity reference in a run is kept (lxml leaves it in the tail).

Footnote and endnote references are written as a sentinel in the text; `docx_notes` turns them
into 「[1]」 marks and the notes into paragraphs at the end of the article that cites them.
"""

from __future__ import annotations

from editor_app.importing.symbols import symbol_char

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
T, TAB, BR, CR, DEL, MOVE_FROM, TEXTBOX = (
    f"{W}{n}" for n in ("t", "tab", "br", "cr", "del", "moveFrom", "txbxContent")
)
SYM, NB_HYPHEN, RUBY_TEXT = f"{W}sym", f"{W}noBreakHyphen", f"{W}rt"
FOOTNOTE_REF, ENDNOTE_REF = f"{W}footnoteReference", f"{W}endnoteReference"
MATH_T = f"{M}t"
_TYPE = f"{W}type"
_ID = f"{W}id"
# noncharacters: Unicode reserves them for a program's internal use, so no input carries them
NOTE_OPEN, NOTE_CLOSE = "\ufdd0", "\ufdd1"
HIDDEN = (TEXTBOX, MC_FALLBACK, DEL, MOVE_FROM, RUBY_TEXT)  # content inside these is not this text


def note_sentinel(kind: str, note_id: str) -> str:
    return f"{NOTE_OPEN}{kind}:{note_id}{NOTE_CLOSE}"


def inside(element, stop, tags: tuple[str, ...]) -> bool:
    """Is `element` nested in one of `tags` below `stop`?"""
    parent = element.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False


def run_text(element) -> str:
    """A w:t's text, including what follows an entity reference lxml did not expand."""
    parts = [element.text or ""]
    for child in element:
        parts.append(child.tail or "")
    return "".join(parts)


def paragraph_text(paragraph, unknown_symbols: list[str] | None = None) -> str:
    """The paragraph's own visible text (hyperlinks, fields, content controls and insertions too)."""
    parts = []
    for element in paragraph.iter(T, TAB, BR, CR, SYM, NB_HYPHEN, FOOTNOTE_REF, ENDNOTE_REF, MATH_T):
        if inside(element, paragraph, HIDDEN):
            continue
        tag = element.tag
        if tag in (T, MATH_T):
            parts.append(run_text(element))
        elif tag == TAB:
            parts.append("\t")
        elif tag == BR:
            parts.append("\f" if element.get(_TYPE) == "page" else "\n")
        elif tag == CR:
            parts.append("\n")
        elif tag == NB_HYPHEN:
            parts.append("-")
        elif tag == SYM:
            char = symbol_char(element.get(f"{W}font") or "", element.get(f"{W}char") or "")
            if char is None:
                if unknown_symbols is not None:
                    unknown_symbols.append(f"{element.get(f'{W}font')}:{element.get(f'{W}char')}")
                char = "\ufffd"
            parts.append(char)
        elif tag in (FOOTNOTE_REF, ENDNOTE_REF):
            note_id = element.get(_ID) or ""
            parts.append(note_sentinel("f" if tag == FOOTNOTE_REF else "e", note_id))
    return "".join(parts)
