"""The zoomable page preview: follows edits (after they settle), highlights the current block."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.errors import EditorError
from editor_app.gui.preview.painter import Mark, fit_tags, paint_page
from editor_app.model.document import Placement

ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
SETTLE_MS = 150
SHADOW = 6
MARGIN = 10
PAGE_GAP = 24
PT_PER_MM = 72 / 25.4


class PageCanvas(QWidget):
    """The composed pages of one 版 (and any continuation page), stacked; click to select a block, drag
    it or its right or bottom edge to move or resize it on the grid."""

    block_clicked = Signal(str)
    zoom_requested = Signal(float)
    place_requested = Signal(str, object)  # block id, Placement

    def __init__(self, parent=None):
        super().__init__(parent)
        self.pages: list = []
        self.zoom = 1.0  # screen pixels per point
        self.highlight: str | None = None
        self.marks: list[Mark] = []
        self.tags: dict = {}
        self.images: dict[str, bytes] = {}
        self.drag: _Drag | None = None
        self.setMouseTracking(True)

    @property
    def scale(self) -> float:
        """Screen pixels per millimetre."""
        return self.zoom * PT_PER_MM

    def set_pages(self, pages) -> None:
        self.pages = list(pages or [])
        self._resize()
        self.update()

    def set_zoom(self, zoom: float) -> None:
        self.zoom = zoom
        self._resize()
        self.update()

    def _origins(self) -> list[tuple[float, float]]:
        out, y = [], MARGIN
        for page in self.pages:
            out.append((MARGIN, y))
            y += page.height * self.scale + PAGE_GAP
        return out

    def _resize(self) -> None:
        if self.pages:
            w = max(p.width for p in self.pages) * self.scale + 2 * MARGIN + SHADOW
            h = sum(p.height * self.scale + PAGE_GAP for p in self.pages) + 2 * MARGIN
            self.setFixedSize(QSize(int(w), int(h)))

    def locate(self, pos) -> tuple[object, float, float] | None:
        """The composed page under a widget position and the point on it in millimetres."""
        for page, (ox, oy) in zip(self.pages, self._origins(), strict=False):
            x, y = (pos.x() - ox) / self.scale, (pos.y() - oy) / self.scale
            if 0 <= x <= page.width and 0 <= y <= page.height:
                return page, x, y
        return None

    def composed_at(self, pos):
        found = self.locate(pos)
        if found is None:
            return None, None
        page, x, y = found
        return page, page.block_at(x, y)

    def block_at(self, pos) -> str | None:
        """The block drawn under widget position `pos`, if any."""
        _, composed = self.composed_at(pos)
        return composed.block_id if composed is not None else None

    def _edge(self, composed, x: float, y: float) -> str:
        tolerance = 6 / self.scale
        rect = composed.rect
        if abs(x - rect.right) < tolerance and rect.y <= y <= rect.bottom:
            return "right"
        if abs(y - rect.bottom) < tolerance and rect.x <= x <= rect.right:
            return "bottom"
        return "move"

    def mousePressEvent(self, event):  # noqa: N802
        pos = event.position()
        page, composed = self.composed_at(pos)
        if composed is not None:
            self.block_clicked.emit(composed.block_id)
            if (
                event.button() == Qt.MouseButton.LeftButton
                and page.continuation == 0
                and not page.template.flowing
            ):
                _, x, y = self.locate(pos)
                self.drag = _Drag(page, composed, self._edge(composed, x, y), x, y, composed.place)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event):  # noqa: N802
        pos = event.position()
        if self.drag is None:
            page, composed = self.composed_at(pos)
            shape = Qt.CursorShape.ArrowCursor
            if composed is not None and page.continuation == 0 and not page.template.flowing:
                _, x, y = self.locate(pos)
                shape = {
                    "right": Qt.CursorShape.SizeHorCursor,
                    "bottom": Qt.CursorShape.SizeVerCursor,
                    "move": Qt.CursorShape.OpenHandCursor,
                }[self._edge(composed, x, y)]
            self.setCursor(shape)
            return
        origin = self._origins()[self.pages.index(self.drag.page)]
        x, y = (pos.x() - origin[0]) / self.scale, (pos.y() - origin[1]) / self.scale
        self.drag.target = self.drag.snapped(x, y)
        self.update()

    def mouseReleaseEvent(self, event):  # noqa: N802
        drag, self.drag = self.drag, None
        if drag is not None and drag.target is not None and drag.target != drag.start:
            self.place_requested.emit(drag.composed.block_id, drag.target)
        self.update()
        super().mouseReleaseEvent(event)

    def wheelEvent(self, event):  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_requested.emit(1.1 if event.angleDelta().y() > 0 else 1 / 1.1)
            event.accept()
        else:
            super().wheelEvent(event)

    def paintEvent(self, event):  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#5f6b73"))
        for page, (ox, oy) in zip(self.pages, self._origins(), strict=False):
            w, h = page.width * self.scale, page.height * self.scale
            painter.fillRect(int(ox + SHADOW), int(oy + SHADOW), int(w), int(h), QColor(0, 0, 0, 90))
            painter.save()
            painter.translate(ox, oy)
            paint_page(
                painter,
                page,
                self.scale,
                highlight=self.highlight,
                marks=self.marks,
                tags=self.tags,
                images=self.images,
            )
            if page.continuation and not page.template.flowing:
                painter.setPen(QColor("#c62828"))
                painter.drawText(
                    QPointF(6, 14),
                    self.tr("Continuation: what page %1 could not hold").replace("%1", str(page.page.number)),
                )
            if self.drag is not None and self.drag.page is page and self.drag.target is not None:
                ghost = page.grid.rect(self.drag.target)
                painter.setPen(QPen(QColor("#1976d2"), 2, Qt.PenStyle.DashLine))
                painter.setBrush(QColor(25, 118, 210, 40))
                painter.drawRect(
                    QRectF(
                        ghost.x * self.scale, ghost.y * self.scale, ghost.w * self.scale, ghost.h * self.scale
                    )
                )
            painter.restore()
        painter.end()


class _Drag:
    """A block being moved, or its right or bottom edge being dragged, snapped to columns and lines."""

    def __init__(self, page, composed, edge: str, x: float, y: float, start: Placement):
        self.page, self.composed, self.edge = page, composed, edge
        self.x0, self.y0 = x, y
        self.start = start
        self.target: Placement | None = None

    def snapped(self, x: float, y: float) -> Placement:
        grid = self.page.grid
        place = self.start
        step_x = grid.col_w + grid.gutter
        dx = round((x - self.x0) / step_x)
        dy = round((y - self.y0) / grid.pitch)
        if self.edge == "right":
            span = max(1, min(grid.columns - place.column, place.span + dx))
            return Placement(place.column, span, place.top, place.height)
        if self.edge == "bottom":
            height = max(1, min(grid.lines - place.top, place.height + dy))
            return Placement(place.column, place.span, place.top, height)
        column = max(0, min(grid.columns - place.span, place.column + dx))
        top = max(0, min(grid.lines - place.height, place.top + dy))
        return Placement(column, place.span, top, place.height)


class PagePreview(QWidget):
    """Toolbar (page, zoom) over a scrollable canvas; rebuilt SETTLE_MS after the last change."""

    drawn = Signal()
    block_clicked = Signal(str)
    page_chosen = Signal(str)
    place_requested = Signal(str, object)  # block id, Placement: the editor moved or resized a block

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.page_id: str | None = session.issue.pages[0].id if session.issue.pages else None
        self.last_pages: list = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 4, 6, 4)
        self.page_box = QComboBox()
        self.page_box.setToolTip(self.tr("Page shown in the preview"))
        self.page_box.activated.connect(self._page_chosen)
        bar.addWidget(self.page_box)
        self.page_label = QLabel()
        bar.addWidget(self.page_label, 1)
        self.fit_width = QToolButton()
        self.fit_width.setText(self.tr("Fit width"))
        self.fit_width.setCheckable(True)
        self.fit_width.setChecked(True)
        self.fit_width.toggled.connect(lambda _on: self._apply_zoom())
        bar.addWidget(self.fit_width)
        self.zoom_box = QComboBox()
        for z in ZOOMS:
            self.zoom_box.addItem(f"{round(z * 100)}%", z)
        self.zoom_box.setCurrentIndex(ZOOMS.index(1.0))
        self.zoom_box.setEditable(True)  # shows the zoom in use (fit width, Ctrl+wheel); takes a typed one
        self.zoom_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.zoom_box.setToolTip(self.tr("Zoom: choose or type a percentage"))
        self.zoom_box.activated.connect(self._zoom_chosen)
        self.zoom_box.lineEdit().editingFinished.connect(self._zoom_typed)
        bar.addWidget(self.zoom_box)
        outer.addLayout(bar)
        self.scroll = QScrollArea()
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll.setStyleSheet("QScrollArea { background: #5f6b73; border: none; }")
        self.canvas = PageCanvas()
        self.canvas.setToolTip(
            self.tr(
                "Click a block to edit it, drag it (or its right or bottom edge) to move "
                "or resize it on the grid; Ctrl+wheel zooms"
            )
        )
        self.canvas.block_clicked.connect(self.block_clicked)
        self.canvas.place_requested.connect(self.place_requested)
        self.canvas.zoom_requested.connect(self.zoom_by)
        self.scroll.setWidget(self.canvas)
        outer.addWidget(self.scroll, 1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SETTLE_MS)
        self.timer.timeout.connect(self.rebuild)
        session.changed.connect(self.timer.start)

    def show_page(self, page_id: str | None) -> None:
        if page_id and page_id != self.page_id:
            self.page_id = page_id
            self.rebuild()

    def _page_chosen(self) -> None:
        page_id = self.page_box.currentData()
        if page_id:
            self.show_page(page_id)
            self.page_chosen.emit(page_id)

    def _fill_pages(self) -> None:
        self.page_box.blockSignals(True)
        self.page_box.clear()
        for page in self.session.issue.pages:
            label = self.tr("Page %1").replace("%1", str(page.number))
            self.page_box.addItem(f"{label} {page.name}" if page.name else label, page.id)
        self.page_box.setCurrentIndex(max(0, self.page_box.findData(self.page_id)))
        self.page_box.blockSignals(False)

    def set_highlight(self, block_id: str | None) -> None:
        self.canvas.highlight = block_id
        self.canvas.update()

    def set_highlights(self, ranges) -> None:
        """Text to mark on the page: find matches and what changed since the last proof round
        (anything with block_id, path, start, end and kind)."""
        self.canvas.marks = [Mark(r.block_id, r.path, r.start, r.end, r.kind) for r in ranges or ()]
        self.canvas.update()

    def _zoom_chosen(self) -> None:
        self.fit_width.setChecked(False)
        self._apply_zoom()

    def _zoom_typed(self) -> None:
        if self.zoom_box.currentText() == f"{round(self.canvas.zoom * 100)}%":
            return  # focus left the box without a change
        digits = "".join(ch for ch in self.zoom_box.currentText() if ch.isdigit() or ch == ".")
        try:
            zoom = float(digits) / 100
        except ValueError:
            self._show_zoom()  # not a number: put back the zoom in use
            return
        self.fit_width.setChecked(False)
        self._set_zoom(zoom)

    def zoom_by(self, factor: float) -> None:
        self.fit_width.setChecked(False)
        self._set_zoom(self.canvas.zoom * factor)

    def _set_zoom(self, zoom: float) -> None:
        self.canvas.set_zoom(max(0.25, min(4.0, zoom)))
        self._show_zoom()

    def _show_zoom(self) -> None:
        """The box names the zoom the page is drawn at, whichever way it was set."""
        self.zoom_box.setEditText(f"{round(self.canvas.zoom * 100)}%")

    def _apply_zoom(self) -> None:
        if self.fit_width.isChecked() and self.last_pages:
            scrollbar = self.scroll.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
            available = self.scroll.width() - scrollbar - 2 * SHADOW - 26
            width_pt = max(p.width for p in self.last_pages) * PT_PER_MM
            self.canvas.set_zoom(max(0.2, available / width_pt))
        elif self.zoom_box.currentIndex() >= 0 and self.zoom_box.currentText() == self.zoom_box.itemText(
            self.zoom_box.currentIndex()
        ):
            self.canvas.set_zoom(float(self.zoom_box.currentData()))
        self._show_zoom()

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        if self.fit_width.isChecked():
            self._apply_zoom()

    def current_page(self):
        for page in self.session.issue.pages:
            if page.id == self.page_id:
                return page
        pages = self.session.issue.pages
        return pages[0] if pages else None

    def rebuild(self) -> None:
        self.timer.stop()
        page = self.current_page()
        self.page_id = page.id if page else None
        self._fill_pages()
        if page is None:
            self.last_pages = []
            self.canvas.set_pages([])
            self.page_label.setText(self.tr("No pages"))
            return
        try:
            self.last_pages = self.session.composed(page)
        except EditorError as exc:
            self.page_label.setText(str(exc))
            return
        spilled = sum(len(p.blocks) for p in self.last_pages if p.continuation and not p.template.flowing)
        overset = sum(1 for p in self.last_pages for b in p.blocks if b.state == "overset")
        label = ""
        if spilled:
            label = self.tr("%n block(s) do not fit on the page (shown on a continuation page)", "", spilled)
        elif overset:
            label = self.tr("%n block(s) overset", "", overset)
        self.page_label.setText(label)
        self.page_label.setStyleSheet("color: #c62828; font-weight: bold;" if label else "")
        self.canvas.images = self.session.project.images
        self.canvas.tags = fit_tags(self.last_pages)
        self.canvas.set_pages(self.last_pages)
        self._apply_zoom()
        self.drawn.emit()
