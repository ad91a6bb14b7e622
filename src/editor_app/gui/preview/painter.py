"""Paint a `PageLayout` with any QPainter: the preview widget, a PDF writer or a printer."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen

from editor_app.gui.preview.page_layout import INK, PageLayout, U

ALIGN = {"center": Qt.AlignmentFlag.AlignHCenter, "right": Qt.AlignmentFlag.AlignRight,
         "left": Qt.AlignmentFlag.AlignLeft}


def paint_page(painter: QPainter, layout: PageLayout, scale: float, highlight: str | None = None,
               paper: bool = True) -> None:
    """Draw the page with 1 layout unit = `scale` device units (one point = U units)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    painter.scale(scale, scale)
    if paper:
        painter.fillRect(QRectF(0, 0, layout.width, layout.height), QColor("white"))
    for area in layout.article_boxes.get(highlight, ()) if highlight else ():
        painter.fillRect(area.adjusted(-3 * U, -2 * U, 3 * U, 2 * U), QColor(25, 118, 210, 22))
    for op in layout.ops:
        kind, args = op.kind, op.args
        if kind == "layout_at":
            text_layout, dx, dy, clip = args
            painter.save()
            painter.setClipRect(clip, Qt.ClipOperation.IntersectClip)
            painter.setPen(INK)  # QTextLayout draws in the painter's pen colour
            text_layout.draw(painter, QPointF(dx, dy), [], clip)
            painter.restore()
        elif kind == "text":
            rect, text, font, align, color = args
            painter.setFont(font)
            painter.setPen(color)
            painter.drawText(rect, int(ALIGN[align] | Qt.AlignmentFlag.AlignTop), text)
        elif kind == "line":
            x1, y1, x2, y2, width, color = args
            painter.setPen(QPen(color, width))
            painter.drawLine(QPointF(x1, y1), QPointF(x2, y2))
        elif kind == "rect":
            rect, width = args
            painter.setPen(QPen(QColor("#1a1a1a"), width))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect)
        elif kind == "image":
            rect, image = args
            if image is None:
                painter.fillRect(rect, QColor("#cfd8dc"))
                painter.setPen(QColor("#78909c"))
                painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), "图片")
            else:
                painter.drawImage(rect, image)
        elif kind == "bar":
            rect, text, font, color = args
            painter.fillRect(rect, QBrush(color))
            painter.setFont(font)
            painter.setPen(QColor("white"))
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)
    painter.restore()
