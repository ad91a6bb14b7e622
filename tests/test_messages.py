"""Core messages in the reader's language: the catalogue is complete and consistent, the language
follows EDITOR_APP_LANG / the locale, and the command line speaks Chinese to a Chinese editor."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from editor_app import messages
from editor_app.errors import InputError, ProjectError
from editor_app.messages import catalogue, current_language, msg, placeholders, set_language
from editor_app.storage.project import open_project
from editor_app.textio import decode_text

from .conftest import REPO

CORE = REPO / "src" / "editor_app"


def _msg_calls() -> list[tuple[Path, int, ast.expr]]:
    """Every msg(...) call in the Qt-free core: (file, line, first argument)."""
    calls = []
    for path in sorted(CORE.rglob("*.py")):
        if "gui" in path.relative_to(CORE).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "msg":
                calls.append((path.relative_to(REPO), node.lineno, node.args[0]))
    return calls


def test_every_message_in_the_core_has_a_chinese_translation():
    chinese = catalogue("zh_CN")
    calls = _msg_calls()
    assert len(calls) > 60  # the scan really finds the converted modules
    untranslatable = [
        f"{path}:{line}"
        for path, line, arg in calls
        if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str))
    ]
    assert untranslatable == [], "msg() needs a literal English template"
    missing = [f"{path}:{line}: {arg.value!r}" for path, line, arg in calls if arg.value not in chinese]
    assert missing == []


def test_every_catalogue_entry_is_used_and_keeps_its_placeholders():
    chinese = catalogue("zh_CN")
    used = {arg.value for _, _, arg in _msg_calls()}
    assert sorted(set(chinese) - used) == []  # no stale translations of messages that changed
    for english, translated in chinese.items():
        assert placeholders(translated) == placeholders(english), english
        assert translated != english or not english.strip(" ,"), english


def test_language_follows_the_setting_then_the_environment(monkeypatch):
    for name in ("EDITOR_APP_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    assert current_language() == "en"
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert current_language() == "zh_CN"
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")  # LC_ALL overrides LANG
    assert current_language() == "en"
    monkeypatch.setenv("EDITOR_APP_LANG", "zh_CN")  # the explicit choice overrides the locale
    assert current_language() == "zh_CN"
    set_language("en")  # the GUI's choice overrides everything
    assert current_language() == "en"
    set_language(None)
    assert current_language() == "zh_CN"


def test_errors_are_worded_in_chinese_with_the_path_kept(tmp_path, monkeypatch):
    bad = tmp_path / "稿件.bulletin"
    bad.write_bytes(b"not a zip at all")
    with pytest.raises(ProjectError) as english:
        open_project(bad)
    assert str(english.value) == f"{bad}: not an editor-app project (the file is not a zip archive)"
    monkeypatch.setenv("EDITOR_APP_LANG", "zh_CN")
    with pytest.raises(ProjectError) as chinese:
        open_project(bad)
    assert str(chinese.value) == f"{bad}：不是 editor-app 项目文件（不是 zip 压缩包）"
    with pytest.raises(InputError, match="二进制文件"):
        decode_text(b"\x00\x01binary", "x.txt")
    assert (
        msg("the file is too large ({size} MB; the limit is {limit} MB)", size=9, limit=8)
        == "文件过大（9 MB，上限 8 MB）"
    )


def test_a_template_missing_from_the_catalogue_prints_in_english(monkeypatch):
    monkeypatch.setattr(messages, "_chosen", "zh_CN")
    assert msg("{count} things nobody translated", count=3) == "3 things nobody translated"


def _cli_in_chinese(*args: str) -> subprocess.CompletedProcess:
    import os

    env = dict(os.environ, EDITOR_APP_LANG="zh_CN", PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "editor_app", *args], capture_output=True, timeout=120, env=env
    )


def test_cli_explains_a_corrupt_project_in_chinese(tmp_path):
    bad = tmp_path / "bad.bulletin"
    bad.write_bytes(b"definitely not a zip")
    result = _cli_in_chinese("dump", str(bad))
    assert result.returncode == 2
    err = result.stderr.decode("utf-8")
    assert err.strip() == f"editor-app：错误：{bad}：不是 editor-app 项目文件（不是 zip 压缩包）"


def test_cli_explains_an_empty_text_file_and_a_fake_docx_in_chinese(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n\n")
    result = _cli_in_chinese("import", str(empty))
    assert result.returncode == 2
    assert result.stderr.decode("utf-8").strip() == f"editor-app：错误：{empty}：文件为空"
    fake = tmp_path / "稿件.docx"
    fake.write_bytes("这其实是一段纯文本，只是扩展名写成了 docx。".encode())
    result = _cli_in_chinese("import", str(fake))
    assert result.returncode == 2
    err = result.stderr.decode("utf-8")
    assert "不是 Word 文档（.docx）；请用 Word 或 WPS 打开后另存为 .docx" in err and str(fake) in err
    assert "Traceback" not in err


def test_cli_import_summary_in_chinese(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(
        "春耕备耕有序推进\n\n本报讯 各地抓住农时，组织农机下田作业。\n\n（记者 甲乙）\n", encoding="utf-8"
    )
    result = _cli_in_chinese("import", str(story), "--as", "article")
    assert result.returncode == 0, result.stderr.decode("utf-8")
    out = result.stdout.decode("utf-8")
    assert out.startswith("稿件      春耕备耕有序推进（") and " 段" in out


def _without_ids(value):
    if isinstance(value, dict):
        return {k: _without_ids(v) for k, v in value.items() if k != "id"}
    if isinstance(value, list):
        return [_without_ids(v) for v in value]
    return value


@pytest.mark.parametrize(
    "name", ["bulletin_page.txt", "newspaper_page.txt", "two_story_jump_page.txt", "tree_planting_page.txt"]
)
def test_import_reads_the_same_in_chinese_and_only_the_notes_change_language(name, monkeypatch):
    from editor_app.importing import import_file
    from editor_app.model.serialize import issue_to_dict

    page = REPO / "tests" / "fixtures" / "pages" / name
    results = {}
    for language in ("en", "zh_CN"):
        monkeypatch.setattr(messages, "_chosen", language)
        results[language] = {as_: import_file(page, as_=as_) for as_ in ("page", "article")}
    for as_ in ("page", "article"):
        english, chinese = results["en"][as_], results["zh_CN"][as_]
        assert _without_ids(issue_to_dict(chinese.issue)) == _without_ids(issue_to_dict(english.issue))

        def places(result):  # block position instead of its (random) id
            order = [block.id for _, block in result.issue.blocks()]
            return [
                (order.index(n.block) if n.block in order else None, n.line, n.kind) for n in result.notes
            ]

        # the same notes at the same places: folding a page into one article does not depend on wording
        assert places(chinese) == places(english)
        for note in chinese.notes:
            assert not any(word in note.message for word in (" the ", "article", "headline", "line ")), (
                note.message
            )


def test_export_warnings_and_errors_in_chinese(tmp_path, monkeypatch):
    from editor_app.errors import TemplateError
    from editor_app.export import export_docx
    from editor_app.model.document import Article

    from .conftest import SAMPLE

    monkeypatch.setenv("EDITOR_APP_LANG", "zh_CN")
    project = open_project(SAMPLE)
    photo = next(p for _, block in project.issue.blocks() if isinstance(block, Article) for p in block.photos)
    photo.image = None
    result = export_docx(project, tmp_path / "版面.docx")
    assert any(
        w.startswith("图片「") and w.endswith("尚未放入图像：以「图片待补」占位") for w in result.warnings
    ), result.warnings
    with pytest.raises(TemplateError, match="^未知的版式 'no-such-template'；可用的版式：.*a4-bulletin"):
        export_docx(project, tmp_path / "other.docx", template="no-such-template")


def test_a_broken_translation_falls_back_to_english(monkeypatch):
    monkeypatch.setattr(messages, "_chosen", "zh_CN")
    monkeypatch.setattr(messages, "catalogue", lambda language: {"the file is empty": "文件{为空"})
    assert msg("the file is empty") == "the file is empty"


def test_check_lines_name_the_level_in_the_readers_language(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("希望大家再接再励。", encoding="utf-8")
    chinese = _cli_in_chinese("check", str(story))
    assert chinese.returncode == 1
    assert chinese.stdout.decode("utf-8").startswith("1:5: 错误 [成语]")
    english = subprocess.run(
        [sys.executable, "-m", "editor_app", "check", str(story)], capture_output=True, timeout=120
    )
    assert english.stdout.decode("utf-8").startswith("1:5: error [成语]")
