"""The customer's page (read from ../shared at run time) exported as the print staff will get it."""

from __future__ import annotations

import subprocess
import sys

from .helpers import (
    NS,
    body_paragraphs,
    bylines,
    commented_spans,
    comments,
    paragraph_text,
    part,
    shapes,
    style_of,
    w,
)


def test_customer_page_export_meets_the_print_bar(seed_page, tmp_path):
    out = tmp_path / "page.docx"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "editor_app",
            "export",
            str(seed_page),
            "-o",
            str(out),
            "--findings-as-comments",
        ],
        capture_output=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr.decode()
    seed_lines = {line.strip() for line in seed_page.read_text("utf-8").splitlines() if line.strip()}
    document = part(out, "word/document.xml")
    styles = part(out, "word/styles.xml")
    paragraphs = body_paragraphs(out)

    assert document is not None
    columns = {round(box["x"]) for box in shapes(out) if box["chain"] is not None}
    assert len(columns) >= 3  # text set in several columns, side by side

    used = {style_of(p) for p in paragraphs}
    faces = set()
    for style_id in used | {"Dateline", "NoteLabel"}:
        style = styles.find(f"w:style[@w:styleId='{style_id}']", NS)
        fonts = style.find("w:rPr/w:rFonts", NS) if style is not None else None
        if fonts is not None:
            faces.add(fonts.get(w("eastAsia")))
    assert {"宋体", "黑体", "楷体"} <= faces

    notes = [p for p in paragraphs if style_of(p) == "EditorNote"]
    assert len([p for p in notes if paragraph_text(p).startswith("编者按：")]) == 2
    box = styles.find("w:style[@w:styleId='EditorNote']/w:pPr/w:pBdr", NS)
    assert box is not None and len(box.findall("w:left", NS)) == 1

    tags = bylines(out)
    assert len(tags) == 6
    assert all(b.strip("（）") in seed_lines for b in tags)
    assert styles.find("w:style[@w:styleId='Byline']/w:pPr/w:jc", NS).get(w("val")) == "right"

    captions = [paragraph_text(p) for p in paragraphs if style_of(p) == "PhotoCaption"]
    assert len(captions) >= 4 and all(c in seed_lines for c in captions)

    assert len(used - {None}) >= 5

    spans = commented_spans(out)
    notes_by_id = comments(out)
    hits = [cid for cid, text in spans.items() if text == "以问题和为导向"]
    assert hits, f"no comment on 以问题和为导向; commented spans: {sorted(set(spans.values()))[:20]}"
    author, message = notes_by_id[hits[0]]
    assert author and "以问题为导向" in message
