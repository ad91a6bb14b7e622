"""The typo detector as a checker rule: 别字 findings with a suggestion, error only when confident."""

from __future__ import annotations

import subprocess
import sys

import pytest

from editor_app.errors import RuleError
from editor_app.proof import Checker
from tests.conftest import REPO

TYPO_RULE = """\
rules:
  - id: house.typo
    type: candidates
    category: 别字
    level: warning
    message: 疑似别字：「{{text}}」或为「{{suggestion}}」
    error_confidence: {confidence}
    examples: {{bad: [进一步完善社会保章体系。]}}
"""


def _typo(findings):
    return [f for f in findings if f.rule == "typo.candidates"]


def test_confident_slip_is_an_error_with_its_fix(bundled):
    found = _typo(bundled.check_text("进一步完善社会保章体系。"))
    assert [(f.text, f.suggestions, f.category, f.level) for f in found] == [("章", ("障",), "别字", "error")]
    assert found[0].message == "疑似别字：「章」或为「障」"


def test_less_certain_slip_is_a_warning(bundled):
    found = _typo(bundled.check_text("要坚持以人民为中心的发展思象。"))
    assert [(f.text, f.suggestions, f.level) for f in found] == [("象", ("想",), "warning")]


def test_bylines_are_not_checked_and_user_words_are_respected(bundled):
    assert _typo(bundled.check_text("社会保章", scope="byline")) == []
    checker = Checker.load(user_dictionary=["保章"], include_user=False)
    assert _typo(checker.check_text("进一步完善社会保章体系。")) == []


def test_wording_repeated_elsewhere_in_the_document_is_left_alone(bundled):
    paragraph = "进一步完善社会保章体系。"
    document = paragraph + "\n社会保章是本地的一项制度名称。"
    assert _typo(bundled.check_text(paragraph, context=document)) == []


def test_error_confidence_is_checked_when_packs_load(write_pack):
    folder = write_pack(TYPO_RULE.format(confidence=2))
    with pytest.raises(RuleError) as info:
        Checker.load(rules_dirs=[folder], include_user=False)
    assert "error_confidence" in str(info.value)
    checker = Checker.load(rules_dirs=[write_pack(TYPO_RULE.format(confidence=1.0))], include_user=False)
    assert [(f.text, f.level) for f in checker.check_text("进一步完善社会保章体系。")] == [("章", "warning")]


def test_loading_the_packs_leaves_the_typo_tables_for_the_first_check():
    probe = (
        "import sys; from editor_app.proof import Checker; Checker.load(include_user=False); "
        "print('editor_app.proof.typo.tables' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(REPO / "src"), "EDITOR_APP_CONFIG_DIR": str(REPO / "no-such")},
    )
    assert out.stdout.strip() == "False"


def test_a_slip_the_word_lists_name_is_reported_once(bundled, write_pack):
    findings = [f for f in bundled.check_text("中心还在各街道布署自助服务终端。") if f.level != "info"]
    assert [(f.rule, f.text, f.suggestions) for f in findings] == [("word.confusion", "布署", ("部署",))]
    alone = Checker.load(rules_dirs=[write_pack(TYPO_RULE.format(confidence=0.9))], include_user=False)
    assert [(f.text, f.suggestions) for f in alone.check_text("中心还在各街道布署自助服务终端。")] == [
        ("布", ("部",))
    ]
