"""The reference DOCX files: generated from the YAML, committed, and their styles win on export."""

from __future__ import annotations

import importlib.util
import shutil

import docx
from docx.shared import Pt

from editor_app.export import compose_for_export
from editor_app.export.docx_writer import WriteOptions
from editor_app.export.page_writer import PageWriter
from editor_app.layout.reference import with_reference
from editor_app.layout.templates import list_templates, load_template_file
from editor_app.paths import templates_dir

from .helpers import part, w


def _builder():
    spec = importlib.util.spec_from_file_location(
        "build_reference_docx", templates_dir() / "build_reference_docx.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_template_ships_a_reference_docx_that_matches_its_yaml(tmp_path):
    build = _builder().build
    for template in list_templates():
        shipped = templates_dir() / f"{template.id}.docx"
        assert shipped.is_file(), f"run templates/build_reference_docx.py: {shipped.name} is missing"
        fresh = build(template, tmp_path / f"{template.id}.docx")
        from lxml import etree

        assert etree.tostring(part(shipped, "word/styles.xml")) == etree.tostring(
            part(fresh, "word/styles.xml")
        ), f"{shipped.name} is out of date with {template.id}.yaml: run templates/build_reference_docx.py"


def _export_with_restyled_reference(tmp_path, project, restyle):
    """Copy the a4-bulletin template and its reference DOCX, let `restyle(reference)` edit the DOCX as a
    newsroom would in Word, and export `project` with it; returns the exported file."""
    for name in ("a4-bulletin.yaml", "a4-bulletin.docx"):
        shutil.copy(templates_dir() / name, tmp_path / name)
    reference = docx.Document(str(tmp_path / "a4-bulletin.docx"))
    restyle(reference)
    reference.save(str(tmp_path / "a4-bulletin.docx"))

    template = with_reference(load_template_file(tmp_path / "a4-bulletin.yaml"))
    writer = PageWriter(project, template, WriteOptions(), [])
    writer.write(compose_for_export(project, template))
    out = tmp_path / "out.docx"
    out.write_bytes(writer.finish())
    return out


def test_a_newsroom_restyle_in_the_reference_docx_wins(tmp_path, sample_project):
    def restyle(reference):
        reference.styles["稿件正文"].font.size = Pt(12)  # the newsroom enlarges the body type in Word
        reference.styles["主题"].font.bold = True

    out = _export_with_restyled_reference(tmp_path, sample_project, restyle)
    exported = docx.Document(str(out))
    assert exported.styles["稿件正文"].font.size == Pt(12)
    assert exported.styles["主题"].font.bold is True
    sizes = part(out, "word/styles.xml").find(f".//{w('style')}[@{w('styleId')}='BodyText']//{w('sz')}")
    assert sizes.get(w("val")) == "24"


def test_the_page_is_composed_in_the_restyled_sizes(tmp_path, sample_project):
    """The composer reads the restyle too: lines are set at 12 pt, so the frames hold what Word sets."""
    for name in ("a4-bulletin.yaml", "a4-bulletin.docx"):
        shutil.copy(templates_dir() / name, tmp_path / name)
    plain = with_reference(load_template_file(tmp_path / "a4-bulletin.yaml"))
    reference = docx.Document(str(tmp_path / "a4-bulletin.docx"))
    reference.styles["稿件正文"].font.size = Pt(12)
    reference.save(str(tmp_path / "a4-bulletin.docx"))
    restyled = with_reference(load_template_file(tmp_path / "a4-bulletin.yaml"))
    assert restyled.styles["BodyText"].size_pt == 12 and plain.styles["BodyText"].size_pt == 10.5

    def body_lines(template):
        composition = compose_for_export(sample_project, template)
        return sum(b.needed_lines for b in composition.blocks() if b.story.kind == "article")

    assert body_lines(restyled) > body_lines(plain)


def test_a_reference_docx_from_before_the_tag_style_lends_its_byline_look_to_the_tag(
    tmp_path, sample_project
):
    """A newsroom's reference DOCX saved before 署名文字 existed: the tag takes the restyled 署名's face."""
    from editor_app.export import docx_xml

    def restyle(reference):
        tag_style = reference.styles["署名文字"].element
        tag_style.getparent().remove(tag_style)
        docx_xml.set_run_fonts(reference.styles["署名"].element.get_or_add_rPr(), "仿宋")

    out = _export_with_restyled_reference(tmp_path, sample_project, restyle)
    fonts = part(out, "word/styles.xml").find(f".//{w('style')}[@{w('styleId')}='BylineTag']//{w('rFonts')}")
    assert fonts.get(w("eastAsia")) == "仿宋"


def test_a_damaged_reference_docx_is_a_clear_error(tmp_path):
    import pytest

    from editor_app.errors import TemplateError
    from editor_app.export.docx_writer import new_document

    shutil.copy(templates_dir() / "a4-bulletin.yaml", tmp_path / "a4-bulletin.yaml")
    (tmp_path / "a4-bulletin.docx").write_bytes(b"PK\x03\x04 broken")
    with pytest.raises(TemplateError, match="reference DOCX cannot be read"):
        new_document(load_template_file(tmp_path / "a4-bulletin.yaml"))


def test_reference_specimen_text_never_reaches_the_export(tmp_path, sample_project):
    from editor_app.export import export_docx

    out = export_docx(sample_project, tmp_path / "page.docx")
    from .helpers import body_paragraphs, paragraph_text

    assert not any("（BodyText）" in paragraph_text(p) for p in body_paragraphs(out.path))


def test_a_restyled_copy_in_the_user_folder_wins_over_the_shipped_one(tmp_path, sample_project):
    from editor_app.export import export_docx
    from editor_app.paths import user_config_dir

    folder = user_config_dir() / "templates"
    folder.mkdir(parents=True)
    reference = docx.Document(str(templates_dir() / "a4-bulletin.docx"))
    reference.styles["署名"].font.size = Pt(14)
    reference.save(str(folder / "a4-bulletin.docx"))
    out = export_docx(sample_project, tmp_path / "page.docx").path
    assert docx.Document(str(out)).styles["署名"].font.size == Pt(14)
