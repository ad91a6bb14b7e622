"""The wheel a newsroom's IT would `pip install`: it carries its data, not its build scripts, and works from
a fresh virtual environment in a folder far from the source tree (slow: builds, installs Qt; run by .ci/run).
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.slow

DATA = [
    "editor_app/resources/rules/punctuation.yaml",
    "editor_app/resources/typo/lm_next.bin",
    "editor_app/resources/i18n/editor_app_zh_CN.qm",
    "editor_app/resources/samples/sample.bulletin",
    "editor_app/templates/a4-bulletin.yaml",
    "editor_app/templates/a4-bulletin.docx",
]


def _run(args, cwd: Path, env: dict, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    root = tmp_path_factory.mktemp("wheel")
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "EDITOR_APP_"))}
    env.update(HOME=str(root / "home"), EDITOR_APP_LANG="en", QT_QPA_PLATFORM="offscreen")
    built = _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", REPO, "-w", root / "dist"],
        cwd=root,
        env=env,
    )
    assert built.returncode == 0, built.stderr
    wheel = next((root / "dist").glob("editor_app-*.whl"))
    created = _run([sys.executable, "-m", "venv", root / "venv"], cwd=root, env=env)
    assert created.returncode == 0, created.stderr
    pip = _run(
        [root / "venv" / "bin" / "python", "-m", "pip", "install", "--quiet", wheel],
        cwd=root,
        env=env,
        timeout=900,
    )
    assert pip.returncode == 0, pip.stderr
    work = root / "elsewhere"  # outside the source tree: nothing can be found there by accident
    work.mkdir()
    return wheel, root / "venv" / "bin", work, env


def test_the_wheel_carries_the_data_and_leaves_the_build_scripts_out(installed):
    wheel, *_ = installed
    names = zipfile.ZipFile(wheel).namelist()
    assert [name for name in DATA if name not in names] == []
    scripts = [
        name
        for name in names
        if name.endswith(".py") and name.startswith(("editor_app/resources/", "editor_app/templates/"))
    ]
    assert scripts == []
    assert not any("/tools/" in name for name in names)


def test_the_installed_package_finds_its_data_inside_itself(installed):
    _wheel, bin_dir, work, env = installed
    probe = _run(
        [
            bin_dir / "python",
            "-c",
            "import editor_app.paths as p; print(p.resources_dir()); print(p.templates_dir())",
        ],
        cwd=work,
        env=env,
    )
    assert probe.returncode == 0, probe.stderr
    resources, templates = probe.stdout.split()
    assert Path(resources).parts[-3:] == ("site-packages", "editor_app", "resources")
    assert Path(templates).parts[-3:] == ("site-packages", "editor_app", "templates")


def test_check_from_the_installed_wheel_finds_a_wrong_idiom(installed):
    _wheel, bin_dir, work, env = installed
    story = work / "story.txt"
    story.write_text("希望大家再接再励，把工作做好。\n", encoding="utf-8")
    result = _run([bin_dir / "editor-app", "check", story], cwd=work, env=env)
    assert result.returncode == 1, result.stderr  # an error-level finding
    assert "再接再厉" in result.stdout


def test_export_from_the_installed_wheel_writes_the_sample_page(installed):
    _wheel, bin_dir, work, env = installed
    sample = _run(
        [bin_dir / "python", "-c", "import editor_app.paths as p; print(p.sample_project())"],
        cwd=work,
        env=env,
    ).stdout.strip()
    out = work / "page.docx"
    result = _run(
        [bin_dir / "editor-app", "export", sample, "-o", out, "--template", "a3-bulletin"], cwd=work, env=env
    )
    assert result.returncode == 0, result.stderr
    text = _run(
        [
            bin_dir / "python",
            "-c",
            # every run's text, the composed page's text boxes included
            "import sys, docx; from docx.oxml.ns import qn; body = docx.Document(sys.argv[1]).element.body; "
            "print(''.join(t.text or '' for t in body.iter(qn('w:t'))))",
            out,
        ],
        cwd=work,
        env=env,
    ).stdout
    assert "老旧小区改造提速" in text and "编者按" in text
