"""The proofreader's desk: fix all, 规范标点, find and replace, proof rounds with 核红, marks with people,
the rules dialog, import notes and the Tools menu — each change one undo step."""

from __future__ import annotations

import re
import zipfile

from PySide6.QtGui import QTextCursor

from editor_app.gui import settings
from editor_app.model.fields import iter_text_fields
from editor_app.model.serialize import dumps
from tests.gui.helpers import commit_text

INTERNAL_ID = re.compile(r"\b(?:fl|pg|nt|[pabngfi])[0-9a-f]{16}\b")


def _checked(window):
    return window.checker.checked_revision == window.session.revision and not window.checker.busy


def _texts(window) -> str:
    return "\n".join(tf.text for tf in iter_text_fields(window.session.issue))


def _open_seed(qtbot, messages, seed_page):
    from editor_app.gui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.open_path(seed_page)
    window.resize(1400, 900)
    window.show()
    qtbot.waitUntil(lambda: _checked(window), timeout=30000)
    return window


def test_fix_all_on_the_seed_commas_leaves_none_and_undoes_in_one_step(qtbot, messages, seed_page):
    window = _open_seed(qtbot, messages, seed_page)
    before = dumps(window.session.issue)
    assert _texts(window).count(",") == 265
    grouped = next(
        f
        for kind, f in window.findings_dock.entries()
        if kind == "finding" and f.rule == "punct.halfwidth-comma"
    )
    assert "265" in grouped.message
    action = window.fix_all_action(grouped, window)  # what the dock and the body's context menu offer
    assert action is not None and "265" in action.text()
    depth = window.session.undo_stack.count()
    action.trigger()
    assert "," not in _texts(window)
    assert window.session.undo_stack.count() == depth + 1
    assert "265" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: _checked(window), timeout=30000)
    assert not any(f.rule == "punct.halfwidth-comma" for f in window.checker.findings)
    window.session.undo_stack.undo()
    assert dumps(window.session.issue) == before
    window.session.undo_stack.setClean()
    window.needs_save = False


def test_the_findings_dock_shows_context_message_and_suggestion_without_ids(qtbot, messages, seed_page):
    window = _open_seed(qtbot, messages, seed_page)
    dock = window.findings_dock
    texts = [item.text(0) for item in dock.items()]
    confusion = next(t for t in texts if "以问题和为导向" in t)
    assert "【以问题和为导向】" in confusion and "→ 「以问题为导向」" in confusion and "…" in confusion
    assert any("应为「以问题为导向」" in line for line in confusion.split("\n"))
    notes = [f for kind, f in dock.entries() if kind == "note"]  # the importer's notes as their own group
    assert len(notes) == 2
    shown = texts + [item.toolTip(0) for item in dock.items()] + [dock.summary.text()]
    assert not [t for t in shown if INTERNAL_ID.search(t)]
    assert "per 10,000" in dock.summary.text()
    dock.group_box.setCurrentIndex(dock.group_box.findData("category"))
    groups = [dock.tree.topLevelItem(i).text(0) for i in range(dock.tree.topLevelItemCount())]
    assert "标点" in groups and "别词" in groups
    dock.level_box.setCurrentIndex(dock.level_box.findData("error"))
    assert {f.level for kind, f in dock.entries() if kind == "finding"} == {"error"}
    window.dismiss_note(notes[0])
    assert len(window.session.issue.import_notes) == 1
    window.session.undo_stack.setClean()
    window.needs_save = False


def test_normalising_punctuation_in_the_whole_issue_is_one_step(window):
    body = window.editor.form.body
    body.selectAll()
    body.insertPlainText('会议要求:各单位(含街道)认真落实"河长制",不得拖延!')
    before = dumps(window.session.issue)
    depth = window.session.undo_stack.count()
    changed = window.normalize_punctuation("issue")
    assert changed == 7
    article = window.session.issue.find_block(window.editor.block_id)[2]
    assert article.paragraphs[0].text == "会议要求：各单位（含街道）认真落实“河长制”，不得拖延！"
    assert window.session.undo_stack.count() == depth + 1
    window.session.undo_stack.undo()
    assert dumps(window.session.issue) == before


