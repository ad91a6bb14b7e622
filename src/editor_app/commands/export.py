"""`editor-app export SOURCE -o OUT.docx`: the print-ready DOCX of a project or an imported page."""

from __future__ import annotations

import sys
from pathlib import Path


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "export",
        help="write a print-ready DOCX (columns, named styles, comments, traditional edition)",
        description="Export SOURCE (a .bulletin project, or a page as .txt/.docx imported on the fly) as DOCX.",
    )
    parser.add_argument("source", help="a .bulletin project, or a page as .txt or .docx")
    parser.add_argument("-o", "--output", required=True, metavar="OUT.docx", help="the DOCX to write")
    parser.add_argument(
        "--template",
        metavar="NAME",
        help="page template (a4-bulletin, a3-bulletin, tabloid, broadsheet, official, "
        "manuscript); default: the page's own template",
    )
    parser.add_argument(
        "--flags-as-comments",
        action="store_true",
        help="write the proofreaders' flags as Word comments on their exact spans",
    )
    parser.add_argument(
        "--omit-handled-marks",
        action="store_true",
        help="with --flags-as-comments: leave accepted and rejected marks out (by default they are "
        "written as resolved comments)",
    )
    parser.add_argument(
        "--findings-as-comments",
        action="store_true",
        help="write the checker's errors and warnings as Word comments",
    )
    parser.add_argument(
        "--deep",
        action="store_true",
        help="with --findings-as-comments: include the deep pass's findings (深度校对)",
    )
    parser.add_argument(
        "--traditional",
        choices=["s2t", "s2hk", "s2tw"],
        help="write a traditional-Chinese edition (OpenCC) with regional faces",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="treat overset and underset blocks as errors: write nothing and exit with status 1",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace an existing OUT.docx (the previous one is kept as OUT.docx.bak)",
    )
    parser.add_argument(
        "--conversion-table",
        metavar="FILE",
        type=Path,
        help="with --traditional: your own 简体<Tab>繁體 pairs, winning over the built-in tables "
        "(default: traditional/<variant>.txt in the user config folder, if present)",
    )
    parser.set_defaults(run=run)


def run(args) -> int:
    from editor_app.export import export_docx, load_source
    from editor_app.messages import msg
    from editor_app.storage.outputs import check_output
    from editor_app.textio import printable

    check_output(args.output, [args.source], args.force)
    project = load_source(args.source)
    findings = None
    if args.deep and args.findings_as_comments:
        from editor_app.proof.deep import check_issue_both

        findings = check_issue_both(project.issue)
    result = export_docx(
        project,
        args.output,
        template=args.template,
        flags_as_comments=args.flags_as_comments,
        findings_as_comments=args.findings_as_comments,
        traditional=args.traditional,
        strict=args.strict,
        conversion_table=args.conversion_table,
        handled_marks=not args.omit_handled_marks,
        findings=findings,
    )
    for warning in result.warnings:
        print(printable(msg("editor-app: warning: {warning}", warning=warning)), file=sys.stderr)
    print(printable(str(result.path)))
    return 0
