"""How close the composer's line breaking comes to LibreOffice's own.

    PYTHONPATH=src python bench/fit_accuracy.py

Every paragraph of the sample issue, plus paragraphs mixing digits and Latin words, is set in a DOCX
at 五号 (10.5 pt) with an exact 15.75 pt pitch, a 2-character first-line indent and justified lines,
in columns of 11, 13, 14, 22 and 27 characters, one paragraph per page. LibreOffice (headless, with
../shared/tools/fonts.conf mapping 宋体 to a free face) renders the PDF; pdftotext counts the lines
of each page. Needs soffice and pdftotext; prints the per-width agreement.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
FONTS_CONF = ROOT.parent / "shared" / "tools" / "fonts.conf"
WIDTHS = (11, 13, 14, 22, 27)
EXTRA = [
    "据统计，2025年全区完成固定资产投资356.8亿元，同比增长12.5%，其中工业投资增长18%。",
    "园区引进的Smart Factory项目采用5G专网和AI质检系统，产品不良率下降到0.3%以下。",
    "“我们最关心的是审批时间，”企业负责人说，“现在从签约到开工只用了两个月。”",
    "会议要求，要坚持问题导向，聚焦企业“急难愁盼”，切实做到服务“不打烊”、办事“不见面”。",
    "截至10月底，新区累计发放创业担保贷款1.2亿元，带动就业3400余人；新增市场主体5600户。",
]


def paragraphs() -> list[str]:
    from editor_app.storage.project import open_project

    issue = open_project(ROOT / "resources" / "samples" / "sample.bulletin").issue
    texts = [p.text for _, b in issue.blocks() for p in getattr(b, "paragraphs", ()) if p.kind == "text"]
    return texts + EXTRA


def build_docx(texts: list[str], chars: int, out: Path) -> None:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = Document()
    section = document.sections[0]
    margin = Pt(36)
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = margin
    section.page_width = margin * 2 + Pt(chars * 10.5)
    section.page_height = Pt(842)
    style = document.styles["Normal"]
    style.font.size = Pt(10.5)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), "宋体")  # Latin in Times New Roman, as every template sets it
    for attr in ("w:ascii", "w:hAnsi"):
        fonts.set(qn(attr), "Times New Roman")
    from editor_app.export.linebreaking import apply_line_breaking

    apply_line_breaking(document)  # the GB/T 15834 rules every export carries
    for i, text in enumerate(texts):
        paragraph = document.add_paragraph()
        if i:
            paragraph.add_run().add_break(WD_BREAK.PAGE)
        paragraph.add_run(text)
        fmt = paragraph.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(15.75)
        fmt.space_after = fmt.space_before = Pt(0)
        fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        ind = paragraph._p.get_or_add_pPr().get_or_add_ind()
        ind.set(qn("w:firstLineChars"), "200")
        ind.set(qn("w:firstLine"), str(int(2 * 10.5 * 20)))
    document.save(out)
    # LibreOffice reads w:overflowPunct backwards: state "no hanging" the way its import understands
    import re
    import zipfile

    data = {}
    with zipfile.ZipFile(out) as source:
        for item in source.infolist():
            data[item] = source.read(item.filename)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item, blob in data.items():
            if item.filename == "word/styles.xml":
                blob = re.sub(rb'(<w:overflowPunct w:val=")(0|false)(")', rb"\g<1>1\g<3>", blob)
            target.writestr(item, blob)


def main() -> int:
    if not shutil.which("soffice") or not shutil.which("pdftotext"):
        print("fit_accuracy: skipped (needs LibreOffice's soffice and poppler's pdftotext)")
        return 0
    from editor_app.layout.metrics import break_lines

    def estimate_lines(text: str, chars: int, indent: int) -> int:
        return len(break_lines(text, 10.5, chars * 10.5, indent * 10.5))

    texts = paragraphs()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        docs = []
        for chars in WIDTHS:
            path = folder / f"w{chars}.docx"
            build_docx(texts, chars, path)
            docs.append(path)
        env = dict(os.environ, HOME=str(folder / "home"))
        if FONTS_CONF.exists():
            env["FONTCONFIG_FILE"] = str(FONTS_CONF)
        subprocess.run(
            [
                "soffice",
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
                str(folder),
                *map(str, docs),
            ],
            env=env,
            check=True,
            capture_output=True,
        )
        total = Counter()
        for chars in WIDTHS:
            pdf = folder / f"w{chars}.pdf"
            pages = subprocess.run(
                ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
            ).stdout.split("\f")
            diffs = Counter()
            for text, page in zip(texts, pages, strict=False):
                measured = sum(1 for line in page.splitlines() if line.strip())
                diffs[estimate_lines(text, chars, indent=2) - measured] += 1
            total.update(diffs)
            exact = diffs[0] / sum(diffs.values())
            print(
                f"{chars:2d} chars: exact {exact:.0%}, estimate − LibreOffice: "
                + ", ".join(f"{d:+d}: {n}" for d, n in sorted(diffs.items()))
            )
        exact = total[0] / sum(total.values())
        within1 = sum(n for d, n in total.items() if abs(d) <= 1) / sum(total.values())
        print(f"all {sum(total.values())} paragraphs: exact {exact:.0%}, within one line {within1:.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
