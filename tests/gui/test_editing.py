"""Editing in the main window: the outline, forms, typing, undo/redo, reordering, fit."""

from __future__ import annotations

from PySide6.QtCore import Qt

from editor_app.model.ops import SetParagraphs
from tests.gui.helpers import commit_text, find_block


def test_opens_the_sample_with_its_outline_and_first_article(window):
    model = window.model
    issue_index = model.index(0, 0)
    assert issue_index.data().startswith("滨江新区工作简报")
    page_index = model.index(0, 0, issue_index)
    assert "要闻" in page_index.data()
    labels = [model.index(r, 0, page_index).data() for r in range(model.rowCount(page_index))]
    assert len(labels) == 5
    assert "十二个老旧小区改造项目全部开工" in labels[2]
    form = window.editor.form
    assert form.fields["title"].text() == "十二个老旧小区改造项目全部开工"
    assert "截止目前" in form.body.toPlainText()
    assert window.windowTitle().startswith("sample.bulletin")


def test_add_article_and_type_into_it(window, qtbot):
    block_id = window.add_article()
    form = window.editor.form
    assert window.editor.block_id == block_id
    title = form.fields["title"]
    title.selectAll()
    commit_text(title, "新区举办")
    commit_text(title, "职工运动会")
    form.body.setFocus()
    form.body.insertPlainText("本次运动会共设12个项目。")
    form.body.insertPlainText("\n")
    form.body.insertPlainText("Second paragraph")
    _, _, article = window.session.issue.find_block(block_id)
    assert article.title == "新区举办职工运动会"
    assert [p.text for p in article.paragraphs] == ["本次运动会共设12个项目。", "Second paragraph"]
    assert window.is_modified()
    assert "*" in window.windowTitle() or window.isWindowModified()


def test_typing_is_one_undo_step_per_field_and_redo_restores_it(window):
    form = window.editor.form
    title = form.fields["title"]
    original = title.text()
    title.end(False)
    for piece in ("（", "一", "）"):
        commit_text(title, piece)
    block_id = window.editor.block_id
    article = lambda: window.session.issue.find_block(block_id)[2]  # noqa: E731
    assert article().title == original + "（一）"
    stack = window.session.undo_stack
    assert stack.count() == 1  # three keystrokes, one step
    window.actions_["undo"].trigger()
    assert article().title == original
    assert title.text() == original  # the field follows the model
    window.actions_["redo"].trigger()
    assert article().title == original + "（一）"
    assert title.text() == original + "（一）"


def test_undo_restores_body_text_and_paragraph_ids(window):
    form = window.editor.form
    block_id = window.editor.block_id
    before = [(p.id, p.text) for p in window.session.issue.find_block(block_id)[2].paragraphs]
    cursor = form.body.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    form.body.setTextCursor(cursor)
    form.body.insertPlainText("\n新增一段。")
    after = window.session.issue.find_block(block_id)[2].paragraphs
    assert [p.id for p in after[:-1]] == [pid for pid, _ in before]  # old paragraphs keep their ids
    assert after[-1].text == "新增一段。"
    window.session.undo_stack.undo()
    assert [(p.id, p.text) for p in window.session.issue.find_block(block_id)[2].paragraphs] == before
    assert "新增一段" not in form.body.toPlainText()


def test_subhead_toggle_marks_the_current_line(window):
    form = window.editor.form
    form.body.move_to_line(0)
    form.subhead_action.trigger()
    paragraphs = window.session.issue.find_block(window.editor.block_id)[2].paragraphs
    assert paragraphs[0].kind == "subhead"
    assert form.subhead_action.isChecked()
    window.session.undo_stack.undo()
    paragraphs = window.session.issue.find_block(window.editor.block_id)[2].paragraphs
    assert paragraphs[0].kind == "text"


def test_reorder_by_drag_and_drop_through_the_model(window):
    model = window.model
    page_index = model.index(0, 0, model.index(0, 0))
    page = window.session.issue.pages[0]
    last = page.blocks[-1]
    source = model.index(4, 0, page_index)
    mime = model.mimeData([source])
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, page_index)
    assert page.blocks[0].id == last.id
    page_index = model.index(0, 0, model.index(0, 0))
    assert "政务服务" in model.index(0, 0, page_index).data()  # the view sees the new order
    window.session.undo_stack.undo()
    assert page.blocks[-1].id == last.id


def test_move_a_block_to_another_page(window):
    page2_id = window.add_page()
    model = window.model
    first_page = window.session.issue.pages[0]
    banner = first_page.blocks[0]
    issue_index = model.index(0, 0)
    mime = model.mimeData([model.index(0, 0, model.index(0, 0, issue_index))])
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, model.index(1, 0, issue_index))
    _, page2 = window.session.issue.find_page(page2_id)
    assert [b.id for b in page2.blocks] == [banner.id]


