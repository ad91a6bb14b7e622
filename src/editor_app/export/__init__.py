"""Export an issue for print: DOCX pages (every template), traditional editions, the proof report.

`export_docx` flattens the issue into print sections (`blocks.py`), writes them with the template's
styles (`docx_writer.py`), and replaces the target atomically: a failed export never leaves half a
file where the previous one was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from editor_app.errors import EditorError, ExportError, InputError
from editor_app.export.blocks import Layout, chinese_date, flatten
from editor_app.export.comments import finding_anchors, flag_anchors, merge
from editor_app.export.docx_writer import DocxWriter, WriteOptions
from editor_app.export.docx_xml import clean_xml_text
from editor_app.export.output import write_bytes
from editor_app.export.report import write_report
from editor_app.layout.templates import get_template
from editor_app.messages import msg

__all__ = ["ExportResult", "export_docx", "write_report", "load_source", "write_bytes"]

DEFAULT_TEMPLATE = "a4-bulletin"


@dataclass
class ExportResult:
    path: Path
    warnings: list[str] = field(default_factory=list)


def load_source(path) -> object:
    """A `.bulletin` project opened, or a page in `.txt`/`.docx` imported on the fly."""
    from editor_app.storage.project import open_project

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".bulletin":
        return open_project(path)
    if suffix in (".txt", ".text", ".docx", ".docm", ".doc", ".wps"):  # the importer sniffs the content
        if not path.is_file():
            raise InputError(path, msg("no such file"))
        from editor_app.importing import import_file

        return import_file(path).to_project()
    raise InputError(path, msg("cannot export this kind of file; give a .bulletin project or a page as .txt or .docx"))


def _core_properties(document, issue, template, convert=None) -> None:
    props = document.core_properties
    number = f"第{issue.number}期" if issue.number else ""
    title = clean_xml_text(" ".join(p for p in (issue.publication, number) if p))[0][:255]
    props.title = convert(title) if convert else title
    author = issue.organizer or "、".join(issue.editors.values()) or "editor-app"
    props.author = clean_xml_text(author)[0][:255]
    props.subject = template.name[:255]
    props.keywords = f"issue:{issue.id}"
    props.language = str(template.data.get("language", "zh-CN"))
    props.comments = chinese_date(issue.date)
    props.last_modified_by = "editor-app"


def export_docx(project, out, template: str | None = None, flags_as_comments: bool = False,
                findings_as_comments: bool = False, traditional: str | None = None,
                progress: Callable[[int, int], None] | None = None, findings=None) -> ExportResult:
    """Write the project's issue as a print-ready DOCX; return the path and any warnings. `findings` are the
    checker findings to write as comments (e.g. fast and deep pass together); default: the fast checker's."""
    out = Path(out)
    if out.suffix.lower() != ".docx":
        raise ExportError(msg("{path}: the export file name must end in .docx", path=out))
    issue = project.issue
    template_id = template or (issue.pages[0].template if issue.pages else DEFAULT_TEMPLATE)
    tpl = get_template(template_id)
    layout = Layout.from_template(tpl)
    warnings: list[str] = []
    others = sorted({page.template for page in issue.pages} - {tpl.id})
    if others and template is None:
        warnings.append(msg("pages use different templates ({templates}); the whole issue was exported with "
                            "{template}", templates=", ".join(others), template=tpl.id))
    groups = []
    if flags_as_comments:
        groups.append(flag_anchors(issue, warnings))
    if findings_as_comments:
        if findings is None:
            from editor_app.proof import default_checker

            findings = default_checker().check_issue(issue)
        groups.append(finding_anchors(findings))
    options = WriteOptions(anchors=merge(*groups), variant=traditional, progress=progress)
    try:
        writer = DocxWriter(project, tpl, layout, options, warnings)
        writer.write(flatten(issue, layout))
        _core_properties(writer.document, issue, tpl, writer.convert)
        data = writer.finish()
    except EditorError:
        raise
    except (ValueError, KeyError) as exc:  # python-docx refusing content: say what failed, keep the old file
        raise ExportError(msg("{path}: the page could not be exported ({reason}). Nothing was written.",
                              path=out, reason=f"{exc.__class__.__name__}: {exc}")) from None
    write_bytes(out, data)
    return ExportResult(out, warnings)
