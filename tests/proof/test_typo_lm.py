"""The word bigram model judges a fix in its sentence: the intended wording reads cheaper than the slip."""

from __future__ import annotations

import shutil
import threading

import pytest

from editor_app.proof.typo import Settings, TypoDataError, TypoDetector, load_tables
from editor_app.proof.typo.lm import UNKNOWN_CHAR, WordLM
from tests.conftest import REPO

TYPO = REPO / "resources" / "typo"


@pytest.fixture(scope="module")
def lm() -> WordLM:
    return WordLM.load(TYPO)


@pytest.mark.parametrize(
    ("intended", "slip"),
    [
        ("依法予以公示", "依法予以公式"),
        ("建立健全长效机制", "建立健全长效机智"),
        ("现场气氛热烈", "现场气氛热列"),
        ("研究部署下一步工作", "研究部暑下一步工作"),
    ],
)
def test_intended_wording_reads_cheaper_than_the_slip(lm, intended, slip):
    assert lm.cost(intended) + 3.0 < lm.cost(slip)


def test_unknown_characters_and_empty_text_have_a_finite_cost(lm):
    assert lm.cost("") == 0.0
    unknown = "\U00020000"  # 𠀀, outside the model's lexicon
    assert not lm.knows(unknown)
    assert lm.cost(unknown * 2 + "的") == pytest.approx(2 * UNKNOWN_CHAR + lm.cost("的"))


def test_a_run_is_read_as_a_clause(lm):
    """Between clause marks 思想 reads better still than mid-text; the slip 思象 gains nothing from it."""
    assert lm.cost("发展思想", True, True) - lm.cost("发展思象", True, True) < lm.cost("发展思想") - lm.cost(
        "发展思象"
    )


def test_a_slip_that_only_reads_wrong_in_context_is_found():
    """热列 forms no word, but neither does 热烈 stand out locally: the window's reading decides."""
    local_only = TypoDetector.load(settings=Settings(lm_weight=0.0, lexicon_penalty=0.0, min_logit=1.5))
    with_model = TypoDetector.load()
    sentence = "活动吸引了近千名市民参与，现场气氛热列。"
    assert local_only.detect(sentence) == []
    assert [(h.wrong, h.right) for h in with_model.detect(sentence)] == [("列", "烈")]


def _copy_tables(folder):
    for path in [*TYPO.glob("*.tsv"), *TYPO.glob("*.bin")]:
        shutil.copy(path, folder / path.name)


def test_a_missing_model_file_is_named_when_the_tables_load(tmp_path):
    _copy_tables(tmp_path)
    (tmp_path / "lm_index.bin").unlink()
    with pytest.raises(TypoDataError, match="lm_index.bin"):
        load_tables(tmp_path)


@pytest.mark.parametrize(
    ("name", "damage"),
    [
        ("lm_next.bin", lambda data: data[:-1]),  # cut short mid-character
        ("lm_next.bin", lambda data: b"\xff\xff\xff\xff" + data[4:]),  # not a character at all
        ("lm_index.bin", lambda data: data[:-4]),
        ("lm_index.bin", lambda data: bytes(len(data) // 2) + data[len(data) // 2 :]),  # zeroed costs
        ("lm_cost.bin", lambda data: data[:-1]),
        (
            "lm_words.tsv",
            lambda data: data.replace("\n的\n".encode(), b"\n", 1) + "溢\n".encode(),
        ),  # a word shifted
        ("lm_words.tsv", lambda data: data.partition(b"\n")[2]),  # no header
        ("lm_words.tsv", lambda data: data.replace("\n的\n".encode(), b"\n\xff\n", 1)),  # not UTF-8
    ],
)
def test_a_damaged_model_gives_a_clear_error_each_time_and_is_read_once(tmp_path, name, damage):
    _copy_tables(tmp_path)
    path = tmp_path / name
    path.write_bytes(damage(path.read_bytes()))
    tables = load_tables(tmp_path)  # the model itself is read on the first candidate, not here
    with pytest.raises(TypoDataError, match="language model") as first:
        tables.language_model()
    assert name in str(first.value)
    path.unlink()  # a second request does not read the files again: it repeats the same answer
    with pytest.raises(TypoDataError) as second:
        tables.language_model()
    assert str(second.value) == str(first.value)


def test_threads_asking_at_once_share_one_model():
    tables = load_tables(TYPO)
    start = threading.Barrier(4)
    models = []

    def ask():
        start.wait()
        models.append(tables.language_model())

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(models) == 4 and all(model is models[0] for model in models)
