"""The deep pass (深度校对) in the background: after the fast check of a revision, the same revision goes to a
worker process (`editor_app.proof.deep.worker`) and its findings join the fast ones — in the findings dock and
the underlines — when they arrive. Results for an older revision are dropped; typing never waits, because the
scorer runs in another process (a thread would share the interpreter lock with the window).
"""

from __future__ import annotations

import logging
import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor

from PySide6.QtCore import QObject, QTimer, Signal

from editor_app.model.serialize import issue_to_dict

POLL_MS = 80

log = logging.getLogger(__name__)


class DeepChecker(QObject):
    """Runs the deep pass for each revision the fast `BackgroundChecker` has finished."""

    finished = Signal()  # deep findings for the current revision were merged (or the pass failed)

    def __init__(self, session, checker, parent=None):
        super().__init__(parent)
        self.session = session
        self.checker = checker  # the fast BackgroundChecker, whose findings the deep ones join
        self.findings: list = []
        self.checked_revision = -1
        self.error: str | None = None
        self._executor: ProcessPoolExecutor | None = None
        self._future: Future | None = None
        self._future_revision = -1
        self.poll = QTimer(self)
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(self._poll)
        checker.updated.connect(self._fast_updated)

    @property
    def busy(self) -> bool:
        return self._future is not None

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            from editor_app.proof.deep.worker import warm_up

            # spawn: a forked copy of a process running Qt threads is not safe
            self._executor = ProcessPoolExecutor(
                max_workers=1, mp_context=multiprocessing.get_context("spawn")
            )
            self._executor.submit(warm_up)
        return self._executor

    def _fast_updated(self, block_id: str) -> None:
        if block_id:
            return  # a block was edited: its findings (deep ones too) went; the next fast check brings them back
        if (
            self.checker.checked_revision == self.session.revision
            and self.checked_revision != self.session.revision
        ):
            self.start()

    def start(self) -> None:
        """Run the deep pass on the revision the fast checker last finished, unless one is running."""
        if self._future is not None or self.checker.checked_revision != self.session.revision:
            return
        from editor_app.proof.deep.worker import deep_findings

        spans = [
            (f.location.block, f.location.field, f.start, f.end)
            for f in self.checker.findings
            if f.location is not None
        ]
        self._future_revision = self.session.revision
        self._future = self._pool().submit(deep_findings, issue_to_dict(self.session.issue), spans)
        self.poll.start()

    def _poll(self) -> None:
        future = self._future
        if future is None or not future.done():
            return
        self._future = None
        self.poll.stop()
        try:
            found = future.result()
        except Exception as exc:  # noqa: BLE001 - a missing model must not take the editor down
            self.error = f"{type(exc).__name__}: {exc}"
            log.warning("the deep pass could not run: %s", self.error)
            self.finished.emit()
            return
        if (
            self._future_revision != self.session.revision
            or self.checker.checked_revision != self.session.revision
        ):
            self.start()  # stale: the text moved on; start() waits for the fast checker's next result
            return
        self.error = None
        self.findings = found
        self.checked_revision = self._future_revision
        self._merge(found)
        self.finished.emit()

    def _merge(self, found: list) -> None:
        """Add the deep findings to the fast checker's lists (which the dock and the underlines read)."""
        checker = self.checker
        fast = [f for f in checker.findings if getattr(f, "pass_", "fast") != "deep"]
        checker.set_findings(fast + list(found))
        checker.updated.emit("")

    def shutdown(self) -> None:
        self.poll.stop()
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
