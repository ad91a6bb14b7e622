"""The deep pass (深度校对): the slips the issue names, the customer's page left alone, its rule pack's
examples, its data refused when damaged, and the CLI's --deep."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from editor_app.proof.deep import DeepChecker, check_issue_both
from editor_app.proof.deep.lm3 import ContextLMError, TrigramLM

TWELVE = [
    ("这种做法无异于刻舟求箭。", "刻舟求箭", "刻舟求剑"),
    ("他们对此事漠不关新。", "漠不关新", "漠不关心"),
    ("这一成绩来之不意。", "来之不意", "来之不易"),
    ("要防微杜监，抓早抓小。", "防微杜监", "防微杜渐"),
    ("这幅作品栩栩如声。", "栩栩如声", "栩栩如生"),
    ("要坚持全面从严治档。", "全面从严治档", "全面从严治党"),
    ("发扬钉子精神，久久为公。", "久久为公", "久久为功"),
    ("各项工作正在有序推近。", "近", "进"),
    ("进一步完善工作机智。", "智", "制"),
    ("要关注青少年心里健康。", "里", "理"),
    ("同志们认真的学习了文件精神。", "的", "地"),
    ("他跑的很快。", "的", "得"),
]


@pytest.fixture(scope="module")
def deep():
    return DeepChecker.load(user_terms=())


@pytest.mark.parametrize(("sentence", "wrong", "right"), TWELVE)
def test_each_slip_of_the_issue_gets_the_right_suggestion(deep, sentence, wrong, right):
    findings = deep.check_text(sentence)
    assert [(f.text, f.suggestions[0], f.pass_) for f in findings] == [(wrong, right, "deep")]


@pytest.mark.parametrize(
    "sentence",
    [
        "这种做法无异于刻舟求剑。",
        "他们对此事漠不关心。",
        "发扬钉钉子精神，久久为功。",
        "进一步完善工作机制。",
        "他很机智，反应很快。",
        "要关注青少年心理健康。",
        "我心里很高兴。",
        "同志们认真地学习了文件精神。",
        "这是一次认真的学习。",
        "他跑得很快。",
        "发展的很多方面还要改进。",
        "坚持不懈纠治“四风”。",
        "要强化技术赋能，因势施策。",
        "区长王建华实地查看淀浦河两岸提升工程。",
    ],
)
def test_correct_wording_is_left_alone(deep, sentence):
    assert deep.check_text(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "常用的外用药有三氯乙酸和咪喹莫特。",  # 氯 is not 氟: a chemical name, not a slip
        "灰指甲可以口服特比奈芬，疗程较长。",  # 奈芬 is not 奶粉
        "过敏时可以口服息斯敏，一天一片。",
        "咳嗽厉害可以吃克咳敏和消咳宁。",
    ],
)
def test_medicine_and_chemical_names_are_left_alone(deep, sentence):
    assert deep.check_text(sentence) == []


def test_medicine_name_shape_needs_a_name_before_its_ending():
    from editor_app.proof.deep.terms import medicine_spans

    known = {"过敏", "因素", "平台", "稳定", "安宁", "水平", "社会", "发展", "乙酸", "导致"}.__contains__
    text = "导致过敏的因素很多，社会安宁稳定，外用三氯乙酸，口服特比奈芬。"
    # the stretch before the ending runs back to four characters while no two of them make a word
    assert [text[a:b] for a, b in medicine_spans(text, known)] == ["用三氯乙酸", "服特比奈芬"]


def test_a_slip_that_makes_a_word_with_its_neighbour_is_fixed_as_a_pair(deep):
    """Two adjacent slips that are a word themselves (滑雪 for 化学) are replaced together when the models are sure."""
    assert [(f.text, f.suggestions[0]) for f in deep.check_text("各单位要加强危险滑雪品的管理。")] == [
        ("滑雪", "化学")
    ]
    assert deep.check_text("他每年冬天都去东北滑雪。") == []


def test_names_found_on_the_page_are_protected_everywhere(deep):
    page = "记者鲍炳章报道。\n鲍炳章说，工作要抓实。\n会后鲍炳章走访了企业。"
    assert [f for f in deep.check_text(page) if "鲍" in f.text or "炳" in f.text or "章" in f.text] == []


def test_the_customers_page_gets_no_deep_finding(seed_page):
    from editor_app.importing import import_file
    from editor_app.proof import default_checker

    issue = import_file(seed_page).issue
    fast = default_checker().check_issue(issue)
    both = check_issue_both(issue)
    assert [f for f in both if f.pass_ == "deep"] == []
    assert len(both) == len(fast)


def test_function_word_pack_examples(deep):
    problems = []
    for rule in deep.rules.rules:
        for example in rule.examples_bad:
            if not any(f.rule == rule.id for f in deep.rules.check_text(example)):
                problems.append(f"{rule.id}: bad example not flagged: {example}")
        for example in rule.examples_good:
            if any(f.rule == rule.id for f in deep.rules.check_text(example)):
                problems.append(f"{rule.id}: good example flagged: {example}")
    assert not problems, "\n".join(problems)


def test_a_damaged_model_file_is_refused_with_its_name(tmp_path):
    from editor_app import paths

    blob = bytearray(paths.resource("typo", "context_lm.bin").read_bytes())
    blob[-100] ^= 0xFF
    damaged = tmp_path / "context_lm.bin"
    damaged.write_bytes(bytes(blob))
    with pytest.raises(ContextLMError, match="context_lm.bin"):
        TrigramLM.load(damaged)
    (tmp_path / "other.bin").write_bytes(b"not a model\n")
    with pytest.raises(ContextLMError):
        TrigramLM.load(tmp_path / "other.bin")


def test_check_deep_reports_pass_in_json(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("截止目前，要坚持全面从严治档。\n", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "editor_app", "check", "--deep", "--format", "json", str(page)],
        capture_output=True,
        text=True,
        check=False,
    )
    data = json.loads(out.stdout)
    passes = {(f["text"], f["pass"]) for f in data["findings"]}
    assert ("截止", "fast") in passes or any(p == "fast" for _t, p in passes)
    assert ("全面从严治档", "deep") in passes
    plain = subprocess.run(
        [sys.executable, "-m", "editor_app", "check", "--format", "json", str(page)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert all(f["pass"] == "fast" for f in json.loads(plain.stdout)["findings"])


def test_report_includes_deep_findings_when_asked(tmp_path):
    from editor_app.export import load_source, write_report

    page = tmp_path / "page.txt"
    page.write_text("推进会召开\n\n会议强调，要坚持全面从严治档。\n", encoding="utf-8")
    project = load_source(str(page))
    plain = write_report(project, tmp_path / "plain.csv").read_text(encoding="utf-8-sig")
    deep = write_report(project, tmp_path / "deep.csv", findings=check_issue_both(project.issue))
    assert "全面从严治党" not in plain
    assert "全面从严治党" in deep.read_text(encoding="utf-8-sig")
