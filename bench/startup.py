"""Desktop app speed: first window, opening a 16-page issue, the keystroke path on a long article.

    PYTHONPATH=src QT_QPA_PLATFORM=offscreen python bench/startup.py

Targets (docs/benchmarks.md, "Desktop app"): first window shown ≤ 1 s after the process starts;
a 16-page issue open (outline, form and preview drawn) ≤ 1 s; no handler on the keystroke path over
16 ms while typing into a 10,000-character article. The preview and the status bar rebuild after
edits settle (150 ms); their time is reported separately because they run between keystrokes.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

CHILD = """
import sys, time
t0 = time.perf_counter()
from editor_app.gui.app import make_app
from editor_app.gui.main_window import MainWindow
app = make_app("zh_CN")
w = MainWindow(); w.resize(1400, 900); w.show()
app.processEvents()
print(f"{time.perf_counter() - t0:.3f}", flush=True)
"""


def first_window(runs: int = 3) -> tuple[float, float]:
    """Wall time from spawning the process to the window shown (includes Python start-up)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), QT_QPA_PLATFORM="offscreen")
    walls, insides = [], []
    for _ in range(runs):
        start = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, check=True
        )
        walls.append(time.perf_counter() - start)
        insides.append(float(out.stdout.strip().splitlines()[-1]))
    return min(walls), min(insides)


def sixteen_page_issue(folder: Path) -> Path:
    from editor_app.model.ops import duplicate_block
    from editor_app.storage.project import open_project, save_project

    project = open_project(ROOT / "resources" / "samples" / "sample.bulletin")
    first = project.issue.pages[0]
    from editor_app.model.document import Page

    for number in range(2, 17):
        page = Page(number=number, name=f"第{number}版", template=first.template)
        page.blocks = [duplicate_block(b) for b in first.blocks if b.type != "banner"]
        project.issue.pages.append(page)
    return save_project(project, folder / "sixteen.bulletin", backup=False)


def long_article_text(chars: int = 10_000) -> str:
    sentence = "新区持续推进老旧小区改造，加装电梯和雨污分流同步实施，居民满意度明显提升。"
    paragraphs, total = [], 0
    while total < chars:
        paragraph = sentence * 5
        paragraphs.append(paragraph)
        total += len(paragraph)
    return "\n".join(paragraphs)[:chars]


def main() -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    wall, inside = first_window()
    print(
        f"first window: {wall * 1000:.0f} ms from process start ({inside * 1000:.0f} ms after imports began)"
    )

    from editor_app.gui.app import make_app
    from editor_app.gui.main_window import MainWindow

    app = make_app("zh_CN")
    app.setProperty("editor_app_headless", True)
    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    with tempfile.TemporaryDirectory() as tmp:
        path = sixteen_page_issue(Path(tmp))
        start = time.perf_counter()
        window.open_path(path)
        window.preview.rebuild()
        app.processEvents()
        opened = time.perf_counter() - start
        print(f"open 16-page issue (outline, form, preview drawn): {opened * 1000:.0f} ms")
        if window.checker is not None:  # the first check loads the rule packs and word lists
            start = time.perf_counter()
            while window.checker.checked_revision < 0 and time.perf_counter() - start < 30:
                app.processEvents()
                time.sleep(0.005)
            print(
                f"first background check of the 16 pages done {(time.perf_counter() - start) * 1000:.0f} ms "
                f"after opening ({len(window.checker.findings)} findings)"
            )

    block_id = window.add_article()
    form = window.editor.form
    form.body.setPlainText(long_article_text())
    app.processEvents()
    while window.checker is not None and (window.checker.busy or window.checker.settle.isActive()):
        app.processEvents()  # let the check of the pasted article finish: we time typing, not pasting
        time.sleep(0.005)
    _, _, article = window.session.issue.find_block(block_id)
    chars = sum(len(p.text) for p in article.paragraphs)
    form.body.setFocus()
    form.body.moveCursor(form.body.textCursor().MoveOperation.End)
    keystrokes = []
    for i in range(60):
        key = Qt.Key.Key_A if i % 2 == 0 else Qt.Key.Key_B
        text = "a" if i % 2 == 0 else "b"
        press = QKeyEvent(QKeyEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, text)
        start = time.perf_counter()
        QApplication.sendEvent(form.body, press)
        app.processEvents()  # whatever runs right after the key: repaints, dataChanged
        keystrokes.append(time.perf_counter() - start)
    during_check = []
    if window.checker is not None:
        for _ in range(40):
            if not window.checker.busy:
                start = time.perf_counter()
                window.checker.start()
                snapshot_ms = (time.perf_counter() - start) * 1000
            press = QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_C, Qt.KeyboardModifier.NoModifier, "c")
            start = time.perf_counter()
            QApplication.sendEvent(form.body, press)
            app.processEvents()
            during_check.append((time.perf_counter() - start) * 1000)
            time.sleep(0.005)
    settle_preview = []
    settle_status = []
    for _ in range(5):
        start = time.perf_counter()
        window.preview.rebuild()
        settle_preview.append(time.perf_counter() - start)
        start = time.perf_counter()
        window.update_status()
        settle_status.append(time.perf_counter() - start)
    ms = [k * 1000 for k in keystrokes]
    print(
        f"keystroke on a {chars:,}-character article: median {statistics.median(ms):.1f} ms, "
        f"max {max(ms):.1f} ms over {len(ms)} keys"
    )
    if during_check:
        print(
            f"keystroke while the checker runs on the 16-page issue: median "
            f"{statistics.median(during_check):.1f} ms, max {max(during_check):.1f} ms; "
            f"starting a check (copying the issue) {snapshot_ms:.0f} ms"
        )
    print(
        f"after edits settle: preview rebuild {statistics.median(settle_preview) * 1000:.0f} ms, "
        f"status bar {statistics.median(settle_status) * 1000:.1f} ms (median of 5)"
    )
    window.session.undo_stack.setClean()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
