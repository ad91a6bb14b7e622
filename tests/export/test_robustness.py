"""Bad input and bad folders give clear messages, never half a DOCX or a traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PIL import Image

from editor_app.errors import ExportError
from editor_app.export import export_docx, load_source
from editor_app.model.document import Article, Issue, Page, Paragraph, Photo
from editor_app.storage.project import Project
from tests.conftest import SAMPLE

from .helpers import body_paragraphs, paragraph_text, picture_bytes, shapes, style_of


def _one_photo_project(image_key: str | None, data: bytes | None) -> Project:
    photo = Photo(image=image_key, caption="测试图片说明。", credit="测试 摄")
    article = Article(
        title="测试稿件",
        paragraphs=[Paragraph("第一段文字。"), Paragraph("第二段文字。")],
        photos=[photo],
        byline="测试",
    )
    project = Project(Issue(publication="测试简报", pages=[Page(blocks=[article])]))
    if image_key and data is not None:
        project.images[image_key] = data
    return project


def test_read_only_folder_is_a_clear_error_and_the_old_file_survives(sample_project, tmp_path, monkeypatch):
    folder = tmp_path / "ro"
    folder.mkdir()
    target = folder / "page.docx"
    target.write_bytes(b"previous export")
    folder.chmod(0o555)
    if os.name != "posix" or os.geteuid() == 0:  # root writes anywhere: make the folder refuse as it would
        import tempfile

        def refuse(*args, **kwargs):
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(tempfile, "mkstemp", refuse)
    try:
        with pytest.raises(ExportError, match="permission denied"):
            export_docx(sample_project, target)
        assert target.read_bytes() == b"previous export"
        assert sorted(p.name for p in folder.iterdir()) == ["page.docx"]
    finally:
        folder.chmod(0o755)


def test_failed_export_leaves_the_previous_file_untouched(sample_project, tmp_path, monkeypatch):
    target = tmp_path / "page.docx"
    target.write_bytes(b"previous export")
    from editor_app.export import page_writer

    def broken(self):
        raise ExportError("simulated failure while writing")

    monkeypatch.setattr(page_writer.PageWriter, "finish", broken)
    with pytest.raises(ExportError):
        export_docx(sample_project, target)
    assert target.read_bytes() == b"previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["page.docx"]


@pytest.mark.parametrize("case", ["no image", "missing", "corrupt", "gigantic"])
def test_unusable_picture_becomes_a_placeholder_with_a_warning(tmp_path, case):
    if case == "no image":
        project = _one_photo_project(None, None)
    elif case == "missing":
        project = _one_photo_project("images/gone.jpg", None)
    elif case == "corrupt":
        project = _one_photo_project("images/bad.jpg", picture_bytes()[:200])
    else:
        big = Image.new("1", (12000, 9000))  # 108 megapixels: over the decompression-bomb guard
        import io

        buf = io.BytesIO()
        big.save(buf, "PNG")
        project = _one_photo_project("images/big.png", buf.getvalue())
    result = export_docx(project, tmp_path / "page.docx")
    paragraphs = body_paragraphs(result.path)
    placeholders = [p for p in paragraphs if style_of(p) == "PhotoPlaceholder"]
    assert [paragraph_text(p) for p in placeholders] == ["图片待补"]
    assert not [s for s in shapes(result.path) if s["picture"]]
    assert len(result.warnings) == 1 and "图片待补" in result.warnings[0]
    frame = next(
        s
        for s in shapes(result.path)
        if s["paragraphs"] and style_of(s["paragraphs"][0]) == "PhotoPlaceholder"
    )
    caption = next(
        s for s in shapes(result.path) if s["paragraphs"] and style_of(s["paragraphs"][0]) == "PhotoCaption"
    )
    assert 0 <= caption["y"] - (frame["y"] + frame["h"]) < 3  # the caption still sits under the frame


def test_exif_orientation_is_respected(tmp_path):
    # stored 300×150 landscape, EXIF says "rotate 90°": it must print as a portrait picture
    project = _one_photo_project("images/turned.jpg", picture_bytes((300, 150), exif_orientation=6))
    result = export_docx(project, tmp_path / "page.docx")
    picture = next(s for s in shapes(result.path) if s["picture"])
    assert picture["h"] == pytest.approx(2 * picture["w"], rel=0.01)
    import docx

    image_parts = [
        p
        for p in docx.Document(str(result.path)).part.package.iter_parts()
        if p.partname.startswith("/word/media/")
    ]
    import io

    with Image.open(io.BytesIO(image_parts[0].blob)) as img:
        assert img.size == (150, 300)


def test_control_characters_are_removed_with_a_warning(tmp_path):
    from editor_app.model.document import Flag, Location

    project = _one_photo_project(None, None)
    project.issue.publication = "测试\x0b简报"
    project.issue.organizer = "编辑部\x01"
    article = project.issue.pages[0].blocks[0]
    article.paragraphs[0].text = "含有\x00控制\x07字符\x1b的段落。"
    project.issue.flags.append(
        Flag(
            Location(article.id, f"paragraph:{article.paragraphs[0].id}", 4, 7, "控制\x07"),
            note="注\x02意",
            author="校\x03对",
        )
    )
    result = export_docx(project, tmp_path / "page.docx", flags_as_comments=True)
    import docx

    assert docx.Document(str(result.path)).core_properties.title == "测试简报"
    texts = [paragraph_text(p) for p in body_paragraphs(result.path)]
    assert "含有控制字符的段落。" in texts
    assert any("control character" in w for w in result.warnings)


def test_wrong_suffix_and_missing_folder_are_clear_errors(sample_project, tmp_path):
    with pytest.raises(ExportError, match=r"\.docx"):
        export_docx(sample_project, tmp_path / "page.pdf")
    with pytest.raises(ExportError, match="does not exist"):
        export_docx(sample_project, tmp_path / "nowhere" / "page.docx")


def test_unknown_template_and_source_kind_are_clear_errors(sample_project, tmp_path):
    from editor_app.errors import EditorError

    with pytest.raises(EditorError, match="unknown template"):
        export_docx(sample_project, tmp_path / "page.docx", template="broadsheet-9")
    with pytest.raises(EditorError, match="cannot export this kind of file"):
        load_source(tmp_path / "page.pdf")


def test_cli_export_error_exits_2_without_traceback(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "editor_app",
            "export",
            str(SAMPLE),
            "-o",
            str(tmp_path / "missing" / "page.docx"),
        ],
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 2
    err = result.stderr.decode()
    assert "does not exist" in err and "Traceback" not in err


def test_cli_export_writes_the_docx_and_prints_warnings(tmp_path):
    project = _one_photo_project(None, None)
    from editor_app.storage.project import save_project

    source = save_project(project, tmp_path / "p.bulletin", backup=False)
    out = tmp_path / "page.docx"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "editor_app",
            "export",
            str(source),
            "-o",
            str(out),
            "--template",
            "manuscript",
        ],
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr.decode()
    assert out.is_file() and "图片待补" in result.stderr.decode()


def test_folder_that_takes_no_files_is_not_called_missing(sample_project, tmp_path, monkeypatch):
    """A folder that exists but refuses new files (/proc on Linux answers ENOENT) is not "missing"."""
    import editor_app.export.output as output

    def refuse(path, backup=False):
        raise FileNotFoundError(2, "No such file or directory", str(path))

    monkeypatch.setattr(output, "atomic_writer", refuse)
    with pytest.raises(ExportError) as caught:
        export_docx(sample_project, tmp_path / "page.docx")
    assert "does not exist" not in str(caught.value)
    assert "choose another folder" in str(caught.value)
