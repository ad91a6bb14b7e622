"""Page templates: data files in `templates/<id>.yaml`, each parsed once into a typed `Template`.

A template fixes the page (size, margins), the column grid, the slots articles are planned in, the
publication type's wording, how the page is made up and the style set. `spec.py` checks every key;
this module finds the files and caches what they parse to.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from editor_app.errors import TemplateError
from editor_app.layout.spec import PT_PER_MM, Slot, Template, parse_template
from editor_app.messages import msg
from editor_app.paths import templates_dir

__all__ = [
    "PT_PER_MM",
    "Slot",
    "Template",
    "get_template",
    "list_templates",
    "load_template_file",
    "new_issue_from_template",
]


def load_template_file(path: Path) -> Template:
    import yaml

    try:
        data = yaml.load(path.read_text("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise TemplateError(msg("{where}: cannot read template ({reason})", where=path, reason=exc)) from None
    if not isinstance(data, dict):
        raise TemplateError(msg("{where}: a template is a mapping", where=path))
    return parse_template(data, path)


@cache
def _all_templates(folder: Path) -> dict[str, Template]:
    found = {}
    for path in sorted(folder.glob("*.yaml")):
        template = load_template_file(path)
        found[template.id] = template
    return found


def list_templates(folder: Path | None = None) -> list[Template]:
    return list(_all_templates(folder or templates_dir()).values())


def get_template(template_id: str, folder: Path | None = None) -> Template:
    """The template, with the looks of its reference DOCX (a newsroom's restyled copy wins)."""
    from editor_app.layout.reference import with_reference

    templates = _all_templates(folder or templates_dir())
    if template_id not in templates:
        known = ", ".join(sorted(templates))
        raise TemplateError(
            msg("unknown template {template}; available: {known}", template=repr(template_id), known=known)
        )
    return with_reference(templates[template_id])


def new_issue_from_template(template_id: str, publication: str | None = None):
    """An empty one-page issue set up for the template's publication type.

    The publication's name is the issue's own (None leaves it empty: no masthead is invented)."""
    from editor_app.model.document import Issue, Page

    template = get_template(template_id)
    issue = Issue(publication=publication or "", type=template.publication_type)  # type: ignore[arg-type]
    issue.pages.append(Page(number=1, name=template.wording.first_page_name or None, template=template.id))
    return issue
