"""Strict loading: a newsroom editing a YAML pack gets the file and the line of every mistake."""

from __future__ import annotations

import pytest

from editor_app.errors import RuleError
from editor_app.proof import Checker

GOOD_RULE = """\
rules:
  - id: house.pairs
    type: substitution
    category: 别词
    level: error
    message: 「{text}」应为「{suggestion}」
    pairs: {文按: 文件, 报道员: [通讯员, 报道者]}
    examples: {bad: [这是文按。]}
"""


def _error(write_pack, text: str) -> RuleError:
    folder = write_pack(text)
    with pytest.raises(RuleError) as info:
        Checker.load(rules_dirs=[folder], include_user=False)
    return info.value


def test_inline_pairs_load_and_suggest_every_right_form(write_pack):
    checker = Checker.load(rules_dirs=[write_pack(GOOD_RULE)], include_user=False)
    findings = checker.check_text("报道员送来文按。")
    assert [(f.text, f.suggestions) for f in findings] == [
        ("报道员", ("通讯员", "报道者")),
        ("文按", ("文件",)),
    ]
    assert findings[1].message == "「文按」应为「文件」"


def test_unknown_key_names_file_and_line(write_pack):
    error = _error(write_pack, GOOD_RULE.replace("    message:", "    mesage: x\n    message:"))
    assert error.path.name == "house.yaml" and error.line == 6
    assert "unknown key 'mesage'" in str(error) and "house.yaml:6" in str(error)


def test_bad_regex_names_its_line(write_pack):
    error = _error(
        write_pack,
        """\
        rules:
          - id: house.re
            type: pattern
            category: 标点
            level: warning
            message: 坏
            pattern: '([，'
            examples: {bad: [x]}
        """,
    )
    assert error.line == 7 and "bad regular expression" in error.problem


def test_word_boundary_is_refused_because_it_never_fires_in_chinese(write_pack):
    error = _error(
        write_pack,
        GOOD_RULE.replace("type: substitution", "type: pattern").replace(
            "pairs: {文按: 文件, 报道员: [通讯员, 报道者]}", "pattern: '\\b文按\\b'"
        ),
    )
    assert "\\b" in error.problem


@pytest.mark.parametrize("field", ["message", "examples", "level", "category"])
def test_missing_required_field_is_an_error_at_the_rule(write_pack, field):
    lines = [line for line in GOOD_RULE.splitlines() if not line.strip().startswith(field + ":")]
    error = _error(write_pack, "\n".join(lines) + "\n")
    assert f"missing required key '{field}'" in error.problem and error.line == 2


def test_unknown_type_category_level_and_scope_are_refused(write_pack):
    assert "unknown rule type" in _error(write_pack, GOOD_RULE.replace("substitution", "magic")).problem
    assert "unknown category" in _error(write_pack, GOOD_RULE.replace("别词", "错字")).problem
    assert "level must be" in _error(write_pack, GOOD_RULE.replace("level: error", "level: fatal")).problem
    bad_scope = GOOD_RULE.replace("    examples:", "    scopes: [footer]\n    examples:")
    assert "unknown scope" in _error(write_pack, bad_scope).problem


def test_yaml_syntax_error_and_missing_data_file(write_pack):
    assert _error(write_pack, "rules:\n  - id: [unclosed\n").line is not None
    missing = GOOD_RULE.replace("pairs: {文按: 文件, 报道员: [通讯员, 报道者]}", "pairs_file: nowhere.tsv")
    error = _error(write_pack, missing)
    assert "nowhere.tsv" in error.problem and error.line == 7


def test_malformed_data_file_line_is_reported(write_pack):
    folder = write_pack(
        GOOD_RULE.replace("pairs: {文按: 文件, 报道员: [通讯员, 报道者]}", "pairs_file: house.tsv")
    )
    (folder / "house.tsv").write_text("# wrong\tright\n文按\t文件\n没有第二列\n", encoding="utf-8")
    with pytest.raises(RuleError) as info:
        Checker.load(rules_dirs=[folder], include_user=False)
    assert info.value.path.name == "house.tsv" and info.value.line == 3


def test_unknown_placeholder_and_duplicate_ids(write_pack):
    assert "placeholder" in _error(write_pack, GOOD_RULE.replace("{suggestion}", "{right}")).problem
    twice = GOOD_RULE + GOOD_RULE.split("rules:\n", 1)[1]
    assert "duplicate rule id" in _error(write_pack, twice).problem


def test_user_rules_folder_adds_overrides_and_disables(write_pack, monkeypatch, tmp_path):
    from editor_app import paths

    user_rules = paths.user_rules_dir()
    user_rules.mkdir(parents=True)
    (user_rules / "house.yaml").write_text(GOOD_RULE + "disable: [word.idiom]\n", encoding="utf-8")
    checker = Checker.load()
    ids = {rule.id for rule in checker.rules}
    assert "house.pairs" in ids and "word.idiom" not in ids and "word.confusion" in ids
    assert [f.rule for f in checker.check_text("这是文按，再接再励。")] == ["house.pairs"]
    assert "house.pairs" not in {r.id for r in Checker.load(include_user=False).rules}


def test_the_documented_house_rule_example_loads_and_works(write_pack):
    from tests.conftest import REPO

    doc = (REPO / "docs" / "rule-packs.md").read_text(encoding="utf-8")
    example = doc.split("```yaml\n", 1)[1].split("```", 1)[0]
    checker = Checker.load(rules_dirs=[write_pack(example)], include_user=False)
    assert [(f.text, f.suggestions) for f in checker.check_text("公司老总出席，老总裁也来了。")] == [
        ("老总", ("总经理", "负责人"))
    ]
    assert checker.check_text("公司老总出席。", "headline") == []


def test_missing_rules_folder_is_a_clear_error(tmp_path):
    with pytest.raises(RuleError) as info:
        Checker.load(rules_dirs=[tmp_path / "absent"], include_user=False)
    assert "absent" in str(info.value)


def test_a_rule_that_is_not_a_mapping_names_its_line(write_pack):
    error = _error(write_pack, "pack: x\nrules:\n  - just a string\n")
    assert error.line == 3 and "mapping" in error.problem


def test_validate_pack_names_the_file_and_line_of_a_broken_rule(tmp_path):
    from editor_app.proof.loader import validate_pack

    path = tmp_path / "house.yaml"
    assert validate_pack(path, GOOD_RULE) == []
    broken = GOOD_RULE.replace("level: error", "level: severe")
    errors = validate_pack(path, broken)
    assert len(errors) == 1 and errors[0].path == path and errors[0].line is not None
    assert "level" in errors[0].problem
    lazy = GOOD_RULE.replace("examples: {bad: [这是文按。]}", "examples: {bad: [这是文按。], good: [文按]}")
    errors = validate_pack(path, lazy)
    assert len(errors) == 1 and "good example flagged" in errors[0].problem and errors[0].line == 2
    assert not path.exists()  # validating never writes
