"""Canonical JSON: the one shape that projects, `dump`, `import --format json` and tests share.

`issue_to_dict` writes every field (absent optional values as null) in a fixed key order, so that
dump → load → dump is byte-identical. `issue_from_dict` validates as it reads and raises
`SchemaError` with a JSON path, so a damaged project is refused with a message, not a traceback.
"""

from __future__ import annotations

import builtins
import json
from typing import Any, NoReturn, overload

from editor_app.model.document import (
    FLAG_STATUSES,
    PARAGRAPH_KINDS,
    PUBLICATION_TYPES,
    Article,
    Banner,
    Block,
    EditorNote,
    Flag,
    Ignore,
    Issue,
    Location,
    Note,
    Page,
    Paragraph,
    Photo,
    PhotoBlock,
    Placement,
    Round,
    new_id,
)

SCHEMA_VERSION = 3


class SchemaError(ValueError):
    """The JSON does not have the canonical shape; the message names the path."""


# --- writing -------------------------------------------------------------------------------------


def _paragraph(p: Paragraph) -> dict:
    return {"kind": p.kind, "text": p.text, "id": p.id}


def _photo(ph: Photo) -> dict:
    return {"image": ph.image, "caption": ph.caption, "credit": ph.credit, "id": ph.id}


def _place(place: Placement | None) -> dict | None:
    if place is None:
        return None
    return {"column": place.column, "span": place.span, "top": place.top, "height": place.height}


def block_to_dict(block: Block) -> dict:
    data = _block_fields(block)
    data["place"] = _place(block.place)
    data["id"] = data.pop("id")  # the id stays last, as in every schema
    return data


def _block_fields(block: Block) -> dict:
    if isinstance(block, Banner):
        return {
            "type": "banner",
            "kicker": block.kicker,
            "title": block.title,
            "subtitle": block.subtitle,
            "id": block.id,
        }
    if isinstance(block, EditorNote):
        return {
            "type": "editor_note",
            "label": block.label,
            "paragraphs": [_paragraph(p) for p in block.paragraphs],
            "id": block.id,
        }
    if isinstance(block, Article):
        return {
            "type": "article",
            "kicker": block.kicker,
            "title": block.title,
            "subtitle": block.subtitle,
            "dateline": block.dateline,
            "author_line": block.author_line,
            "paragraphs": [_paragraph(p) for p in block.paragraphs],
            "photos": [_photo(ph) for ph in block.photos],
            "byline": block.byline,
            "slot": block.slot,
            "id": block.id,
        }
    if isinstance(block, PhotoBlock):
        return {
            "type": "photo",
            "image": block.image,
            "caption": block.caption,
            "credit": block.credit,
            "id": block.id,
        }
    raise TypeError(f"not a block: {block!r}")


def flag_to_dict(flag: Flag) -> dict:
    loc = flag.location
    return {
        "id": flag.id,
        "location": {
            "block": loc.block,
            "field": loc.field,
            "start": loc.start,
            "end": loc.end,
            "quote": loc.quote,
        },
        "category": flag.category,
        "note": flag.note,
        "suggestion": flag.suggestion,
        "author": flag.author,
        "status": flag.status,
        "created": flag.created,
        "round": flag.round,
        "resolved_by": flag.resolved_by,
        "resolved_at": flag.resolved_at,
    }


def round_to_dict(round_: Round) -> dict:
    """A round's record in issue.json (its texts and marks go to the project's rounds/<n>.json)."""
    return {
        "number": round_.number,
        "closed": round_.closed,
        "closed_by": round_.closed_by,
        "counts": dict(round_.counts),
    }


def issue_to_dict(issue: Issue) -> dict:
    return {
        "schema": SCHEMA_VERSION,
        "issue": {
            "publication": issue.publication,
            "type": issue.type,
            "number": issue.number,
            "total_number": issue.total_number,
            "date": issue.date,
            "editors": dict(issue.editors),
            "organizer": issue.organizer,
            "permit": issue.permit,
            "id": issue.id,
        },
        "pages": [
            {
                "number": page.number,
                "name": page.name,
                "template": page.template,
                "id": page.id,
                "blocks": [block_to_dict(b) for b in page.blocks],
            }
            for page in issue.pages
        ],
        "flags": [flag_to_dict(f) for f in issue.flags],
        "ignored": [{"rule": i.rule, "text": i.text, "block": i.block} for i in issue.ignored],
        "import_notes": [
            {"message": n.message, "block": n.block, "line": n.line, "kind": n.kind, "id": n.id}
            for n in issue.import_notes
        ],
        "rounds": [round_to_dict(r) for r in issue.rounds],
    }


