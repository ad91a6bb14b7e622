"""What an import hands back: the issue it built, the images it found, and what it was unsure of."""

from __future__ import annotations

from dataclasses import dataclass, field

from editor_app.model.document import Issue


@dataclass
class ImportNote:
    """Something the importer decided without being sure; the editor should look at `block`."""

    message: str
    block: str | None = None  # id of the block concerned
    line: int | None = None  # 1-based line (text) or paragraph number (DOCX) of the input
    # a stable code for code that acts on some notes ("untitled", "open_end"): the message is translated
    kind: str = field(default="", compare=False)

    def to_dict(self) -> dict:
        return {"message": self.message, "block": self.block, "line": self.line}


@dataclass
class ImportResult:
    issue: Issue
    images: dict[str, bytes] = field(default_factory=dict)  # "images/<hash>.<ext>" -> bytes
    notes: list[ImportNote] = field(default_factory=list)

    def to_project(self):
        """A project ready to save or open in the editor (unsaved: `path` is None), the notes kept
        with its issue so the window can list them."""
        from editor_app.model.document import Note
        from editor_app.storage.project import Project

        self.issue.import_notes = [Note(n.message, n.block, n.line, n.kind) for n in self.notes]
        return Project(issue=self.issue, images=dict(self.images))

    def to_dict(self) -> dict:
        """Canonical issue JSON plus the notes, as `import --format json` prints it."""
        from editor_app.model.serialize import issue_to_dict

        data = issue_to_dict(self.issue)
        data["notes"] = [note.to_dict() for note in self.notes]
        return data
