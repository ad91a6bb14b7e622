"""Issue 16, storage: nothing a user typed is lost, nothing is silently replaced (items 1–4, 6, 8)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import zipfile

import pytest

from editor_app.errors import ProjectError
from editor_app.model import Article, Issue, Page, Paragraph, dumps
from editor_app.storage import Project, open_project, save_project
from editor_app.storage import lock as project_lock
from editor_app.storage.project import ProjectChangedError
from editor_app.storage.recovery import SessionClaim, list_recoveries, restore, write_recovery
from tests import hostile


def _project(text: str = "正文。") -> Project:
    return Project(
        Issue(
            publication="简报", pages=[Page(1, blocks=[Article(title="标题", paragraphs=[Paragraph(text)])])]
        )
    )


def _text(project: Project) -> str:
    return project.issue.pages[0].blocks[0].paragraphs[0].text


# --- item 1: a restore never overwrites another project -------------------------------------------


def test_restore_saves_to_the_original_not_to_a_same_named_file_elsewhere(tmp_path, monkeypatch):
    folder_a, folder_b, recovery_dir = tmp_path / "A", tmp_path / "B", tmp_path / "recovery"
    folder_a.mkdir(), folder_b.mkdir()
    monkeypatch.chdir(folder_a)
    save_project(_project("A 的旧稿。"), "projA.bulletin")
    project = open_project("projA.bulletin")  # opened by a name relative to folder A
    project.issue.pages[0].blocks[0].paragraphs[0].text = "A 的新稿。"
    write_recovery(project, recovery_dir, "s1")
    monkeypatch.chdir(folder_b)
    save_project(_project("B 的稿件。"), "projA.bulletin")
    b_before = (folder_b / "projA.bulletin").read_bytes()
    found = list_recoveries(recovery_dir)
    assert found[0].original == folder_a / "projA.bulletin" and found[0].original.is_absolute()
    restored = restore(found[0])
    save_project(restored)
    assert (folder_b / "projA.bulletin").read_bytes() == b_before
    assert _text(open_project(folder_a / "projA.bulletin")) == "A 的新稿。"


def test_restore_asks_for_a_name_when_the_original_has_changed(tmp_path):
    path = save_project(_project("旧稿。"), tmp_path / "p.bulletin")
    project = open_project(path)
    write_recovery(project, tmp_path / "recovery", "s1")
    save_project(_project("别人另存的稿。"), tmp_path / "p.bulletin")  # another program replaced it
    restored = restore(list_recoveries(tmp_path / "recovery")[0])
    assert restored.path is None and "changed or moved" in restored.notes[0]


def test_old_recovery_notes_with_relative_paths_are_not_trusted(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    save_project(_project("稿。"), "x.bulletin")
    folder = tmp_path / "recovery"
    write_recovery(open_project("x.bulletin"), folder, "s1")
    note = next(folder.glob("*.json"))
    note.write_text(json.dumps({"original": "x.bulletin", "saved_at": "2026-01-01T00:00:00+00:00"}), "utf-8")
    assert restore(list_recoveries(folder)[0]).path is None


# --- item 4: a second instance does not see (or discard) a running instance's recovery ---------------


def test_recoveries_of_a_running_session_are_not_offered(tmp_path):
    folder = tmp_path / "recovery"
    claim = SessionClaim(folder, "running")
    write_recovery(_project("还在编辑。"), folder, "running")
    assert list_recoveries(folder) == []
    assert len(list_recoveries(folder, include_live=True)) == 1
    claim.release()
    assert len(list_recoveries(folder)) == 1


def test_recoveries_of_a_killed_process_are_offered(tmp_path):
    folder = tmp_path / "recovery"
    script = (
        "import sys, time; from editor_app.storage.recovery import SessionClaim; "
        "c = SessionClaim(__import__('pathlib').Path(sys.argv[1]), 'child'); print('ok', flush=True); "
        "time.sleep(60)"
    )
    child = subprocess.Popen([sys.executable, "-c", script, str(folder)], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "ok"
    write_recovery(_project("子进程的稿。"), folder, "child")
    assert list_recoveries(folder) == []
    child.kill()
    child.wait(timeout=30)
    assert len(list_recoveries(folder)) == 1


# --- item 2: silent overwrites ----------------------------------------------------------------------


def test_a_second_save_of_a_project_changed_on_disk_is_refused(tmp_path):
    path = save_project(_project("原稿。"), tmp_path / "p.bulletin")
    first, second = open_project(path), open_project(path)
    first.issue.pages[0].blocks[0].paragraphs[0].text = "甲改的。"
    second.issue.pages[0].blocks[0].paragraphs[0].text = "乙改的。"
    save_project(first)
    with pytest.raises(ProjectChangedError, match="changed by another program"):
        save_project(second)
    assert _text(open_project(path)) == "甲改的。"
    save_project(second, tmp_path / "乙.bulletin")  # another name keeps both
    save_project(first)  # its own later saves are fine


SAVER = r"""
import sys, time
from editor_app.storage.project import open_project, save_project
p = open_project(sys.argv[1])
p.issue.pages[0].blocks[0].paragraphs[0].text = sys.argv[2]
while time.time() < float(sys.argv[3]):
    pass
