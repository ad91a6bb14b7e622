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
