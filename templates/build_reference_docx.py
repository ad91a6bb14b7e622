"""Build `templates/<id>.docx`, the reference DOCX of every page template.

The export takes its styles from these files (as pandoc takes them from reference.docx): a newsroom
opens one in Word or WPS, changes a style (face, size, spacing, borders), saves, and every later
export uses the change. Each file holds the template's page setup, languages and named styles,
and a specimen paragraph per style so staff can see what they restyle.

Run after changing a template's YAML: `python templates/build_reference_docx.py` (from the repo root,
with PYTHONPATH=src or the package installed). The generated files are committed.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from editor_app.export.docx_writer import new_document  # noqa: E402
from editor_app.export.styles import ROLES, style_specs  # noqa: E402
from editor_app.layout.templates import list_templates  # noqa: E402

FIXED_TIME = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def build(template, out: Path) -> Path:
    document = new_document(template, use_reference=False)
    specs = style_specs(template)
    styles = {s.style_id: s for s in document.styles}
    for role in ROLES:
        if role.kind != "paragraph":
            continue
        paragraph = document.add_paragraph(style=styles[role.style_id])
        paragraph.add_run(f"{specs[role.style_id].name}（{role.style_id}）")
    specimen = document.add_paragraph(style=styles["BodyText"])
    for role in ROLES:
        if role.kind == "character":
            specimen.add_run(f"{specs[role.style_id].name}（{role.style_id}）", style=styles[role.style_id])
            specimen.add_run("　")
    props = document.core_properties
    props.title = f"{template.name} 参考样式"
    props.author = "editor-app"
    props.created = props.modified = FIXED_TIME
    props.revision = 1
    document.save(str(out))
    return out


def main() -> int:
    for template in list_templates(HERE):
        print(build(template, HERE / f"{template.id}.docx"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
