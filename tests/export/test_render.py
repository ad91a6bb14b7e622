"""LibreOffice renders the composed pages where the composer put them: every word inside its block's
box, every column ending where the composer ended it, as many pages, and nothing of the text lost.

One soffice run converts every export (LibreOffice takes seconds to start). CI installs
libreoffice-writer-nogui and poppler-utils, so this test runs there; it fails rather than skips when
the tools are missing, because print staff would see exactly what it checks.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from editor_app.export import compose_for_export, export_docx
from editor_app.layout.templates import get_template

from .helpers import NS, W
from .rendering import as_word_reads_it, convert

pytestmark = pytest.mark.render

PT_PER_MM = 72 / 25.4
TOLERANCE_MM = 2.0
SAMPLE_TEMPLATES = ("a4-bulletin", "tabloid", "a3-bulletin")


def _tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} is not installed: apt-get install libreoffice-writer-nogui poppler-utils"
    return path


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """{name: (composition, pdf)} for the sample on three templates and the customer's page on the
    broadsheet (when ../shared is there)."""
    from editor_app.storage.project import open_project
    from tests.conftest import SAMPLE, SHARED

    folder = tmp_path_factory.mktemp("render")
    jobs = {f"sample-{t}": (open_project(SAMPLE), t) for t in (*SAMPLE_TEMPLATES, "official")}
    seed = SHARED / "seeds" / "000_1827cb5f2df69aa0.txt"
    if seed.is_file():
        from editor_app.importing import import_file

        jobs["seed-broadsheet"] = (import_file(seed).to_project(), "broadsheet")
        jobs["seed-a4-bulletin"] = (import_file(seed).to_project(), "a4-bulletin")  # many pages
    out, docs = {}, []
    for name, (project, template_id) in jobs.items():
        exported = export_docx(project, folder / f"{name}-export.docx", template=template_id).path
        # LibreOffice reads w:overflowPunct backwards (see rendering.as_word_reads_it): render the page
        # as Word and WPS set it, with no mark hanging past a column
        docs.append(as_word_reads_it(exported, folder / f"{name}.docx"))
        out[name] = (compose_for_export(project, get_template(template_id)), folder / f"{name}.pdf")
    convert(docs, folder)  # with our face aliases, as ../shared/tools/render-docx renders
    return out


def _pages(pdf: Path) -> list[list[tuple[float, float, float, float, str]]]:
    """Per page, (xMin, yMin, xMax, yMax, text) of every word LibreOffice set, in millimetres."""
    html = subprocess.run(
        [_tool("pdftotext"), "-bbox-layout", str(pdf), "-"], capture_output=True, timeout=60, check=True
    ).stdout.decode("utf-8")
    pages = []
    for page in html.split("<page ")[1:]:
        words = re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page
        )
        pages.append(
            [
                (float(a) / PT_PER_MM, float(b) / PT_PER_MM, float(c) / PT_PER_MM, float(d) / PT_PER_MM, t)
                for a, b, c, d, t in words
            ]
        )
    return pages


def _boxes(page):
    """The composer's boxes that hold text: heads, text frames, captions, placeholders, masthead.

    LibreOffice shows one more line under the last box of an overset block's chain (Word hides it);
    the export lists such a block as overset, so that line is allowed for."""
    from editor_app.layout.composition import Rect

    boxes = []
    if page.masthead_rect is not None:
        boxes.append(page.masthead_rect)
    for composed in page.blocks:
        if composed.head_rect is not None:
            boxes.append(composed.head_rect)
        boxes += [frame.rect for frame in composed.frames]
        if composed.overset_lines and composed.frames:
            last = composed.frames[-1].rect
            boxes.append(Rect(last.x, last.y, last.w, last.h + page.grid.pitch))
        for figure in composed.figures:
            boxes.append(figure.picture)
            if figure.caption_rect is not None:
                boxes.append(figure.caption_rect)
    return boxes


def _inside(word, rect, slack: float = TOLERANCE_MM) -> bool:
    x0, y0, x1, y1, _ = word
    return (
        rect.x - slack <= x0
        and x1 <= rect.x + rect.w + slack
        and rect.y - slack <= y0
        and y1 <= rect.y + rect.h + slack
    )


CASES = [f"sample-{t}" for t in SAMPLE_TEMPLATES] + ["seed-broadsheet", "seed-a4-bulletin"]


@pytest.mark.parametrize("name", CASES)
def test_every_word_lies_in_the_box_the_composer_made_for_it(rendered, name):
    if name not in rendered:
        pytest.skip("../shared/seeds is not available on this machine")
    composition, pdf = rendered[name]
    pages = _pages(pdf)
    assert len(pages) == len(composition.pages)
    for page, words in zip(composition.pages, pages, strict=True):
        boxes = _boxes(page)
        top, bottom = page.grid.y(0), page.grid.y(page.grid.lines)
        body_words = [
            wd for wd in words if top - 1 < (wd[1] + wd[3]) / 2 < bottom + 1
        ]  # not the 版眉 or folio
        strays = [wd[4] for wd in body_words if not any(_inside(wd, box) for box in boxes)]
        assert not strays, f"{name}: set outside every box: {strays[:10]}"


@pytest.mark.parametrize("name", CASES)
def test_every_column_ends_within_a_line_of_where_the_composer_ended_it(rendered, name):
    if name not in rendered:
        pytest.skip("../shared/seeds is not available on this machine")
    composition, pdf = rendered[name]
    for page, words in zip(composition.pages, _pages(pdf), strict=True):
        pitch = page.grid.pitch
        for composed in page.blocks:
            frames = composed.frames[:-1] if composed.overset_lines else composed.frames  # see _boxes
            for frame in frames:
                inside = [wd for wd in words if _inside(wd, frame.rect, 0.8)]
                if not frame.lines:
                    assert not inside, f"{name}: text in a frame the composer left empty: {inside[:3]}"
                    continue
                composer_end = frame.lines[-1].y + frame.lines[-1].height
                rendered_end = max(wd[3] for wd in inside)
                assert abs(rendered_end - composer_end) <= pitch + 0.5, (
                    f"{name}: a column of 「{composed.story.kind}」 ends at {rendered_end:.1f} mm, "
                    f"the composer ended it at {composer_end:.1f} mm"
                )


def test_the_customer_page_is_one_broadsheet_page_with_nothing_lost(rendered, seed_page):
    composition, pdf = rendered["seed-broadsheet"]
    assert len(composition.pages) == 1
    page = composition.pages[0]
    assert not page.masthead  # the text has no publication name: none is invented
    assert all(b.state == "fits" for b in page.blocks)
    news = [b for b in page.blocks if b.story.kind == "photo_news"]
    assert len(news) == 1 and news[0].story.block.byline == "环军捷"
    text = subprocess.run(
        [_tool("pdftotext"), str(pdf), "-"], capture_output=True, timeout=60, check=True
    ).stdout.decode("utf-8")
    printed = Counter("".join(text.split()))
    source = Counter("".join(seed_page.read_text("utf-8").split()))
    missing = source - printed
    assert not missing, f"characters of the page missing from the print: {dict(missing.most_common(20))}"


def test_the_official_bulletin_is_set_28_characters_by_22_lines(rendered):
    """GB/T 9704: 28 characters a line, 22 lines a page, read from the XML and from the render."""
    from editor_app.layout.templates import get_template

    from .helpers import part

    composition, pdf = rendered["sample-official"]
    template = get_template("official")
    docx = pdf.with_suffix(".docx")
    grid = part(docx, "word/document.xml").find(".//w:sectPr/w:docGrid", NS)
    pitch = int(grid.get(f"{{{W}}}linePitch")) / 20
    assert int(template.text_height_mm * PT_PER_MM // pitch) == 22
    body = part(docx, "word/styles.xml").find("w:style[@w:styleId='BodyText']", NS)
    size = int(body.find("w:rPr/w:sz", NS).get(f"{{{W}}}val")) / 2
    spacing = int(body.find("w:rPr/w:spacing", NS).get(f"{{{W}}}val")) / 20
    assert int(template.text_width_mm * PT_PER_MM // (size + spacing)) == 28
    full_lines, page_lines = [], []
    html = subprocess.run(
        [_tool("pdftotext"), "-bbox-layout", str(pdf), "-"], capture_output=True, timeout=60, check=True
    ).stdout.decode("utf-8")
    for page in html.split("<page ")[1:]:
        lines = re.findall(
            r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>(.*?)</line>', page, re.S
        )
        text_lines = []
        for x0, y0, x1, inner in lines:
            text = "".join(re.findall(r"<word [^>]*>([^<]*)</word>", inner))
            if (
                float(y0) / PT_PER_MM > template.page.top_mm - 1
                and float(y0) / PT_PER_MM < template.page.height_mm - template.page.bottom_mm
            ):
                text_lines.append((float(x0), float(x1), text))
        page_lines.append(
            len(
                {
                    round(float(y0))
                    for x0, y0, x1, inner in lines
                    if template.page.top_mm - 1
                    < float(y0) / PT_PER_MM
                    < template.page.height_mm - template.page.bottom_mm
                }
            )
        )
        left = template.page.left_mm * PT_PER_MM
        right = (template.page.width_mm - template.page.right_mm) * PT_PER_MM
        full_lines += [
            t for x0, x1, t in text_lines if x0 < left + 2 and x1 > right - 12 and t.isascii() is False
        ]
    han_only = [
        t for t in full_lines if all("\u4e00" <= ch <= "\u9fff" or ch in "，。、；：“”（）" for ch in t)
    ]
    assert han_only and all(len(t) == 28 for t in han_only), [(len(t), t) for t in han_only if len(t) != 28][
        :5
    ]
    assert max(page_lines) <= 22 + 1  # the folio line may share the text area's last pitch
