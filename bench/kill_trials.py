"""kill -9 during save and during export, N times each (default 200): nothing is ever lost.

Each trial starts a child that saves a project (or exports a DOCX) over an existing file that
already has a `.bak`, kills it with SIGKILL at a random moment of the write, then checks:
the file is the old version or the new one, complete; the `.bak` opens; and after the next
successful save (or export) no temp file is left in the folder.

    .venv/bin/python bench/kill_trials.py [TRIALS]
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

CHILD = r"""
import sys
from pathlib import Path
from editor_app.model import Article, Issue, Page, Paragraph
from editor_app.storage import Project, save_project, open_project
kind, target, text = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
paragraphs = [Paragraph(text + f"第{i}段：" + "新稿内容。" * 40) for i in range(1500 if kind == "export" else 8000)]
project = Project(Issue(publication="简报", pages=[Page(1, blocks=[Article(title=text, paragraphs=paragraphs)])]))
print("ready", flush=True)
if kind == "save":
    project.path, project.identity = target, open_project(target).identity
    save_project(project)
else:
    from editor_app.export import export_docx
    export_docx(project, target)
"""


def _project(path: Path, text: str) -> None:
    from editor_app.model import Article, Issue, Page, Paragraph
    from editor_app.storage import Project, save_project

    paragraphs = [Paragraph(text + f"第{i}段：" + "旧稿内容。" * 40) for i in range(1500)]
    save_project(
        Project(
            Issue(publication="简报", pages=[Page(1, blocks=[Article(title=text, paragraphs=paragraphs)])])
        ),
        path,
    )


def _title_of(path: Path, kind: str) -> str:
    """The version a complete file holds ("old"/"new"), or raise if it is damaged."""
    if kind == "save":
        from editor_app.storage import open_project

        return open_project(path).issue.pages[0].blocks[0].title
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        xml = archive.read("word/document.xml").decode("utf-8")
    return "new" if "新稿内容" in xml else "old"


def _export(path: Path, text: str) -> None:
    from editor_app.export import export_docx
    from editor_app.model import Article, Issue, Page, Paragraph
    from editor_app.storage import Project

    paragraphs = [Paragraph(text + f"第{i}段：" + "旧稿内容。" * 40) for i in range(1500)]
    export_docx(Project(Issue(pages=[Page(1, blocks=[Article(title=text, paragraphs=paragraphs)])])), path)


def trial(kind: str, folder: Path, delay: float) -> str:
    suffix = ".bulletin" if kind == "save" else ".docx"
    target = folder / f"issue{suffix}"
    make = _project if kind == "save" else _export
    make(target, "old")
    make(target, "old")  # second write: a .bak exists from here on
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, kind, str(target), "new"], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout.readline().strip() == "ready"
    started = time.monotonic()
    if delay < 0:  # calibration: let it finish, report how long the write took
        child.wait(timeout=300)
        return f"{time.monotonic() - started:.3f}"
    time.sleep(delay)
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=60)
    version = _title_of(target, kind)
    assert version in ("old", "new"), version
    _title_of(target.with_name(target.name + ".bak"), kind)  # readable
    make(target, "after")  # the next successful save or export
    left = [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]
    assert left == [], left
    return version


def main() -> int:
    trials = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    rng = random.Random(16)
    for kind in ("save", "export"):
        # how long one write takes in a child, to spread the kills over it
        with tempfile.TemporaryDirectory() as folder:
            span = float(trial(kind, Path(folder), -1))
        outcomes = {"old": 0, "new": 0}
        for _ in range(trials):
            with tempfile.TemporaryDirectory() as folder:
                outcomes[trial(kind, Path(folder), rng.uniform(0.0, span * 1.1))] += 1
        print(
            f"kill -9 during {kind} (a write takes {span:.2f} s): {trials} trials, old file kept {outcomes['old']}, new file complete "
            f"{outcomes['new']}, .bak readable and no temp file after the next {kind}: {trials}/{trials}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