def test_find_and_replace_across_the_issue_undoes_in_one_step(window, qtbot):
    window.actions_["replace"].trigger()
    dock = window.find_dock
    assert dock.isVisible()
    dock.find_edit.setText("居民")
    dock.scope.setCurrentIndex(dock.scope.findData("issue"))
    dock.search()
    blocks = {m.block for m in dock.matches}
    assert len(dock.matches) >= 3 and len(blocks) >= 2
    assert {r.kind for r in window.session.highlights} == {"find"}
    body = window.editor.form.body
    assert body.extraSelections()  # the matches in the open article are highlighted
    before = dumps(window.session.issue)
    dock.replace_edit.setText("住户")
    matches = len(dock.matches)
    depth = window.session.undo_stack.index()
    assert dock.replace_all() == matches
    assert "居民" not in _texts(window) and _texts(window).count("住户") >= matches
    assert window.session.undo_stack.index() == depth + 1
    window.session.undo_stack.undo()
    assert dumps(window.session.issue) == before
    dock.hide()
    assert window.session.highlights == []


def test_a_closed_round_then_an_edit_shows_exactly_that_edit(window, qtbot, monkeypatch):
    painted = []
    monkeypatch.setattr(window.preview, "set_highlights", painted.append, raising=False)
    assert window.close_round(confirm=False)
    issue = window.session.issue
    assert len(issue.rounds) == 1 and issue.rounds[0].closed_by == settings.user_name()
    assert window.actions_["close_round"].text().replace("&", "").startswith("Close 二校")
    body = window.editor.form.body
    cursor = body.textCursor()
    cursor.setPosition(body.document().findBlockByNumber(1).position() + 2)
    body.setTextCursor(cursor)
    commit_text(body, "新")
    window.update_changes()
    changes = window.session.change_ranges
    article = issue.find_block(window.editor.block_id)[2]
    assert [(r.kind, r.path, r.end - r.start) for r in changes] == [
        ("inserted", f"paragraph:{article.paragraphs[1].id}", 1)
    ]
    text = article.paragraphs[1].text
    assert text[changes[0].start : changes[0].end] == "新"
    assert painted and painted[-1] == changes  # the preview is handed the same ranges
    assert any(sel.format.foreground().color().name() == "#c62828" for sel in body.extraSelections())
    assert "1" in window.round_label.text()
    window.actions_["show_changes"].trigger()  # 校对 ▸ Show changes since the last round, off
    assert window.session.change_ranges == []
    window.actions_["show_changes"].trigger()  # and on again
    assert [r.kind for r in window.session.change_ranges] == ["inserted"]
    window.session.undo_stack.undo()
    window.update_changes()
    assert window.session.change_ranges == []


def test_a_mark_created_accepted_and_exported_is_a_resolved_comment_without_warning(
    window, tmp_path, messages
):
    from editor_app.gui.editors.marks import accept_mark

    settings.set_user_name("周宁")
    body = window.editor.form.body
    block = body.document().findBlockByNumber(0)
    start = block.text().index("4860户")
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + start)
    cursor.setPosition(block.position() + start + 5, QTextCursor.MoveMode.KeepAnchor)
    body.setTextCursor(cursor)
    flag = body.mark_selection("核实户数", "4680户")
    assert flag.author == "周宁" and flag.round == 1
    settings.set_user_name("林悦")
    assert accept_mark(window.session, flag)
    assert flag.resolved_by == "林悦" and flag.resolved_at
    out = tmp_path / "resolved.docx"
    assert window.export_docx_to(out, flags_as_comments=True)
    assert [kind for kind, _ in messages.shown] == []  # exported without a warning box
    with zipfile.ZipFile(out) as archive:
        comments = archive.read("word/comments.xml").decode("utf-8")
        extended = archive.read("word/commentsExtended.xml").decode("utf-8")
    assert "已采纳：林悦" in comments and 'w15:done="1"' in extended


