"""Shared fixtures: every test runs with its own user folders and offscreen Qt."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED_PAGE = SHARED / "seeds" / "000_1827cb5f2df69aa0.txt"
SAMPLE = REPO / "resources" / "samples" / "sample.bulletin"


def pytest_addoption(parser):
    parser.addoption(
        "--slow",
        action="store_true",
        help="also run the tests marked slow (bundle build, wheel install), as .ci/run does",
    )


def pytest_collection_modifyitems(config, items):
    """Slow tests are deselected (not skipped) unless --slow is given."""
    if config.getoption("--slow"):
        return
    slow = [item for item in items if item.get_closest_marker("slow")]
    if slow:
        config.hook.pytest_deselected(items=slow)
        items[:] = [item for item in items if not item.get_closest_marker("slow")]


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("EDITOR_APP_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("EDITOR_APP_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    # core messages in English whatever the developer's locale; a test that wants Chinese sets it
    monkeypatch.setenv("EDITOR_APP_LANG", "en")
    from editor_app import messages

    monkeypatch.setattr(messages, "_chosen", None)


@pytest.fixture
def seed_page() -> Path:
    """The customer's sample page; tests that need it skip when ../shared is absent."""
    if not SEED_PAGE.exists():
        pytest.skip("../shared/seeds is not available on this machine")
    return SEED_PAGE
