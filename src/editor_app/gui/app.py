"""QApplication set-up and the `editor-app [FILE]` entry point."""

from __future__ import annotations

import sys
from pathlib import Path


def run_gui(args) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from editor_app.errors import EditorError
    from editor_app.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("editor-app")
    app.setOrganizationName("editor-app")
    window = MainWindow()
    if args.file:
        try:
            window.open_path(Path(args.file))
        except EditorError as exc:
            QMessageBox.critical(window, window.tr("Cannot open"), str(exc))
    window.resize(1400, 900)
    window.show()
    return app.exec()
