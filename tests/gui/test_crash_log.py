"""An unexpected error is written to the log, and the crash dialog names the log file to send."""

from __future__ import annotations

import sys

from editor_app.logs import log_file


def test_the_crash_dialog_names_the_log_that_holds_the_traceback(window, monkeypatch):
    from editor_app.gui import app as gui_app
    from editor_app.gui.dialogs.error_dialog import ErrorDialog

    shown = []
    monkeypatch.setattr(ErrorDialog, "exec", lambda self: shown.append(self.log_label.text()))
    try:
        raise RuntimeError("boom in the composer")
    except RuntimeError:
        gui_app.handle_exception(*sys.exc_info())
    assert shown and str(log_file()) in shown[0]
    logged = log_file().read_text(encoding="utf-8")
    assert "ERROR editor_app.gui.app" in logged and "RuntimeError: boom in the composer" in logged
