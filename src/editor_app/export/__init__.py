"""Export an issue for print: the composed pages as DOCX, the 发排稿 manuscript, traditional editions,
the proof report.

`export_docx` composes the issue (`layout.compose`, the one composer the preview and the fit counts
read too), writes the composition with the template's styles and replaces the target atomically: a
failed export never leaves half a file where the previous one was. Every overset or underset block
is reported as a warning; with `strict` they stop the export.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from editor_app.errors import EditorError, ExportError, InputError
from editor_app.export import package
from editor_app.export import traditional as editions
from editor_app.export.comments import finding_anchors, flag_anchors, mark_resolved, merge
from editor_app.export.docx_writer import WriteOptions
from editor_app.export.docx_xml import clean_xml_text
from editor_app.export.output import write_bytes
from editor_app.export.report import write_report
from editor_app.layout.composition import Composition
from editor_app.layout.furniture import chinese_date
from editor_app.layout.templates import get_template
from editor_app.messages import msg
from editor_app.storage.project import Project

__all__ = [
    "ExportResult",
    "OversetError",
    "composition_problems",
    "export_docx",
    "write_report",
    "load_source",
    "write_bytes",
]

DEFAULT_TEMPLATE = "a4-bulletin"


class OversetError(ExportError):
    """`--strict`: the page has blocks that do not fit (exit status 1, as for error findings)."""

    exit_status = 1


@dataclass
class ExportResult:
    path: Path
    warnings: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # overset and underset blocks, continuation pages


def load_source(path) -> Project:
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
    raise InputError(
        path, msg("cannot export this kind of file; give a .bulletin project or a page as .txt or .docx")
    )


def composition_problems(composition: Composition) -> list[str]:
    """Every block that does not fit its box, and every page that ran onto a continuation page, in
    words a person reads (page, block, lines)."""
    from editor_app.model.fields import block_label

    problems = []
    for page in composition.pages:
        where = msg("page {page}", page=page.page.number)
        if page.unset:
            problems.append(
                msg(
                    "{where}: {count} block(s) could not be set on any page and are not in the export",
                    where=where,
                    count=len(page.unset),
                )
            )
        if page.continuation and not page.template.flowing:  # a flowing document simply goes on
            problems.append(
                msg(
                    "{where}: {count} block(s) did not fit and were set on a continuation page ({folio})",
                    where=where,
                    count=len(page.blocks),
                    folio=page.folio or "—",
                )
            )
        for composed in page.blocks:
            label = block_label(composed.block) or msg("untitled item")
            if composed.state == "overset":
                problems.append(
                    msg(
                        "{where}, 「{label}」: {lines} line(s) overset (about {chars} characters too many)",
                        where=where,
                        label=label[:24],
                        lines=composed.overset_lines,
                        chars=composed.delta_chars(page.template.column_chars),
                    )
                )
            elif composed.state == "underset":
                problems.append(
                    msg(
                        "{where}, 「{label}」: {lines} line(s) underset (about {chars} characters short)",
                        where=where,
                        label=label[:24],
                        lines=composed.underset_lines,
                        chars=-composed.delta_chars(page.template.column_chars),
                    )
                )
    return problems


def _core_properties(document, issue, template, convert=None) -> None:
    props = document.core_properties
    number = f"第{issue.number}期" if issue.number else ""
    title = clean_xml_text(" ".join(p for p in (issue.publication, number) if p))[0][:255]
    convert = convert or (lambda text: text)
    props.title = convert(title)
    author = issue.organizer or "、".join(issue.editors.values()) or "editor-app"
    props.author = convert(clean_xml_text(author)[0][:255])
    props.subject = convert(template.name[:255])
    props.keywords = f"issue:{issue.id}"
    props.language = template.language
    props.comments = chinese_date(issue.date)
    props.last_modified_by = "editor-app"


def compose_for_export(project, template, metrics=None) -> Composition:
    """The composition a DOCX of `template` is written from: the issue on that template, or, for the
    manuscript, on each page's own template (its notes for the typesetter report those places)."""
    from editor_app.imaging import image_sizes
    from editor_app.layout.compose import Composer

    sizes = image_sizes(project.images)
    if template.layout.typesetter_notes:
        return Composer(None, metrics, sizes).compose(project.issue)
    return Composer(template, metrics, sizes).compose(project.issue)


