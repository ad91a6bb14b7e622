"""`editor-app check [FILE|-]`: proofread a plain-text page, a .docx or a .bulletin project.

Plain text is checked as read (decoded, `\\r\\n` → `\\n`), so `start`/`end` index that text; a project
is checked field by field and each finding carries its location. Exit status: 0 without error-level
findings, 1 with some, 2 on bad input (an `EditorError`, printed by the CLI).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from editor_app.errors import InputError
from editor_app.messages import msg


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "check",
        help="proofread a text, .docx or .bulletin file",
        description="Proofread FILE (plain text in UTF-8/GB18030/UTF-16, .docx, or a .bulletin project; "
        "'-' or nothing reads standard input). Exit status 0: no error-level finding, "
        "1: some, 2: bad input.",
    )
    parser.add_argument("file", nargs="?", default="-", help="the file to check, or - for standard input")
    parser.add_argument("--format", choices=["text", "json"], default="text", help="output format")
    parser.add_argument(
        "--rules",
        metavar="DIR",
        action="append",
        default=[],
        help="a folder of extra rule packs (YAML), loaded after the bundled ones",
    )
    parser.add_argument(
        "--min-level",
        choices=["info", "warning", "error"],
        default="info",
        help="report findings of this level and above (default: info)",
    )
    parser.add_argument(
        "--deep",
        action="store_true",
        help="also run the deep pass (深度校对: every character in context, idioms and set phrases, "
        'function words); slower, its findings carry "pass": "deep"',
    )
    parser.set_defaults(run=run)


def _load_checker(rule_dirs: list[str]):
    from editor_app import paths
    from editor_app.proof import Checker, default_checker

    if not rule_dirs:
        return default_checker()
    folders = [paths.resource("rules")]
    for name in rule_dirs:
        folder = Path(name)
        if not folder.is_dir():
            raise InputError(folder, msg("not a folder of rule packs"))
        folders.append(folder)
    return Checker.load(rules_dirs=folders)


def _docx_paragraphs(path: Path) -> str:
    try:
        import docx
    except ImportError as exc:  # pragma: no cover - python-docx is a fixed dependency
        raise InputError(path, msg("python-docx is not installed")) from exc
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises many types for a damaged file
        raise InputError(
            path, msg("not a readable .docx file ({reason})", reason=exc.__class__.__name__)
        ) from exc
    return "\n".join(paragraph.text for paragraph in document.paragraphs)


_FIELD_NAMES = {
    "title": "标题",
    "kicker": "引题",
    "subtitle": "副题",
    "dateline": "电头",
    "author_line": "作者",
    "byline": "署名",
    "caption": "图片说明",
    "credit": "摄影",
    "label": "栏目名",
}


def _field_label(field) -> str:
    """「《标题》第3段」: where a proofreader finds a field on the page."""
    from editor_app.model.fields import block_label

    kind, _, rest = field.path.partition(":")
    if kind == "paragraph":
        number = next(i for i, p in enumerate(field.block.paragraphs, 1) if p.id == rest)
        where = f"第{number}段"
    elif kind == "photo":
        where = _FIELD_NAMES.get(rest.rpartition(":")[2], rest)
    else:
        where = _FIELD_NAMES.get(field.path, field.path)
    label = block_label(field.block)
    return f"《{label[:16]}》{where}" if label else where


def _characters(text: str) -> int:
    """字数 as publishers count it and as the proof report prints it: spaces and line breaks excluded."""
    return len("".join(text.split()))


def _check_issue(issue, checker):
    from editor_app.model.fields import iter_text_fields

    fields = {
        (f.block.id, f.path): (f.text, f"第{f.page.number}版 {_field_label(f)}")
        for f in iter_text_fields(issue)
    }
    return (
        checker.check_issue(issue),
        fields,
        sum(_characters(text) for text, _label in fields.values()),
        issue,
    )


def _check_source(name: str, checker):
    """(findings, the checked text — or, for a document, {(block, field): text} —, characters, the issue or
    None)."""
    path = Path(name)
    suffix = path.suffix.lower() if name != "-" else ""
    if suffix == ".bulletin":
        from editor_app.storage.project import open_project

        return _check_issue(open_project(path).issue, checker)
    if suffix == ".docx":
        if not path.is_file():
            raise InputError(path, msg("no such file"))
        try:
            from editor_app.importing import import_file
        except ImportError:
            text = _docx_paragraphs(path)
            return checker.check_text(text), text, _characters(text), None
        return _check_issue(import_file(path).issue, checker)
    from editor_app.textio import read_text_file

    text = read_text_file(name)
    return checker.check_text(text), text, _characters(text), None


def _context(text: str, start: int, end: int, width: int = 12) -> str:
    left = text[max(0, start - width) : start].rsplit("\n", 1)[-1]
    right = text[end : end + width].split("\n", 1)[0]
    return f"{left}【{text[start:end]}】{right}".replace("\t", " ")


def _suggestion(finding) -> str:
    if not finding.suggestions:
        return ""
    shown = ["（删除）" if s == "" else s for s in finding.suggestions]
    return " → " + " / ".join(shown)


def _text_report(findings, text, out) -> None:
    from editor_app.textio import printable

    for finding in findings:
        if isinstance(text, str):
            line = text.count("\n", 0, finding.start) + 1
            column = finding.start - (text.rfind("\n", 0, finding.start) + 1) + 1
            where = f"{line}:{column}"
            context = _context(text, finding.start, finding.end)
        else:
            loc = finding.location
            field_text, label = text.get(
                (loc.block, loc.field), (finding.text, f"第{loc.page}版 {loc.field}")
            )
            where = f"{label} 第{finding.start + 1}字"
            context = _context(field_text, finding.start, finding.end)
        row = f"{where}: {_level_word(finding.level)} [{finding.category}] {finding.message} ({finding.rule})"
        out.write(printable(row) + "\n")
        out.write(printable(f"    {context}{_suggestion(finding)}") + "\n")


def _level_word(level: str) -> str:
    """The level as the reader's language says it (error/错误, warning/警告, info/提示)."""
    words = {"error": msg("error"), "warning": msg("warning"), "info": msg("info")}
    return words.get(level, level)


