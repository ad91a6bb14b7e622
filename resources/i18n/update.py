"""Refresh the translation sources and build the .qm files (run from the repository root).

    python resources/i18n/update.py

`pyside6-lupdate` (shipped with PySide6 in the venv) extracts every `tr()` string of
src/editor_app/gui into `editor_app_<lang>.ts`, keeping the translations already made; translators
edit the .ts in Qt Linguist (`pyside6-linguist`); `pyside6-lrelease` compiles it into the `.qm`
that the app loads. Both .ts and .qm are committed, so a checkout runs without this step.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("zh_CN",)


def tool(name: str) -> str:
    candidate = Path(sys.executable).with_name(name)
    return str(candidate) if candidate.exists() else name


def main() -> int:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "src" / "editor_app" / "gui").rglob("*.py"))
    for language in LANGUAGES:
        ts = f"resources/i18n/editor_app_{language}.ts"
        subprocess.run(
            [
                tool("pyside6-lupdate"),
                *sources,
                "-ts",
                ts,
                "-source-language",
                "en",
                "-target-language",
                language,
                "-no-obsolete",
                "-locations",
                "none",
            ],
            cwd=ROOT,
            check=True,
        )
        subprocess.run([tool("pyside6-lrelease"), ts, "-qm", ts[:-3] + ".qm"], cwd=ROOT, check=True)
        extra = f"resources/i18n/qt_extra_{language}.ts"  # Qt's strings its own translation misses
        if (ROOT / extra).exists():
            subprocess.run([tool("pyside6-lrelease"), extra, "-qm", extra[:-3] + ".qm"], cwd=ROOT, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
