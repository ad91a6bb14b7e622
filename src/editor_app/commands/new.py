"""`editor-app new [--template T] OUT`: create an empty project from a page template."""

from __future__ import annotations

from pathlib import Path


def register(subparsers) -> None:
    parser = subparsers.add_parser("new", help="create an empty project from a page template")
    parser.add_argument("out", help="the .bulletin file to create")
    parser.add_argument("--template", default="a4-bulletin", help="page template id (default a4-bulletin)")
    parser.add_argument("--publication", default=None, help="publication name (default: the template's)")
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")
    parser.set_defaults(run=run)


def run(args) -> int:
    from editor_app.errors import ProjectError
    from editor_app.layout.templates import new_issue_from_template
    from editor_app.messages import msg
    from editor_app.storage.project import Project, save_project

    out = Path(args.out)
    if out.suffix != ".bulletin":
        out = out.with_name(out.name + ".bulletin")
    if out.exists() and not args.force:
        raise ProjectError(out, msg("already exists (use --force to overwrite)"))
    issue = new_issue_from_template(args.template, publication=args.publication)
    save_project(Project(issue), out, backup=False)
    print(out)
    return 0
