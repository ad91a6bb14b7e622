"""The deep pass in a separate process, for the desktop app: a pure-Python scorer in a thread would hold the
interpreter lock long enough to stall typing, so the GUI sends a snapshot of the issue here instead.

Everything crosses the process boundary as plain data (the issue as `issue_to_dict`, the fast findings' spans);
the process keeps its DeepChecker (and the model) between calls.
"""

from __future__ import annotations


def deep_findings(issue_data: dict, fast_spans: list[tuple[str, str, int, int]]) -> list:
    """Deep findings for the serialised issue, minus those overlapping the fast findings' spans
    ((block, field, start, end) each)."""
    from editor_app.model.serialize import issue_from_dict
    from editor_app.proof.deep import shared_deep_checker
    from editor_app.proof.findings import Finding, FindingLocation

    issue = issue_from_dict(issue_data)
    fast = [
        Finding("", "", "info", start, end, "", (), "", FindingLocation(0, block, field))
        for block, field, start, end in fast_spans
    ]
    return shared_deep_checker().check_issue(issue, fast)


def warm_up() -> bool:
    """Load the model ahead of the first page (called once when the worker process starts)."""
    from editor_app.proof.deep import shared_deep_checker

    shared_deep_checker()
    return True
