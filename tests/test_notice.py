"""Every data file that ships is named in NOTICE with its licence and source (DEVELOPERS.md's rule)."""

from __future__ import annotations

import fnmatch
import re

from tests.conftest import REPO

NOT_SHIPPED = {".py", ".ts", ".pyc"}  # build scripts and translation sources stay out of wheel and bundle


def shipped_files() -> list[str]:
    out = []
    for folder in ("resources", "templates"):
        for path in (REPO / folder).rglob("*"):
            rel = path.relative_to(REPO)
            if (
                path.is_file()
                and path.suffix not in NOT_SHIPPED
                and not {"tools", "__pycache__", ".cache"} & set(rel.parts)
            ):
                out.append(rel.as_posix())
    return sorted(out)


def test_notice_names_every_shipped_data_file():
    notice = (REPO / "NOTICE").read_text(encoding="utf-8")
    named = re.findall(r"`([^`\s]+)`", notice)

    def is_named(rel: str) -> bool:
        name = rel.rsplit("/", 1)[-1]
        return any(
            token == name or token.endswith("/" + name) or fnmatch.fnmatch(rel, token) for token in named
        )

    files = shipped_files()
    assert len(files) > 40
    assert [rel for rel in files if not is_named(rel)] == []


def test_notice_names_the_licence_of_every_bundled_component():
    notice = (REPO / "NOTICE").read_text(encoding="utf-8")
    for component, licence in [
        ("Qt 6", "LGPL-3.0"),
        ("PySide6", "LGPL-3.0"),
        ("python-docx", "MIT"),
        ("opencc-python-reimplemented", "Apache-2.0"),
        ("pypinyin", "MIT"),
        ("Pillow", "MIT-CMU"),
        ("Python runtime", "PSF-2.0"),
        ("`lm_words.tsv`", "Attribution-ShareAlike 3.0"),
    ]:
        # an entry is a table row or a list item (which may wrap over several lines)
        entries = re.split(r"\n(?=- |\| |#)", notice)
        entry = next((e for e in entries if component in e and licence in " ".join(e.split())), None)
        assert entry, f"NOTICE does not give {component}'s licence ({licence})"
