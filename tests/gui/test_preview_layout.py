"""The page preview paints the composition: the same page the DOCX gets, blocks moved on the grid."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from editor_app.model.document import Placement


def _canvas_point(window, composed, dx: float = 0.5, dy: float = 0.5) -> QPoint:
    """A point inside a composed block's rectangle, in the canvas's pixels (fractions of its size)."""
    canvas = window.preview.canvas
    ox, oy = canvas._origins()[0]
    rect = composed.rect
    return QPoint(
        int(ox + (rect.x + rect.w * dx) * canvas.scale), int(oy + (rect.y + rect.h * dy) * canvas.scale)
    )


def _composed(window, block):
    return next(b for p in window.preview.last_pages for b in p.blocks if b.block_id == block.id)


def test_the_preview_shows_the_page_the_export_writes(window):
    """One composer: the preview's blocks sit where the DOCX export puts them, and the sample fits."""
    from editor_app.export import compose_for_export
    from editor_app.layout.templates import get_template

    window.preview.rebuild()
    shown = window.preview.last_pages
    exported = compose_for_export(window.session.project, get_template("a4-bulletin")).pages
    assert [[b.place for b in p.blocks] for p in shown] == [[b.place for b in p.blocks] for p in exported]
    assert len(shown) == 1 and all(b.state == "fits" for b in shown[0].blocks)
    assert window.preview.page_label.text() == ""


def test_dragging_a_block_moves_it_on_the_grid_in_one_undo_step(window, qtbot):
    window.preview.rebuild()
    brief = window.session.issue.pages[0].blocks[-1]
    lead = window.session.issue.pages[0].blocks[2]
    before = _composed(window, brief).place
    lead_place = _composed(window, lead).place
    canvas = window.preview.canvas
    start = _canvas_point(window, _composed(window, brief))
    grid = window.preview.last_pages[0].grid
    end = QPoint(start.x() - int((grid.col_w + grid.gutter) * canvas.scale), start.y())
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(canvas, end)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=end)
    assert brief.place == Placement(before.column - 1, before.span, before.top, before.height)
    assert lead.place == lead_place  # the rest of the page is fixed where it was, not reshuffled
    window.preview.rebuild()
    assert _composed(window, brief).place == brief.place and _composed(window, brief).sized_by == "editor"
    window.session.undo_stack.undo()
    assert brief.place is None and lead.place is None


def test_dragging_the_right_edge_widens_the_block(window, qtbot):
    window.preview.rebuild()
    second = window.session.issue.pages[0].blocks[3]
    composed = _composed(window, second)
    canvas = window.preview.canvas
    grid = window.preview.last_pages[0].grid
    ox, oy = canvas._origins()[0]
    edge = QPoint(
        int(ox + composed.rect.right * canvas.scale) - 1,
        int(oy + (composed.rect.y + composed.rect.h / 2) * canvas.scale),
    )
    out = QPoint(edge.x() + int((grid.col_w + grid.gutter) * canvas.scale), edge.y())
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=edge)
    qtbot.mouseMove(canvas, out)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=out)
    assert second.place.span == composed.place.span + 1 and second.place.column == composed.place.column


def test_the_block_form_sets_the_place_by_numbers_and_auto_layout_takes_it_back(window):
    page = window.session.issue.pages[0]
    brief = page.blocks[-1]
    window.select_block(brief.id)
    box = window.editor.placement
    assert box.auto.isChecked() and box.spins["span"].value() == 1
    box.spins["top"].setValue(30)
    box.spins["top"].editingFinished.emit()
    assert brief.place is not None and brief.place.top == 29  # editors count lines from 1
    assert not box.auto.isChecked()
    window.actions_["auto_layout"].trigger()  # Layout ▸ Auto layout
    assert all(b.place is None for b in page.blocks)
    window.session.undo_stack.undo()
    assert brief.place.top == 29


