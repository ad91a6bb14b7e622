"""Guard against a PySide6 6.12.0 bug on Python < 3.12: void methods return None without a reference.

Every call of a Qt method that returns nothing (setText, setPen, QTextLine.setPosition …) then takes
one reference from `None`; on Python 3.10/3.11, where None is not immortal, the count reaches zero
after a few thousand calls and the interpreter aborts ("none_dealloc: deallocating None"). A page
preview makes ~700 such calls, so the app would die after a dozen edits. PySide6 6.11.x does not
have the bug (pin `PySide6-Essentials!=6.12.0` where possible). The guard probes for the leak once
and, only if present, gives None back the references it loses (its count is the first field of the
object on CPython 3.10/3.11, the only versions concerned). Extra references to None are harmless.
"""

from __future__ import annotations

import sys

CHUNK = 1_000_000
LOW_WATER = 500_000
CHECK_MS = 250
_leaking: bool | None = None


def none_leaks() -> bool:
    """True if calling a void Qt method loses a reference to None (probed once)."""
    global _leaking
    if _leaking is None:
        if sys.version_info >= (3, 12):
            _leaking = False  # None is immortal: nothing can go wrong
        else:
            from PySide6.QtCore import QObject

            probe = QObject()
            before = sys.getrefcount(None)
            for _ in range(200):
                probe.setObjectName("probe")
            _leaking = before - sys.getrefcount(None) >= 150
    return _leaking


def top_up() -> None:
    if _leaking and sys.getrefcount(None) < LOW_WATER:
        import ctypes

        ctypes.c_ssize_t.from_address(id(None)).value += CHUNK


def install(parent=None) -> None:
    """Probe, top up None's count, and (with a QObject parent) keep it topped up from a timer."""
    if not none_leaks():
        return
    top_up()
    if parent is not None and not getattr(parent, "_none_guard", None):
        from PySide6.QtCore import QTimer

        timer = QTimer(parent)
        timer.setInterval(CHECK_MS)
        timer.timeout.connect(top_up)
        timer.start()
        parent._none_guard = timer
