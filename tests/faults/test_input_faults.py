"""Issue 16, inputs: hostile Word files, rule packs, devices and terminals (items 2, 5–8)."""

from __future__ import annotations

import io
import subprocess
import sys
import time
from pathlib import Path

import pytest

from editor_app.errors import EditorError, RuleError
from editor_app.importing import import_file
from editor_app.model.fields import iter_text_fields
from editor_app.proof import Checker
from editor_app.storage import Project, open_project, save_project
from editor_app.storage.project import Issue
from tests import hostile
from tests.conftest import SAMPLE


def cli(*args: str, stdin: bytes | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "editor_app", *args], input=stdin, capture_output=True, timeout=timeout
    )


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- item 2: outputs never replace their source; -o needs --force over an existing file ---------------


def test_export_refuses_to_replace_its_own_source_word_file(tmp_path):
    page = _write(tmp_path, "page.docx", hostile.visible_characters_docx())
    before = page.read_bytes()
    for extra in ([], ["--force"]):
        result = cli("export", str(page), "-o", str(page), *extra)
        assert result.returncode == 2 and "replace its own source" in result.stderr.decode()
    assert page.read_bytes() == before and not (tmp_path / "page.docx.bak").exists()


def test_import_and_export_refuse_an_existing_output_without_force(tmp_path):
    page = _write(tmp_path, "page.txt", "春季植树\n\n全市今天启动春季植树活动，各区按计划推进。\n".encode())
    existing = save_project(Project(Issue(publication="别的项目")), tmp_path / "existing.bulletin")
    before = existing.read_bytes()
    result = cli("import", str(page), "-o", str(existing))
    assert result.returncode == 2 and "already exists" in result.stderr.decode()
    assert existing.read_bytes() == before
    assert cli("import", str(page), "-o", str(existing), "--force").returncode == 0
    assert open_project(existing).issue.publication != "别的项目"
    out = _write(tmp_path, "out.docx", b"an earlier export")
    result = cli("export", str(SAMPLE), "-o", str(out))
    assert result.returncode == 2 and "already exists" in result.stderr.decode()
    assert out.read_bytes() == b"an earlier export"
    assert cli("export", str(SAMPLE), "-o", str(out), "--force").returncode == 0
    assert (tmp_path / "out.docx.bak").read_bytes() == b"an earlier export"


# --- item 5: hangs --------------------------------------------------------------------------------------


@pytest.mark.parametrize("builder", [hostile.self_based_style_docx, hostile.style_loop_docx])
def test_style_loops_do_not_hang_import_check_or_export(tmp_path, builder):
    page = _write(tmp_path, "loop.docx", builder())
    started = time.monotonic()
    result = import_file(page)
    assert any("样式" in f.text for f in iter_text_fields(result.issue))
    for args in (["check", str(page)], ["export", str(page), "-o", str(tmp_path / "out.docx")]):
        assert cli(*args, timeout=60).returncode in (0, 1)
    assert time.monotonic() - started < 60


@pytest.mark.parametrize("device, command", [("/dev/zero", "check"), ("/dev/urandom", "import")])
def test_devices_are_read_with_a_cap(device, command):
    started = time.monotonic()
    result = cli(command, device, timeout=60)
    assert result.returncode == 2 and "too large" in result.stderr.decode()
    assert time.monotonic() - started < 30


def test_a_pipe_is_read_with_a_cap():
    result = cli("check", "-", stdin=b"a" * (9 * 1024 * 1024))
    assert result.returncode == 2 and "too large" in result.stderr.decode()


# --- items 5 and 6: rule packs -----------------------------------------------------------------------------


def _pack(tmp_path: Path, data: bytes) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    (folder / "house.yaml").write_bytes(data)
    return folder


@pytest.mark.parametrize(
    "builder, message",
    [
        (hostile.nested_quantifier_pack, "nests a repeat inside a repeat"),
        (hostile.han_nested_quantifier_pack, "nests a repeat inside a repeat"),
        (hostile.yaml_alias_bomb, "unfolds to more than"),
        (hostile.yaml_self_alias, "refers to itself"),
    ],
)
def test_hostile_rule_packs_are_refused_at_load(tmp_path, builder, message):
    started = time.monotonic()
    with pytest.raises(RuleError, match=message) as info:
        Checker.load(rules_dirs=[_pack(tmp_path, builder())], include_user=False)
    assert "house.yaml" in str(info.value)
    assert time.monotonic() - started < 5


def test_a_date_in_a_pack_is_a_term_not_a_traceback(tmp_path):
    checker = Checker.load(rules_dirs=[_pack(tmp_path, hostile.date_terms_pack())], include_user=False)
    assert [f.text for f in checker.check_text("定于2024-01-01施行。")] == ["2024-01-01"]


