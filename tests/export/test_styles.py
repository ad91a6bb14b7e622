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


def test_a_word_builtin_name_is_refused(tmp_path):
    template = _variant(tmp_path, lambda styles: styles["BodyText"].update(name="正文"))
    with pytest.raises(TemplateError, match="Word built-in"):
        style_specs(template)


def test_a_missing_role_or_unknown_key_names_the_style(tmp_path):
    template = _variant(tmp_path, lambda styles: styles.pop("Byline"))
    with pytest.raises(TemplateError, match="styles.Byline is missing"):
        style_specs(template)
    template = _variant(tmp_path, lambda styles: styles["Deck"].update(colour="red"))
    with pytest.raises(TemplateError, match="styles.Deck has unknown keys"):
        style_specs(template)

