"""`editor-app dump FILE`: print a project's canonical JSON."""

from __future__ import annotations

import sys


def register(subparsers) -> None:
    parser = subparsers.add_parser("dump", help="print a project's canonical JSON")
    parser.add_argument("file", help="a .bulletin project")
    parser.set_defaults(run=run)


def run(args) -> int:
    from editor_app.model.serialize import dumps
    from editor_app.storage.project import open_project

    project = open_project(args.file)
    sys.stdout.write(dumps(project.issue))
    return 0
