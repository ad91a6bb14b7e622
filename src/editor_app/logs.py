"""The log: every module logs through `logging.getLogger(__name__)`; `setup_logging` sends the `editor_app`
loggers to a rotating file in the user's data folder (`editor-app.log`, 1 MB, three old copies kept), so a
newsroom can send it with a report. The crash dialog names the file.

Nothing is written until something is logged, and a log that cannot be written (read-only home, full
disk) never stops the app: logging is then silently off.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from editor_app.paths import user_data_dir

LOG_FILE_NAME = "editor-app.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s]: %(message)s"


def log_file() -> Path:
    """Where the log goes: `<user data folder>/logs/editor-app.log`."""
    return user_data_dir() / "logs" / LOG_FILE_NAME


class _AppFileHandler(RotatingFileHandler):
    """Ours, so `setup_logging` can find and replace it (the user data folder may change, as in tests).

    The folder is made on the first record, and a record that cannot be written is dropped quietly.
    """

    def _open(self):
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        return super()._open()

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging's name)
        pass


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Attach the rotating file to the `editor_app` loggers; the log file's path, or None if it cannot be had."""
    root = logging.getLogger("editor_app")
    path = log_file()
    for handler in list(root.handlers):
        if isinstance(handler, _AppFileHandler):
            if Path(handler.baseFilename) == path.resolve():
                return path
            root.removeHandler(handler)
            handler.close()
    try:
        handler = _AppFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    root.setLevel(level)
    return path
