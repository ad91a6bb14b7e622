"""Fuzz the loaders in the normal suite: a few hundred cases each (FUZZ_CASES overrides).

Every case opens or is refused with a message, within 5 s. Derandomised, so CI sees the same cases;
bench/fuzz_loaders.py runs 10,000 random ones per loader.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings

from tests.fuzz.harness import cases, json_projects, run_case

CASES = int(os.environ.get("FUZZ_CASES", "150"))
FUZZ = settings(
    max_examples=CASES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@pytest.mark.parametrize("loader", ["project", "text", "docx", "rules"])
def test_mutated_inputs_open_or_are_refused(loader):
    @FUZZ
    @given(cases(loader))
    def check(data):
        run_case(loader, data)

    check()


@FUZZ
@given(json_projects())
def test_arbitrary_issue_json_opens_or_is_refused(data):
    run_case("project", data)