def test_the_rules_dialog_refuses_a_broken_rule_file_with_its_file_and_line(window):
    from editor_app import paths
    from editor_app.gui.dialogs.rules_dialog import HOUSE_TEMPLATE, RulesDialog

    folder = paths.user_rules_dir()
    folder.mkdir(parents=True)
    house = folder / "house.yaml"
    house.write_text(HOUSE_TEMPLATE, encoding="utf-8")
    dialog = RulesDialog(window)
    assert dialog.house_path == house
    broken = HOUSE_TEMPLATE.replace("level: warning", "level: urgent")
    dialog.house_editor.setPlainText(broken)
    assert not dialog.save_house_file()
    error = dialog.house_errors.item(0).text()
    assert str(house) in error and ":7:" in error and "level" in error
    assert house.read_text(encoding="utf-8") == HOUSE_TEMPLATE  # nothing written
    assert dialog.house_editor.textCursor().blockNumber() == 6  # the cursor is on the line
    dialog.house_editor.setPlainText(
        HOUSE_TEMPLATE.replace("good: [请关注本报微信公众号。]", "good: [微信公号]")
    )
    assert not dialog.save_house_file()
    assert "good example flagged" in dialog.house_errors.item(0).text()
    assert dialog.save_house_file() is False
    dialog.house_editor.setPlainText(HOUSE_TEMPLATE.replace("微信公号:", "微信公号码:"))
    assert not dialog.save_house_file()  # the bad example no longer fires: refused too
    dialog.house_editor.setPlainText(HOUSE_TEMPLATE.replace("level: warning", "level: error"))
    assert dialog.save_house_file()
    assert "level: error" in house.read_text(encoding="utf-8")
    house_rules = [
        dialog.rules_tree.topLevelItem(i).text(0) for i in range(dialog.rules_tree.topLevelItemCount())
    ]
    assert any("本报规范" in name for name in house_rules)
    dialog.reject()


def test_switching_a_rule_off_in_the_dialog_is_kept_per_user(window, qtbot, request):
    from PySide6.QtCore import Qt

    from editor_app import paths
    from editor_app.gui.dialogs.rules_dialog import RULE_ROLE, RulesDialog
    from editor_app.proof import reset_default_checker
    from editor_app.proof.userdata import read_disabled_rules

    request.addfinalizer(reset_default_checker)  # later tests load the rules without this user's choice
    qtbot.waitUntil(lambda: _checked(window), timeout=15000)
    dialog = RulesDialog(window)
    tree = dialog.rules_tree
    item = next(
        tree.topLevelItem(i).child(j)
        for i in range(tree.topLevelItemCount())
        for j in range(tree.topLevelItem(i).childCount())
        if tree.topLevelItem(i).child(j).data(0, RULE_ROLE).id == "word.confusion"
    )
    assert int(item.text(3)) >= 0
    item.setCheckState(0, Qt.CheckState.Unchecked)
    assert read_disabled_rules(paths.user_disabled_rules_path()) == {"word.confusion"}
    dialog.reject()
    qtbot.waitUntil(lambda: _checked(window), timeout=15000)
    assert not any(f.rule == "word.confusion" for f in window.checker.findings)


def test_the_import_chooser_normalises_punctuation_and_keeps_the_notes(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QCheckBox, QFileDialog

    page = tmp_path / "来稿.txt"
    page.write_text("街道召开防汛部署会\n\n会议指出,汛期将至;各社区要提前准备!\n", encoding="utf-8")

    def choose(dialog):
        dialog.findChild(QCheckBox).setChecked(True)
        return 1

    monkeypatch.setattr(QFileDialog, "exec", choose)
    monkeypatch.setattr(QFileDialog, "selectedFiles", lambda _self: [str(page)])
    depth = window.session.undo_stack.index()
    window.import_article_dialog()
    assert "会议指出，汛期将至；各社区要提前准备！" in _texts(window)
    notes = window.session.issue.import_notes
    assert any("3" in n.message for n in notes)
    window.session.undo_stack.undo()  # the import and its notes go together
    assert window.session.undo_stack.index() == depth and window.session.issue.import_notes == []


def test_tools_convert_and_sort_a_selection_in_one_step(window):
    body = window.editor.form.body
    body.selectAll()
    body.insertPlainText("发展改革\n张华\n丁宁\n马骏")
    body.setFocus()
    cursor = body.textCursor()
    cursor.setPosition(0)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    body.setTextCursor(cursor)
    assert window.convert_selection("s2t")
    article = window.session.issue.find_block(window.editor.block_id)[2]
    assert article.paragraphs[0].text == "發展改革"
    cursor = body.textCursor()
    cursor.setPosition(body.document().findBlockByNumber(1).position())
    cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
    body.setTextCursor(cursor)
    depth = window.session.undo_stack.count()
    assert window.sort_names("strokes")
    assert [p.text for p in article.paragraphs[1:]] == ["丁宁", "马骏", "张华"]
    assert window.session.undo_stack.count() == depth + 1
    assert "dīng" in window.show_pinyin()  # the selection is still the sorted names