def _with_deep(findings, text, source):
    """The fast findings plus the deep pass's (those that do not overlap a fast one), in reading order."""
    from editor_app.proof.deep import DeepDataError, shared_deep_checker

    try:
        deep = shared_deep_checker()
    except DeepDataError as exc:
        raise InputError(Path("resources/typo"), str(exc)) from exc
    if isinstance(text, str):
        more = [
            f
            for f in deep.check_text(text, context=text)
            if not any(g.start < f.end and f.start < g.end for g in findings)
        ]
        return sorted(findings + more, key=lambda f: (f.start, f.end))
    more = deep.check_issue(source, findings)
    order = {key: number for number, key in enumerate(text)}
    return sorted(
        findings + more,
        key=lambda f: (order.get((f.location.block, f.location.field), len(order)), f.start, f.end),
    )


def run(args) -> int:
    from editor_app.proof.findings import LEVEL_RANK

    checker = _load_checker(args.rules)
    findings, text, size, issue = _check_source(args.file, checker)  # text: str, or field texts of a document
    from editor_app.textio import printable

    for problem in checker.problems:  # a user pack that did not load or ran over its time budget
        print(printable(msg("editor-app: warning: {warning}", warning=problem)), file=sys.stderr)
    if getattr(args, "deep", False):
        findings = _with_deep(findings, text, issue)
    floor = LEVEL_RANK[args.min_level]
    findings = [f for f in findings if LEVEL_RANK[f.level] >= floor]
    levels = Counter(f.level for f in findings)
    stats = {
        "characters": size,
        "findings": len(findings),
        "by_level": {level: levels.get(level, 0) for level in ("error", "warning", "info")},
        "by_category": dict(Counter(f.category for f in findings).most_common()),
        "rules": len(checker.rules),
    }
    out = sys.stdout
    if args.format == "json":
        json.dump(
            {"findings": [f.to_dict() for f in findings], "stats": stats}, out, ensure_ascii=False, indent=1
        )
        out.write("\n")
    else:
        _text_report(findings, text, out)
        by_level = stats["by_level"]
        out.write(
            f"{size} 字，{len(findings)} 处：错误 {by_level['error']}，警告 {by_level['warning']}，"
            f"提示 {by_level['info']}\n"
        )
    return 1 if levels.get("error") else 0
