"""Project files: atomic saves that survive crashes, and clear refusals of damaged input."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from editor_app.errors import InputError, ProjectError
from editor_app.model import Article, Issue, Page, Paragraph, Photo, dumps
from editor_app.storage import Project, open_project, save_project
from editor_app.storage import atomic as atomic_mod
from editor_app.storage.recovery import discard_for, list_recoveries, restore, write_recovery

from .conftest import SAMPLE


def _png(size=(8, 6)) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


def _project(text="正文。") -> Project:
    article = Article(title="标题", paragraphs=[Paragraph(text)])
    project = Project(Issue(publication="简报", pages=[Page(1, blocks=[article])]))
    article.photos.append(Photo(image=project.add_image(_png()), caption="图说。"))
    return project


def test_save_and_reopen_keeps_text_and_images(tmp_path):
    project = _project()
    path = save_project(project, tmp_path / "a.bulletin")
    again = open_project(path)
    assert dumps(again.issue) == dumps(project.issue)
    assert again.images == project.images
    assert not (tmp_path / "a.bulletin.bak").exists()
    project.issue.pages[0].blocks[0].title = "第二版标题"
    save_project(project, path)
    assert open_project(tmp_path / "a.bulletin.bak").issue.pages[0].blocks[0].title == "标题"
    assert open_project(path).issue.pages[0].blocks[0].title == "第二版标题"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_same_image_is_stored_once():
    project = _project()
    assert project.add_image(_png()) == project.add_image(_png())
    assert len(project.images) == 1


def test_crash_between_temp_write_and_replace_keeps_old_file(tmp_path, monkeypatch):
    path = save_project(_project("旧内容。"), tmp_path / "a.bulletin")

    def crash(*_args):
        raise OSError("simulated power cut")

    monkeypatch.setattr(atomic_mod.os, "replace", crash)
    with pytest.raises(ProjectError, match="could not save"):
        save_project(_project("新内容。"), path)
    monkeypatch.undo()
    assert open_project(path).issue.pages[0].blocks[0].paragraphs[0].text == "旧内容。"
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


KILL_SCRIPT = r"""
import sys, time
from editor_app.storage import atomic
from editor_app.storage import project as proj
from editor_app.model import Article, Issue, Page, Paragraph
real = atomic.os.replace
def slow_replace(a, b):
    print("about-to-replace", flush=True)
    time.sleep(30)
    real(a, b)
