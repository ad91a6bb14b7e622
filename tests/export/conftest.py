"""Fixtures for export tests: the bundled sample project, with flags added on known spans."""

from __future__ import annotations

import pytest

from editor_app.model.document import Flag, Location
from editor_app.model.fields import iter_text_fields
from editor_app.storage.project import open_project
from tests.conftest import SAMPLE


@pytest.fixture
def sample_project():
    return open_project(SAMPLE)


def flag_on(issue, needle: str, note: str, suggestion: str | None = None, status: str = "open") -> Flag:
    """A flag on the first occurrence of `needle` in the issue's text."""
    for tf in iter_text_fields(issue):
        start = tf.text.find(needle)
        if start >= 0:
            flag = Flag(
                Location(tf.block.id, tf.path, start, start + len(needle), needle),
                category="别字",
                note=note,
                suggestion=suggestion,
                author="周宁",
                status=status,
            )
            issue.flags.append(flag)
            return flag
    raise AssertionError(f"{needle!r} is not in the sample")