def dumps(issue: Issue) -> str:
    """The canonical JSON text (UTF-8 friendly, indented, stable)."""
    return json.dumps(issue_to_dict(issue), ensure_ascii=False, indent=2) + "\n"


# --- reading -------------------------------------------------------------------------------------


class _Reader:
    """Pulls typed values out of untrusted dicts, naming the JSON path on failure."""

    def __init__(self, data: Any, path: str):
        if not isinstance(data, dict):
            raise SchemaError(f"{path}: expected an object, found {type(data).__name__}")
        self.data = data
        self.path = path

    def _fail(self, key: str, what: str) -> NoReturn:
        raise SchemaError(f"{self.path}.{key}: {what}")

    # the methods are named after the JSON types they read, so annotations name the builtins explicitly
    @overload
    def str(self, key: builtins.str, default: builtins.str = "", required: bool = False) -> builtins.str: ...

    @overload
    def str(self, key: builtins.str, default: None, required: bool = False) -> builtins.str | None: ...

    def str(
        self, key: builtins.str, default: builtins.str | None = "", required: bool = False
    ) -> builtins.str | None:
        if key not in self.data or self.data[key] is None:
            if required:
                self._fail(key, "missing")
            return default
        value = self.data[key]
        if not isinstance(value, str):
            self._fail(key, f"expected text, found {type(value).__name__}")
        return value

    @overload
    def int(self, key: builtins.str, default: builtins.int) -> builtins.int: ...

    @overload
    def int(self, key: builtins.str, default: None = None) -> builtins.int | None: ...

    def int(self, key: builtins.str, default: builtins.int | None = None) -> builtins.int | None:
        value = self.data.get(key)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            self._fail(key, f"expected a whole number, found {value!r}")
        return value

    def choice(self, key: builtins.str, choices: tuple[builtins.str, ...], default: builtins.str) -> Any:
        value = self.str(key, default)
        if value not in choices:
            self._fail(key, f"{value!r} is not one of {', '.join(choices)}")
        return value

    def list(self, key: builtins.str) -> builtins.list:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self._fail(key, "expected a list")
        return value

    def id(self, prefix: builtins.str) -> builtins.str:
        return self.str("id", None) or new_id(prefix)


def _read_paragraphs(r: _Reader) -> list[Paragraph]:
    out = []
    for i, item in enumerate(r.list("paragraphs")):
        pr = _Reader(item, f"{r.path}.paragraphs[{i}]")
        out.append(
            Paragraph(text=pr.str("text"), kind=pr.choice("kind", PARAGRAPH_KINDS, "text"), id=pr.id("p"))
        )
    return out


def _read_photos(r: _Reader) -> list[Photo]:
    out = []
    for i, item in enumerate(r.list("photos")):
        fr = _Reader(item, f"{r.path}.photos[{i}]")
        out.append(
            Photo(
                image=fr.str("image", None),
                caption=fr.str("caption"),
                credit=fr.str("credit", None),
                id=fr.id("f"),
            )
        )
    return out


def _read_place(r: _Reader) -> Placement | None:
    if r.data.get("place") is None:
        return None
    pr = _Reader(r.data["place"], f"{r.path}.place")
    values = {}
    for key, least in (("column", 0), ("span", 1), ("top", 0), ("height", 1)):
        value = pr.int(key)
        if value is None or value < least or value > 10_000:
            raise SchemaError(
                f"{pr.path}.{key}: expected a whole number from {least} to 10000, found {value!r}"
            )
        values[key] = value
    return Placement(**values)


def block_from_dict(data: Any, path: str = "block") -> Block:
    block = _block_from_dict(data, path)
    block.place = _read_place(_Reader(data, path))
    return block


