"""The word bigram model judges a fix in its sentence: the intended wording reads cheaper than the slip."""

from __future__ import annotations

import shutil

import pytest

from editor_app.proof.typo import Settings, TypoDataError, TypoDetector, load_tables
from editor_app.proof.typo.lm import UNKNOWN_CHAR, WordLM
from tests.conftest import REPO

TYPO = REPO / "resources" / "typo"


@pytest.fixture(scope="module")
def lm() -> WordLM:
    return WordLM.load(TYPO)


@pytest.mark.parametrize(("intended", "slip"), [
    ("依法予以公示", "依法予以公式"),
    ("建立健全长效机制", "建立健全长效机智"),
    ("现场气氛热烈", "现场气氛热列"),
    ("研究部署下一步工作", "研究部暑下一步工作"),
])
def test_intended_wording_reads_cheaper_than_the_slip(lm, intended, slip):
    assert lm.cost(intended) + 3.0 < lm.cost(slip)


def test_unknown_characters_and_empty_text_have_a_finite_cost(lm):
    assert lm.cost("") == 0.0
    rare = lm.cost("䶮")  # a character outside the model's lexicon
    assert rare == pytest.approx(UNKNOWN_CHAR)
    assert lm.cost("䶮䶮的") < 3 * UNKNOWN_CHAR


def test_a_slip_that_only_reads_wrong_in_context_is_found():
    """热列 forms no word, but neither does 热烈 stand out locally: the window's reading decides."""
    local_only = TypoDetector.load(settings=Settings(lm_weight=0.0, lexicon_penalty=0.0, min_logit=1.5))
    with_model = TypoDetector.load()
    sentence = "活动吸引了近千名市民参与，现场气氛热列。"
    assert local_only.detect(sentence) == []
    assert [(h.wrong, h.right) for h in with_model.detect(sentence)] == [("列", "烈")]


def test_missing_or_damaged_model_gives_a_clear_error(tmp_path):
    for path in [*TYPO.glob("*.tsv"), *TYPO.glob("*.bin")]:
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "lm_next.bin").unlink()
    with pytest.raises(TypoDataError, match="lm_next.bin"):
        load_tables(tmp_path)
    (tmp_path / "lm_next.bin").write_bytes((TYPO / "lm_next.bin").read_bytes()[:-4])  # cut short
    tables = load_tables(tmp_path)  # the model itself is read on the first candidate, not here
    with pytest.raises(TypoDataError, match="language model"):
        tables.language_model()
    shutil.copy(TYPO / "lm_next.bin", tmp_path / "lm_next.bin")
    (tmp_path / "lm_words.tsv").write_text("# header\n的\t30\n", encoding="utf-8")
    tables = load_tables(tmp_path)  # the model itself is read on the first candidate, not here
    with pytest.raises(TypoDataError, match="language model"):
        tables.language_model()
