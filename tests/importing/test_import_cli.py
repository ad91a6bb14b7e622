"""`editor-app import` as a user meets it: JSON, project output, modes and refusals with status 2."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

from editor_app.cli import main
from editor_app.storage.project import open_project
from tests.conftest import SAMPLE

STORY = "\n\n".join(
    [
        "滨江新区启动秋季植树活动",
        "新区讯（通讯员 林悦）近日，滨江新区组织机关干部和社区居民在滨河公园补植乔木三百余株。",
        "活动现场，志愿者分组挖坑、扶苗、培土、浇水，配合默契。",
        "绿办",
    ]
)


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "editor_app", *args], input=stdin, capture_output=True, timeout=120
    )


def test_json_output_has_issue_and_notes(tmp_path):
    src = tmp_path / "story.txt"
    src.write_text(STORY, encoding="utf-8")
    result = run_cli("import", str(src), "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout.decode("utf-8"))
    assert data["schema"] == 3 and isinstance(data["notes"], list)
    article = data["pages"][0]["blocks"][0]
    assert article["type"] == "article" and article["title"] == "滨江新区启动秋季植树活动"
    assert article["dateline"] == "新区讯" and article["author_line"] == "（通讯员 林悦）"
    assert article["byline"] == "绿办"
    assert [p["kind"] for p in article["paragraphs"]] == ["text", "text"]
    assert article["paragraphs"][0]["text"].startswith("近日，滨江新区")


def test_output_project_opens(tmp_path, capsys):
    src = tmp_path / "story.txt"
    src.write_text(STORY, encoding="gbk")
    out = tmp_path / "story.bulletin"
    assert main(["import", str(src), "-o", str(out)]) == 0
    project = open_project(out)
    article = project.issue.pages[0].blocks[0]
    assert article.title == "滨江新区启动秋季植树活动" and article.byline == "绿办"
    assert "article  滨江新区启动秋季植树活动" in capsys.readouterr().out


def test_as_article_folds_a_page_into_one_story(tmp_path, capsys):
    src = tmp_path / "two.txt"
    src.write_text(
        STORY + "\n\n湿地公园新添观鸟屋\n\n近日，湿地公园内两座观鸟屋建成开放。\n", encoding="utf-8"
    )
    assert main(["import", str(src), "--as", "article", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    blocks = data["pages"][0]["blocks"]
    assert len(blocks) == 1 and blocks[0]["title"] == "滨江新区启动秋季植树活动"
    assert {"kind": "subhead", "text": "湿地公园新添观鸟屋"} in [
        {"kind": p["kind"], "text": p["text"]} for p in blocks[0]["paragraphs"]
    ]


def test_standard_input(tmp_path):
    result = run_cli("import", "-", "--format", "json", stdin=STORY.encode("utf-8"))
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout)["pages"][0]["blocks"][0]["byline"] == "绿办"


def _refused(path) -> str:
    result = run_cli("import", str(path))
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert "Traceback" not in err
    return err


def test_bad_inputs_are_refused_with_a_message(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n\n ")
    assert "empty" in _refused(empty)
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    assert "binary" in _refused(binary)
    mojibake = tmp_path / "bad.txt"
    mojibake.write_bytes("新区讯".encode() + b"\xff\xfe\xfa\x80\x81" * 10)
    assert "UTF-8" in _refused(mojibake)
    huge = tmp_path / "huge.txt"
    huge.write_bytes(("一段很长的正文。" * 20 + "\n").encode("utf-8") * (10 * 1024 * 1024 // 490))
    assert "too large" in _refused(huge)
    fake = tmp_path / "letter.docx"
    fake.write_text("这不是 Word 文件", encoding="utf-8")
    assert "Word" in _refused(fake)
    not_word = tmp_path / "archive.docx"
    with zipfile.ZipFile(not_word, "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert "Word" in _refused(not_word)
    assert "no such file" in _refused(tmp_path / "missing.txt")
    assert "already an editor-app project" in _refused(SAMPLE)
    old = tmp_path / "old.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    assert ".docx" in _refused(old)
    rtf = tmp_path / "letter.rtf"
    rtf.write_bytes(b"{\\rtf1\\ansi hello}")
    assert "RTF" in _refused(rtf)


def test_unknown_mode_is_a_usage_error(tmp_path):
    src = tmp_path / "story.txt"
    src.write_text(STORY, encoding="utf-8")
    result = run_cli("import", str(src), "--as", "book")
    assert result.returncode == 2 and "invalid choice" in result.stderr.decode()


def test_summary_counts_read_naturally(tmp_path, capsys):
    """One photo is 「1 photo」, two paragraphs 「2 paragraphs」."""
    src = tmp_path / "story.txt"
    src.write_text(
        "\n\n".join(
            [
                "滨江新区启动秋季植树活动",
                "活动现场，志愿者分组挖坑、扶苗、培土、浇水，配合默契。",
                "图为志愿者在补植乔木。（林悦 摄）",
                "居民纷纷表示，植树活动让公园更美了。",
            ]
        ),
        encoding="utf-8",
    )
    assert main(["import", str(src)]) == 0
    line = capsys.readouterr().out.strip()
    assert "(2 paragraphs, 1 photo)" in line, line


def test_normalize_punctuation_on_import_is_recorded_in_the_notes(tmp_path):
    src = tmp_path / "story.txt"
    src.write_text("社区开展植树活动\n\n周六上午,志愿者种下银杏;居民纷纷点赞!\n", encoding="utf-8")
    result = run_cli("import", str(src), "--format", "json", "--normalize-punctuation")
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout.decode("utf-8"))
    texts = json.dumps(data["pages"], ensure_ascii=False)
    assert "周六上午，志愿者种下银杏；居民纷纷点赞！" in texts
    assert any("3" in note["message"] and "full-width" in note["message"] for note in data["notes"])
