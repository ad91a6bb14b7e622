"""Print or PDF proofs of the pages, painted exactly like the preview (same layout, same painter)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

from editor_app.errors import ExportError
from editor_app.gui.preview.painter import paint_page
from editor_app.storage.atomic import atomic_writer

PDF_DPI = 300


def _page_size(composed) -> QPageSize:
    template = composed.template
    return QPageSize(
        QSizeF(template.page_width_mm, template.page_height_mm), QPageSize.Unit.Millimeter, template.name
    )


def _composed_pages(session, pages) -> list:
    """The composed pages of `pages` (continuation pages included), exactly as the preview shows them."""
    return [composed for page in pages for composed in session.composed(page)]


def _paint_pages(device, composed_pages, session, dpi: float, new_page) -> None:
    painter = QPainter()
    if not painter.begin(device):
        raise ExportError("cannot start painting the proof")
    try:
        for i, composed in enumerate(composed_pages):
            if i:
                new_page(composed)
            paint_page(painter, composed, dpi / 25.4, paper=False, images=session.project.images)
    finally:
        painter.end()


def write_pdf_proof(session, out: Path, pages=None) -> Path:
    """All pages (or `pages`) into a PDF at their template's paper size; written atomically."""
    pages = _composed_pages(session, list(pages or session.issue.pages))
    if not pages:
        raise ExportError("the issue has no pages")
    out = Path(out)
    temp = out.with_name(out.name + ".part")
    writer = QPdfWriter(str(temp))
    writer.setResolution(PDF_DPI)
    writer.setTitle(session.issue.publication or "proof")
    writer.setCreator("editor-app")

    def set_size(page) -> None:
        writer.setPageLayout(QPageLayout(_page_size(page), QPageLayout.Orientation.Portrait, QMarginsF()))

    set_size(pages[0])

    def next_page(page) -> None:
        set_size(page)
        writer.newPage()

    try:
        _paint_pages(writer, pages, session, PDF_DPI, next_page)
    except ExportError:
        raise ExportError(f"{out}: cannot write the PDF here (is the folder writable?)") from None
    finally:
        writer = None  # the PDF is complete once the writer is gone
    try:
        data = temp.read_bytes()
        with atomic_writer(out) as handle:
            handle.write(data)
    except OSError as exc:
        raise ExportError(f"{out}: could not write the PDF ({exc.strerror or exc})") from None
    finally:
        temp.unlink(missing_ok=True)
    return out


def print_proof(session, printer, pages=None) -> None:
    """Send the pages to a QPrinter chosen in the print dialog (scaled to its resolution)."""
    pages = _composed_pages(session, list(pages or session.issue.pages))
    if not pages:
        return
    printer.setFullPage(True)
    printer.setPageSize(_page_size(pages[0]))

    def next_page(page) -> None:
        printer.setPageSize(_page_size(page))
        printer.newPage()

    _paint_pages(printer, pages, session, printer.resolution(), next_page)
