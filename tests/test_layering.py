"""The core never imports Qt: only editor_app.gui may."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import editor_app

CHECK = r"""
import importlib, pkgutil, sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6.") or name.startswith("shiboken6"):
            raise ImportError("Qt is banned from the core: " + name)
sys.meta_path.insert(0, Block())
import editor_app
names = [m.name for m in pkgutil.walk_packages(editor_app.__path__, "editor_app.")
         if not m.name.startswith(("editor_app.gui", "editor_app.__main__"))]
for name in names:
    importlib.import_module(name)
print(len(names))
"""


def test_core_modules_import_without_qt():
    result = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) >= 10  # model, storage, layout, commands … were all imported


def test_gui_package_is_the_only_qt_user():
    offenders = []
    root = editor_app.__path__[0]
    for module in pkgutil.walk_packages([root], "editor_app."):
        if module.name.startswith("editor_app.gui") or module.ispkg:
            continue
        path = module.module_finder.path + "/" + module.name.split(".")[-1] + ".py"
        with open(path, encoding="utf-8") as handle:
            source = handle.read()
        if "PySide6" in source and "import" in source:
            for line in source.splitlines():
                stripped = line.strip()
                if stripped.startswith(("import PySide6", "from PySide6")):
                    offenders.append(module.name)
    assert offenders == []


def _sources():
    from pathlib import Path

    root = Path(editor_app.__path__[0])
    return {path.relative_to(root).as_posix(): path.read_text("utf-8") for path in root.rglob("*.py")}


def test_only_the_template_parser_reads_a_templates_raw_yaml():
    """Templates are parsed once into typed specs; everyone else reads those (spec.py documents why)."""
    readers = {
        name
        for name, text in _sources().items()
        if "templates_dir(" in text or "parse_template(" in text or "load_template_file(" in text
    }
    assert readers == {"layout/templates.py", "layout/spec.py", "paths.py"}
    from editor_app.layout.templates import get_template

    assert not hasattr(get_template("a4-bulletin"), "data")  # no raw mapping to reach past the specs


def test_one_walker_over_blocks_the_readers_only_read_the_composition():
    """layout/story.py decides what a block prints and the composer where; the preview, the fit counts
    and the DOCX page writer never read a block's own fields (a second walker would drift)."""
    import ast

    model = {
        "Article",
        "Banner",
        "EditorNote",
        "PhotoBlock",
        "Paragraph",
        "Photo",
        "iter_text_fields",
        "block_text_fields",
        "get_field",
    }
    readers = (
        "gui/preview/painter.py",
        "gui/preview/page_view.py",
        "gui/preview/proof.py",
        "layout/fit.py",
        "export/page_writer.py",
        "export/paragraphs.py",
        "export/shapes.py",
    )
    sources = _sources()
    offenders = []
    for name in readers:
        for node in ast.walk(ast.parse(sources[name])):
            if (
                isinstance(node, ast.ImportFrom)
                and node.module
                and node.module.startswith("editor_app.model")
            ):
                offenders += [(name, alias.name) for alias in node.names if alias.name in model]
    assert offenders == []
    assert "from editor_app.layout.story import" in sources["layout/compose.py"]
