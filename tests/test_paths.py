"""`paths` finds resources/ and templates/ as package data (installed wheel, bundle) or in a source checkout.

The real wheel and the real bundle are tested end to end in test_wheel.py and test_bundle.py (slow).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import editor_app
from editor_app import paths

PROBE = "import editor_app.paths as p; print(p.resources_dir()); print(p.templates_dir())"


def _layout(root: Path, with_data_inside: bool) -> Path:
    package = root / "editor_app"
    package.mkdir(parents=True)
    source = Path(editor_app.__file__).parent
    for name in ("__init__.py", "paths.py"):
        shutil.copy(source / name, package / name)
    if with_data_inside:
        (package / "resources").mkdir()
        (package / "templates").mkdir()
    return package


def _probe(pythonpath: Path, code: str = PROBE) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PYTHONPATH": str(pythonpath), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_source_checkout_uses_the_repository_folders():
    repo = Path(editor_app.__file__).resolve().parents[2]
    assert paths.resources_dir() == repo / "resources"
    assert paths.templates_dir() == repo / "templates"
    assert paths.sample_project().is_file()


def test_installed_wheel_uses_the_folders_inside_the_package(tmp_path):
    package = _layout(tmp_path / "site-packages", with_data_inside=True)
    assert _probe(tmp_path / "site-packages") == [str(package / "resources"), str(package / "templates")]


def test_package_data_wins_over_a_checkout_beside_it(tmp_path):
    # a wheel unpacked where a repository's folders also happen to be: the package's own data is used
    root = tmp_path / "repo"
    package = _layout(root / "src", with_data_inside=True)
    (root / "pyproject.toml").write_text("[project]\n", encoding="utf-8")
    (root / "resources").mkdir()
    (root / "templates").mkdir()
    assert _probe(root / "src") == [str(package / "resources"), str(package / "templates")]


def test_a_checkout_without_package_data_uses_the_repository_folders(tmp_path):
    root = tmp_path / "repo"
    _layout(root / "src", with_data_inside=False)
    (root / "pyproject.toml").write_text("[project]\n", encoding="utf-8")
    (root / "resources").mkdir()
    (root / "templates").mkdir()
    assert _probe(root / "src") == [str(root / "resources"), str(root / "templates")]


def test_missing_data_is_a_clear_error(tmp_path):
    _layout(tmp_path / "broken", with_data_inside=False)
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PYTHONPATH": str(tmp_path / "broken"), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode != 0
    assert "cannot find its 'resources' folder" in result.stderr


def test_user_folders_follow_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("EDITOR_APP_CONFIG_DIR", str(tmp_path / "cfg"))
    assert paths.user_rules_dir() == tmp_path / "cfg" / "rules"
    assert paths.user_dictionary_path() == tmp_path / "cfg" / "user-dictionary.txt"