def export_docx(
    project,
    out,
    template: str | None = None,
    flags_as_comments: bool = False,
    findings_as_comments: bool = False,
    traditional: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    strict: bool = False,
    composition: Composition | None = None,
    findings=None,
    conversion_table: Path | None = None,
    handled_marks: bool = True,
) -> ExportResult:
    """Write the project's issue as a print-ready DOCX; return the path, warnings and fit problems.

    `composition` lets the desktop app export exactly the pages its preview shows; `findings` lets it
    pass the checker's findings it already has (else the checker runs here when asked for).
    `traditional`: s2t, s2tw or s2hk for a traditional edition; `conversion_table`: a user's
    simplified → traditional table to use instead of the one in the user config folder. With
    `flags_as_comments`, accepted and rejected marks go in as resolved comments (or, with `handled_marks`
    off, not at all)."""
    from editor_app.export.flow_writer import FlowWriter
    from editor_app.export.page_writer import PageWriter

    out = Path(out)
    if out.suffix.lower() != ".docx":
        raise ExportError(msg("{path}: the export file name must end in .docx", path=out))
    issue = project.issue
    template_id = template or (issue.pages[0].template if issue.pages else DEFAULT_TEMPLATE)
    tpl = get_template(template_id)
    warnings: list[str] = []
    others = sorted({page.template for page in issue.pages} - {tpl.id})
    if others and template is None:
        warnings.append(
            msg(
                "pages use different templates ({templates}); the whole issue was exported with {template}",
                templates=", ".join(others),
                template=tpl.id,
            )
        )
    if composition is None or tpl.layout.typesetter_notes:
        composition = compose_for_export(project, tpl)
    problems = [] if tpl.layout.typesetter_notes else composition_problems(composition)
    if strict and problems:
        raise OversetError(
            msg(
                "{path}: not written, the page does not fit: {problems}",
                path=out,
                problems="; ".join(problems),
            )
        )
    groups = []
    if flags_as_comments:
        groups.append(flag_anchors(issue, warnings, handled=handled_marks))
    if findings_as_comments:
        if findings is None:
            from editor_app.proof import default_checker

            findings = default_checker().check_issue(issue)
        groups.append(finding_anchors(findings))
    options = WriteOptions(
        anchors=merge(*groups),
        variant=traditional,
        progress=progress,
        conversion_table=Path(conversion_table) if conversion_table else None,
    )
    try:
        writer_class = FlowWriter if tpl.flowing else PageWriter
        writer = writer_class(project, tpl, options, warnings)
        if writer.par.convert is not None:
            warnings.extend(writer.par.convert.problems)
        writer.write(composition)
        mark_resolved(writer.document, writer.par.resolved_ids)
        _core_properties(writer.document, issue, tpl, writer.par.convert)
        language = editions.LANGUAGE[traditional] if traditional else tpl.language
        organizer = clean_xml_text(issue.organizer or "")[0]
        convert = writer.par.convert
        package.finish_package(
            writer.document, language, company=convert(organizer) if convert else organizer
        )
        data = writer.finish()
    except EditorError:
        raise
    except (ValueError, KeyError) as exc:  # python-docx refusing content: say what failed, keep the old file
        raise ExportError(
            msg(
                "{path}: the page could not be exported ({reason}). Nothing was written.",
                path=out,
                reason=f"{exc.__class__.__name__}: {exc}",
            )
        ) from None
    write_bytes(out, data, backup=True)
    return ExportResult(out, warnings + problems, problems)
