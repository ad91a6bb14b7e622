"""Background proofreading: the count in the status bar, underlines, stale results, ignoring."""

from __future__ import annotations

from editor_app.model.document import Paragraph
from editor_app.model.ops import SetParagraphs


def _checked(window):
    return window.checker.checked_revision == window.session.revision and not window.checker.busy


def test_sample_slips_are_counted_and_underlined(window, qtbot):
    qtbot.waitUntil(lambda: _checked(window), timeout=15000)
    texts = sorted(f.text for f in window.checker.findings if f.level == "error")
    assert {"截止目前", "再接再励", "布署"} <= set(texts)
    assert window.findings_label.text()  # "3 finding(s)" / "校对 3 处"
    assert any(ch.isdigit() for ch in window.findings_label.text())
    body = window.editor.form.body
    underlined = [
        (f.text, start, length)
        for line in range(body.document().blockCount())
        for f, start, length in body.findings_on_line(line)
    ]
    assert ("截止目前", body.document().findBlockByNumber(0).text().index("截止目前"), 4) in underlined
    assert len(window.findings_dock.items()) == len(window.checker.findings)


def test_fixing_the_text_clears_the_finding_after_the_recheck(window, qtbot):
    qtbot.waitUntil(lambda: _checked(window), timeout=15000)
    block_id = window.editor.block_id
    article = window.session.issue.find_block(block_id)[2]
    fixed = [Paragraph(p.text.replace("截止目前", "截至目前"), p.kind, p.id) for p in article.paragraphs]
    window.session.apply(SetParagraphs(block_id, fixed), "fix")
    assert block_id not in window.checker.by_block or all(
        f.text != "截止目前" for f in window.checker.by_block[block_id]
    )  # dropped at once: offsets moved
    qtbot.waitUntil(lambda: _checked(window), timeout=15000)
    assert "截止目前" not in [f.text for f in window.checker.findings]
    assert "再接再励" in [f.text for f in window.checker.findings]


def test_results_for_an_old_revision_are_thrown_away(window, qtbot):
    qtbot.waitUntil(lambda: _checked(window), timeout=15000)
    checker = window.checker
    checker.start()
    started_for = window.session.revision
    window.editor.form.body.insertPlainText("再")  # the text moves on while the check runs
    assert window.session.revision != started_for
    qtbot.waitUntil(lambda: _checked(window), timeout=15000)
    assert checker.checked_revision == window.session.revision


def test_ignore_from_the_findings_dock_is_undoable(window, qtbot):
    qtbot.waitUntil(lambda: _checked(window), timeout=15000)
    dock = window.findings_dock
    row = next(i for i, (_kind, f) in enumerate(dock.entries()) if getattr(f, "text", None) == "布署")
    dock.tree.setCurrentItem(dock.items()[row])
    dock.ignore_selected()
    assert window.session.issue.ignored and window.session.issue.ignored[-1].text == "布署"
    qtbot.waitUntil(lambda: _checked(window), timeout=15000)
    assert "布署" not in [f.text for f in window.checker.findings]
    window.session.undo_stack.undo()
    qtbot.waitUntil(lambda: _checked(window), timeout=15000)
    assert "布署" in [f.text for f in window.checker.findings]


def test_double_click_selects_the_span_in_the_body(window, qtbot):
    qtbot.waitUntil(lambda: _checked(window), timeout=15000)
    dock = window.findings_dock
    row = next(i for i, (_kind, f) in enumerate(dock.entries()) if getattr(f, "text", None) == "布署")
    dock._jump(dock.items()[row])
    assert window.editor.form.body.textCursor().selectedText() == "布署"


def test_replacing_with_a_suggestion_is_one_undo_step(window, qtbot):
    qtbot.waitUntil(lambda: _checked(window), timeout=15000)
    body = window.editor.form.body
    line = 0
    finding, start, length = next(hit for hit in body.findings_on_line(line) if hit[0].text == "截止目前")
    block_start = body.document().findBlockByNumber(line).position()
    body._replace(block_start + start, length, finding.suggestions[0])
    article = window.session.issue.find_block(window.editor.block_id)[2]
    assert "截至目前" in article.paragraphs[0].text and "截止目前" not in article.paragraphs[0].text
    window.session.undo_stack.undo()
    assert "截止目前" in article.paragraphs[0].text


def test_a_slip_in_a_headline_marks_the_field(window, qtbot):
    from editor_app.model.ops import SetField

    block_id = window.editor.block_id
    window.session.apply(SetField(block_id, "title", "再接再励推进老旧小区改造"), "title")
    qtbot.waitUntil(lambda: _checked(window), timeout=15000)
    title = window.editor.form.fields["title"]
    assert [f.text for f in title.findings] == ["再接再励"]
    assert "再接再厉" in title.toolTip()
    window.session.apply(SetField(block_id, "title", "接续推进老旧小区改造"), "title")
    qtbot.waitUntil(lambda: _checked(window), timeout=15000)
    assert title.findings == [] and title.toolTip() == ""


def test_double_click_on_a_slip_in_a_caption_selects_it_in_the_photo_card(window, qtbot):
    from editor_app.model.ops import SetField

    block_id = window.editor.block_id
    photo = window.session.issue.find_block(block_id)[2].photos[0]
    window.session.apply(SetField(block_id, f"photo:{photo.id}:caption", "工人再接再励加装电梯。"), "caption")
    qtbot.waitUntil(lambda: _checked(window), timeout=15000)
    dock = window.findings_dock
    row = next(
        i
        for i, (_kind, f) in enumerate(dock.entries())
        if getattr(f, "text", None) == "再接再励" and f.location.field.endswith(":caption")
    )
    dock._jump(dock.items()[row])
    caption = window.editor.form.photos.cards[0].caption
    assert caption.hasFocus()
    assert caption.selectedText() == "再接再励"
