"""Fuzzing harness (Hypothesis) for the four loaders that take files from outside.

Each loader gets bytes and must either open them or refuse them with an `EditorError` carrying a
message (the CLI prints it and exits 2) — never another exception, never more than `CASE_SECONDS`.
Cases are the hostile corpus (tests/hostile.py) and good files, mutated: bytes flipped, inserted,
cut; zip members rewritten; hostile XML, JSON and YAML fragments spliced in.

`tests/fuzz/test_fuzz.py` runs a few hundred cases per loader in the normal suite;
`bench/fuzz_loaders.py` runs 10,000 per loader and prints the tally.
"""

from __future__ import annotations

import io
import json
import signal
import tempfile
import time
import zipfile
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

from hypothesis import strategies as st

from editor_app.errors import EditorError
from tests import hostile

CASE_SECONDS = 5.0


class Hang(Exception):
    """A case ran over CASE_SECONDS."""


@contextmanager
def time_limit(seconds: float):
    def fire(_signum, _frame):
        raise Hang(f"over {seconds} s")

    old = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


# --- seeds --------------------------------------------------------------------------------------


def _seeds(prefix: str, extra: list[bytes]) -> list[bytes]:
    return [data for name, data in sorted(hostile.corpus().items()) if name.startswith(prefix)] + extra


def _good_text() -> bytes:
    return (
        "第3期\n\n春季植树活动全面启动\n\n本报讯（记者 王晓）全市今天启动春季植树活动，各区按计划推进。"
        "\n\n活动持续到四月底。（环土）\n"
    ).encode()


SEEDS = {
    "project": lambda: _seeds("project/", [hostile.good_project()]),
    "text": lambda: _seeds("text/", [_good_text(), _good_text().decode().encode("gb18030")]),
    "docx": lambda: _seeds("docx/", [hostile.make_docx(hostile.para(hostile.run("正文。")))]),
    "rules": lambda: _seeds("rules/", [hostile.date_terms_pack()]),
}

FRAGMENTS = {
    "project": [
        b'"\\ud800"',
        b"[" * 500,
        b'{"type": "article", "paragraphs": 5}',
        b'"schema": 0',
        b"null",
        b'"photos": [{"image": "images/../x"}]',
        b"1e999",
        b'"id": 7',
        b"\xff\xfe",
    ],
    "text": [
        b"\x1b[31m",
        "\u3000".encode(),
        b"\xef\xbb\xbf",
        b"\x00",
        "\ud7ff".encode(),
        b"\r\n\f",
        "（完）".encode(),
        b"\xa1\xa1",
        "第１版".encode(),
    ],
    "docx": [
        b'<w:basedOn w:val="Normal"/>',
        b'<w:footnoteReference w:id="99"/>',
        b'<w:sym w:char="ZZZZ"/>',
        b"<w:r>" * 200,
        b'<w:altChunk r:id="rId999"/>',
        b"&ent;",
        b"<m:oMath><m:t>x</m:t></m:oMath>",
        b'<w:moveFrom w:id="1">',
        b"</w:p><w:p>",
        b'<w:pStyle w:val="Loop"/>',
    ],
    "rules": [
        b"&a [1,2]",
        b"*a",
        b"!!binary aGVsbG8=",
        b"2024-01-01",
        b"[" * 200,
        b"pattern: '(a+)+'",
        b"type: pattern",
        b"terms: {a: 1}",
        b"\n  - id: x\n",
        b"{HAN}",
        b"? [a]\n: b",
    ],
}


# --- mutations ----------------------------------------------------------------------------------


def _mutate_bytes(data: bytes, ops: list[tuple[int, int, int, bytes]]) -> bytes:
    out = bytearray(data)
    for kind, position, length, blob in ops:
        at = position % (len(out) + 1)
        if kind == 0 and out:  # flip
            out[at % len(out)] ^= (length % 255) + 1
        elif kind == 1:  # insert
            out[at:at] = blob
        elif kind == 2:  # delete
            del out[at : at + length]
        elif kind == 3:  # truncate
            del out[at:]
        else:  # duplicate a chunk
            out[at:at] = out[at : at + length]
    return bytes(out)


