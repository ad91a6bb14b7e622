"""Import copy — plain text or Word files — into the document model.

`import_text` / `import_file` read a whole page (banner, 编者按, articles with their headline
groups, datelines, subheads, captions and bylines); `article_from_text` reads one pasted story.
Nothing is dropped: text the importer cannot place stays a paragraph and gets a note.
"""

from editor_app.importing.api import article_from_text, import_file, import_text, normalize_result
from editor_app.importing.result import ImportNote, ImportResult

__all__ = [
    "ImportNote",
    "ImportResult",
    "article_from_text",
    "import_file",
    "import_text",
    "normalize_result",
]
