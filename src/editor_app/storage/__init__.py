"""Project files (.bulletin), atomic writes, schema migrations and autosave recovery."""

from editor_app.storage.project import Project, open_project, save_project

__all__ = ["Project", "open_project", "save_project"]
