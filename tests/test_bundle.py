"""The desktop bundle a newsroom machine gets (`make dist`): it starts, checks and draws from a folder far
from the source tree, carries its data and licences, and stays small (slow: a PyInstaller build; run by
.ci/run). Built for the platform the tests run on; the Linux extras are checked on Linux.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from editor_app import __version__
from tests.conftest import REPO, SAMPLE

pytestmark = pytest.mark.slow

MAX_BYTES = 250_000_000  # unpacked


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.fail(
            "PyInstaller is not installed: `make test SLOW=1` (or `pip install -e .[dist]`) brings it"
        )
    root = tmp_path_factory.mktemp("dist")
    built = subprocess.run(
        [
            sys.executable,
            str(REPO / "packaging" / "build.py"),
            "--dist",
            str(root / "dist"),
            "--work",
            str(root / "build"),
        ],
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    return root / "dist" / "editor-app"


@pytest.fixture
def elsewhere(tmp_path) -> Path:
    """A working folder outside the source tree, and an environment that knows nothing of it."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    return folder


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "QT_QPA"))}
    env["EDITOR_APP_LANG"] = "en"
    env["EDITOR_APP_DEEP_PASS"] = (
        "1"  # the window's deep pass runs in a worker the bundle must be able to start
    )
    return env


def _run(bundle: Path, *args, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(bundle / "editor-app"), *map(str, args)],
        cwd=cwd,
        env=_env(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def test_the_bundle_reports_its_version(bundle, elsewhere):
    result = _run(bundle, "--version", cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"editor-app {__version__}"


def test_the_bundle_checks_the_customers_page_as_the_source_does(bundle, elsewhere, seed_page):
    page = elsewhere / "page.txt"
    shutil.copy(seed_page, page)
    frozen = _run(bundle, "check", page, cwd=elsewhere)
    source = subprocess.run(
        [sys.executable, "-m", "editor_app", "check", str(page)],
        cwd=elsewhere,
        env=dict(_env(), PYTHONPATH=str(REPO / "src")),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert frozen.returncode in (0, 1), frozen.stderr  # 1: error-level findings, as the page has
    assert frozen.returncode == source.returncode
    assert frozen.stdout == source.stdout and frozen.stdout.count("\n") > 3


def test_the_bundle_draws_the_sample_window_offscreen(bundle, elsewhere):
    from PIL import Image

    project = elsewhere / "sample.bulletin"
    shutil.copy(SAMPLE, project)
    out = elsewhere / "shots" / "window.png"
    result = _run(bundle, "--screenshot", out, project, cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    assert "could not run" not in result.stderr  # the screenshot waits for the deep pass's worker process
    image = Image.open(out).convert("RGB")
    assert image.size == (1400, 900)
    colours = image.getcolors(maxcolors=1_000_000)
    assert colours is not None and len(colours) > 500  # a drawn window with text and the page, not a blank
    red_masthead = sum(count for count, (r, g, b) in colours if r > 180 and g < 60 and b < 60)
    assert red_masthead > 200  # the preview's red rules and masthead are there


def test_the_bundle_is_small_and_carries_only_the_qt_it_uses(bundle):
    size = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file() and not f.is_symlink())
    assert size <= MAX_BYTES, f"{size / 1e6:.0f} MB unpacked"
    names = {f.name for f in bundle.rglob("*")}
    for unused in ("QtNetwork", "QtQml", "QtQuick", "QtTest", "QtSql", "libQt6Qml", "libQt6Quick"):
        assert not any(name.startswith(unused) for name in names), unused
    for used in ("QtCore", "QtGui", "QtWidgets", "QtPrintSupport", "QtSvg"):
        assert any(name.startswith(used + ".") for name in names), used


def test_the_bundle_carries_package_data_without_build_scripts(bundle):
    inside = bundle / "_internal"
    for data in (
        "editor_app/resources/typo/lm_next.bin",
        "editor_app/resources/rules/punctuation.yaml",
        "editor_app/templates/a4-bulletin.docx",
        "editor_app/resources/i18n/editor_app_zh_CN.qm",
        "opencc/dictionary/TSCharacters.txt",
        "docx/templates/default.docx",
        "pypinyin/pinyin_dict.json",
    ):
        assert (inside / data).is_file(), data
    assert list((inside / "editor_app").rglob("*.py")) == []


def test_the_bundle_carries_the_licence_texts(bundle):
    licences = bundle / "licenses"
    assert (bundle / "NOTICE").read_text(encoding="utf-8") == (REPO / "NOTICE").read_text(encoding="utf-8")
    assert (
        "GNU LESSER GENERAL PUBLIC LICENSE" in (licences / "PySide6_Essentials" / "LGPL-3.0.txt").read_text()
    )
    assert "Attribution-ShareAlike 3.0" in (licences / "editor-app" / "CC-BY-SA-3.0.txt").read_text()
    readme = (licences / "README.txt").read_text(encoding="utf-8")
    for component in (
        "PySide6_Essentials",
        "shiboken6",
        "python-docx",
        "opencc-python-reimplemented",
        "PyYAML",
        "pillow",
        "lxml",
        "pyahocorasick",
        "pypinyin",
        "Python",
    ):
        assert component in readme, component
        folder = licences / component
        assert folder.is_dir() and any(folder.iterdir()), component


def test_the_bundle_brings_its_desktop_integration(bundle):
    if (
        sys.platform == "win32"
    ):  # the Inno Setup script associates .bulletin; the console gets its own program
        assert (bundle / "editor-app-cli.exe").is_file()
        return
    if sys.platform == "darwin":
        import plistlib

        info = plistlib.loads((bundle.parent / "editor-app.app" / "Contents" / "Info.plist").read_bytes())
        assert info["CFBundleDocumentTypes"][0]["LSItemContentTypes"] == ["org.editorapp.bulletin"]
        return
    from PIL import Image

    share = bundle / "share"
    desktop = (share / "applications" / "editor-app.desktop").read_text(encoding="utf-8")
    assert "MimeType=application/x-editor-app-bulletin;" in desktop and "Icon=editor-app" in desktop
    mime = (share / "mime" / "packages" / "editor-app.xml").read_text(encoding="utf-8")
    assert 'type="application/x-editor-app-bulletin"' in mime and 'pattern="*.bulletin"' in mime
    metainfo = (share / "metainfo" / "org.editorapp.EditorApp.metainfo.xml").read_text(encoding="utf-8")
    assert f'version="{__version__}"' in metainfo and "@DATE@" not in metainfo
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / "editor-app.svg").is_file()
    for size in (16, 32, 48, 128, 256, 512):
        png = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "editor-app.png"
        assert Image.open(png).size == (size, size)
    assert os.access(bundle / "install.sh", os.X_OK)