atomic.os.replace = slow_replace
big = "新" * 200000
p = proj.Project(Issue(pages=[Page(1, blocks=[Article(title="新", paragraphs=[Paragraph(big)])])]))
proj.save_project(p, sys.argv[1])
"""


def test_kill_9_mid_save_leaves_old_file_intact(tmp_path):
    path = save_project(_project("旧内容。"), tmp_path / "a.bulletin")
    child = subprocess.Popen(
        [sys.executable, "-c", KILL_SCRIPT, str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout.readline().strip() == "about-to-replace"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert open_project(path).issue.pages[0].blocks[0].paragraphs[0].text == "旧内容。"


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


MANIFEST = json.dumps({"format": "editor-app.bulletin", "schema": 1}).encode()
GOOD_ISSUE = dumps(Issue(pages=[Page(1)])).encode()


@pytest.mark.parametrize(
    "members, message",
    [
        ({"issue.json": GOOD_ISSUE}, "manifest.json is missing"),
        ({"manifest.json": b'{"format": "other-app"}', "issue.json": GOOD_ISSUE}, "foreign format"),
        ({"manifest.json": b"{nope", "issue.json": GOOD_ISSUE}, "manifest.json is not valid JSON"),
        ({"manifest.json": MANIFEST}, "issue.json is missing"),
        ({"manifest.json": MANIFEST, "issue.json": b'{"schema": 1, "pages": ['}, "not valid JSON"),
        ({"manifest.json": MANIFEST, "issue.json": b'{"schema": 99}'}, "newer editor-app"),
        (
            {
                "manifest.json": MANIFEST,
                "issue.json": b'{"schema": 1, "pages": [{"blocks": [{"type": "x"}]}]}',
            },
            "unknown block type",
        ),
        ({"manifest.json": MANIFEST, "issue.json": GOOD_ISSUE, "../evil.txt": b"x"}, "unsafe member name"),
        ({"manifest.json": MANIFEST, "issue.json": GOOD_ISSUE, "/etc/evil": b"x"}, "unsafe member name"),
        (
            {"manifest.json": MANIFEST, "issue.json": GOOD_ISSUE, "images/a.jpg": b"not an image"},
            "images/a.jpg: not a usable image",
        ),
    ],
)
def test_corrupt_projects_are_refused_with_a_clear_message(tmp_path, members, message):
    path = _zip(tmp_path / "bad.bulletin", members)
    before = path.read_bytes()
    with pytest.raises(ProjectError, match=message) as info:
        open_project(path)
    assert str(path) in str(info.value)
    assert path.read_bytes() == before  # never touched


def test_not_a_zip_and_missing_file(tmp_path):
    junk = tmp_path / "junk.bulletin"
    junk.write_bytes(b"\x00\x01 plain garbage")
    with pytest.raises(ProjectError, match="not a zip"):
        open_project(junk)
    with pytest.raises(ProjectError, match="no such file"):
        open_project(tmp_path / "missing.bulletin")


def test_zip_bomb_member_is_refused(tmp_path):
    path = tmp_path / "bomb.bulletin"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", MANIFEST)
        archive.writestr("issue.json", GOOD_ISSUE)
        archive.writestr("images/zero.png", b"\x00" * (70 * 1024 * 1024))
    with pytest.raises(ProjectError, match="too large|zip bomb"):
        open_project(path)


def test_missing_referenced_image_is_refused(tmp_path):
    issue = Issue(pages=[Page(1, blocks=[Article(photos=[Photo(image="images/gone.png")])])])
    path = _zip(tmp_path / "p.bulletin", {"manifest.json": MANIFEST, "issue.json": dumps(issue).encode()})
    with pytest.raises(ProjectError, match="images/gone.png"):
        open_project(path)


def test_schema_0_is_migrated(tmp_path):
    old = {
        "schema": 0,
        "issue": {"publication": "老刊", "editor": "张三"},
        "pages": [{"number": 1, "blocks": [{"type": "article", "title": "旧", "paragraphs": ["一段。"]}]}],
    }
    fixture = Path(__file__).parent / "fixtures" / "projects" / "schema0.json"
    assert json.loads(fixture.read_text("utf-8")) == old
    path = _zip(tmp_path / "old.bulletin", {"manifest.json": MANIFEST, "issue.json": fixture.read_bytes()})
    issue = open_project(path).issue
    assert issue.editors == {"责任编辑": "张三"}
    assert issue.pages[0].blocks[0].paragraphs[0].text == "一段。"


def test_schema_1_opens_with_blocks_in_auto_layout(tmp_path):
    fixture = Path(__file__).parent / "fixtures" / "projects" / "schema1.json"
    path = _zip(tmp_path / "v1.bulletin", {"manifest.json": MANIFEST, "issue.json": fixture.read_bytes()})
    project = open_project(path)
    blocks = project.issue.pages[0].blocks
    assert [b.type for b in blocks] == ["banner", "article"]
    assert all(b.place is None for b in blocks)
    assert blocks[1].paragraphs[1].kind == "subhead" and blocks[1].slot == "brief"
    save_project(project, tmp_path / "v2.bulletin")
    with zipfile.ZipFile(tmp_path / "v2.bulletin") as archive:
        saved = json.loads(archive.read("issue.json"))
        assert json.loads(archive.read("manifest.json"))["schema"] == saved["schema"] == 3
    assert saved["pages"][0]["blocks"][1]["place"] is None


def test_image_that_is_not_an_image_is_refused(tmp_path):
    project = _project()
    with pytest.raises(InputError, match="not a usable image"):
        project.add_image(b"GIF89a but not really", "fake.gif")
    fake = tmp_path / "photo.jpg"
    fake.write_text("hello", "utf-8")
    with pytest.raises(InputError, match="photo.jpg"):
        project.add_image_file(fake)


def test_read_only_folder_gives_clear_error(tmp_path):
    if os.geteuid() == 0:
        # root ignores permission bits; a path under a file cannot be created by anyone
        target = tmp_path / "a-file" / "x.bulletin"
        (tmp_path / "a-file").write_text("", "utf-8")
    else:
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(0o500)
        target = folder / "x.bulletin"
    with pytest.raises(ProjectError) as info:
        save_project(_project(), target)
    assert "x.bulletin" in str(info.value)


def test_recovery_round_trip(tmp_path):
    project = _project("未保存的修改。")
    save_project(project, tmp_path / "mine.bulletin")  # the file the user is editing
    folder = tmp_path / "recovery"
    write_recovery(project, folder)
    time.sleep(0.01)
    found = list_recoveries(folder)
    assert len(found) == 1 and found[0].original == project.path
    restored = restore(found[0])
    assert restored.issue.pages[0].blocks[0].paragraphs[0].text == "未保存的修改。"
    assert restored.path == project.path
    discard_for(project, folder)
    assert list_recoveries(folder) == []


def test_sample_opens():
    project = open_project(SAMPLE)
    assert len(project.images) == 2
    assert project.issue.publication


def test_missing_folder_and_folder_without_new_files_are_told_apart(tmp_path):
    with pytest.raises(ProjectError, match="the folder does not exist"):
        save_project(_project(), tmp_path / "missing" / "x.bulletin")
    if Path("/proc").is_dir():  # a folder that exists but where no file can be created, even by root
        with pytest.raises(ProjectError, match="does not accept new files"):
            save_project(_project(), Path("/proc") / "x.bulletin")


def test_schema_2_opens_with_marks_in_the_first_round_and_no_rounds_closed(tmp_path):
    fixture = Path(__file__).parent / "fixtures" / "projects" / "schema2.json"
    path = _zip(tmp_path / "v2.bulletin", {"manifest.json": MANIFEST, "issue.json": fixture.read_bytes()})
    project = open_project(path)
    flag = project.issue.flags[0]
    assert (flag.round, flag.status, flag.resolved_by, flag.resolved_at) == (1, "accepted", "", None)
    assert project.issue.rounds == [] and project.issue.import_notes == []
    save_project(project, tmp_path / "v3.bulletin")
    with zipfile.ZipFile(tmp_path / "v3.bulletin") as archive:
        saved = json.loads(archive.read("issue.json"))
        assert not any(name.startswith("rounds/") for name in archive.namelist())
    assert saved["schema"] == 3 and saved["flags"][0]["round"] == 1


def test_a_damaged_round_snapshot_is_refused_with_its_name(tmp_path):
    from editor_app.model.document import Round
    from editor_app.storage.rounds import member_name

    project = _project()
    project.issue.rounds.append(Round(1, closed_by="周宁", texts={("b", "title"): "标题"}))
    out = save_project(project, tmp_path / "r.bulletin")
    with zipfile.ZipFile(out) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members[member_name(1)] = b"{not json"
    broken = _zip(tmp_path / "broken.bulletin", members)
    with pytest.raises(ProjectError, match="rounds/1.json"):
        open_project(broken)
