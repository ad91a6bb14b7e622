"""Traditional editions: converted text, regional faces and language, comments still on their words."""

from __future__ import annotations

import pytest

from editor_app.errors import ExportError
from editor_app.export import export_docx

from .conftest import flag_on
from .helpers import body_paragraphs, commented_spans, paragraph_text, part, w


def test_taiwan_edition_converts_text_faces_and_language(sample_project, tmp_path):
    flag_on(sample_project.issue, "再接再励", "成语误写", "再接再厉")
    result = export_docx(sample_project, tmp_path / "tw.docx", traditional="s2tw", flags_as_comments=True)
    texts = [paragraph_text(p) for p in body_paragraphs(result.path)]
    assert "濱江新區工作簡報" in texts
    assert "十二個老舊小區改造項目全部開工" in texts
    assert list(commented_spans(result.path).values()) == ["再接再勵"]
    styles = part(result.path, "word/styles.xml")
    faces = {f.get(w("eastAsia")) for f in styles.iter(w("rFonts"))} - {None}
    assert {"新細明體", "微軟正黑體", "標楷體"} <= faces
    assert not faces & {"宋体", "黑体", "楷体"}
    assert {lang.get(w("eastAsia")) for lang in styles.iter(w("lang"))} == {"zh-TW"}
    assert any("責任編輯" in t for t in texts)  # page furniture is converted too


def test_hong_kong_edition_uses_hong_kong_faces(sample_project, tmp_path):
    result = export_docx(sample_project, tmp_path / "hk.docx", traditional="s2hk")
    styles = part(result.path, "word/styles.xml")
    faces = {f.get(w("eastAsia")) for f in styles.iter(w("rFonts"))}
    assert "細明體_HKSCS" in faces
    assert {lang.get(w("eastAsia")) for lang in styles.iter(w("lang"))} == {"zh-HK"}


def test_unknown_variant_is_refused(sample_project, tmp_path):
    with pytest.raises(ExportError, match="s2tw"):
        export_docx(sample_project, tmp_path / "x.docx", traditional="t2s")


def _article(issue, **fields):
    from editor_app.model.document import Article, Paragraph

    paragraphs = fields.pop("paragraphs", [])
    article = Article(paragraphs=[Paragraph(text=t) for t in paragraphs], **fields)
    issue.pages[0].blocks.append(article)
    return article


def test_names_bylines_and_places_keep_their_characters(sample_project, tmp_path):
    _article(
        sample_project.issue,
        title="徐汇区推进河湖长制",
        author_line="记者 于勇 通讯员 余华",
        byline="范晓",
        paragraphs=[
            "区委书记于勇指出，要对标对表，健全干部考核机制，把河湖长制作为重要抓手。",
            "此次活动圆满成功。（姜文）",
        ],
    )
    result = export_docx(sample_project, tmp_path / "tw.docx", traditional="s2tw")
    text = "".join(paragraph_text(p) for p in body_paragraphs(result.path))
    for expected in (
        "徐匯區推進河湖長制",
        "記者 于勇 通訊員 余華",
        "（范曉）",
        "區委書記于勇指出",
        "要對標對表，健全幹部考核機制，把河湖長制作為重要抓手。",
        "此次活動圓滿成功。（姜文）",
    ):
        assert expected in text
    for wrong in ("於勇", "餘華", "範曉", "徐彙", "對錶", "乾部", "長製作"):
        assert wrong not in text


def test_the_whole_package_speaks_the_edition_language(sample_project, tmp_path):
    flag_on(sample_project.issue, "再接再励", "成语误写", "再接再厉")
    result = export_docx(sample_project, tmp_path / "hk.docx", traditional="s2hk", flags_as_comments=True)
    import zipfile

    with zipfile.ZipFile(result.path) as archive:
        for name in archive.namelist():
            data = archive.read(name)
            assert b"zh-CN" not in data and b'eastAsia="en-US"' not in data and b"ja-JP" not in data, name
    settings = part(result.path, "word/settings.xml")
    assert settings.find(w("themeFontLang")).get(w("eastAsia")) == "zh-HK"
    assert (
        part(result.path, "docProps/core.xml").findtext("{http://purl.org/dc/elements/1.1/}language")
        == "zh-HK"
    )