def test_a_slow_user_pattern_is_switched_off_with_a_message(tmp_path):
    checker = Checker.load(rules_dirs=[_pack(tmp_path, hostile.slow_alternation_pack())], include_user=False)
    started = time.monotonic()
    assert checker.check_text("a" * 60 + "!") == []
    assert time.monotonic() - started < 5
    assert checker.problems and "switched off" in checker.problems[0]
    assert checker.check_text("a" * 60 + "!") == []  # off: no second wait
    assert time.monotonic() - started < 5


def test_a_bad_pack_in_the_user_rules_folder_leaves_the_bundled_rules_working(seed_page, monkeypatch):
    from editor_app import paths

    folder = paths.user_rules_dir()
    folder.mkdir(parents=True)
    (folder / "house.yaml").write_bytes(hostile.han_nested_quantifier_pack())
    checker = Checker.load()
    assert checker.problems and "house.yaml" in checker.problems[0]
    started = time.monotonic()
    checker.check_text(seed_page.read_text("utf-8"))
    assert time.monotonic() - started < 30 and len(checker.rules) > 50


def test_check_prints_the_switched_off_pack(tmp_path):
    folder = _pack(tmp_path, hostile.slow_alternation_pack())
    page = _write(tmp_path, "page.txt", ("a" * 60 + "!\n").encode())
    result = cli("check", str(page), "--rules", str(folder))
    assert result.returncode in (0, 1) and "switched off" in result.stderr.decode()


# --- item 6: pictures python-docx cannot embed ------------------------------------------------------------------


@pytest.mark.parametrize(
    "builder, reason", [(hostile.cmyk_jpeg, "CMYK"), (hostile.jpeg_without_marker, "JFIF")]
)
def test_pictures_word_cannot_embed_are_re_encoded_when_added(tmp_path, builder, reason):
    from docx.image.image import Image as DocxImage
    from PIL import Image

    notes: list[str] = []
    project = Project(Issue())
    key = project.add_image(builder(), "photo.jpg", notes)
    DocxImage.from_blob(project.images[key])  # python-docx reads it now
    assert Image.open(io.BytesIO(project.images[key])).mode == "RGB"
    assert notes and reason in notes[0]


@pytest.mark.parametrize("builder", [hostile.cmyk_jpeg, hostile.jpeg_without_marker])
def test_word_files_with_such_pictures_import_and_export(tmp_path, builder):
    page = _write(tmp_path, "photo.docx", hostile.docx_with_image(builder()))
    result = cli("export", str(page), "-o", str(tmp_path / "out.docx"))
    assert result.returncode == 0, result.stderr.decode()
    imported = import_file(page)
    assert any("re-encoded" in note.message for note in imported.notes)


# --- item 7: every visible character of a Word file --------------------------------------------------------------


def test_word_import_keeps_every_visible_character(tmp_path):
    page = _write(tmp_path, "visible.docx", hostile.visible_characters_docx())
    result = import_file(page)
    texts = [field.text for field in iter_text_fields(result.issue)]
    joined = "\n".join(texts)
    for piece in hostile.VISIBLE:
        assert piece in joined, piece
    assert joined.count("这句话被移动过") == 1  # a tracked move, once
    assert "zhuyin" not in joined  # ruby text is an annotation, not copy
    assert texts[-2:] == ["[1] 注释：以当年计划为准。", "[i] 尾注：数据来自统计局。"]  # at the article's end
    assert any("footnote" in note.message for note in result.notes)


# --- item 8: terminals and blank files ----------------------------------------------------------------------------


def test_check_does_not_pass_escape_sequences_to_the_terminal(tmp_path):
    page = _write(tmp_path, "esc.txt", hostile.escape_text())
    result = cli("check", str(page))
    out = result.stdout.decode() + result.stderr.decode()
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b" in out or result.stdout.decode().strip()


@pytest.mark.parametrize("name", sorted(hostile.BLANK_TEXTS))
def test_blank_files_are_refused_alike(tmp_path, name):
    page = _write(tmp_path, name, hostile.BLANK_TEXTS[name])
    for command in ("check", "import"):
        result = cli(command, str(page))
        assert result.returncode == 2, (command, result.stdout)
        assert "empty" in result.stderr.decode()


def test_error_messages_escape_control_characters_in_file_names(tmp_path):
    result = cli("check", str(tmp_path / "bad\x1b[2Jname.txt"))
    assert result.returncode == 2 and "\x1b" not in result.stderr.decode()


def test_editor_errors_never_escape_as_tracebacks_from_hostile_corpus(tmp_path):
    """Every file of the hostile corpus opens (or imports, or loads) or is refused with a message."""
    for name, data in hostile.corpus().items():
        path = _write(tmp_path, name.replace("/", "_"), data)
        try:
            if name.startswith("project/"):
                open_project(path)
            elif name.startswith("rules/"):
                folder = tmp_path / name.replace("/", "_").replace(".", "_")
                folder.mkdir()
                (folder / "pack.yaml").write_bytes(data)
                Checker.load(rules_dirs=[folder], include_user=False).check_text("a" * 40 + "!")
            else:
                import_file(path)
        except EditorError as exc:
            assert str(exc)
