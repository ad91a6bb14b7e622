"""The `editor-app` command line (Qt-free except for launching the GUI).

`editor-app [FILE]` opens the desktop app; `editor-app SUBCOMMAND …` runs a subcommand. Each
subcommand lives in `editor_app.commands.<name>` with `register(subparsers)` and is imported only
when used, so `check` or `dump` never pay for Qt or for another command's imports. User-facing
errors (`EditorError`) print one line and exit 2; tracebacks are for bugs only.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from editor_app import __version__
from editor_app.errors import EditorError
from editor_app.messages import msg

log = logging.getLogger(__name__)
# Subcommand name -> module in editor_app.commands. Add a line when a command works.
COMMANDS = {
    "new": "new",
    "dump": "dump",
    "export": "export",
    "report": "report",
    "check": "check",
    "import": "import_cmd",
}


def _subcommand_parser(name: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="editor-app")
    subparsers = parser.add_subparsers(dest="command", required=True)
    module = importlib.import_module(f"editor_app.commands.{COMMANDS[name]}")
    module.register(subparsers)
    return parser


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="editor-app",
        description="Editorial assistant for Chinese newsrooms. Without a subcommand, opens the desktop app.",
        epilog="subcommands: " + ", ".join(COMMANDS) + " (editor-app SUBCOMMAND --help)",
    )
    parser.add_argument("--version", action="version", version=f"editor-app {__version__}")
    parser.add_argument("file", nargs="?", help="a .bulletin project, or a page as .txt/.docx to import")
    parser.add_argument(
        "--screenshot",
        metavar="OUT.png",
        help="open FILE offscreen at 1400×900, save the window as PNG and exit",
    )
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="interface language (default: system)")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from editor_app.logs import setup_logging

    setup_logging()
    try:
        if argv and argv[0] in COMMANDS:
            args = _subcommand_parser(argv[0]).parse_args(argv)
            log.info("editor-app %s: %s", __version__, argv[0])
            return int(args.run(args) or 0)
        args = _gui_parser().parse_args(argv)
        from editor_app.gui.app import run_gui  # Qt is imported only here

        return run_gui(args)
    except EditorError as exc:
        from editor_app.textio import printable

        log.warning("%s", exc)
        print(printable(msg("editor-app: error: {message}", message=exc)), file=sys.stderr)
        return exc.exit_status
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
