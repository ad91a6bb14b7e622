"""The bundled word lists (confusions, idioms, variants) are clean enough to flag running text.

The checker flags each wrong form as a substring of the text, so these tests hold the lists to the rules of
``resources/rules/tools/audit_wordlists.py``; the checks against ../shared skip cleanly when it is absent.
"""

from __future__ import annotations

import importlib.util
import sys

import pytest

from tests.conftest import REPO, SHARED

AUDIT_PATH = REPO / "resources" / "rules" / "tools" / "audit_wordlists.py"
DATA = REPO / "resources" / "rules" / "data"


def _load_audit():
    spec = importlib.util.spec_from_file_location("audit_wordlists", AUDIT_PATH)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("audit_wordlists", module)  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


audit = _load_audit()


@pytest.fixture(scope="module")
def rows():
    loaded, problems = audit.load_rows(DATA)
    assert problems == []
    return loaded


@pytest.fixture
def shared_dir():
    if not (SHARED / "data").exists():
        pytest.skip("../shared is not available on this machine")
    return SHARED


def _pairs(rows, name):
    return {r.wrong: r.right for r in rows if r.file == name}


def test_lists_reach_their_size_targets(rows):
    counts = {name: len(_pairs(rows, name)) for name in ("confusions.tsv", "idioms.tsv", "variants.tsv")}
    assert counts["confusions.tsv"] >= 400
    assert counts["idioms.tsv"] >= 300
    assert counts["variants.tsv"] >= 200


def test_files_are_plain_utf8_tab_separated():
    for name in ("confusions.tsv", "idioms.tsv", "variants.tsv"):
        raw = (DATA / name).read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf"), f"{name} starts with a BOM"
        assert b"\r" not in raw, f"{name} has CR line ends"
        text = raw.decode("utf-8")
        for line in text.splitlines():
            if line and not line.startswith("#"):
                assert "\t" in line and " " not in line, f"{name}: {line!r}"


def test_pairs_are_well_formed_unique_and_do_not_chain(rows):
    assert audit.check_structure(rows) == []
    assert audit.check_right_forms(rows) == []
    assert {r.category for r in rows if r.file == "confusions.tsv"} <= {"别字", "别词"}


def test_wrong_forms_are_not_frequent_words_nor_inside_them(rows):
    words = audit.load_jieba_words()
    assert "部署" in words  # the dictionary really loaded
    assert audit.check_jieba(rows, words) == []


def test_wrong_forms_never_occur_in_correct_text(rows, shared_dir):
    eval_texts = audit.eval_correct_texts(shared_dir)
    assert len(eval_texts) > 1000
    assert audit.check_correct_text(rows, eval_texts, "an eval tgt sentence") == []
    seed_rows = [r for r in rows if r.wrong not in audit.KNOWN_SEED_SLIPS]
    assert audit.check_correct_text(seed_rows, audit.seed_texts(shared_dir), "a seed page") == []


def test_idiom_corrections_are_listed_idioms(rows, shared_dir):
    idioms = audit.load_idioms(shared_dir)
    assert "再接再厉" in idioms
    assert audit.check_idioms(rows, idioms) == []
    assert audit.check_correct_text(rows, sorted(idioms), "成语.txt") == []


def test_whole_audit_passes_and_cli_says_so(capsys):
    assert audit.main([]) == 0
    assert "0 problem(s)" in capsys.readouterr().out


def test_slips_in_the_bundled_sample_are_covered(rows):
    confusions, idioms = _pairs(rows, "confusions.tsv"), _pairs(rows, "idioms.tsv")
    assert confusions["截止目前"] == "截至目前"
    assert confusions["布署"] == "部署"
    assert idioms["再接再励"] == "再接再厉"
    assert _pairs(rows, "variants.tsv")["无庸"] == "毋庸"


def _write_lists(folder, confusions="", idioms="", variants=""):
    folder.mkdir()
    (folder / "confusions.tsv").write_text("# wrong\tright\tcategory\tnote\n" + confusions, encoding="utf-8")
    (folder / "idioms.tsv").write_text(idioms, encoding="utf-8")
    (folder / "variants.tsv").write_text(variants, encoding="utf-8")
    return folder


