"""The desktop app: the only package that imports PySide6."""

from editor_app.gui import compat as _compat  # noqa: E402 - must run before any Qt work

_compat.install()
