"""Rendered pages keep Chinese line breaking: no line starts with a closing mark, no mark hangs past
its column (into the gutter, over the column rule or out of the 编者按 box), no character goes missing.

The bundled sample always; the customer's page too when ../shared is present (its A3 export once
dropped a 、 and a 。 that hung past the page).
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from editor_app.export import compose_for_export, export_docx, load_source
from editor_app.layout.linebreak import LINE_START_FORBIDDEN
from editor_app.layout.templates import get_template
from editor_app.model.fields import iter_text_fields
from tests.conftest import SAMPLE, SEED_PAGE

from .rendering import as_word_reads_it, column_ranges, convert, lines, past_column_edge, pdf_text

pytestmark = pytest.mark.render

CASES = [("sample", "a4-bulletin"), ("sample", "tabloid"), ("seed", "a4-bulletin"), ("seed", "a3-bulletin")]
PAGE_NUMBER = re.compile(r"^—\s*\d+\s*—$")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    folder = tmp_path_factory.mktemp("linebreak")
    sources = {"sample": SAMPLE}
    if SEED_PAGE.exists():
        sources["seed"] = SEED_PAGE
    docs, projects = {}, {}
    for name, template in CASES:
        if name not in sources:
            continue
        projects[name] = projects.get(name) or load_source(sources[name])
        exported = export_docx(projects[name], folder / f"{name}-{template}.docx", template=template).path
        docs[(name, template)] = as_word_reads_it(exported, folder / f"{name}-{template}-word.docx")
    pdfs = convert(list(docs.values()), folder)
    return {
        key: (pdf, projects[key[0]], compose_for_export(projects[key[0]], get_template(key[1])))
        for key, pdf in zip(docs, pdfs)
    }


@pytest.mark.parametrize("case", CASES, ids=[f"{s}-{t}" for s, t in CASES])
def test_rendered_lines_keep_the_chinese_line_breaking_rules(rendered, case):
    if case not in rendered:
        pytest.skip("../shared/seeds is not available on this machine")
    pdf, project, composition = rendered[case]
    ranges = column_ranges(composition)
    set_lines = lines(pdf)
    assert len(set_lines) > 40

    fields = ["".join(tf.text.split()) for tf in iter_text_fields(project.issue)]
    # GB/T 15834 governs Chinese marks; a half-width comma in Chinese copy is itself an error the checker
    # flags (规范标点 fixes it), and LibreOffice treats it as Latin, breaking before it
    full_width = LINE_START_FORBIDDEN - set(",.;:?!)]}%")
    starts = [
        line.text
        for line in set_lines
        if line.text
        and line.text[0] in full_width
        and not PAGE_NUMBER.match(line.text)
        and not any(line.text.lstrip("—").startswith(field.lstrip("—")[:6]) for field in fields)
    ]  # 副题
    assert starts == [], "lines start with a closing mark"
    hanging = [
        (line.page, round(line.y0), line.text[-6:], round(past_column_edge(line, ranges), 1))
        for line in set_lines
        if past_column_edge(line, ranges) > 0
    ]
    assert hanging == [], "marks hang past their column or box"

    printed = Counter("".join(pdf_text(pdf).split()))
    overset = {b.block_id for b in composition.blocks() if b.overset_lines}  # listed as overset by the export
    source = Counter(
        "".join(
            "".join(tf.text.split()) for tf in iter_text_fields(project.issue) if tf.block.id not in overset
        )
    )
    missing = {ch: n - printed[ch] for ch, n in source.items() if printed[ch] < n}
    assert missing == {}, "characters of the copy are not on the page"
