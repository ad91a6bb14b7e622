"""Render exports with LibreOffice and read the PDF back with poppler: lines and their boxes.

CI installs libreoffice-writer-nogui and poppler-utils; a missing tool fails the test (print staff
would see exactly what these tests check), it is not skipped.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

FONTS_CONF = Path(__file__).with_name("fonts.conf")
PT_PER_MM = 72 / 25.4


def tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} is not installed: apt-get install libreoffice-writer-nogui poppler-utils"
    return path


def convert(docs: list[Path], folder: Path, fmt: str = "pdf") -> list[Path]:
    """One soffice run (it takes seconds to start) converting `docs` into `folder`."""
    env = dict(os.environ, HOME=str(folder / "home"), FONTCONFIG_FILE=str(FONTS_CONF))
    subprocess.run(
        [
            tool("soffice"),
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{folder / 'profile'}",
            "--convert-to",
            fmt,
            "--outdir",
            str(folder),
            *map(str, docs),
        ],
        env=env,
        capture_output=True,
        timeout=300,
        check=True,
    )
    out = [folder / f"{Path(doc).stem}.{fmt.split(':')[0]}" for doc in docs]
    for path in out:
        assert path.is_file(), f"LibreOffice could not convert {path.stem}"
    return out


def as_word_reads_it(docx: Path, out: Path) -> Path:
    """A copy LibreOffice lays out with the line-breaking settings Word and WPS read from `docx`.

    LibreOffice's DOCX import maps `w:overflowPunct` the wrong way round (writerfilter's DomainMapper
    sets ParaIsHangingPunctuation = (val == 0), where ECMA-376 §17.3.1.21 says val="0" forbids hanging;
    its RTF import and its own DOCX export use the standard's meaning). The copy states the same
    setting in the form that import understands, so the render shows the page Word would set.
    """
    with zipfile.ZipFile(docx) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/styles.xml" or item.filename == "word/document.xml":
                data = re.sub(rb'(<w:overflowPunct w:val=")(0|false|off)(")', rb"\g<1>1\g<3>", data)
            target.writestr(item, data)
    return out


@dataclass(frozen=True)
class Line:
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


def lines(pdf: Path) -> list[Line]:
    """Every text line LibreOffice set, with its box in points from the page's top left."""
    html = subprocess.run(
        [tool("pdftotext"), "-bbox-layout", str(pdf), "-"], capture_output=True, timeout=60, check=True
    ).stdout.decode("utf-8")
    found, page = [], 0
    pattern = re.compile(
        r'<page |<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>', re.S
    )
    for m in pattern.finditer(html):
        if m.group(0).startswith("<page"):
            page += 1
            continue
        text = "".join(re.findall(r"<word [^>]*>([^<]*)</word>", m.group(5)))
        found.append(
            Line(
                page,
                float(m.group(1)),
                float(m.group(2)),
                float(m.group(3)),
                float(m.group(4)),
                unescape(text),
            )
        )
    return found


def unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")


def pdf_text(pdf: Path) -> str:
    return subprocess.run(
        [tool("pdftotext"), str(pdf), "-"], capture_output=True, timeout=60, check=True
    ).stdout.decode("utf-8")


def column_ranges(composition) -> list[tuple[float, float]]:
    """(left, right) in points of every box the composer set text in: columns of text, heads, captions,
    the masthead and the credits line (a mark must not hang past any of them)."""
    ranges = []
    for page in composition.pages:
        rects = [page.masthead_rect, page.credits_rect]
        for composed in page.blocks:
            rects += [composed.head_rect, *(f.rect for f in composed.frames)]
            rects += [r for box in composed.figures for r in (box.picture, box.caption_rect)]
        grid = page.grid
        ranges.append(
            (grid.left * PT_PER_MM, (grid.left + grid.width(grid.columns)) * PT_PER_MM)
        )  # 版眉, folio
        ranges += [(r.x * PT_PER_MM, (r.x + r.w) * PT_PER_MM) for r in rects if r is not None]
    return sorted(set(ranges))


def past_column_edge(line: Line, ranges, tolerance: float = 0.6) -> float:
    """How far (points) the line runs past the right edge of the narrowest column it starts in; 0 inside."""
    starts_in = [(left, right) for left, right in ranges if left - 1 <= line.x0 <= right]
    if not starts_in:
        return float("inf")
    if any(line.x1 <= right + tolerance for _left, right in starts_in):
        return 0.0
    return line.x1 - max(right for _left, right in starts_in)
