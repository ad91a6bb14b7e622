"""Story paragraphs written as WordprocessingML paragraphs: named styles, character styles, comments
cut on their exact spans, the byline tag after a line break, and the spacing the composer decided.

Both writers use this: the composed page puts the paragraphs into linked text boxes, the manuscript
into the body. The text is cleaned of characters XML cannot hold and, for a traditional edition,
converted; comment spans are cut first so a comment still covers exactly its words.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from editor_app.export import docx_xml
from editor_app.export.comments import Anchors
from editor_app.export.traditional import TraditionalConverter
from editor_app.layout.composition import Spacing
from editor_app.layout.story import Para, Piece


class ParagraphWriter:
    def __init__(self, document, anchors: Anchors, convert: TraditionalConverter | None):
        self.document = document
        self.anchors = anchors
        self.convert = convert
        self.removed_controls = 0
        self.placed: set[int] = set()  # anchors that became comments
        self.resolved_ids: set[int] = set()  # comments of marks already accepted or rejected
        self.styles = {s.style_id for s in document.styles}

    def text(self, text: str) -> str:
        text, removed = docx_xml.clean_xml_text(text)
        self.removed_controls += removed
        return self.convert(text) if self.convert else text

    def new(self, container, style_id: str, parent=None) -> Paragraph:
        """An empty paragraph in `style_id` appended to `container` (w:body or w:txbxContent)."""
        if style_id not in self.styles:
            raise KeyError(f"style {style_id} is missing from the template")
        p = OxmlElement("w:p")
        if container.tag == docx_xml.qn("w:body"):
            sect = container.find(docx_xml.qn("w:sectPr"))
            if sect is not None:
                sect.addprevious(p)
            else:
                container.append(p)
        else:
            container.append(p)
        paragraph = Paragraph(p, parent if parent is not None else self.document._body)
        p.style = style_id
        return paragraph

    def write(
        self,
        container,
        para: Para,
        *,
        spacing: Spacing | None = None,
        tab_twips: int = 0,
        widow_control: bool | None = None,
        keep_with_next: bool | None = None,
        extra_before_pt: float = 0.0,
        parent=None,
    ) -> Paragraph:
        paragraph = self.new(container, para.style, parent)
        fmt = paragraph.paragraph_format
        if spacing is not None:  # exactly what the composer gave it, so the frames break where it broke
            fmt.space_before = Pt(round(spacing.before + extra_before_pt, 2))
            fmt.space_after = Pt(round(spacing.after, 2))
            fmt.line_spacing = Pt(round(spacing.line, 2))
        if widow_control is not None:
            fmt.widow_control = widow_control
        if keep_with_next is not None:
            fmt.keep_with_next = keep_with_next
        size = spacing.size if spacing is not None else None
        self.pieces(paragraph, para.pieces, size)
        if para.tail:  # a line break, then a tab to a right-aligned stop at the frame's edge
            docx_xml.set_right_tab(paragraph._p.get_or_add_pPr(), tab_twips)
            docx_xml.add_break_and_tab(paragraph._p)
            self.pieces(paragraph, para.tail, size)
        return paragraph

    def pieces(self, paragraph: Paragraph, pieces: list[Piece], size: float | None = None) -> None:
        for piece in pieces:
            anchors = self.anchors.get(piece.source) if piece.source else None
            converted = self._whole_field(piece)
            if not anchors:
                if piece.text:
                    self._run(paragraph, piece.text, piece.char_style, size, converted)
                continue
            self._anchored_runs(paragraph, piece, anchors, size, converted)

    def _whole_field(self, piece: Piece):
        """A traditional edition converts a model field whole (segmentation and name protection see
        its context), then cuts runs out of it; None when there is nothing to convert that way."""
        if self.convert is None or piece.source is None or not hasattr(self.convert, "convert_mapped"):
            return None
        clean, _ = docx_xml.clean_xml_text(piece.text)
        if clean != piece.text:  # control characters shift offsets: convert run by run instead
            return None
        return self.convert.convert_mapped(piece.text, piece.source[1])

    def _run(
        self,
        paragraph: Paragraph,
        text: str,
        char_style: str | None,
        size: float | None,
        converted=None,
        start: int = 0,
    ):
        if converted is not None:
            run = paragraph.add_run(converted.cut(start, start + len(text)))
        else:
            run = paragraph.add_run(self.text(text))
        if char_style:
            run._r.style = char_style  # by id: python-docx's lookup by object rescans every style
        if size:
            run.font.size = Pt(size)
        return run

    def _anchored_runs(
        self, paragraph: Paragraph, piece: Piece, anchors, size: float | None, converted
    ) -> None:
        """Split the piece at every comment boundary, then hang each comment on its runs."""
        lo, hi = piece.offset, piece.offset + len(piece.text)
        cuts = {0, len(piece.text)}
        for anchor in anchors:
            if anchor.end > lo and anchor.start < hi:
                cuts.add(max(anchor.start, lo) - lo)
                cuts.add(min(anchor.end, hi) - lo)
        ordered = sorted(cuts)
        spans = []
        for a, b in zip(ordered, ordered[1:], strict=False):
            spans.append(
                (a + lo, b + lo, self._run(paragraph, piece.text[a:b], piece.char_style, size, converted, a))
            )
        for anchor in anchors:
            runs = [run for start, end, run in spans if start >= anchor.start and end <= anchor.end]
            if runs:
                self.placed.add(id(anchor))
                comment = self.document.add_comment(
                    runs,
                    text=self.text(anchor.text),
                    author=self.text(anchor.author) or "校对",
                    initials=self.text(anchor.initials),
                )
                if anchor.resolved:
                    self.resolved_ids.add(comment.comment_id)

    def report(self, warnings: list[str]) -> None:
        """Say what the document could not carry: comments on text that is not printed, control characters."""
        from editor_app.messages import msg

        unplaced = [a for group in self.anchors.values() for a in group if id(a) not in self.placed]
        if unplaced:
            warnings.append(
                msg(
                    "{count} comment(s) point at text that is not printed and were left out: {quotes}",
                    count=len(unplaced),
                    quotes="; ".join(a.text[:40] for a in unplaced[:5]),
                )
            )
        if self.removed_controls:
            warnings.append(
                msg(
                    "removed {count} control character(s) that a DOCX cannot store (they were "
                    "invisible in the text)",
                    count=self.removed_controls,
                )
            )
