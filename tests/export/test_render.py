"""LibreOffice renders the exports: page count, and the headlines, captions and bylines are on the page.

One soffice run converts two templates (LibreOffice takes seconds to start). CI installs
libreoffice-writer-nogui and poppler-utils, so this test runs there; it fails rather than skips
when the tools are missing, because print staff would see exactly what it checks.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from editor_app.export import export_docx

pytestmark = pytest.mark.render

EXPECTED_PAGES = {"a4-bulletin": 1, "tabloid": 1}  # the sample fits its page, as on the reference


def _tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} is not installed: apt-get install libreoffice-writer-nogui poppler-utils"
    return path


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    from editor_app.storage.project import open_project
    from tests.conftest import SAMPLE

    folder = tmp_path_factory.mktemp("render")
    docs = [str(export_docx(open_project(SAMPLE), folder / f"{t}.docx", template=t).path) for t in EXPECTED_PAGES]
    # our face aliases (as ../shared/tools/render-docx uses): page counts must not depend on font fallback
    env = dict(os.environ, HOME=str(folder / "home"), FONTCONFIG_FILE=str(Path(__file__).with_name("fonts.conf")))
    subprocess.run([_tool("soffice"), "--headless", "--norestore",
                    f"-env:UserInstallation=file://{folder / 'profile'}", "--convert-to", "pdf",
                    "--outdir", str(folder), *docs], env=env, capture_output=True, timeout=240, check=True)
    return {t: folder / f"{t}.pdf" for t in EXPECTED_PAGES}


def _pdf_text(pdf) -> str:
    text = subprocess.run([_tool("pdftotext"), str(pdf), "-"], capture_output=True, timeout=60,
                          check=True).stdout.decode("utf-8")
    return "".join(text.split())  # columns interleave lines: compare without whitespace


def _pages(pdf) -> int:
    info = subprocess.run([_tool("pdfinfo"), str(pdf)], capture_output=True, timeout=60, check=True).stdout
    return int(next(line for line in info.decode().splitlines() if line.startswith("Pages:")).split()[1])


@pytest.mark.parametrize("template_id", list(EXPECTED_PAGES))
def test_libreoffice_renders_heads_captions_and_bylines(pdfs, template_id):
    pdf = pdfs[template_id]
    assert pdf.is_file(), "LibreOffice could not convert the export"
    assert _pages(pdf) == EXPECTED_PAGES[template_id]
    text = _pdf_text(pdf)
    for expected in ("滨江新区工作简报", "老旧小区改造提速百姓家门口添新绿", "十二个老旧小区改造项目全部开工",
                     "八座口袋公园年内陆续开放", "工人在临河小区加装电梯。", "市民在新开放的滨河口袋公园散步。",
                     "林悦摄", "（建宣）", "（绿办）", "（政服）", "编者按："):
        assert expected in text, f"{expected} is not on the rendered page"


def _words(pdf) -> list[tuple[float, float, float, float, str]]:
    """(xMin, yMin, xMax, yMax, text) of every word LibreOffice set, in points from the top left."""
    import re

    html = subprocess.run([_tool("pdftotext"), "-bbox", str(pdf), "-"], capture_output=True, timeout=60,
                          check=True).stdout.decode("utf-8")
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    return [(float(a), float(b), float(c), float(d), t) for a, b, c, d, t in re.findall(pattern, html)]


@pytest.mark.parametrize("template_id", list(EXPECTED_PAGES))
def test_no_byline_is_left_alone_at_the_top_of_a_column(pdfs, template_id):
    """LibreOffice balances a section's columns without honouring keep-with-next: a byline of its own
    once stood alone atop the third column. Set on the last body line, it follows that line."""
    from editor_app.layout.templates import get_template

    template = get_template(template_id)
    gutter_pt = template.gutter_chars * template.body_pt
    column_pt = (template.text_width_mm * 72 / 25.4 - (template.columns - 1) * gutter_pt) / template.columns
    words = _words(pdfs[template_id])
    tags = [word for word in words if word[4] in ("（建宣）", "（绿办）", "（政服）")]
    assert len(tags) == 3
    for _x0, y0, x1, _y1, tag in tags:
        above = [w for w in words if w[0] >= x1 - column_pt - 2 and w[2] <= x1 + 2
                 and 0 <= y0 - w[3] <= 1.5 * template.pitch_pt]
        assert above, f"{tag} starts a column of {template_id} on its own"
