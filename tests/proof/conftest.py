"""Fixtures for the proofreading tests: the bundled checker (without user data) and pack writers."""

from __future__ import annotations

import textwrap

import pytest

from editor_app.proof import Checker


@pytest.fixture(scope="session")
def bundled() -> Checker:
    """The bundled packs only; loaded once (the tests never mutate it)."""
    return Checker.load(include_user=False)


@pytest.fixture
def write_pack(tmp_path):
    """Write a YAML pack (dedented) into a fresh folder and return the folder."""

    def write(text: str, name: str = "house.yaml", folder: str = "packs"):
        target = tmp_path / folder
        target.mkdir(exist_ok=True)
        (target / name).write_text(textwrap.dedent(text), encoding="utf-8")
        return target

    return write
