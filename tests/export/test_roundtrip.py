"""An export survives python-docx and a LibreOffice round trip (.docx → .odt → .docx) with its named
styles, comments (text, author and span), pictures' alt text and its metadata, in both editions."""

from __future__ import annotations

import zipfile

import docx
import pytest
from lxml import etree

from editor_app.export import export_docx
from editor_app.export.styles import style_specs
from editor_app.layout.templates import get_template

from .conftest import flag_on
from .helpers import commented_spans, comments
from .rendering import convert

pytestmark = pytest.mark.render

DC = "{http://purl.org/dc/elements/1.1/}"
PICTURE = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"


def _core(path) -> dict[str, str]:
    """The core properties, read from the part itself: LibreOffice relates docProps/core.xml with the
    transitional relationship URI (…/officedocument/2006/relationships/metadata/core-properties), which
    python-docx does not look for, so `Document.core_properties` would show a blank default there."""
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("docProps/core.xml"))
    return {name: root.findtext(f"{DC}{name}") for name in ("title", "creator", "language", "description")}


def _features(path) -> dict:
    document = docx.Document(str(path))
    with zipfile.ZipFile(path) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
        names = set(archive.namelist())
    return {
        "styles": {s.name for s in document.styles},
        "comments": sorted(comments(path).values()) if "word/comments.xml" in names else [],
        "spans": sorted(commented_spans(path).values()),
        "alt": [d.get("descr") for d in body.iter(PICTURE) if (d.get("name") or "").startswith("photo")],
        "core": _core(path),
    }


@pytest.fixture(scope="module")
def trips(tmp_path_factory):
    from editor_app.storage.project import open_project
    from tests.conftest import SAMPLE

    folder = tmp_path_factory.mktemp("roundtrip")
    originals = {}
    for edition in EDITIONS:
        project = open_project(SAMPLE)
        flag_on(project.issue, "再接再励", "成语误写", "再接再厉")
        exported = export_docx(
            project,
            folder / f"{edition}.docx",
            flags_as_comments=True,
            template="manuscript" if edition == "manuscript" else None,
            traditional=edition if edition.startswith("s2") else None,
        ).path
        resaved = folder / f"{edition}-python-docx.docx"
        docx.Document(str(exported)).save(str(resaved))
        originals[edition] = (exported, resaved)
    odts = convert([resaved for _exported, resaved in originals.values()], folder / "odt", "odt")
    backs = convert(odts, folder / "back", "docx")
    return {
        edition: (exported, resaved, back)
        for (edition, (exported, resaved)), back in zip(originals.items(), backs)
    }


EDITIONS = ("simplified", "s2tw", "manuscript")


@pytest.mark.parametrize("edition", EDITIONS)
def test_styles_comments_alt_text_and_metadata_survive(trips, edition):
    """Through python-docx everything survives. Through LibreOffice (.odt and back) the composed page
    keeps its styles, alt text and metadata, but LibreOffice drops comments set inside text boxes
    (Word and WPS keep them): a proof round in LibreOffice uses the 发排稿, whose comments survive."""
    exported, resaved, back = trips[edition]
    before = _features(exported)
    role_names = {spec.name for spec in style_specs(get_template("a4-bulletin")).values()}
    assert role_names <= before["styles"]
    assert len(before["comments"]) == 1 and before["alt"] and all(before["alt"])
    assert before["core"]["title"] and before["core"]["language"] == (
        "zh-TW" if edition == "s2tw" else "zh-CN"
    )

    for stage in (resaved, back):
        after = _features(stage)
        assert role_names <= after["styles"], f"{stage.name}: styles lost"
        if stage is not back or edition == "manuscript":  # see the docstring
            assert "annotation text" in after["styles"] or "CommentText" in after["styles"]
            assert after["comments"] == before["comments"], f"{stage.name}: comments changed"
            assert after["spans"] == before["spans"], f"{stage.name}: comments moved"
        assert after["alt"] == before["alt"], f"{stage.name}: alt text lost"
        assert after["core"] == before["core"], f"{stage.name}: metadata lost"
