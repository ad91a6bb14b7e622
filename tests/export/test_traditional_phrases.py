"""The traditional edition's phrase set (tests/export/data/traditional_phrases.tsv): every row right in
both the Taiwan and the Hong Kong edition, and every conversion as long as its source, so a writer can
convert a whole field and cut its runs at the source's offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor_app.export.traditional import converter

DATA = Path(__file__).with_name("data") / "traditional_phrases.tsv"


def _rows() -> list[tuple[int, str, str, str, str]]:
    rows = []
    for number, line in enumerate(DATA.read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        assert len(parts) in (3, 4), f"line {number}: simplified, s2tw, s2hk[, field]"
        rows.append((number, parts[0], parts[1], parts[2], parts[3] if len(parts) == 4 else ""))
    return rows


ROWS = _rows()


def test_the_set_is_large_and_every_row_is_distinct():
    assert len(ROWS) >= 200
    sources = [(source, field) for _n, source, _tw, _hk, field in ROWS]
    assert len(set(sources)) == len(sources)
    # the expected forms are traditional: none is left equal to a source that has convertible characters
    assert sum(1 for _n, source, tw, hk, _f in ROWS if tw != source and hk != source) > 0.8 * len(ROWS)


@pytest.mark.parametrize("variant, column", [("s2tw", 2), ("s2hk", 3)])
def test_every_phrase_converts_as_an_editor_there_expects(variant, column):
    convert = converter(variant)
    wrong = []
    for row in ROWS:
        number, source, field = row[0], row[1], row[4]
        got = convert.convert_field(source, field)
        if got != row[column]:
            wrong.append(f"line {number}: {source} → {got}, expected {row[column]}")
        assert len(got) == len(source), f"line {number}: the conversion changed the length"
    assert wrong == [], f"{len(wrong)} of {len(ROWS)} wrong"
