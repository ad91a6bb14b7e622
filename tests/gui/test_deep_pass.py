"""The deep pass (深度校对) in the desktop app: its findings join the dock and the underlines when they arrive,
marked as deep, and typing stays responsive while it runs on the customer's page (it runs in another process)."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication

from tests.gui.helpers import commit_text


@pytest.fixture
def deep_window(qtbot, messages, monkeypatch):
    from editor_app.gui.main_window import MainWindow

    monkeypatch.setenv("EDITOR_APP_DEEP_PASS", "1")
    made = []

    def make(path):
        win = MainWindow()
        qtbot.addWidget(win)
        win.open_path(path)
        win.resize(1400, 900)
        win.show()
        made.append(win)
        return win

    yield make
    for win in made:
        win.session.undo_stack.setClean()
        win.needs_save = False
        if win.deep_checker is not None:
            win.deep_checker.shutdown()


def test_deep_findings_join_the_dock_marked_as_deep(deep_window, qtbot, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(
        "全面从严治党推进会召开\n\n会议强调，要坚持全面从严治档，进一步完善工作机智。\n", encoding="utf-8"
    )
    window = deep_window(page)
    qtbot.waitUntil(lambda: window.deep_checker.checked_revision == window.session.revision, timeout=30_000)
    deep = [f for f in window.checker.findings if f.pass_ == "deep"]
    assert {(f.text, f.suggestions[0]) for f in deep} >= {("全面从严治档", "全面从严治党"), ("智", "制")}
    assert all(getattr(f, "pass") == "deep" and "深度校对" in f.message for f in deep)
    block = deep[0].location.block
    assert any(f.pass_ == "deep" for f in window.checker.by_block[block])  # the underlines read by_block
    # the dock redraws once the merge's events are through
    qtbot.waitUntil(lambda: window.findings_dock.tree.topLevelItemCount() == len(window.checker.findings))


def test_typing_stays_responsive_while_the_deep_pass_runs(deep_window, qtbot, seed_page):
    window = deep_window(seed_page)
    deep = window.deep_checker
    qtbot.waitUntil(
        lambda: deep.busy, timeout=30_000
    )  # the fast check is done and the page went to the worker
    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def tick():
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    ticker = QTimer()
    ticker.timeout.connect(tick)
    ticker.start(5)
    title = window.editor.form.fields["title"]
    keystrokes = []
    deadline = time.monotonic() + 20
    while deep.busy and time.monotonic() < deadline:
        started = time.perf_counter()
        commit_text(title, "字")
        QApplication.processEvents()
        keystrokes.append(time.perf_counter() - started)
        qtbot.wait(20)
    ticker.stop()
    assert keystrokes, "the deep pass ended before any typing"
    assert max(keystrokes) < 0.050, f"a keystroke took {max(keystrokes) * 1000:.0f} ms"
    assert max(gaps) < 50, f"the event loop stalled for {max(gaps)} ms while the deep pass ran"


def test_a_deep_pass_that_cannot_run_says_so_and_keeps_the_fast_findings(
    deep_window, qtbot, tmp_path, monkeypatch
):
    from concurrent.futures import Future

    from editor_app.gui.deep_checking import DeepChecker

    class BrokenPool:  # what a worker that cannot start (a damaged model, a bundle that cannot spawn) gives
        def submit(self, *args, **kwargs):
            future = Future()
            future.set_exception(RuntimeError("context_lm.bin is damaged"))
            return future

        def shutdown(self, **kwargs):
            pass

    monkeypatch.setattr(DeepChecker, "_pool", lambda self: BrokenPool())
    page = tmp_path / "page.txt"
    page.write_text("全面从严治党推进会召开\n\n希望大家再接再励，要坚持全面从严治档。\n", encoding="utf-8")
    window = deep_window(page)
    qtbot.waitUntil(lambda: window.deep_checker.error is not None, timeout=30_000)
    assert "context_lm.bin is damaged" in window.statusBar().currentMessage()
    assert [f.suggestions[0] for f in window.checker.findings] == [
        "再接再厉"
    ]  # the fast pass's finding stands
