"""The log a newsroom sends with a report: per-module loggers, a rotating file in the user's data folder."""

from __future__ import annotations

import logging

import pytest

from editor_app import logs
from editor_app.cli import main
from tests.conftest import SAMPLE


@pytest.fixture
def log_path():
    yield logs.log_file()
    for handler in list(logging.getLogger("editor_app").handlers):  # leave no open file behind
        handler.close()


def test_the_log_lives_in_the_user_data_folder(log_path):
    assert log_path == logs.user_data_dir() / "logs" / "editor-app.log"
    assert logs.setup_logging() == log_path
    assert not log_path.exists()  # nothing logged yet, nothing written


def test_commands_log_through_their_module_loggers(log_path, tmp_path, capsys):
    assert main(["export", str(SAMPLE), "-o", str(tmp_path / "page.docx")]) == 0
    assert main(["dump", str(tmp_path / "missing.bulletin")]) == 2
    text = log_path.read_text(encoding="utf-8")
    assert "INFO editor_app.cli" in text and ": export" in text
    assert "WARNING editor_app.cli" in text and "missing.bulletin" in text


def test_saving_is_logged_by_the_storage_module(log_path, tmp_path):
    from editor_app.storage.project import open_project, save_project

    logs.setup_logging()
    target = save_project(open_project(SAMPLE), tmp_path / "copy.bulletin")
    assert "INFO editor_app.storage.project" in log_path.read_text(encoding="utf-8")
    assert str(target) in log_path.read_text(encoding="utf-8")


def test_the_log_rotates_and_keeps_three_old_copies(log_path, monkeypatch):
    monkeypatch.setattr(logs, "MAX_BYTES", 2000)
    logs.setup_logging()
    logger = logging.getLogger("editor_app.test")
    for i in range(200):
        logger.info("line %d %s", i, "校" * 40)
    names = sorted(p.name for p in log_path.parent.iterdir())
    assert names == ["editor-app.log", "editor-app.log.1", "editor-app.log.2", "editor-app.log.3"]
    assert all(p.stat().st_size <= 2500 for p in log_path.parent.iterdir())


def test_an_unwritable_log_folder_does_not_stop_the_app(tmp_path, monkeypatch, capsys):
    blocked = tmp_path / "data"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    monkeypatch.setenv("EDITOR_APP_DATA_DIR", str(blocked))
    assert main(["dump", str(tmp_path / "missing.bulletin")]) == 2  # logs a warning it cannot write
    assert main(["dump", str(SAMPLE)]) == 0
    err = capsys.readouterr().err
    assert "missing.bulletin" in err and "Logging error" not in err and "Traceback" not in err