def test_audit_reports_each_kind_of_bad_row(tmp_path):
    data = _write_lists(
        tmp_path / "data",
        confusions="布署\t部署\t别字\n布署\t部署\t别字\n布署\t布置\t别字\n截至\t截至\t别词\n"
        "竣\t完工\t别字\n喧染\t渲染\t错字\n只有两列\n按\t按照\t别字\n",
        idioms="再接再励\t再接再厉\n",
        variants="部属\t部署\n",
    )
    problems = audit.audit(data, tmp_path / "no-shared")
    text = "\n".join(problems)
    assert "confusions.tsv:3: duplicate of confusions.tsv:2 (布署→部署)" in text
    assert "confusions.tsv:4: '布署' → '布置' conflicts with confusions.tsv:2 (布署→部署)" in text
    assert "confusions.tsv:5: wrong form equals right form '截至'" in text
    assert "confusions.tsv:7: category '错字' is not one of" in text
    assert "confusions.tsv:8: expected 3-4 TAB-separated fields, got 1" in text
    assert "confusions.tsv:9: right form '按照' contains wrong form '按'" in text
    assert "confusions.tsv:2: right form '部署' is itself flagged as wrong at variants.tsv:1" in text
    assert "variants.tsv:1: wrong form '部署' is a jieba word" in text
    assert "confusions.tsv:6: wrong form '竣' sits inside jieba word(s)" in text
    assert not any(p.startswith("idioms.tsv") for p in problems)


def test_audit_catches_wrong_forms_inside_correct_text_and_idioms(tmp_path):
    shared = tmp_path / "shared"
    (shared / "data" / "eval").mkdir(parents=True)
    (shared / "data" / "wordlists").mkdir(parents=True)
    (shared / "seeds").mkdir()
    (shared / "data" / "eval" / "a.jsonl").write_text(
        '{"id": "x", "src": "临床弟一", "tgt": "临床第一", "edits": []}\n', encoding="utf-8"
    )
    (shared / "data" / "wordlists" / "成语.txt").write_text(
        "再接再厉 \t 9\n深恶痛疾 \t 1\n", encoding="utf-8"
    )
    (shared / "seeds" / "page.txt").write_text("法定婚龄\n", encoding="utf-8")
    data = _write_lists(
        tmp_path / "data",
        confusions="床第\t床笫\t别字\n",
        idioms="深恶痛疾\t深恶痛绝\n再接再励\t再接再厉\n",
        variants="订婚\t定婚\n",
    )
    problems = "\n".join(audit.audit(data, shared, use_jieba=False))
    assert "confusions.tsv:2: wrong form '床第' occurs in an eval tgt sentence" in problems
    assert "variants.tsv:1: wrong form '定婚' occurs in a seed page" in problems
    assert "idioms.tsv:1: '深恶痛绝' is not in 成语.txt" in problems
    assert "idioms.tsv:1: wrong form '深恶痛疾' is itself listed in 成语.txt" in problems
    assert "idioms.tsv:2" not in problems


def test_cli_exits_1_and_names_the_line_on_a_bad_list(tmp_path, capsys):
    data = _write_lists(tmp_path / "data", confusions="布署\t布署\t别字\n")
    assert audit.main(["--data", str(data), "--shared", str(tmp_path / "none"), "--no-jieba"]) == 1
    out = capsys.readouterr().out
    assert "confusions.tsv:2: wrong form equals right form '布署'" in out
    assert "../shared absent" in out


def test_corpus_report_reads_segmented_text_and_names_rows(tmp_path, capsys):
    data = _write_lists(tmp_path / "data", confusions="严历\t严厉\t别字\n布署\t部署\t别字\n")
    corpus = tmp_path / "corpus.txt"
    corpus.write_text("承担/v  庄严/a  历史/n  使命/n  。/w\n", encoding="utf-8")
    rows, _ = audit.load_rows(data)
    report = audit.corpus_report(rows, audit.read_corpus(corpus))
    assert report == ["confusions.tsv:2: 严历 ×1: 承担庄严历史使命。"]
    audit.main(
        ["--data", str(data), "--shared", str(tmp_path / "none"), "--no-jieba", "--corpus", str(corpus)]
    )
    assert "corpus corpus.txt: confusions.tsv:2: 严历" in capsys.readouterr().out
