"""Schema migrations: each step turns schema N into N+1, so old projects keep opening.

Schema 0 was the pre-release shape (paragraphs as plain strings, `issue.editor` as one name); the
step to 1 is kept both as a real migration and as the model for the next one. Add a step here and a
fixture under tests/fixtures/projects/ whenever SCHEMA_VERSION changes.
"""

from __future__ import annotations

from collections.abc import Callable

from editor_app.messages import msg
from editor_app.model.serialize import SCHEMA_VERSION, SchemaError


def _v0_to_v1(data: dict) -> dict:
    meta = data.setdefault("issue", {})
    if not isinstance(meta, dict):
        raise SchemaError(f"$.issue: expected an object, found {type(meta).__name__}")
    editor = meta.pop("editor", None)
    if editor and "editors" not in meta:
        meta["editors"] = {"责任编辑": editor}
    pages = data.get("pages") or []
    if not isinstance(pages, list):
        raise SchemaError("$.pages: expected a list")
    for page in pages:
        if not isinstance(page, dict) or not isinstance(page.get("blocks") or [], list):
            continue  # issue_from_dict names the path of the wrong shape
        for block in page.get("blocks") or []:
            if isinstance(block, dict) and isinstance(block.get("paragraphs"), list):
                block["paragraphs"] = [
                    {"kind": "text", "text": p} if isinstance(p, str) else p for p in block["paragraphs"]
                ]
    data["schema"] = 1
    return data


def _v1_to_v2(data: dict) -> dict:
    """Schema 2 gives blocks a place on the page grid; older blocks have none (auto layout)."""
    for page in data.get("pages", []) or []:
        if not isinstance(page, dict):
            continue
        for block in page.get("blocks", []) or []:
            if isinstance(block, dict):
                block.setdefault("place", None)
    data["schema"] = 2
    return data


def _v2_to_v3(data: dict) -> dict:
    """Schema 3: marks know their proof round and who handled them when; import notes and closed
    proof rounds are kept with the issue. Older marks belong to round 1, handled by nobody known."""
    for flag in data.get("flags", []) or []:
        if isinstance(flag, dict):
            flag.setdefault("round", 1)
            flag.setdefault("resolved_by", "")
            flag.setdefault("resolved_at", None)
    data.setdefault("import_notes", [])
    data.setdefault("rounds", [])
    data["schema"] = 3
    return data


MIGRATIONS: dict[int, Callable[[dict], dict]] = {0: _v0_to_v1, 1: _v1_to_v2, 2: _v2_to_v3}


def migrate(data: dict) -> dict:
    """Bring `data` up to SCHEMA_VERSION; refuse schemas newer than this app understands."""
    if not isinstance(data, dict):
        raise SchemaError(msg("the document is not a JSON object"))
    version = data.get("schema", 0)
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        raise SchemaError(msg("unreadable schema version {version}", version=repr(version)))
    if version > SCHEMA_VERSION:
        raise SchemaError(
            msg(
                "written by a newer editor-app (schema {version}; this version reads up to "
                "{supported}): please update editor-app",
                version=version,
                supported=SCHEMA_VERSION,
            )
        )
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise SchemaError(msg("unreadable schema version {version}", version=repr(version)))
        try:
            data = step(data)
        except SchemaError:
            raise
        except (TypeError, AttributeError, KeyError, ValueError, IndexError) as exc:
            # a document of the old version but of the wrong shape: refused, never a traceback
            raise SchemaError(
                msg(
                    "cannot upgrade schema {version}: the document has an unexpected shape ({reason})",
                    version=version,
                    reason=exc.__class__.__name__,
                )
            ) from None
        new = data.get("schema") if isinstance(data, dict) else None
        if not isinstance(new, int) or isinstance(new, bool) or new <= version:
            raise SchemaError(msg("cannot upgrade schema {version}", version=version))
        version = new
    return data
