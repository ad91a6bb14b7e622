"""The article form keeps what it shows in step with the model: slot limits, the subhead toggle."""

from __future__ import annotations


def test_headline_counters_measure_against_the_slot_just_chosen(window):
    form = window.editor.form
    title = form.fields["title"]
    wide = title.counter.text()
    assert wide.endswith("/20")  # 头条: three columns wide
    one_column = form.slot_box.findData("column")
    form.slot_box.setCurrentIndex(one_column)
    form = window.editor.form
    narrow_limit = int(form.fields["title"].counter.text().split("/")[1])
    assert narrow_limit < 20  # a one-column head holds far fewer characters
    assert "color: #c62828" in form.fields["title"].counter.styleSheet()  # 15 characters are too many now
    window.actions_["undo"].trigger()
    assert window.editor.form.fields["title"].counter.text() == wide


def test_subhead_button_follows_undo_of_the_toggle(window):
    form = window.editor.form
    cursor = form.body.textCursor()
    cursor.movePosition(cursor.MoveOperation.Start)
    form.body.setTextCursor(cursor)
    assert not form.subhead_action.isChecked()  # the first paragraph is body text
    form.subhead_action.trigger()
    assert form.subhead_action.isChecked()
    window.actions_["undo"].trigger()
    form = window.editor.form
    article = window.session.issue.find_block(window.editor.block_id)[2]
    assert article.paragraphs[0].kind == "text"
    assert not form.subhead_action.isChecked()
    window.actions_["redo"].trigger()
    assert window.editor.form.subhead_action.isChecked()


def test_outline_shows_the_overset_tag_even_when_the_title_is_elided(window, qtbot):
    from PySide6.QtCore import Qt

    from editor_app.model import Paragraph, ops

    article = window.session.issue.find_block(window.editor.block_id)[2]
    window.session.apply(ops.InsertParagraph(article.id, 1, Paragraph("新增一段内容。" * 14)), "grow")
    qtbot.waitUntil(lambda: not window.session.settle_timer.isActive())  # fits follow a pause in the changes
    index = window.model.index_of_block(article.id)
    metrics = window.outline.fontMetrics()
    room = window.outline.visualRect(index).width() - window.outline.iconSize().width() - 8
    seen = metrics.elidedText(index.data(), Qt.TextElideMode.ElideRight, min(room, 200))
    assert seen.startswith("over 8 line")  # what a 260-px outline shows of the row (tests run in English)


def test_a_page_without_slots_says_so_instead_of_asking_for_one(window):
    window.new_document("manuscript")
    window.select_block(window.add_article())
    form = window.editor.form
    assert not form.slot_box.isEnabled()
    assert "no slots" in form.fit_label.text()
    window.new_document("a4-bulletin")
    window.select_block(window.add_article())
    assert window.editor.form.slot_box.isEnabled()
    assert "choose a slot" in window.editor.form.fit_label.text()


def test_preview_follows_a_block_moved_to_another_page(window, qtbot):
    from PySide6.QtCore import Qt

    issue = window.session.issue
    window.add_page()
    last = issue.pages[0].blocks[-1]
    window.select_block(last.id)
    window.actions_["move_down"].trigger()  # Alt+Down at the end of page 1: to the top of page 2
    assert issue.pages[1].blocks[0].id == last.id
    assert window.preview.page_id == issue.pages[1].id
    assert window.preview.page_box.currentData() == issue.pages[1].id
    assert window.preview.canvas.highlight == last.id
    model = window.model  # and back by drag and drop onto page 1
    mime = model.mimeData([model.index_of_block(last.id)])
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, model.index_of_page(issue.pages[0].id))
    qtbot.waitUntil(lambda: window.preview.page_id == issue.pages[0].id, timeout=1000)


