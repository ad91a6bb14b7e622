"""Proofreading marks: mark a selection, see it, accept or reject it, export it as a Word comment."""

from __future__ import annotations

import zipfile

from PySide6.QtGui import QTextCursor


def _select(body, line: int, text: str) -> None:
    block = body.document().findBlockByNumber(line)
    start = block.text().index(text)
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + start)
    cursor.setPosition(block.position() + start + len(text), QTextCursor.MoveMode.KeepAnchor)
    body.setTextCursor(cursor)


def test_mark_a_selection_and_accept_it(window, tmp_path):
    body = window.editor.form.body
    _select(body, 0, "4860户")
    flag = body.mark_selection("核实户数", "4680户")
    assert flag is not None and flag.location.quote == "4860户"
    assert [f.id for f in window.session.issue.flags] == [flag.id]
    assert [(m.id, length) for m, _start, length in body.marks_on_line(0)] == [(flag.id, 5)]
    assert any("4860户" in item.text(0) for item in window.findings_dock.items())
    # the mark survives an edit before it: it re-anchors on its quote
    cursor = body.textCursor()
    cursor.setPosition(0)
    body.setTextCursor(cursor)
    body.insertPlainText("近日，")
    from editor_app.gui.editors.marks import accept_mark

    assert accept_mark(window.session, flag)
    article = window.session.issue.find_block(window.editor.block_id)[2]
    assert "4680户" in article.paragraphs[0].text and "4860户" not in article.paragraphs[0].text
    assert flag.status == "accepted"
    assert body.marks_on_line(0) == []
    window.session.undo_stack.undo()  # accepting is one step: text and mark come back together
    assert "4860户" in article.paragraphs[0].text and flag.status == "open"


def test_rejected_marks_disappear_and_open_ones_become_word_comments(window, tmp_path):
    """A rejected mark leaves the editor; exported, it is a resolved comment (open ones stay open)."""
    from editor_app.gui.editors.marks import reject_mark

    body = window.editor.form.body
    _select(body, 0, "3.2亿元")
    kept = body.mark_selection("请核对投资额", None)
    _select(body, 0, "310个")
    dropped = body.mark_selection("无需改", None)
    reject_mark(window.session, dropped)
    assert [m.id for m, _s, _l in body.marks_on_line(0)] == [kept.id]
    out = tmp_path / "marks.docx"
    assert window.export_docx_to(out, flags_as_comments=True)
    with zipfile.ZipFile(out) as archive:
        comments = archive.read("word/comments.xml").decode("utf-8")
        extended = archive.read("word/commentsExtended.xml").decode("utf-8")
    assert "请核对投资额" in comments and "无需改" in comments
    assert extended.count('w15:done="1"') == 1 and extended.count('w15:done="0"') == 1


def test_a_selection_across_paragraphs_cannot_be_marked(window):
    body = window.editor.form.body
    cursor = body.textCursor()
    cursor.setPosition(0)
    cursor.movePosition(QTextCursor.MoveOperation.NextBlock, QTextCursor.MoveMode.KeepAnchor)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    body.setTextCursor(cursor)
    assert body.mark_selection("跨段", None) is None
    assert window.session.issue.flags == []
