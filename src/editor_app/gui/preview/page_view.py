"""The zoomable page preview: follows edits (after they settle), highlights the current block."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter
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
from editor_app.gui.preview.page_layout import build_page_layout
from editor_app.gui.preview.painter import paint_page

ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
SETTLE_MS = 150
SHADOW = 6


class PageCanvas(QWidget):
    block_clicked = Signal(str)
    zoom_requested = Signal(float)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.layout_ = None
        self.zoom = 1.0  # screen pixels per point
        self.highlight: str | None = None

    def set_layout(self, layout) -> None:
        self.layout_ = layout
        self._resize()
        self.update()

    def set_zoom(self, zoom: float) -> None:
        self.zoom = zoom
        self._resize()
        self.update()

    def _resize(self) -> None:
        if self.layout_ is not None:
            w = int(self.layout_.width / 10 * self.zoom) + 2 * SHADOW + 20
            h = int(self.layout_.height / 10 * self.zoom) + 2 * SHADOW + 20
            self.setFixedSize(QSize(w, h))

    def block_at(self, pos) -> str | None:
        """The block drawn under widget position `pos`, if any."""
        if self.layout_ is None:
            return None
        return self.layout_.block_at((pos.x() - 10) * 10 / self.zoom, (pos.y() - 10) * 10 / self.zoom)

    def mousePressEvent(self, event):  # noqa: N802
        block_id = self.block_at(event.position().toPoint())
        if block_id:
            self.block_clicked.emit(block_id)
        super().mousePressEvent(event)

    def wheelEvent(self, event):  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_requested.emit(1.1 if event.angleDelta().y() > 0 else 1 / 1.1)
            event.accept()
        else:
            super().wheelEvent(event)

    def paintEvent(self, event):  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#5f6b73"))
        if self.layout_ is not None:
            w = self.layout_.width / 10 * self.zoom
            h = self.layout_.height / 10 * self.zoom
            painter.fillRect(int(10 + SHADOW), int(10 + SHADOW), int(w), int(h), QColor(0, 0, 0, 90))
            painter.translate(10, 10)
            paint_page(painter, self.layout_, self.zoom / 10, self.highlight)
        painter.end()


class PagePreview(QWidget):
    """Toolbar (page, zoom) over a scrollable canvas; rebuilt SETTLE_MS after the last change."""

    drawn = Signal()
    block_clicked = Signal(str)
    page_chosen = Signal(str)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.page_id: str | None = session.issue.pages[0].id if session.issue.pages else None
        self.last_layout = None
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
        self.canvas.setToolTip(self.tr("Click an article to edit it; Ctrl+wheel zooms"))
        self.canvas.block_clicked.connect(self.block_clicked)
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
        if self.fit_width.isChecked() and self.last_layout is not None:
            scrollbar = self.scroll.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
            available = self.scroll.width() - scrollbar - 2 * SHADOW - 26
            self.canvas.set_zoom(max(0.2, available / (self.last_layout.width / 10)))
        elif self.zoom_box.currentIndex() >= 0 and self.zoom_box.currentText() == self.zoom_box.itemText(
                self.zoom_box.currentIndex()):
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
            self.last_layout = None
            self.canvas.set_layout(None)
            self.page_label.setText(self.tr("No pages"))
            return
        try:
            self.last_layout = build_page_layout(self.session, page)
        except EditorError as exc:
            self.page_label.setText(str(exc))
            return
        label = ""
        if self.last_layout.overflow_lines:
            label = self.tr("%n line(s) do not fit on the page", "", self.last_layout.overflow_lines)
        self.page_label.setText(label)
        self.page_label.setStyleSheet("color: #c62828; font-weight: bold;" if label else "")
        self.canvas.set_layout(self.last_layout)
        self._apply_zoom()
        self.drawn.emit()
