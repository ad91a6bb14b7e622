"""QApplication set-up: translators, the safety net for unexpected errors, `--screenshot`.

No traceback ever reaches the user: an unexpected exception shows a dialog with copyable details,
and every open window writes its unsaved work to a recovery file first.
"""

from __future__ import annotations

import logging
import sys
import time
import traceback
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator, qVersion
from PySide6.QtWidgets import QApplication

from editor_app.messages import set_language as set_core_language
from editor_app.paths import resource

log = logging.getLogger(__name__)
SCREENSHOT_SIZE = (1400, 900)
HEADLESS_PLATFORMS = ("offscreen", "minimal")
_translators: list[QTranslator] = []
_dialog_open = False
_headless_failure: list[str] = []  # what went wrong while nobody could answer a dialog


def nobody_to_ask() -> bool:
    """True when no one can answer a modal dialog (--screenshot, an offscreen run of the app):
    errors are printed and the app exits 2 instead of waiting forever for a click."""
    app = QApplication.instance()
    return bool(app is not None and app.property("editor_app_headless"))


def choose_language(requested: str | None) -> str:
    """'zh_CN' or 'en': the command line wins, then the preference, then the system locale."""
    from editor_app.gui import settings

    if requested:
        return requested
    preferred = settings.language()
    if preferred in ("zh_CN", "en"):
        return preferred
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def install_translators(app: QApplication, language: str) -> None:
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    set_core_language(language)  # messages from the core (errors, import notes) follow the interface
    if language == "en":
        return
    ours = QTranslator(app)
    if ours.load(str(resource("i18n", f"editor_app_{language}.qm"))):
        app.installTranslator(ours)
        _translators.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _translators.append(qt)
    extra = QTranslator(app)  # installed last, asked first: Qt's strings its shipped translation lacks
    if extra.load(str(resource("i18n", f"qt_extra_{language}.qm"))):
        app.installTranslator(extra)
        _translators.append(extra)


def set_ui_font(app: QApplication) -> None:
    """Prefer a CJK sans face for the interface, so Chinese labels do not fall back to a 楷/明 face."""
    from PySide6.QtGui import QFont, QFontDatabase

    families = set(QFontDatabase.families())
    for family in ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC"):
        if family in families:
            font = QFont(family)
            font.setPointSizeF(max(9.0, app.font().pointSizeF()))
            app.setFont(font)
            return


def main_windows():
    from editor_app.gui.main_window import MainWindow

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


def handle_exception(exc_type, exc, tb) -> None:
    """sys.excepthook: keep the work, explain, offer the details; never crash on the user."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    print(details, file=sys.stderr)
    from editor_app.logs import setup_logging

    log_path = setup_logging()
    log.error("unexpected error", exc_info=(exc_type, exc, tb))
    kept = []
    for window in main_windows():
        try:
            path = window.autosave()
        except Exception:  # noqa: BLE001 - the safety net must not throw
            path = None
        if path:
            kept.append(str(path))
    app = QApplication.instance()
    global _dialog_open
    if app is not None and nobody_to_ask():
        message = f"unexpected error: {exc_type.__name__}: {exc}"
        if kept:
            message += "; unsaved work was kept in: " + ", ".join(kept)
        _headless_failure.append(message)
        if app.thread().loopLevel() > 0:  # ends app.exec(); a --screenshot run checks _headless_failure
            app.exit(2)  # (with no loop running, exit() would end the next loop anyone starts instead)
        return
    if app is None or _dialog_open:
        return  # an error while the dialog is up (e.g. in a repaint) must not stack dialogs
    from editor_app.gui.dialogs.error_dialog import ErrorDialog

    note = ""
    if kept:
        note = QApplication.translate("ErrorDialog", "Unsaved work was kept in: %1").replace(
            "%1", ", ".join(kept)
        )
    windows = main_windows()
    _dialog_open = True
    try:
        ErrorDialog(
            f"{exc_type.__name__}: {exc}", details, note, windows[0] if windows else None, log_path=log_path
        ).exec()
    finally:
        _dialog_open = False


def make_app(language: str | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("editor-app")
    app.setOrganizationName("editor-app")
    app.setApplicationDisplayName("editor-app")
    from PySide6.QtGui import QIcon

    icon = resource("icons", "issue.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    install_translators(app, choose_language(language))
    log.info("editor-app started (Qt %s, platform %s)", qVersion(), app.platformName())
    set_ui_font(app)
    # the checker thread hands the interpreter back to the UI thread sooner (default 5 ms)
    sys.setswitchinterval(0.001)
    sys.excepthook = handle_exception
    return app


DEEP_SCREENSHOT_WAIT_S = 30


def take_screenshot(window, out: Path, timeout_ms: int = 5000) -> bool:
    """Wait until the preview is drawn, then grab the window into `out` (PNG)."""
    app = QApplication.instance()
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    window.preview.rebuild()
    for _ in range(20):
        app.processEvents()
    deadline = time.monotonic() + timeout_ms / 1000
    checker = window.checker  # show the proofreading state too, when it is quick to get
    while checker is not None and checker.checked_revision < 0 and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    deep = window.deep_checker  # and the deep pass's findings (its worker process starts in a second or two)
    deadline = time.monotonic() + DEEP_SCREENSHOT_WAIT_S
    while (
        deep is not None
        and checker is not None
        and checker.checked_revision >= 0
        and deep.checked_revision != window.session.revision
        and deep.error is None
        and time.monotonic() < deadline
    ):
        app.processEvents()
        time.sleep(0.01)
    problem = window.deep_pass_problem()
    if problem:
        print(f"editor-app: {problem}", file=sys.stderr)
    for _ in range(5):
        app.processEvents()
    window.preview.canvas.repaint()
    app.processEvents()
    pixmap = window.grab()
    out.parent.mkdir(parents=True, exist_ok=True)
    return pixmap.save(str(out), "PNG")


def run_gui(args) -> int:
    from editor_app.errors import EditorError

    screenshot = getattr(args, "screenshot", None)
    if screenshot:
        import os

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = make_app(getattr(args, "lang", None))
    headless = bool(screenshot) or app.platformName() in HEADLESS_PLATFORMS
    app.setProperty("editor_app_headless", headless)
    _headless_failure.clear()
    try:
        return _run(app, args, screenshot, headless)
    except EditorError:
        raise
    except Exception as exc:  # noqa: BLE001 - nobody to show a dialog to: say it and exit 2
        if not headless:
            raise
        details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        print(details, file=sys.stderr)
        raise EditorError(f"unexpected error: {type(exc).__name__}: {exc}") from None
    finally:
        app.setProperty("editor_app_headless", False)  # the app object outlives this run in tests


def _run(app, args, screenshot, headless: bool) -> int:
    from editor_app.errors import EditorError
    from editor_app.gui.main_window import MainWindow

    window = MainWindow(remember_layout=not screenshot)
    if args.file and headless:
        window.open_path(Path(args.file))  # an EditorError goes to the CLI: message, exit 2
    elif args.file:
        window.open_interactive(Path(args.file))
    if screenshot:
        ok = take_screenshot(window, Path(screenshot))
        window.session.undo_stack.setClean()
        window.needs_save = False
        window.close()
        if _headless_failure:
            raise EditorError(_headless_failure[0])
        if not ok:
            raise EditorError(f"{screenshot}: could not write the PNG")
        print(screenshot)
        return 0
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    if not headless:
        QTimer.singleShot(0, window.offer_recovery)
    status = app.exec()
    if _headless_failure:
        raise EditorError(_headless_failure[0])
    return status
