"""Proof-round snapshots as project members: `rounds/<number>.json`, text and marks only.

A closed round keeps the issue's text as it stood (field by field) so the next round can show what
changed since (核红). Images are never copied: a snapshot of a page is a few tens of kilobytes, and
the zip compresses it. issue.json keeps only each round's record (number, when, by whom, counts);
a project without rounds has no such member, so older files open as they always did.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from editor_app.messages import msg
from editor_app.model.document import Issue, Round
from editor_app.model.serialize import SchemaError

MEMBER = re.compile(r"^rounds/(\d{1,4})\.json$")
MAX_ROUND_BYTES = 16 * 1024 * 1024


def member_name(number: int) -> str:
    return f"rounds/{number}.json"


def round_member(round_: Round) -> bytes:
    data = {
        "number": round_.number,
        "texts": [[block, path, text] for (block, path), text in round_.texts.items()],
        "flags": round_.flags,
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def round_members(issue: Issue) -> dict[str, bytes]:
    return {member_name(r.number): round_member(r) for r in issue.rounds}


def attach_snapshots(issue: Issue, names: set[str], read: Callable[[str, int], bytes]) -> None:
    """Fill each round of `issue` from its member; raise SchemaError naming a damaged member."""
    numbers = {r.number for r in issue.rounds}
    for name in sorted(names):
        match = MEMBER.match(name)
        if match is None:
            continue
        number = int(match.group(1))
        if number not in numbers:
            raise SchemaError(msg("{name}: a snapshot of a proof round the issue does not list", name=name))
        try:
            data = json.loads(read(name, MAX_ROUND_BYTES).decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise SchemaError(msg("{name} is not valid JSON ({reason})", name=name, reason=exc)) from None
        texts = data.get("texts") if isinstance(data, dict) else None
        flags = data.get("flags", []) if isinstance(data, dict) else None
        if (
            not isinstance(texts, list)
            or not all(
                isinstance(t, list) and len(t) == 3 and all(isinstance(v, str) for v in t) for t in texts
            )
            or not isinstance(flags, list)
            or not all(isinstance(f, dict) for f in flags)
        ):
            raise SchemaError(msg("{name}: not a proof-round snapshot (texts and marks expected)", name=name))
        round_ = issue.rounds[number - 1]
        round_.texts = {(block, path): text for block, path, text in texts}
        round_.flags = flags
