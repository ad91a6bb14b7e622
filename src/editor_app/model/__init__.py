"""The document model: Issue → Page → blocks (Banner, EditorNote, Article, PhotoBlock), flags, ops."""

from editor_app.model.document import (
    BLOCK_TYPES,
    PUBLICATION_TYPES,
    Article,
    Banner,
    Block,
    EditorNote,
    Flag,
    Ignore,
    Issue,
    Location,
    Note,
    Page,
    Paragraph,
    Photo,
    PhotoBlock,
    Placement,
    Round,
    new_id,
)
from editor_app.model.serialize import SchemaError, dumps, issue_from_dict, issue_to_dict, loads

__all__ = [
    "BLOCK_TYPES", "PUBLICATION_TYPES", "Article", "Banner", "Block", "EditorNote", "Flag", "Ignore",
    "Issue", "Location", "Note", "Page", "Paragraph", "Photo", "PhotoBlock", "Placement", "Round", "SchemaError", "dumps",
    "issue_from_dict", "issue_to_dict", "loads", "new_id",
]