def _mutate_member(data: bytes, pick: int, ops) -> bytes:
    """Rewrite one member of a zip (project or Word file) with byte mutations, keeping the zip valid."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [(info.filename, archive.read(info)) for info in archive.infolist()]
    except Exception:  # noqa: BLE001 - already broken: mutate the bytes instead
        return _mutate_bytes(data, ops)
    if not members:
        return data
    textual = [i for i, (name, _) in enumerate(members) if name.endswith((".xml", ".json", ".rels"))] or [0]
    index = textual[pick % len(textual)]
    name, blob = members[index]
    members[index] = (name, _mutate_bytes(blob, ops))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for member, content in members:
            archive.writestr(member, content)
    return out.getvalue()


def cases(loader: str):
    """A Hypothesis strategy of inputs for `loader`."""
    seeds = SEEDS[loader]()
    fragments = FRAGMENTS[loader]
    op = st.tuples(
        st.integers(0, 4),
        st.integers(0, 1 << 20),
        st.integers(0, 64),
        st.one_of(st.sampled_from(fragments), st.binary(max_size=16)),
    )
    ops = st.lists(op, max_size=6)
    zipped = loader in ("project", "docx")
    return st.tuples(st.sampled_from(seeds), ops, st.integers(0, 100), st.booleans()).map(
        lambda t: _mutate_member(t[0], t[2], t[1]) if zipped and t[3] else _mutate_bytes(t[0], t[1])
    )


def json_projects():
    """Structured: issue.json of arbitrary JSON values, in a valid zip."""
    leaf = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=8))
    value = st.recursive(
        leaf,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4),
            st.dictionaries(
                st.sampled_from(
                    [
                        "schema",
                        "issue",
                        "pages",
                        "blocks",
                        "type",
                        "paragraphs",
                        "text",
                        "photos",
                        "image",
                        "flags",
                        "location",
                        "start",
                        "end",
                        "editors",
                        "ignored",
                        "id",
                    ]
                ),
                inner,
                max_size=5,
            ),
        ),
        max_leaves=30,
    )
    return value.map(
        lambda v: hostile.project_zip(
            {"manifest.json": hostile.MANIFEST, "issue.json": json.dumps(v).encode()}
        )
    )


# --- loaders ------------------------------------------------------------------------------------


def _load_project(path: Path) -> None:
    from editor_app.storage import open_project, save_project

    project = open_project(path)
    save_project(project, path.with_name("saved.bulletin"), backup=False)  # every project that opens saves


def _import(path: Path) -> None:
    from editor_app.importing import import_file

    import_file(path)


def _load_rules(path: Path) -> None:
    from editor_app.proof import Checker

    folder = path.parent / "pack"
    folder.mkdir(exist_ok=True)
    (folder / "pack.yaml").write_bytes(path.read_bytes())
    Checker.load(rules_dirs=[folder], include_user=False).check_text(
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaa!2024-01-01"
    )


LOADERS = {
    "project": (".bulletin", _load_project),
    "text": (".txt", _import),
    "docx": (".docx", _import),
    "rules": (".yaml", _load_rules),
}


def run_case(loader: str, data: bytes, tally: Counter | None = None) -> str:
    """ "opened" or "refused"; raises on a traceback or a hang (the test fails with the case)."""
    suffix, load = LOADERS[loader]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"case{suffix}"
        path.write_bytes(data)
        started = time.monotonic()
        try:
            with time_limit(CASE_SECONDS):
                load(path)
            outcome = "opened"
        except EditorError as exc:
            if not str(exc).strip():
                raise AssertionError("refused without a message") from exc
            outcome = "refused"
        elapsed = time.monotonic() - started
    if tally is not None:
        tally[outcome] += 1
        tally["max_ms"] = max(tally["max_ms"], int(elapsed * 1000))
    return outcome