def test_a_new_photo_scrolls_into_view_with_its_caption_ready_and_add_stays_reachable(
    window, qtbot, tmp_path
):
    from PIL import Image

    picture = tmp_path / "site.jpg"
    Image.new("RGB", (800, 600), (180, 40, 40)).save(picture)
    strip = window.editor.form.photos
    for _ in range(3):
        assert window.editor.form.photos.add_from_file(picture)
    strip = window.editor.form.photos
    card = strip.cards[-1]
    viewport = strip.scroll.viewport()

    def card_in_view():
        left = card.mapTo(viewport, card.rect().topLeft())
        right = card.mapTo(viewport, card.rect().bottomRight())
        return viewport.rect().contains(left) and viewport.rect().contains(right)

    qtbot.waitUntil(card_in_view, timeout=1000)
    assert card.caption.hasFocus()
    button = strip.add_button  # not scrolled away behind the cards
    assert button.isVisible() and not strip.scroll.widget().isAncestorOf(button)


def test_zoom_box_names_the_zoom_the_page_is_drawn_at(window, qtbot):
    preview = window.preview
    shown = lambda: preview.zoom_box.currentText()  # noqa: E731
    assert preview.fit_width.isChecked()
    assert shown() == f"{round(preview.canvas.zoom * 100)}%"  # fit width: its own percentage, not 100 %
    preview.zoom_by(1.25)  # Ctrl+wheel
    assert not preview.fit_width.isChecked()
    assert shown() == f"{round(preview.canvas.zoom * 100)}%"
    preview.zoom_box.lineEdit().setText("150%")  # typed by the user
    preview.zoom_box.lineEdit().editingFinished.emit()
    assert preview.canvas.zoom == 1.5 and shown() == "150%"
    preview.zoom_box.setCurrentIndex(preview.zoom_box.findText("50%"))
    preview.zoom_box.activated.emit(preview.zoom_box.currentIndex())
    assert preview.canvas.zoom == 0.5
    preview.fit_width.setChecked(True)
    assert shown() == f"{round(preview.canvas.zoom * 100)}%" and preview.canvas.zoom != 0.5