def _block_from_dict(data: Any, path: str) -> Block:
    r = _Reader(data, path)
    kind = r.str("type", required=True)
    if kind == "banner":
        return Banner(
            kicker=r.str("kicker", None), title=r.str("title"), subtitle=r.str("subtitle", None), id=r.id("b")
        )
    if kind == "editor_note":
        return EditorNote(label=r.str("label", "编者按"), paragraphs=_read_paragraphs(r), id=r.id("n"))
    if kind == "article":
        return Article(
            kicker=r.str("kicker", None),
            title=r.str("title"),
            subtitle=r.str("subtitle", None),
            dateline=r.str("dateline", None),
            author_line=r.str("author_line", None),
            paragraphs=_read_paragraphs(r),
            photos=_read_photos(r),
            byline=r.str("byline", None),
            slot=r.str("slot", None),
            id=r.id("a"),
        )
    if kind == "photo":
        return PhotoBlock(
            image=r.str("image", None), caption=r.str("caption"), credit=r.str("credit", None), id=r.id("g")
        )
    raise SchemaError(f"{path}.type: unknown block type {kind!r}")


def issue_from_dict(data: Any) -> Issue:
    top = _Reader(data, "$")
    schema = top.int("schema")
    if schema != SCHEMA_VERSION:
        raise SchemaError(f"$.schema: expected {SCHEMA_VERSION}, found {schema!r} (migrate first)")
    meta = _Reader(top.data.get("issue") or {}, "$.issue")
    editors_raw = meta.data.get("editors") or {}
    if not isinstance(editors_raw, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in editors_raw.items()
    ):
        raise SchemaError("$.issue.editors: expected an object of role → names")
    issue = Issue(
        publication=meta.str("publication"),
        type=meta.choice("type", PUBLICATION_TYPES, "internal"),
        number=meta.int("number"),
        total_number=meta.int("total_number"),
        date=meta.str("date", None),
        editors=dict(editors_raw),
        organizer=meta.str("organizer", None),
        permit=meta.str("permit", None),
        id=meta.id("i"),
    )
    for pi, page_data in enumerate(top.list("pages")):
        pr = _Reader(page_data, f"$.pages[{pi}]")
        page = Page(
            number=pr.int("number", pi + 1),
            name=pr.str("name", None),
            template=pr.str("template", "a4-bulletin"),
            id=pr.id("pg"),
        )
        page.blocks = [
            block_from_dict(b, f"{pr.path}.blocks[{bi}]") for bi, b in enumerate(pr.list("blocks"))
        ]
        issue.pages.append(page)
    for fi, flag_data in enumerate(top.list("flags")):
        fr = _Reader(flag_data, f"$.flags[{fi}]")
        lr = _Reader(fr.data.get("location"), f"{fr.path}.location")
        start, end = lr.int("start", 0), lr.int("end", 0)
        if start < 0 or end < start:
            raise SchemaError(f"{lr.path}: bad span {start}..{end}")
        location = Location(
            block=lr.str("block", required=True),
            field=lr.str("field", required=True),
            start=start,
            end=end,
            quote=lr.str("quote"),
        )
        issue.flags.append(
            Flag(
                location=location,
                category=fr.str("category"),
                note=fr.str("note"),
                suggestion=fr.str("suggestion", None),
                author=fr.str("author"),
                status=fr.choice("status", FLAG_STATUSES, "open"),
                created=fr.str("created"),
                id=fr.id("fl"),
                round=max(1, fr.int("round", 1)),
                resolved_by=fr.str("resolved_by"),
                resolved_at=fr.str("resolved_at", None),
            )
        )
    for ii, item in enumerate(top.list("ignored")):
        ir = _Reader(item, f"$.ignored[{ii}]")
        issue.ignored.append(
            Ignore(rule=ir.str("rule", required=True), text=ir.str("text"), block=ir.str("block", None))
        )
    for ni, item in enumerate(top.list("import_notes")):
        nr = _Reader(item, f"$.import_notes[{ni}]")
        issue.import_notes.append(
            Note(
                message=nr.str("message", required=True),
                block=nr.str("block", None),
                line=nr.int("line"),
                kind=nr.str("kind"),
                id=nr.id("nt"),
            )
        )
    for ri, item in enumerate(top.list("rounds")):
        rr = _Reader(item, f"$.rounds[{ri}]")
        number = rr.int("number")
        if number != ri + 1:
            raise SchemaError(f"{rr.path}.number: expected {ri + 1}, found {number!r}")
        counts = rr.data.get("counts") or {}
        if not isinstance(counts, dict) or not all(
            isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool) for k, v in counts.items()
        ):
            raise SchemaError(f"{rr.path}.counts: expected an object of name → whole number")
        issue.rounds.append(
            Round(number=number, closed=rr.str("closed"), closed_by=rr.str("closed_by"), counts=dict(counts))
        )
    return issue


def loads(text: str) -> Issue:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SchemaError(f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from exc
    return issue_from_dict(data)
