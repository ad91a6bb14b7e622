#!/usr/bin/env python3
"""`make deps`: the system packages that the app, the test suite and the bundle build use, in one step.

It looks at what the machine can do (tools on PATH, font families through fontconfig, Qt's shared
libraries) rather than at which packages are registered, so a LibreOffice installed some other way counts.
What is missing is installed with apt when this runs as root or with password-less sudo; otherwise it
stops (exit 2) before anything else runs and prints the exact command to run, so `make test` fails in its
first seconds rather than halfway through the suite. Standard library only: it runs before the virtual
environment exists.

    python3 tools/system_deps.py [--for run|test|dist] [--check]
"""

from __future__ import annotations

import argparse
import ctypes.util
import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

#: what each purpose needs: `run` the desktop app, `test` the whole suite (the slow bundle test
#: included), `dist` a PyInstaller bundle
PURPOSES = ("run", "test", "dist")
INSTALL_FLAGS = ("-y", "--no-install-recommends")


def find_library(name: str) -> str | None:
    return ctypes.util.find_library(name)


def has_module(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def tools_on_path(*names: str) -> Callable[[], bool]:
    return lambda: all(shutil.which(name) for name in names)


def font_families(*families: str) -> Callable[[], bool]:
    """Every family is known to fontconfig (as Qt and LibreOffice see them); no `fc-list`, no fonts."""

    def present() -> bool:
        fc_list = shutil.which("fc-list")
        if not fc_list:
            return False
        for family in families:
            listed = subprocess.run(
                [fc_list, f":family={family}", "family"], capture_output=True, text=True, timeout=60
            ).stdout
            if not listed.strip():
                return False
        return True

    return present


def libraries(*names: str) -> Callable[[], bool]:
    return lambda: all(find_library(name) for name in names)


@dataclass(frozen=True)
class Need:
    what: str  # what a person reads when it is missing
    present: Callable[[], bool]
    apt: tuple[str, ...]  # the Debian packages that provide it
    purposes: tuple[str, ...]


NEEDS = (
    Need(
        "Python's venv module (make creates .venv)",
        lambda: has_module("ensurepip"),
        ("python3-venv",),
        ("run", "test", "dist"),
    ),
    Need(
        "the shared libraries Qt loads (EGL, OpenGL, xkbcommon, fontconfig, D-Bus)",
        libraries("EGL", "GL", "xkbcommon", "xkbcommon-x11", "fontconfig", "dbus-1"),
        ("libegl1", "libgl1", "libxkbcommon0", "libxkbcommon-x11-0", "libfontconfig1", "libdbus-1-3"),
        ("run", "test", "dist"),
    ),
    Need(
        "the X11 libraries Qt's xcb platform plugin links (copied into the bundle)",
        libraries("xcb-icccm", "xcb-keysyms"),
        ("libxcb-icccm4", "libxcb-keysyms1"),
        ("test", "dist"),
    ),
    Need(
        "the CJK faces the page preview draws with (Noto Serif/Sans CJK SC)",
        font_families("Noto Serif CJK SC", "Noto Sans CJK SC"),
        ("fontconfig", "fonts-noto-cjk"),
        ("run", "test"),
    ),
    Need(
        "the 楷体 and 仿宋 stand-ins (AR PL UKai CN, AR PL UMing CN)",
        font_families("AR PL UKai CN", "AR PL UMing CN"),
        ("fontconfig", "fonts-arphic-ukai", "fonts-arphic-uming"),
        ("run", "test"),
    ),
    Need(
        "Liberation Serif (Times New Roman's metrics, for the render test)",
        font_families("Liberation Serif"),
        ("fontconfig", "fonts-liberation2"),
        ("test",),
    ),
    Need(
        "LibreOffice (soffice: the render test converts exports to PDF)",
        tools_on_path("soffice"),
        ("libreoffice-writer-nogui",),
        ("test",),
    ),
    Need(
        "poppler (pdftotext, pdfinfo: the render test reads the PDF)",
        tools_on_path("pdftotext", "pdfinfo"),
        ("poppler-utils",),
        ("test",),
    ),
    Need(
        "binutils (objdump, objcopy: PyInstaller builds the bundle)",
        tools_on_path("objdump", "objcopy"),
        ("binutils",),
        ("test", "dist"),
    ),
)


def missing(purpose: str) -> list[Need]:
    return [need for need in NEEDS if purpose in need.purposes and not need.present()]


def packages(needs: Sequence[Need]) -> list[str]:
    seen: dict[str, None] = {}
    for need in needs:
        seen.update(dict.fromkeys(need.apt))
    return list(seen)


def manual_command(names: Sequence[str], sudo: bool = True) -> str:
    """The one line to run: through sudo, or as root where there is no sudo."""
    prefix = "sudo " if sudo else ""
    return (
        f"{prefix}apt-get update && {prefix}apt-get install "
        + " ".join(INSTALL_FLAGS)
        + " "
        + " ".join(names)
    )


def can_sudo_without_password() -> bool:
    sudo = shutil.which("sudo")
    if not sudo:
        return False
    try:
        return subprocess.run([sudo, "-n", "true"], capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def install(names: Sequence[str], prefix: Sequence[str]) -> int:
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    print("make deps: apt-get install " + " ".join(names), flush=True)
    update = subprocess.run([*prefix, "apt-get", "update", "-qq"], env=env)
    if update.returncode != 0:
        return update.returncode
    return subprocess.run([*prefix, "apt-get", "install", "-qq", *INSTALL_FLAGS, *names], env=env).returncode


def _explain(needs: Sequence[Need], out) -> None:
    print("editor-app needs what this machine lacks:", file=out)
    for need in needs:
        print(f"  - {need.what}", file=out)


def main(argv: Sequence[str] | None = None, euid: int | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--for",
        dest="purpose",
        choices=PURPOSES,
        default="test",
        help="what the machine is set up for (default: test, which covers everything)",
    )
    parser.add_argument("--check", action="store_true", help="only say what is missing; install nothing")
    args = parser.parse_args(argv)
    lacking = missing(args.purpose)
    if not lacking:
        return 0
    names = packages(lacking)
    if args.check or not shutil.which("apt-get"):
        _explain(lacking, sys.stderr)
        if shutil.which("apt-get"):
            print("Install them with:\n  " + manual_command(names), file=sys.stderr)
        else:
            print(
                "Install them with your system's package manager (on Debian and Ubuntu: "
                + " ".join(names)
                + ").",
                file=sys.stderr,
            )
        return 2
    euid = os.geteuid() if euid is None else euid
    if euid == 0:
        prefix: list[str] = []
    elif can_sudo_without_password():
        prefix = ["sudo", "-n"]
    else:
        _explain(lacking, sys.stderr)
        if shutil.which("sudo"):
            print(
                "Installing them needs root, and sudo asks for a password here. Run this, then make again:\n  "
                + manual_command(names),
                file=sys.stderr,
            )
        else:
            print(
                "Installing them needs root, and there is no sudo here. As root, run this, then make again:\n  "
                + manual_command(names, sudo=False),
                file=sys.stderr,
            )
        return 2
    status = install(names, prefix)
    still = missing(args.purpose)
    if status != 0 or still:
        _explain(still or lacking, sys.stderr)
        print(
            "apt-get could not install them; try by hand:\n  " + manual_command(packages(still or lacking)),
            file=sys.stderr,
        )
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
