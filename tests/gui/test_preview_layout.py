"""The page preview sets a page as the DOCX export does: what fits, where photos sit, where bylines go."""

from __future__ import annotations

import pytest


@pytest.fixture
def page_layout(window):
    window.preview.rebuild()
    return window.preview.last_layout


def _lines(layout):
    """(paragraph text, column centre, top, bottom) of every text line drawn in the columns."""
    out = []
    for op in layout.ops:
        if op.kind == "layout_at":
            text_layout, _x, _y, clip = op.args  # a line's clip band is centred on its column
            out.append((text_layout.text(), clip.center().x(), clip.top(), clip.bottom()))
    return out


def test_the_preview_agrees_with_the_export_that_the_sample_fits_its_page(page_layout):
    # LibreOffice sets the sample's export on one page (tests/export/test_render.py)
    assert page_layout.overflow_lines == 0
    assert not any(op.kind == "bar" and "overflow" in op.args[1] for op in page_layout.ops)


@pytest.mark.fonts
def test_photos_sit_mid_article_as_in_the_export(window, page_layout):
    from editor_app.export.blocks import photo_position

    lead = window.session.issue.pages[0].blocks[2]
    assert lead.photos and len(lead.paragraphs) >= 4
    picture = next(op.args[0] for op in page_layout.ops if op.kind == "image")
    column = picture.center().x()
    before = lead.paragraphs[photo_position(lead) - 1].text
    after = lead.paragraphs[photo_position(lead)].text
    lines = _lines(page_layout)
    # the paragraph before the photo ends in the photo's column above it; the one after starts below it
    assert any(text == before and abs(x - column) < 10 and bottom <= picture.top() + 1
               for text, x, _top, bottom in lines)
    assert any(text == after and abs(x - column) < 10 and top >= picture.bottom() - 1
               for text, x, top, _bottom in lines)


def test_a_byline_is_drawn_right_under_its_last_line_never_alone_atop_a_column(page_layout):
    lines = _lines(page_layout)
    tags = [line for line in lines if line[0] in ("（建宣）", "（绿办）", "（政服）")]
    assert len(tags) == 3
    for tag, x, top, _bottom in tags:
        above = [text for text, lx, _t, lbottom in lines
                 if text != tag and abs(lx - x) < 10 and abs(lbottom - top) < 1]
        assert above, f"{tag} starts a column of the preview on its own"


def test_a_dateline_after_an_opening_subhead_is_still_drawn(window):
    from editor_app.model import Paragraph

    lead = window.session.issue.pages[0].blocks[2]
    assert lead.dateline == "新区讯"
    first = lead.paragraphs[0].text
    lead.paragraphs.insert(0, Paragraph("开篇", kind="subhead"))  # the export runs the dateline into `first`
    window.preview.rebuild()
    texts = {text for text, *_ in _lines(window.preview.last_layout)}
    assert f"新区讯　{first}" in texts