def test_fit_state_changes_from_fits_to_overset_as_text_is_added(window, qtbot):
    article = find_block(window, lambda b: b.type == "article" and b.slot == "brief")
    window.select_block(article.id)
    form = window.editor.form

    def settled_fit():  # the form works the fit out once typing pauses
        qtbot.waitUntil(lambda: not window.session.settle_timer.isActive())
        return form.fit_state

    text = article.paragraphs[0].text[:30]
    window.session.apply(SetParagraphs(article.id, [article.paragraphs[0].__class__(text)]), "cut")
    assert settled_fit() == "underset"
    # fill the slot line by line until it fits, as an editor would
    while settled_fit() != "fits":
        text += "新区各街道同步推进服务网点建设。"
        window.session.apply(SetParagraphs(article.id, [article.paragraphs[0].__class__(text)]), "fill")
        assert settled_fit() != "overset", "went from underset straight to overset"
    assert "Fits" in form.fit_label.text() or "合适" in form.fit_label.text()
    form.body.setFocus()
    form.body.moveCursor(form.body.textCursor().MoveOperation.End)
    form.body.insertPlainText("此外，中心还将推出预约办、帮办代办等服务，进一步方便企业和群众。" * 2)
    assert settled_fit() == "overset"
    from editor_app.gui.models.outline import FIT_ROLE

    assert window.model.index_of_block(article.id).data(FIT_ROLE) == "overset"
    window.update_status()
    assert window.fit_label.text()


def test_duplicate_and_delete_are_undoable(window):
    page = window.session.issue.pages[0]
    count = len(page.blocks)
    window.duplicate_selected()
    assert len(page.blocks) == count + 1
    window.delete_selected()
    assert len(page.blocks) == count
    window.session.undo_stack.undo()
    window.session.undo_stack.undo()
    assert len(page.blocks) == count


def test_many_preview_rebuilds_do_not_abort_the_app(window):
    """PySide6 6.12.0 on Python 3.11 loses a reference to None per void call; the guard keeps it alive."""
    import sys

    for _ in range(40):
        window.session.revision += 1  # compose again each time, not only repaint
        window.preview.rebuild()
        window.preview.canvas.repaint()
    assert window.preview.last_pages
    assert sys.getrefcount(None) > 1000


def test_clicking_an_article_in_the_preview_selects_it(window, qtbot):
    from PySide6.QtCore import QPoint

    window.preview.rebuild()
    brief = next(b for b in window.session.issue.pages[0].blocks if b.type == "article" and b.slot == "brief")
    composed = next(b for p in window.preview.last_pages for b in p.blocks if b.block_id == brief.id)
    canvas = window.preview.canvas
    ox, oy = canvas._origins()[0]
    centre = QPoint(
        int(ox + (composed.rect.x + composed.rect.w / 2) * canvas.scale),
        int(oy + (composed.rect.y + composed.rect.h / 2) * canvas.scale),
    )
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=centre)
    assert window.editor.block_id == brief.id
    assert window.editor.form.fields["title"].text() == brief.title


def test_changing_the_page_template_changes_the_preview_and_fit(window, qtbot):
    page = window.session.issue.pages[0]
    window.outline.setCurrentIndex(window.model.index_of_page(page.id))
    form = window.editor.form
    width_before = window.preview.last_pages[0].width
    form.template.setCurrentIndex(form.template.findData("a3-bulletin"))
    assert page.template == "a3-bulletin"
    window.preview.rebuild()
    assert window.preview.last_pages[0].width > width_before  # A3 is wider than A4
    assert window.preview.last_pages[0].grid.columns == 4
    window.session.undo_stack.undo()
    assert page.template == "a4-bulletin"


def test_preview_page_chooser_follows_and_leads_the_outline(window):
    second = window.add_page()
    window.preview.rebuild()
    box = window.preview.page_box
    assert box.count() == 2
    assert box.currentData() == second  # the new page is selected in the outline and shown
    box.setCurrentIndex(0)
    box.activated.emit(0)
    first = window.session.issue.pages[0].id
    assert window.preview.page_id == first
    assert window.editor.page_id == first


def test_dropping_onto_a_block_puts_the_dragged_one_before_it(window):
    model = window.model
    page = window.session.issue.pages[0]
    page_index = model.index(0, 0, model.index(0, 0))
    last, target = page.blocks[-1], page.blocks[1]
    mime = model.mimeData([model.index(4, 0, page_index)])
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, model.index(1, 0, page_index))
    assert [b.id for b in page.blocks].index(last.id) == [b.id for b in page.blocks].index(target.id) - 1


def test_delete_on_a_photo_removes_only_the_photo(window):
    model = window.model
    article = window.session.issue.find_block(window.editor.block_id)[2]
    photo_index = model.index(0, 0, model.index_of_block(article.id))
    window.outline.setCurrentIndex(photo_index)
    window.delete_selected()
    assert window.session.issue.find_block(article.id)[2].photos == []
    window.session.undo_stack.undo()
    assert len(article.photos) == 1


def test_duplicate_on_a_photo_copies_the_photo(window):
    model = window.model
    article = window.session.issue.find_block(window.editor.block_id)[2]
    window.outline.setCurrentIndex(model.index(0, 0, model.index_of_block(article.id)))
    window.duplicate_selected()
    assert len(article.photos) == 2
    assert article.photos[1].caption == article.photos[0].caption
    assert article.photos[1].id != article.photos[0].id
    assert len(window.session.issue.pages[0].blocks) == 5  # the article itself was not copied
