"""Typing helpers: Chinese goes in through input-method events (keyClicks with CJK aborts Qt)."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication


def commit_text(widget, text: str) -> None:
    """What an input method does when the user picks a candidate: commit `text` at the cursor."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def find_block(window, predicate):
    for page in window.session.issue.pages:
        for block in page.blocks:
            if predicate(block):
                return block
    raise LookupError("no such block")
