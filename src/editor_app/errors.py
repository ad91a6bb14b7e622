"""Errors that carry a message meant for the user.

The CLI prints `message` and exits with status 2; the GUI shows it in a dialog. Anything that is not
an `EditorError` is a bug and is reported as such.
"""

from __future__ import annotations

from pathlib import Path

from editor_app.messages import msg


class EditorError(Exception):
    """A problem the user can act on. `str(error)` is the full user-facing message."""

    exit_status = 2


class ProjectError(EditorError):
    """A `.bulletin` project that cannot be read or written."""

    def __init__(self, path: Path | str, problem: str):
        self.path = Path(path)
        self.problem = problem
        super().__init__(msg("{path}: {problem}", path=self.path, problem=problem))


class InputError(EditorError):
    """An input file (text, DOCX, image) that cannot be used."""

    def __init__(self, path: Path | str | None, problem: str):
        self.path = Path(path) if path is not None else None
        self.problem = problem
        super().__init__(msg("{path}: {problem}", path=self.path, problem=problem) if self.path else problem)


class RuleError(EditorError):
    """A rule pack that does not load: names the file and the line."""

    def __init__(self, path: Path | str, line: int | None, problem: str):
        self.path = Path(path)
        self.line = line
        self.problem = problem
        where = f"{self.path}:{line}" if line else str(self.path)
        super().__init__(f"{where}: {problem}")


class ExportError(EditorError):
    """An export that could not be written (the previous file, if any, is left untouched)."""


class TemplateError(EditorError):
    """A page template that is missing or malformed."""
