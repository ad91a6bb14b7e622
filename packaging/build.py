"""Build the desktop bundle for this platform: `make dist` → dist/editor-app/ (PyInstaller, one folder).

1. Icons: the PNG sizes (and .ico / .icns) are rendered from packaging/icons/editor-app.svg with Qt's SVG
   renderer into build/icons/, so the one drawing is the only source.
2. PyInstaller runs packaging/editor-app.spec (resources, templates, package data, licences, the Qt modules
   the app uses).
3. Beside the program: NOTICE and licenses/ at the top; on Linux share/ (desktop entry, MIME type, icons,
   AppStream metadata) and install.sh; on Windows the Inno Setup installer when `iscc` is on PATH.

Run from anywhere with the project's venv: `.venv/bin/python packaging/build.py [--dist DIR] [--work DIR]`.
"""

from __future__ import annotations

import argparse
import datetime
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
SVG = PACKAGING / "icons" / "editor-app.svg"
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
RENDER = r"""
import sys
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
app = QGuiApplication([])
svg, out = QSvgRenderer(sys.argv[1]), sys.argv[2]
assert svg.isValid(), sys.argv[1]
for size in map(int, sys.argv[3:]):
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    svg.render(painter)
    painter.end()
    assert image.save(f"{out}/editor-app-{size}.png"), size
"""


def version() -> str:
    sys.path.insert(0, str(ROOT / "src"))
    from editor_app import __version__

    return __version__


def render_icons(out: Path) -> None:
    """PNGs of every size, and the Windows .ico and macOS .icns made from them (Pillow writes both)."""
    from PIL import Image

    out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run(
        [sys.executable, "-c", RENDER, str(SVG), str(out), *map(str, PNG_SIZES)], env=env, check=True
    )
    shutil.copy(SVG, out / "editor-app.svg")
    biggest = Image.open(out / "editor-app-512.png")
    biggest.save(out / "editor-app.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    biggest.save(out / "editor-app.icns")
    (out / "version-info.txt").write_text(windows_version_info(version()), encoding="utf-8")


def windows_version_info(ver: str) -> str:
    """The version resource of editor-app.exe (PyInstaller's `version=` file)."""
    numbers = tuple(int(part) for part in (ver.split(".") + ["0", "0", "0"])[:4])
    strings = {
        "CompanyName": "editor-app",
        "FileDescription": "editor-app: compose, proofread and export bulletin pages",
        "FileVersion": ver,
        "InternalName": "editor-app",
        "OriginalFilename": "editor-app.exe",
        "ProductName": "editor-app",
        "ProductVersion": ver,
        "LegalCopyright": "editor-app authors; bundled components under their own licences (NOTICE)",
    }
    entries = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('080404b0', [
          {entries}])]),
    VarFileInfo([VarStruct('Translation', [0x0804, 1200, 0x0409, 1200])])
  ]
)
"""


def linux_extras(bundle: Path, icons: Path, ver: str) -> None:
    """share/ as a Linux desktop expects it, and install.sh that puts it in place."""
    share = bundle / "share"
    (share / "applications").mkdir(parents=True, exist_ok=True)
    shutil.copy(PACKAGING / "linux" / "editor-app.desktop", share / "applications" / "editor-app.desktop")
    (share / "mime" / "packages").mkdir(parents=True, exist_ok=True)
    shutil.copy(PACKAGING / "linux" / "editor-app-mime.xml", share / "mime" / "packages" / "editor-app.xml")
    (share / "metainfo").mkdir(parents=True, exist_ok=True)
    metainfo = (PACKAGING / "linux" / "editor-app.metainfo.xml").read_text(encoding="utf-8")
    metainfo = metainfo.replace("@VERSION@", ver).replace("@DATE@", datetime.date.today().isoformat())
    (share / "metainfo" / "org.editorapp.EditorApp.metainfo.xml").write_text(metainfo, encoding="utf-8")
    hicolor = share / "icons" / "hicolor"
    (hicolor / "scalable" / "apps").mkdir(parents=True, exist_ok=True)
    shutil.copy(SVG, hicolor / "scalable" / "apps" / "editor-app.svg")
    for size in PNG_SIZES:
        target = hicolor / f"{size}x{size}" / "apps"
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy(icons / f"editor-app-{size}.png", target / "editor-app.png")
    shutil.copy(PACKAGING / "linux" / "install.sh", bundle / "install.sh")
    (bundle / "install.sh").chmod(0o755)


def windows_installer(dist: Path, bundle: Path, icons: Path, ver: str) -> None:
    iscc = shutil.which("iscc") or shutil.which("ISCC")
    if not iscc:
        print("Inno Setup's iscc is not on PATH: the installer was not built (the bundle is ready).")
        return
    subprocess.run(
        [
            iscc,
            f"/DAppVersion={ver}",
            f"/DSourceDir={bundle}",
            f"/DOutputDir={dist}",
            f"/DIconFile={icons / 'editor-app.ico'}",
            str(PACKAGING / "windows" / "editor-app.iss"),
        ],
        check=True,
    )


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the bundle goes (dist/)")
    parser.add_argument(
        "--work", type=Path, default=ROOT / "build", help="PyInstaller's work folder (build/)"
    )
    args = parser.parse_args(argv)
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print(
            "PyInstaller is missing: run `make dist` (it installs the project's [dist] extra)",
            file=sys.stderr,
        )
        return 2
    ver = version()
    icons = args.work / "icons"
    render_icons(icons)
    env = dict(os.environ, EDITOR_APP_ICONS=str(icons))
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(args.dist),
            "--workpath",
            str(args.work),
            str(PACKAGING / "editor-app.spec"),
        ],
        env=env,
    )
    if built.returncode != 0:
        return built.returncode
    bundle = args.dist / "editor-app"
    inside = bundle / "_internal"
    if sys.platform == "darwin":
        inside = args.dist / "editor-app.app" / "Contents" / "Resources"
    if (inside / "licenses").is_dir():  # the licence texts at the top of the folder, where people look
        shutil.rmtree(bundle / "licenses", ignore_errors=True)
        shutil.copytree(inside / "licenses", bundle / "licenses")
    shutil.copy(ROOT / "NOTICE", bundle / "NOTICE")
    if sys.platform.startswith("linux"):
        linux_extras(bundle, icons, ver)
    elif sys.platform == "win32":
        windows_installer(args.dist, bundle, icons, ver)
    print(f"{bundle}: editor-app {ver}, {folder_size(bundle) / 1e6:.0f} MB unpacked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
