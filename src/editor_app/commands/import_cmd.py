"""`editor-app import FILE [--format json] [-o OUT.bulletin] [--as page|article]`."""

from __future__ import annotations

import json
import sys
from pathlib import Path


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "import", help="import a page or a story from plain text (UTF-8, GBK, UTF-16) or .docx",
        description="Read copy into the document model: banner, 编者按, articles with headline group, "
                    "dateline, subheads, photo captions and byline. Notes list what the importer was "
                    "unsure of.")
    parser.add_argument("file", help="a .txt or .docx file ('-' reads UTF-8 text from standard input)")
    parser.add_argument("--format", choices=["text", "json"], default="text",
                        help="json: print the canonical issue JSON plus \"notes\" (default: a summary)")
    parser.add_argument("-o", "--output", metavar="OUT.bulletin", help="write a project file")
    parser.add_argument("--as", dest="as_", choices=["page", "article"], default="page",
                        help="read a whole page (default) or one story as a single article")
    parser.set_defaults(run=run)


def run(args) -> int:
    from editor_app.importing import import_file, import_text
    from editor_app.storage.project import save_project
    from editor_app.textio import read_text_file

    if args.file == "-":
        result = import_text(read_text_file("-"), as_=args.as_)
    else:
        result = import_file(args.file, as_=args.as_)
    if args.output:
        out = Path(args.output)
        if out.suffix != ".bulletin":
            out = out.with_name(out.name + ".bulletin")
        save_project(result.to_project(), out)
    if args.format == "json":
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        _summary(result, args.output)
    return 0


def _count(items, noun: str) -> str:
    """「1 photo」, 「2 photos」."""
    return f"{len(items)} {noun}" + ("" if len(items) == 1 else "s")


def _summary(result, output) -> None:
    from editor_app.model.document import Article, Banner, EditorNote

    for page in result.issue.pages:
        for block in page.blocks:
            if isinstance(block, Banner):
                print(f"banner   {block.title}")
            elif isinstance(block, EditorNote):
                print(f"note     {block.label} ({_count(block.paragraphs, 'paragraph')})")
            elif isinstance(block, Article):
                extra = [_count(block.paragraphs, "paragraph")]
                if block.photos:
                    extra.append(_count(block.photos, "photo"))
                if block.byline:
                    extra.append(f"byline {block.byline}")
                print(f"article  {block.title or '(no title)'} ({', '.join(extra)})")
            else:
                print(f"photo    {block.caption}")
    for note in result.notes:
        where = f"line {note.line}: " if note.line else ""
        print(f"note: {where}{note.message}", file=sys.stderr)
    if output:
        print(f"written: {output}", file=sys.stderr)
