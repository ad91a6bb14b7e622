"""Dialogs do what they say: preferences are remembered, the export dialog passes its options on."""

from __future__ import annotations

from editor_app.gui import settings


def test_preferences_are_remembered(qtbot):
    from editor_app.gui.dialogs.preferences import PreferencesDialog

    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.template.setCurrentIndex(dialog.template.findData("tabloid"))
    dialog.autosave.setValue(120)
    dialog.accept()
    assert settings.language() == "en"
    assert settings.default_template() == "tabloid"
    assert settings.autosave_seconds() == 120


def test_new_issue_uses_the_preferred_template(qtbot, messages):
    from editor_app.gui.main_window import MainWindow

    settings.set_default_template("official")
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.session.issue.pages[0].template == "official"


def test_export_dialog_options(window, messages, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from editor_app.gui.dialogs.export_dialog import ExportDialog

    dialog = ExportDialog(window.session.project, window)
    assert dialog.out_path().name == "sample.docx"  # beside the project
    dialog.traditional.setCurrentIndex(dialog.traditional.findData("s2tw"))
    dialog.findings.setChecked(True)
    dialog.path.setText(str(tmp_path / "tw.docx"))
    options = dialog.options()
    assert options == {
        "template": None,
        "flags_as_comments": False,
        "findings_as_comments": True,
        "handled_marks": True,
        "traditional": "s2tw",
    }
    monkeypatch.setattr(ExportDialog, "exec", lambda self: 1)
    monkeypatch.setattr(
        "editor_app.gui.dialogs.export_dialog.ExportDialog.out_path", lambda self: tmp_path / "tw.docx"
    )
    monkeypatch.setattr("editor_app.gui.dialogs.export_dialog.ExportDialog.options", lambda self: options)
    window.session.issue.pages[0].blocks[2].photos[0].image = None  # a photo still to come: an open point
    messages.answer = QMessageBox.StandardButton.No
    window.export_docx_dialog()
    assert not (tmp_path / "tw.docx").exists()  # the editor went back to fix it
    assert "photo" in messages.shown[-1][1].lower() or "图片" in messages.shown[-1][1]
    messages.answer = QMessageBox.StandardButton.Yes
    window.export_docx_dialog()  # … or exports anyway
    import zipfile

    with zipfile.ZipFile(tmp_path / "tw.docx") as archive:
        document = archive.read("word/document.xml").decode("utf-8")
    assert "項目" in document  # the Taiwan edition is in traditional characters


def test_export_dialog_asks_before_replacing_a_file_and_adds_docx(window, messages, tmp_path):
    from PySide6.QtWidgets import QDialog, QMessageBox

    from editor_app.gui.dialogs.export_dialog import ExportDialog

    existing = tmp_path / "printers-copy.docx"
    existing.write_bytes(b"the print shop's edited copy")
    dialog = ExportDialog(window.session.project, window)
    dialog.path.setText(str(existing))
    messages.answer = QMessageBox.StandardButton.No
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted  # still open: choose another name
    assert messages.shown and "printers-copy.docx" in messages.shown[-1][1]
    messages.answer = QMessageBox.StandardButton.Yes
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    typed = ExportDialog(window.session.project, window)
    typed.path.setText(str(tmp_path / "第7期"))
    typed.accept()
    assert typed.out_path() == tmp_path / "第7期.docx"
    typed.path.setText("  ")
    assert not typed.export_button.isEnabled()
