"""`make deps` on a fresh machine: what it installs, through what, and when it stops with the command to run.

The machine is simulated by a PATH that holds only stand-ins: LibreOffice, poppler, fontconfig and binutils
are hidden, `apt-get` records what it is asked (and "installs" the tools), and `sudo` grants or refuses.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

SCRIPT = REPO / "tools" / "system_deps.py"
EVERYTHING = [
    "fontconfig",
    "fonts-noto-cjk",
    "fonts-arphic-ukai",
    "fonts-arphic-uming",
    "fonts-liberation2",
    "libreoffice-writer-nogui",
    "poppler-utils",
    "binutils",
]
FAKE_APT = """#!/bin/sh
echo "apt-get $*" >> "{log}"
case "$1" in install)
  for tool in soffice pdftotext pdfinfo objdump objcopy fc-list; do
    printf '#!/bin/sh\\necho "Some Family"\\n' > "{bin}/$tool"; /bin/chmod +x "{bin}/$tool"
  done;;
esac
"""
FAKE_SUDO = """#!/bin/sh
[ "$1" = -n ] && shift
[ "$1" = true ] && exit {answer}
echo "sudo $*" >> "{log}"
exec "$@"
"""


@pytest.fixture
def deps(monkeypatch):
    spec = importlib.util.spec_from_file_location("system_deps", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "system_deps", module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    # Qt's libraries and the venv module are there (the suite runs Qt); the PATH decides the rest
    monkeypatch.setattr(module, "find_library", lambda name: f"lib{name}.so")
    monkeypatch.setattr(module, "has_module", lambda name: True)
    return module


class Machine:
    def __init__(self, root: Path, monkeypatch):
        self.bin = root / "bin"
        self.bin.mkdir()
        self.log = root / "commands.log"
        self.log.touch()
        monkeypatch.setenv("PATH", str(self.bin))

    def add(self, name: str, body: str) -> None:
        path = self.bin / name
        path.write_text(body.format(log=self.log, bin=self.bin), encoding="utf-8")
        path.chmod(0o755)

    def commands(self) -> list[str]:
        return self.log.read_text(encoding="utf-8").splitlines()


@pytest.fixture
def machine(tmp_path, monkeypatch):
    return Machine(tmp_path, monkeypatch)


def test_as_root_it_installs_what_is_hidden_from_path_with_apt(deps, machine, capsys):
    machine.add("apt-get", FAKE_APT)
    assert deps.main([], euid=0) == 0
    assert machine.commands() == [
        "apt-get update -qq",
        "apt-get install -qq -y --no-install-recommends " + " ".join(EVERYTHING),
    ]


def test_with_password_less_sudo_it_installs_through_sudo(deps, machine):
    machine.add("apt-get", FAKE_APT)
    machine.add("sudo", FAKE_SUDO.replace("{answer}", "0"))
    assert deps.main([], euid=1000) == 0
    assert machine.commands()[-2:] == [
        "sudo apt-get install -qq -y --no-install-recommends " + " ".join(EVERYTHING),
        "apt-get install -qq -y --no-install-recommends " + " ".join(EVERYTHING),
    ]


@pytest.mark.parametrize("sudo", ["asks for a password", "absent"])
def test_without_root_it_stops_with_the_exact_command_and_installs_nothing(deps, machine, capsys, sudo):
    machine.add("apt-get", FAKE_APT)
    if sudo == "asks for a password":
        machine.add("sudo", FAKE_SUDO.replace("{answer}", "1"))
    assert deps.main([], euid=1000) == 2
    err = capsys.readouterr().err
    command = "apt-get update && apt-get install -y --no-install-recommends " + " ".join(EVERYTHING)
    if sudo == "absent":
        assert err.splitlines()[-1].strip() == command and "As root" in err
    else:
        assert err.splitlines()[-1].strip() == command.replace("apt-get", "sudo apt-get")
    assert "LibreOffice" in err and "CJK" in err
    assert machine.commands() == []


def test_a_machine_that_has_everything_is_left_alone(deps, machine):
    machine.add("apt-get", FAKE_APT)
    for tool in ("soffice", "pdftotext", "pdfinfo", "objdump", "objcopy"):
        machine.add(tool, "#!/bin/sh\n")
    machine.add("fc-list", '#!/bin/sh\necho "Noto Serif CJK SC"\n')
    assert deps.main([], euid=1000) == 0
    assert machine.commands() == []


def test_running_the_app_does_not_ask_for_libreoffice_or_binutils(deps, machine, capsys):
    machine.add("fc-list", '#!/bin/sh\necho "Noto Serif CJK SC"\n')
    assert deps.main(["--for", "run"], euid=1000) == 0
    assert deps.main(["--for", "dist", "--check"], euid=1000) == 2
    assert "binutils" in capsys.readouterr().err


def test_without_apt_it_names_what_is_missing(deps, machine, capsys):
    assert deps.main([], euid=0) == 2
    err = capsys.readouterr().err
    assert "package manager" in err and "poppler" in err


def test_make_test_goes_through_deps_first_and_ci_installs_nothing_itself():
    make = shutil.which("make")
    assert make, "make is not installed"
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}  # under make
    plan = subprocess.run(
        [make, "--no-print-directory", "-n", "test", "PYTHON=python3"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout.splitlines()
    assert plan and "tools/system_deps.py" in plan[0]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "apt-get" not in ci and "make test" in ci
