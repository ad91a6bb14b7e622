"""Template style sets are checked when loaded: a broken template names the file and the style."""

from __future__ import annotations

import pytest
import yaml

from editor_app.errors import TemplateError
from editor_app.export.styles import ROLES, style_specs
from editor_app.layout.templates import list_templates, load_template_file
from editor_app.paths import templates_dir


def _variant(tmp_path, change):
    data = yaml.safe_load((templates_dir() / "a4-bulletin.yaml").read_text("utf-8"))
    change(data["styles"])
    path = tmp_path / "a4-bulletin.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return load_template_file(path)


def test_every_shipped_template_defines_every_role():
    for template in list_templates():
        assert set(style_specs(template)) == {role.style_id for role in ROLES}


def test_a_word_builtin_name_is_refused_when_the_template_loads(tmp_path):
    with pytest.raises(TemplateError, match="styles.BodyText.name: may not be called '正文' .*Word built-in"):
        _variant(tmp_path, lambda styles: styles["BodyText"].update(name="正文"))


def test_a_missing_role_or_unknown_key_names_the_file_and_the_style(tmp_path):
    with pytest.raises(TemplateError, match=r"a4-bulletin\.yaml: styles\.Byline is missing"):
        _variant(tmp_path, lambda styles: styles.pop("Byline"))
    with pytest.raises(TemplateError, match=r"a4-bulletin\.yaml: styles\.Deck\.colour: unknown key"):
        _variant(tmp_path, lambda styles: styles["Deck"].update(colour="red"))
