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
