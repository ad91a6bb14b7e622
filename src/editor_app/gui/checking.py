"""Background proofreading with revision numbers, so typing never waits for the checker.

After edits settle, a copy of the issue is checked in a worker thread. Results are tagged with the
session revision they were computed for; results for an older revision are thrown away and the
check runs again. A block's findings are dropped as soon as the block is edited (their offsets no
longer match) and come back with the next check.
"""

from __future__ import annotations

from collections import defaultdict
from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QObject, QTimer, Signal

from editor_app.model.serialize import issue_from_dict, issue_to_dict

SETTLE_MS = 400
POLL_MS = 60


def _check(issue):
    from editor_app.proof import default_checker

    return default_checker().check_issue(issue)


def utf16_offset(text: str, index: int) -> int:
    """Qt position of Python index `index` in `text` (characters beyond the BMP count twice in Qt)."""
    prefix = text[:index]
    return index + sum(1 for ch in prefix if ord(ch) > 0xFFFF)


def python_offset(text: str, qt_position: int) -> int:
    """Python index of Qt position `qt_position` in `text` (the inverse of `utf16_offset`)."""
    units = 0
    for index, ch in enumerate(text):
        if units >= qt_position:
            return index
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


class BackgroundChecker(QObject):
    updated = Signal(str)  # a block id, or "" when everything changed

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.findings: list = []
        self.by_block: dict[str, list] = {}
        self.checked_revision = -1
        self.error: str | None = None
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="proof")
        self._future: Future | None = None
        self._future_revision = -1
        self.settle = QTimer(self)
        self.settle.setSingleShot(True)
        self.settle.setInterval(SETTLE_MS)
        self.settle.timeout.connect(self.start)
        self.poll = QTimer(self)
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(self._poll)
        session.changed.connect(self.settle.start)
        session.block_changed.connect(self._forget_block)
        session.structure_changed.connect(self.settle.start)

    @property
    def busy(self) -> bool:
        return self._future is not None

    def start(self) -> None:
        """Check the current revision (a copy of it) unless a check is already running."""
        if self._future is not None:
            return  # _poll starts again when it sees the revision moved on
        snapshot = issue_from_dict(issue_to_dict(self.session.issue))
        self._future_revision = self.session.revision
        self._future = self._executor.submit(_check, snapshot)
        self.poll.start()

    def _poll(self) -> None:
        future = self._future
        if future is None or not future.done():
            return
        self._future = None
        self.poll.stop()
        try:
            findings = future.result()
        except Exception as exc:  # noqa: BLE001 - a broken rule must not take the editor down
            self.error = f"{type(exc).__name__}: {exc}"
            self.updated.emit("")
            return
        if self._future_revision != self.session.revision:
            self.settle.start()  # stale: the text moved on while we checked
            return
        self.error = None
        self.set_findings(findings)
        self.checked_revision = self._future_revision
        self.updated.emit("")

    def set_findings(self, findings: list) -> None:
        """The findings the dock lists, and by block, in reading order, as the underlines read them (the deep
        pass adds its own here too)."""
        self.findings = findings
        grouped = defaultdict(list)
        for finding in findings:
            if finding.location is not None:
                grouped[finding.location.block].append(finding)
        for in_block in grouped.values():
            in_block.sort(key=lambda f: (f.location.field, f.start, f.end))
        self.by_block = dict(grouped)

    def _forget_block(self, block_id: str) -> None:
        if self.by_block.pop(block_id, None) is not None:
            self.findings = [f for f in self.findings if not f.location or f.location.block != block_id]
            self.updated.emit(block_id)

    def counts(self) -> dict[str, int]:
        result = {"error": 0, "warning": 0, "info": 0}
        for finding in self.findings:
            result[finding.level] = result.get(finding.level, 0) + 1
        return result

    def shutdown(self) -> None:
        self.poll.stop()
        self.settle.stop()
        self._executor.shutdown(wait=False, cancel_futures=True)