def test_a_user_table_wins_over_the_library(sample_project, tmp_path, monkeypatch):
    from editor_app.export.traditional import converter, user_table_path

    table = user_table_path("s2tw")
    table.parent.mkdir(parents=True)
    table.write_text("# 我们的译法\n老旧小区\t老舊社區\n口袋公园\t口袋公園\n加装\t加裝\n", encoding="utf-8")
    result = export_docx(sample_project, tmp_path / "tw.docx", traditional="s2tw")
    texts = [paragraph_text(p) for p in body_paragraphs(result.path)]
    assert any("老舊社區" in t for t in texts)
    assert not any("老舊小區" in t for t in texts)
    assert result.warnings == [] or all("table" not in w_ for w_ in result.warnings)
    # the Hong Kong edition has its own table (none here)
    assert converter("s2hk")("老旧小区") == "老舊小區"


def test_a_user_entry_that_changes_the_length_still_cuts_at_the_right_place(tmp_path):
    from editor_app.export.traditional import converter

    table = tmp_path / "s2tw.txt"
    table.write_text("U盘\t隨身碟\n", encoding="utf-8")
    convert = converter("s2tw", table)
    source = "请把U盘交给于勇保管"
    mapped = convert.convert_mapped(source)
    assert mapped.text == "請把隨身碟交給于勇保管"
    assert mapped.cut(source.index("于勇"), source.index("于勇") + 2) == "于勇"
    assert mapped.cut(0, 2) == "請把"
    assert mapped.cut(3, 4) == "隨身碟"  # a cut inside the entry widens to the whole entry
    assert mapped.cut(0, len(source)) == mapped.text


def test_a_bad_user_table_is_reported_and_the_rest_is_used(sample_project, tmp_path):
    table = tmp_path / "mine.txt"
    table.write_text("老旧小区\t老舊社區\n这一行没有繁体\n", encoding="utf-8")
    result = export_docx(sample_project, tmp_path / "tw.docx", traditional="s2tw", conversion_table=table)
    assert any("mine.txt" in warning and "2" in warning for warning in result.warnings)
    assert any("老舊社區" in paragraph_text(p) for p in body_paragraphs(result.path))
    with pytest.raises(ExportError, match="no such conversion table"):
        export_docx(
            sample_project, tmp_path / "x.docx", traditional="s2tw", conversion_table=tmp_path / "none.txt"
        )


def test_the_command_line_takes_a_conversion_table(tmp_path):
    import subprocess
    import sys

    from tests.conftest import SAMPLE

    table = tmp_path / "t.txt"
    table.write_text("口袋公园\t口袋公園\n滨江新区\t濱江新區\n", encoding="gb18030")  # GBK files are read too
    out = tmp_path / "tw.docx"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "editor_app",
            "export",
            str(SAMPLE),
            "-o",
            str(out),
            "--traditional",
            "s2tw",
            "--conversion-table",
            str(table),
        ],
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr.decode()
    assert "濱江新區工作簡報" in [paragraph_text(p) for p in body_paragraphs(out)]


def test_the_customer_page_converts_without_the_errors_the_issue_lists(seed_page, tmp_path):
    from editor_app.export import load_source

    source = seed_page.read_text("utf-8")
    for variant in ("s2tw", "s2hk"):
        result = export_docx(load_source(seed_page), tmp_path / f"{variant}.docx", traditional=variant)
        text = "".join(paragraph_text(p) for p in body_paragraphs(result.path))
        assert text.count("徐匯區") == source.count("徐汇区") >= 3 and "徐彙" not in text
        assert "對標對表" in text and "對錶" not in text
        assert "健全幹部" in text and "乾部" not in text
        assert "河湖長制作為" in text and "長製作" not in text
        assert "于勇" in text and "於勇" not in text
