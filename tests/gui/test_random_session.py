"""A long random editing session: every action, undo and redo keeps the views and the model in step."""

from __future__ import annotations

import random

from editor_app.model.serialize import dumps
from tests.gui.helpers import commit_text


def _outline_ids(model):
    ids = []
    issue_index = model.index(0, 0)
    for p in range(model.rowCount(issue_index)):
        page_index = model.index(p, 0, issue_index)
        ids.append(
            [model.index(b, 0, page_index).data(model.BLOCK_ID) for b in range(model.rowCount(page_index))]
        )
    return ids


def test_random_session_keeps_views_consistent_and_undo_exact(window, qtbot):
    from editor_app.gui.models.outline import BLOCK_ID_ROLE

    window.model.BLOCK_ID = BLOCK_ID_ROLE
    rng = random.Random(7)
    start = dumps(window.session.issue)
    actions = [
        "article",
        "banner",
        "note",
        "photo",
        "page",
        "duplicate",
        "delete",
        "up",
        "down",
        "type",
        "body",
        "subhead",
        "undo",
        "redo",
        "select",
    ]
    for _ in range(150):
        action = rng.choice(actions)
        if action == "article":
            window.add_article()
        elif action == "banner":
            window.add_banner()
        elif action == "note":
            window.add_note()
        elif action == "photo":
            window.add_photo_block()
        elif action == "page":
            window.add_page()
        elif action == "duplicate":
            window.duplicate_selected()
        elif action == "delete":
            window.delete_selected()
        elif action in ("up", "down"):
            window.move_selected(-1 if action == "up" else 1)
        elif action == "type" and hasattr(window.editor.form, "fields") and window.editor.form.fields:
            fields = window.editor.form.fields
            field = rng.choice(list(fields.values()) if isinstance(fields, dict) else fields)
            commit_text(field, rng.choice(["新区", "改革", "2026年", "Smart", "“试点”"]))
        elif action == "body" and hasattr(window.editor.form, "body"):
            window.editor.form.body.insertPlainText(rng.choice(["推进", "\n", "加强管理。", "\n\n"]))
        elif action == "subhead" and hasattr(window.editor.form, "subhead_action"):
            window.editor.form.subhead_action.trigger()
        elif action == "undo":
            window.session.undo_stack.undo()
        elif action == "redo":
            window.session.undo_stack.redo()
        elif action == "select":
            blocks = [b for _, b in window.session.issue.blocks()]
            if blocks:
                window.select_block(rng.choice(blocks).id)
        expected = [[b.id for b in page.blocks] for page in window.session.issue.pages]
        assert _outline_ids(window.model) == expected
        if window.editor.block_id:
            window.session.issue.find_block(window.editor.block_id)  # the form shows a block that exists
    window.preview.rebuild()
    while window.session.undo_stack.canUndo():
        window.session.undo_stack.undo()
    assert dumps(window.session.issue) == start