def test_a_brief_overrunning_its_slot_shows_a_red_bar_and_the_status(window):
    from editor_app.model import Paragraph

    brief = window.session.issue.pages[0].blocks[-1]
    window.select_block(brief.id)
    brief.paragraphs.append(Paragraph("新增内容。" * 30))
    window.session.revision += 1
    window.preview.rebuild()
    composed = _composed(window, brief)
    assert composed.state == "overset"
    text, state, _ = window.preview.canvas.tags[brief.id]
    assert state > 0 and str(composed.overset_lines) in text
    window.update_status()
    assert str(composed.overset_lines) in window.fit_label.text()


def test_find_matches_are_painted_over_the_text_they_mark(window):
    """set_highlights takes model spans (block, field, offsets) and paints them where the text is set."""
    from types import SimpleNamespace

    window.preview.rebuild()
    lead = window.session.issue.pages[0].blocks[2]
    paragraph = lead.paragraphs[0]
    start = paragraph.text.index("老旧小区")
    mark = SimpleNamespace(
        block_id=lead.id, path=f"paragraph:{paragraph.id}", start=start, end=start + 4, kind="find"
    )
    page = window.preview.last_pages[0]

    def render(marks) -> QImage:
        from editor_app.gui.preview.painter import paint_page

        image = QImage(int(page.width * 4), int(page.height * 4), QImage.Format.Format_RGB32)
        painter = QPainter(image)
        paint_page(painter, page, 4.0, marks=marks)
        painter.end()
        return image

    window.preview.set_highlights([mark])
    assert len(window.preview.canvas.marks) == 1
    plain, marked = render([]), render(window.preview.canvas.marks)
    line = next(
        ln
        for f in _composed(window, lead).frames
        for ln in f.lines
        if any(
            s.source == (lead.id, mark.path) and s.offset <= start < s.offset + len(s.text)
            for s in ln.segments
        )
    )
    y = int((line.y + line.height / 2) * 4)
    changed = [
        x
        for x in range(int(line.x * 4), int((line.x + line.width) * 4))
        if plain.pixelColor(x, y) != marked.pixelColor(x, y)
    ]
    assert changed  # the matched words are tinted …
    assert (
        QColor(marked.pixelColor(changed[0], y)).blue() < QColor(plain.pixelColor(changed[0], y)).blue() + 1
    )
    assert marked.pixelColor(int(line.x * 4) - 20, y) == plain.pixelColor(
        int(line.x * 4) - 20, y
    )  # … only they


def test_a_byline_is_drawn_right_under_its_last_line_never_alone_atop_a_column(window):
    window.preview.rebuild()
    for page in window.preview.last_pages:
        for composed in page.blocks:
            for frame in composed.frames:
                for i, line in enumerate(frame.lines):
                    if any(s.style == "BylineTag" for s in line.segments):
                        assert i > 0, f"{line.text} starts a column on its own"
                        assert abs(frame.lines[i - 1].y + frame.lines[i - 1].height - line.y) < 0.01


def test_a_dateline_after_an_opening_subhead_is_still_drawn(window):
    from editor_app.model import Paragraph

    lead = window.session.issue.pages[0].blocks[2]
    assert lead.dateline == "新区讯"
    first = lead.paragraphs[0].text
    lead.paragraphs.insert(0, Paragraph("开篇", kind="subhead"))
    window.session.revision += 1
    window.preview.rebuild()
    texts = "".join(line.text for f in _composed(window, lead).frames for line in f.lines)
    assert f"新区讯　{first[:8]}" in texts


def test_the_canvas_maps_clicks_to_the_block_under_them(window, qtbot):
    window.preview.rebuild()
    brief = window.session.issue.pages[0].blocks[-1]
    point = _canvas_point(window, _composed(window, brief))
    qtbot.mouseClick(window.preview.canvas, Qt.MouseButton.LeftButton, pos=point)
    assert window.editor.block_id == brief.id
    assert window.preview.canvas.block_at(QPointF(point)) == brief.id