try:
    save_project(p)
except Exception as exc:
    print(type(exc).__name__, exc)
    sys.exit(2)
"""


@pytest.mark.parametrize("round_", range(3))
def test_two_processes_saving_one_project_never_both_succeed(tmp_path, round_):
    path = save_project(_project("原稿。"), tmp_path / "p.bulletin")
    start = time.time() + 1.5
    children = [
        subprocess.Popen(
            [sys.executable, "-c", SAVER, str(path), name, str(start)], stdout=subprocess.PIPE, text=True
        )
        for name in ("甲", "乙")
    ]
    codes = [child.wait(timeout=60) for child in children]
    assert sorted(codes) == [0, 2]
    winner = "甲" if codes[0] == 0 else "乙"
    assert _text(open_project(path)) == winner


def test_saving_through_a_symlink_writes_the_target(tmp_path):
    real = save_project(_project("旧。"), tmp_path / "real.bulletin")
    link = tmp_path / "link.bulletin"
    link.symlink_to(real)
    project = open_project(link)
    project.issue.pages[0].blocks[0].paragraphs[0].text = "新。"
    save_project(project)
    assert link.is_symlink() and _text(open_project(real)) == "新。"
    assert (tmp_path / "real.bulletin.bak").exists() and not (tmp_path / "link.bulletin.bak").exists()


def test_a_read_only_project_is_not_overwritten(tmp_path):
    path = save_project(_project("受保护的稿。"), tmp_path / "p.bulletin")
    path.chmod(0o444)
    before = path.read_bytes()
    with pytest.raises(ProjectError, match="read-only"):
        save_project(_project("覆盖。"), path)
    assert path.read_bytes() == before


def test_the_cli_refuses_to_write_a_project_open_in_the_window(tmp_path):
    target = tmp_path / "open.bulletin"
    save_project(_project("窗口里打开的稿。"), target)
    held = project_lock.acquire(target)
    source = tmp_path / "page.txt"
    source.write_text("标题\n\n正文第一段，内容足够长。\n", "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "editor_app", "import", str(source), "-o", str(target), "--force"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2 and "is open in editor-app by" in result.stderr
    assert socket.gethostname() in result.stderr and str(os.getpid()) in result.stderr
    held.release()


def test_a_lock_names_its_owner_and_a_stale_one_can_be_taken_over(tmp_path):
    target = save_project(_project(), tmp_path / "p.bulletin")
    first = project_lock.acquire(target)
    with pytest.raises(project_lock.ProjectLockedError) as info:
        project_lock.acquire(target, take_over=True)  # live: never taken over
    assert info.value.info.pid == os.getpid() and not info.value.info.stale
    first.release()
    child = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from editor_app.storage.lock import acquire; acquire(sys.argv[1])",
            str(target),
        ],
        timeout=60,
    )
    assert child.returncode == 0
    stale = project_lock.read_lock(target)
    assert stale is not None and stale.stale
    save_project(open_project(target), target)  # a stale lock does not stop the command line
    with pytest.raises(project_lock.ProjectLockedError):
        project_lock.acquire(target)  # opening asks first
    taken = project_lock.acquire(target, take_over=True)
    assert taken is not None and project_lock.read_lock(target).pid == os.getpid()
    taken.release()


# --- item 3: lone surrogates ----------------------------------------------------------------------------


def test_a_project_with_a_lone_surrogate_opens_with_a_note_and_can_be_saved(tmp_path):
    path = tmp_path / "s.bulletin"
    path.write_bytes(hostile.lone_surrogate_project())
    project = open_project(path)
    assert "\ufffd" in _text(project) and "surrogate" in project.notes[0]
    save_project(project)
    assert _text(open_project(path)) == "前文\ufffd后文"


def test_a_surrogate_that_slips_into_the_model_still_saves(tmp_path):
    project = _project("粘贴\ud83d进来。")
    save_project(project, tmp_path / "x.bulletin")
    assert _text(open_project(tmp_path / "x.bulletin")) == "粘贴\ufffd进来。"


def test_dump_of_a_surrogate_project_prints_json(tmp_path):
    path = tmp_path / "s.bulletin"
    path.write_bytes(hostile.lone_surrogate_project())
    result = subprocess.run(
        [sys.executable, "-m", "editor_app", "dump", str(path)], capture_output=True, timeout=60
    )
    assert (
        result.returncode == 0
        and "前文\ufffd后文"
        in json.loads(result.stdout.decode())["pages"][0]["blocks"][0]["paragraphs"][0]["text"]
    )


# --- item 6: damaged projects exit 2 with a message ---------------------------------------------------------


@pytest.mark.parametrize(
    "builder, message",
    [
        (hostile.bad_crc_project, "damaged"),
        (hostile.corrupt_deflate_project, "damaged"),
        (hostile.deep_json_project, "nested too deeply"),
    ],
)
def test_damaged_projects_are_refused_with_a_message(tmp_path, builder, message):
    path = tmp_path / "bad.bulletin"
    path.write_bytes(builder())
    with pytest.raises(ProjectError, match=message):
        open_project(path)
    result = subprocess.run(
        [sys.executable, "-m", "editor_app", "dump", str(path)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr and message in result.stderr


@pytest.mark.parametrize("index", range(len(hostile.schema0_wrong_shape_projects())))
def test_schema0_projects_of_the_wrong_shape_are_refused(tmp_path, index):
    path = tmp_path / "old.bulletin"
    path.write_bytes(hostile.schema0_wrong_shape_projects()[index])
    with pytest.raises(ProjectError, match="issue.json"):
        open_project(path)


def test_a_project_from_a_device_is_refused_quickly():
    started = time.monotonic()
    with pytest.raises(ProjectError, match="not a regular file"):
        open_project("/dev/zero")
    assert time.monotonic() - started < 5


# --- item 8: smaller ----------------------------------------------------------------------------------------


def test_temp_files_of_killed_saves_are_removed_by_the_next_save(tmp_path):
    import fcntl

    path = save_project(_project(), tmp_path / "p.bulletin")
    stale = [tmp_path / ".p.bulletin.dead1.tmp", tmp_path / ".p.bulletin.bak.dead2.tmp"]
    for file in stale:
        file.write_bytes(b"x" * 1000)
    busy = tmp_path / ".p.bulletin.busy.tmp"  # a save in progress in another process: left alone
    busy.write_bytes(b"y")
    fd = os.open(busy, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    save_project(open_project(path))
    assert not any(file.exists() for file in stale) and busy.exists()
    os.close(fd)


def test_backup_keeps_the_mode_of_the_original(tmp_path):
    path = save_project(_project(), tmp_path / "p.bulletin")
    path.chmod(0o640)
    save_project(open_project(path))
    assert (tmp_path / "p.bulletin.bak").stat().st_mode & 0o777 == 0o640
    assert path.stat().st_mode & 0o777 == 0o640


def test_small_members_get_the_zip_bomb_check_too(tmp_path):
    path = tmp_path / "bomb.bulletin"
    path.write_bytes(hostile.small_member_bomb_project())
    assert path.stat().st_size < 2 * 1024 * 1024
    with zipfile.ZipFile(path) as archive:
        assert all(info.file_size < 1024 * 1024 for info in archive.infolist())
    with pytest.raises(ProjectError, match="zip bomb"):
        open_project(path)


def test_save_writes_canonical_json(tmp_path):
    project = _project("规范。")
    path = save_project(project, tmp_path / "c.bulletin")
    with zipfile.ZipFile(path) as archive:
        assert archive.read("issue.json").decode() == dumps(project.issue)
