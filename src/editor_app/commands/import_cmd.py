"""`editor-app import FILE [--format json] [-o OUT.bulletin] [--as page|article]`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from editor_app.messages import msg


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "import",
        help="import a page or a story from plain text (UTF-8, GBK, UTF-16) or .docx",
        description="Read copy into the document model: banner, 编者按, articles with headline group, "
        "dateline, subheads, photo captions and byline. Notes list what the importer was "
        "unsure of.",
    )
    parser.add_argument("file", help="a .txt or .docx file ('-' reads UTF-8 text from standard input)")
    parser.add_argument(
        "--format",
        choices=["text", "json"],
        default="text",
        help='json: print the canonical issue JSON plus "notes" (default: a summary)',
    )
    parser.add_argument("-o", "--output", metavar="OUT.bulletin", help="write a project file")
    parser.add_argument(
        "--as",
        dest="as_",
        choices=["page", "article"],
        default="page",
        help="read a whole page (default) or one story as a single article",
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing OUT.bulletin")
    parser.add_argument(
        "--normalize-punctuation",
        action="store_true",
        help="规范标点: half-width , ; : ? ! ( ) and straight quotes in Chinese text become "
        "full-width (numbers, times, Latin and web addresses are left alone)",
    )
    parser.set_defaults(run=run)


def run(args) -> int:
    from editor_app.importing import import_file, import_text
    from editor_app.storage.outputs import check_output
    from editor_app.storage.project import save_project
    from editor_app.textio import read_text_file

    out = None
    if args.output:  # refused before anything is read: an existing file needs --force
        out = Path(args.output)
        if out.suffix != ".bulletin":
            out = out.with_name(out.name + ".bulletin")
        check_output(out, [] if args.file == "-" else [args.file], args.force)
    if args.file == "-":
        result = import_text(read_text_file("-"), as_=args.as_)
    else:
        result = import_file(args.file, as_=args.as_)
    if args.normalize_punctuation:
        from editor_app.importing import normalize_result

        normalize_result(result)
    if out is not None:
        save_project(result.to_project(), out)
    if args.format == "json":
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        _summary(result, args.output)
    return 0


def _paragraphs(items) -> str:
    """「1 paragraph」, 「2 paragraphs」."""
    count = len(items)
    return msg("{count} paragraph", count=count) if count == 1 else msg("{count} paragraphs", count=count)


def _photos(items) -> str:
    count = len(items)
    return msg("{count} photo", count=count) if count == 1 else msg("{count} photos", count=count)


def _summary(result, output) -> None:
    from editor_app.model.document import Article, Banner, EditorNote

    for page in result.issue.pages:
        for block in page.blocks:
            if isinstance(block, Banner):
                _say(msg("banner   {title}", title=block.title))
            elif isinstance(block, EditorNote):
                _say(
                    msg(
                        "note     {label} ({paragraphs})",
                        label=block.label,
                        paragraphs=_paragraphs(block.paragraphs),
                    )
                )
            elif isinstance(block, Article):
                extra = [_paragraphs(block.paragraphs)]
                if block.photos:
                    extra.append(_photos(block.photos))
                if block.byline:
                    extra.append(msg("byline {byline}", byline=block.byline))
                _say(
                    msg(
                        "article  {title} ({details})",
                        title=block.title or msg("(no title)"),
                        details=msg(", ").join(extra),
                    )
                )
            else:
                _say(msg("photo    {caption}", caption=block.caption))
    for note in result.notes:
        if note.line:
            _say(msg("note: line {line}: {message}", line=note.line, message=note.message), file=sys.stderr)
        else:
            _say(msg("note: {message}", message=note.message), file=sys.stderr)
    if output:
        _say(msg("written: {path}", path=output), file=sys.stderr)


def _say(text: str, **kwargs) -> None:
    """print, with the terminal escape sequences copy from outside may carry shown, not obeyed."""
    from editor_app.textio import printable

    print(printable(text), **kwargs)
