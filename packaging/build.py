"""Build a desktop bundle with PyInstaller (dist/editor-app/).

Run from the repository root after `make setup`: `.venv/bin/python packaging/build.py`.
PyInstaller is a packaging-time tool only; it is installed here on demand, not as a dependency.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", "pyinstaller"])
    return subprocess.call([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
                            "--distpath", str(ROOT / "dist"), "--workpath", str(ROOT / "build"),
                            str(ROOT / "packaging" / "editor-app.spec")])


if __name__ == "__main__":
    sys.exit(main())
