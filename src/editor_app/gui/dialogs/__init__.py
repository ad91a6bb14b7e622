"""Dialogs of the main window.

`fit_dialog` gives a dialog room for its title and contents: window managers elide a title wider
than the window ("导出 DO…"), and Qt sizes a dialog to its layout's minimum, which cut long labels.
"""

from __future__ import annotations


def fit_dialog(dialog, min_width: int = 0) -> None:
    """Resize `dialog` to at least its layout's preferred size, its title's width and `min_width`."""
    metrics = dialog.fontMetrics()
    title = metrics.horizontalAdvance(dialog.windowTitle()) + 160  # the frame's buttons and icon
    hint = dialog.sizeHint()
    dialog.resize(
        max(hint.width(), title, min_width, dialog.width() if dialog.isVisible() else 0),
        max(hint.height(), dialog.minimumSizeHint().height()),
    )
