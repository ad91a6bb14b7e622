"""The package around the page: app and core properties, no stale thumbnail, the comment styles, and
pictures with alt text and file names of their own."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import docx
import pytest
from docx.shared import Mm

from editor_app import __version__
from editor_app.export import export_docx
from editor_app.export.package import app_version, describe_picture, label_pictures

from .conftest import flag_on
from .helpers import NS, part, picture_bytes, w

EP = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
DC = "{http://purl.org/dc/elements/1.1/}"
CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
DCTERMS = "{http://purl.org/dc/terms/}"


@pytest.fixture
def exported(sample_project, tmp_path):
    flag_on(sample_project.issue, "再接再励", "成语误写", "再接再厉")
    return export_docx(sample_project, tmp_path / "page.docx", flags_as_comments=True).path


def test_app_properties_name_this_app_and_its_version(exported):
    app = part(exported, "docProps/app.xml")
    assert app.findtext(f"{EP}Application") == f"editor-app/{__version__}"
    assert re.fullmatch(r"\d\d\.\d{4}", app.findtext(f"{EP}AppVersion"))
    assert app.findtext(f"{EP}Company") == "滨江新区管委会办公室编"
    with zipfile.ZipFile(exported) as archive:
        assert b"Microsoft" not in archive.read("docProps/app.xml")
    assert app_version("0.1.0") == "00.0100" and app_version("1.12.3") == "01.1203"


def test_core_properties_describe_this_issue_and_this_export(exported, sample_project):
    core = part(exported, "docProps/core.xml")
    assert core.findtext(f"{DC}title") == "滨江新区工作简报 第7期"
    assert core.findtext(f"{DC}creator") == "滨江新区管委会办公室编"
    assert core.findtext(f"{CP}lastModifiedBy") == "editor-app"
    assert core.findtext(f"{DC}language") == "zh-CN"
    created = dt.datetime.fromisoformat(core.findtext(f"{DCTERMS}created").replace("Z", "+00:00"))
    assert (
        abs((dt.datetime.now(dt.UTC) - created).total_seconds()) < 600
    )  # the export's time, not the template's


def test_no_thumbnail_of_a_blank_letter_page(exported):
    with zipfile.ZipFile(exported) as archive:
        names = archive.namelist()
        assert not [n for n in names if "thumbnail" in n]
        assert b"thumbnail" not in archive.read("_rels/.rels")
        assert b"thumbnail" not in archive.read("[Content_Types].xml")
    assert part(exported, "word/settings.xml").find(w("savePreviewPicture")) is None


def test_every_style_the_document_refers_to_is_defined(exported):
    with zipfile.ZipFile(exported) as archive:
        referenced = set()
        for name in archive.namelist():
            if name.startswith("word/") and name.endswith(".xml") and name != "word/styles.xml":
                referenced |= set(re.findall(rb'<w:(?:pStyle|rStyle) w:val="([^"]+)"', archive.read(name)))
    styles = part(exported, "word/styles.xml")
    defined = {s.get(w("styleId")).encode() for s in styles.findall("w:style", NS)}
    assert {b"CommentText", b"CommentReference"} <= referenced
    assert referenced - defined == set()
    comment_text = styles.find("w:style[@w:styleId='CommentText']", NS)
    assert comment_text.get(w("type")) == "paragraph"
    assert (
        comment_text.find("w:name", NS).get(w("val")) == "annotation text"
    )  # Word's own, shown in its words


def test_pictures_get_their_caption_as_alt_text_and_distinct_file_names(exported):
    document = part(exported, "word/document.xml")
    shapes = [
        d
        for d in document.findall(".//wp:docPr", {"wp": NS["wp"]})
        if (d.get("name") or "").startswith("photo")
    ]
    assert [s.get("descr") for s in shapes] == [
        "工人在临河小区加装电梯。",
        "市民在新开放的滨河口袋公园散步。",
    ]
    assert [s.get("name") for s in shapes] == ["photo-01.jpg", "photo-02.jpg"]
    with zipfile.ZipFile(exported) as archive:
        media = sorted(n for n in archive.namelist() if n.startswith("word/media/"))
    assert media == ["word/media/photo-01.jpg", "word/media/photo-02.jpg"]
    rels = part(exported, "word/_rels/document.xml.rels")
    assert {r.get("Target") for r in rels if "image" in r.get("Type")} == {
        "media/photo-01.jpg",
        "media/photo-02.jpg",
    }


def test_describe_picture_on_a_document_built_here(tmp_path):
    document = docx.Document()
    shapes = []
    for color, fmt in (((200, 40, 40), "JPEG"), ((40, 200, 40), "PNG"), ((40, 40, 200), "JPEG")):
        run = document.add_paragraph().add_run()
        shapes.append(run.add_picture(io.BytesIO(picture_bytes(color=color, fmt=fmt)), width=Mm(30))._inline)
    assert describe_picture(shapes[0], document.part, "河道整治\n现场", "photo-01.jpg") == "photo-01.jpg"
    assert (
        describe_picture(shapes[1], document.part, "口袋公园", "photo-02") == "photo-02.png"
    )  # its own type
    assert (
        describe_picture(shapes[2], document.part, "第三张", "photo-01") == "photo-01-2.jpg"
    )  # never a clash
    out = tmp_path / "built.docx"
    document.save(str(out))
    reopened = docx.Document(str(out))  # python-docx reads back what it was given
    assert len(reopened.inline_shapes) == 3
    with zipfile.ZipFile(out) as archive:
        assert sorted(n for n in archive.namelist() if n.startswith("word/media/")) == [
            "word/media/photo-01-2.jpg",
            "word/media/photo-01.jpg",
            "word/media/photo-02.png",
        ]
    docprs = part(out, "word/document.xml").findall(".//wp:docPr", {"wp": NS["wp"]})
    assert [(d.get("name"), d.get("descr")) for d in docprs] == [
        ("photo-01.jpg", "河道整治 现场"),
        ("photo-02.png", "口袋公园"),
        ("photo-01-2.jpg", "第三张"),
    ]
    pic_names = [
        c.get("name")
        for c in part(out, "word/document.xml").iter(
            "{http://schemas.openxmlformats.org/drawingml/2006/picture}cNvPr"
        )
    ]
    assert pic_names == ["photo-01.jpg", "photo-02.png", "photo-01-2.jpg"]


def test_label_pictures_takes_the_caption_that_follows(tmp_path):
    document = docx.Document()
    caption_style = document.styles.add_style("PhotoCaption", 1)
    for caption, color in (
        ("雨后的河道。", (10, 10, 10)),
        (None, (250, 250, 250)),
        ("同一张照片。", (10, 10, 10)),
    ):
        document.add_paragraph().add_run().add_picture(io.BytesIO(picture_bytes(color=color)), width=Mm(20))
        if caption:
            document.add_paragraph(caption, style=caption_style)
    # the third picture is the first one again: python-docx stores it once, so it keeps that file's name
    assert label_pictures(document) == ["photo-01.jpg", "photo-02.jpg", "photo-01.jpg"]
    descr = [
        d.get("descr")
        for d in document.element.body.iter(
            "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
        )
    ]
    assert descr == ["雨后的河道。", "图片2", "同一张照片。"]


def test_describe_picture_takes_a_floating_picture_too():
    """The composer anchors pictures (wp:anchor) in its text boxes: the same helper names and describes them."""
    from docx.oxml.ns import qn

    document = docx.Document()
    inline = document.add_paragraph().add_run().add_picture(io.BytesIO(picture_bytes()), width=Mm(30))._inline
    inline.tag = qn(
        "wp:anchor"
    )  # what matters here is the shape's docPr, pic:cNvPr and blip, not its placement
    assert describe_picture(inline, document.part, "静安区委书记于勇检查河道。", "photo-07") == "photo-07.jpg"
    assert inline.find("wp:docPr", NS).get("descr") == "静安区委书记于勇检查河道。"
    assert (
        str(document.part.related_parts[inline.find(".//a:blip", NS).get(qn("r:embed"))].partname)
        == "/word/media/photo-07.jpg"
    )
