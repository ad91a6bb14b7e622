"""`editor-app report SOURCE -o REPORT.docx|.csv|.html`: the proof report (校对单)."""

from __future__ import annotations


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "report",
        help="write the proof report (校对单): findings, flags and the error rate per 10,000 characters",
    )
    parser.add_argument("source", help="a .bulletin project, or a page as .txt or .docx")
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="REPORT",
        help="REPORT.docx, REPORT.csv or REPORT.html (the suffix picks the format)",
    )
    parser.add_argument("--deep", action="store_true", help="include the deep pass's findings (深度校对)")
    parser.set_defaults(run=run)


def run(args) -> int:
    from editor_app.export import load_source, write_report
    from editor_app.storage.outputs import check_output

    check_output(
        args.output, [args.source], force=True
    )  # a report is rewritten freely, never over its source
    project = load_source(args.source)
    findings = None
    if getattr(args, "deep", False):
        from editor_app.proof.deep import check_issue_both

        findings = check_issue_both(project.issue)
    print(write_report(project, args.output, findings=findings))
    return 0