def test_ctrl_delete_while_typing_deletes_a_word_not_the_article(window, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window.activateWindow()
    block_id = window.editor.block_id
    body = window.editor.form.body
    body.setFocus()
    body.moveCursor(body.textCursor().MoveOperation.Start)
    first = window.session.issue.find_block(block_id)[2].paragraphs[0].text
    QTest.keyClick(body, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    page, _, article = window.session.issue.find_block(block_id)  # still there
    assert window.editor.block_id == block_id
    assert len(article.paragraphs[0].text) < len(first)  # the next word went
    title = window.editor.form.fields["title"]
    title.setFocus()
    title.home(False)
    QTest.keyClick(title, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.block_id == block_id
    window.outline.setFocus()  # in the outline Ctrl+Delete still deletes the block
    QTest.keyClick(window.outline, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert all(b.id != block_id for b in page.blocks)


def test_toolbar_stays_put_while_the_undo_text_changes(window):
    toolbar = window.main_toolbar
    assert not window.actions_["undo"].isEnabled()  # nothing done yet
    article_button = toolbar.widgetForAction(window.actions_["add_article"])
    before = article_button.geometry()
    window.add_banner()
    window.add_note()  # "Undo Add editor's note" is longer than "Undo"
    toolbar.layout().activate()
    assert article_button.geometry() == before
    undo_button = toolbar.widgetForAction(window.actions_["undo"])
    assert undo_button.toolTip() == "Undo Add editor's note"  # what will be undone is still said
    assert window.actions_["undo"].isEnabled() and not window.actions_["redo"].isEnabled()
    window.actions_["undo"].trigger()
    assert window.actions_["redo"].isEnabled()
    assert toolbar.widgetForAction(window.actions_["redo"]).toolTip() == "Redo Add editor's note"


def test_page_template_box_follows_undo(window):
    page = window.session.issue.pages[0]
    window.outline.setCurrentIndex(window.model.index_of_page(page.id))
    form = window.editor.form
    form.template.setCurrentIndex(form.template.findData("tabloid"))
    assert page.template == "tabloid"
    window.actions_["undo"].trigger()
    assert page.template == "a4-bulletin"
    assert window.editor.form.template.currentData() == "a4-bulletin"


def test_issue_number_takes_digits_only_and_a_typo_does_not_erase_it(window, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window.outline.setCurrentIndex(window.model.index(0, 0))
    number = window.editor.form.edits["number"]
    number.setFocus()
    number.end(False)
    QTest.keyClicks(number, "a")  # a slip of the finger
    QTest.keyClick(number, Qt.Key.Key_Return)
    assert number.text() == "7"
    assert window.session.issue.number == 7
    QTest.keyClicks(number, "1")
    QTest.keyClick(number, Qt.Key.Key_Return)
    assert window.session.issue.number == 71


def test_pasted_line_breaks_and_control_characters_are_tidied(window):
    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import QGuiApplication

    block_id = window.editor.block_id
    article = lambda: window.session.issue.find_block(block_id)[2]  # noqa: E731
    form = window.editor.form

    def put(text):
        mime = QMimeData()
        mime.setText(text)
        QGuiApplication.clipboard().setMimeData(mime)

    title = form.fields["title"]
    title.setFocus()
    title.end(False)
    put("（二）\r\n续\x07")  # a head copied over two lines, with a stray bell
    title.paste()
    assert article().title == "十二个老旧小区改造项目全部开工（二）续"
    assert title.text() == article().title
    count = len(article().paragraphs)
    form.body.setFocus()
    form.body.moveCursor(form.body.textCursor().MoveOperation.End)
    put("新的一段\x0b手动换行后\x00的文字")  # Word's manual line break, a NUL from a bad file
    form.body.paste()
    texts = [p.text for p in article().paragraphs]
    assert len(texts) == count + 1
    assert texts[-1] == "手动换行后的文字" and texts[-2].endswith("新的一段")
    assert form.body.toPlainText().split("\n") == texts


def test_article_form_offers_the_slots_of_its_page_template_after_undo(window):
    from editor_app.model.ops import SetPageField

    block_id = window.editor.block_id
    page = window.session.issue.pages[0]
    window.session.apply(SetPageField(page.id, "template", "tabloid"), "template")
    window.select_block(block_id)

    def slots():
        return [
            window.editor.form.slot_box.itemText(i) for i in range(1, window.editor.form.slot_box.count())
        ]

    assert slots()[0].startswith("头条 · 4 col.")  # the tabloid's lead (English interface in tests)
    window.actions_["undo"].trigger()  # back to the A4 bulletin while the article is open
    assert slots()[0].startswith("头条 · 3 col.")
    assert window.editor.form.fields["title"].counter.text().endswith("/20")


def test_delete_key_in_the_outline_deletes_the_selected_block_and_undo_brings_it_back(window):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window.activateWindow()
    page = window.session.issue.pages[0]
    block_id = window.editor.block_id
    window.outline.setFocus()
    QTest.keyClick(window.outline, Qt.Key.Key_Delete)
    assert all(b.id != block_id for b in page.blocks)
    window.actions_["undo"].trigger()
    assert any(b.id == block_id for b in page.blocks)
    window.select_block(block_id)
    title = window.editor.form.fields["title"]  # in a text field Delete stays a character
    title.setFocus()
    title.home(False)
    QTest.keyClick(title, Qt.Key.Key_Delete)
    assert any(b.id == block_id for b in page.blocks)
    assert window.session.issue.find_block(block_id)[2].title == "二个老旧小区改造项目全部开工"


def test_deleting_the_only_page_says_why_nothing_happens(window):
    window.outline.setCurrentIndex(window.model.index_of_page(window.session.issue.pages[0].id))
    window.actions_["delete"].trigger()
    assert len(window.session.issue.pages) == 1
    assert window.statusBar().currentMessage() == "An issue keeps at least one page"
