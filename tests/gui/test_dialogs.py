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


def test_export_dialog_options(window, tmp_path, monkeypatch):
    from editor_app.gui.dialogs.export_dialog import ExportDialog

    dialog = ExportDialog(window.session.project, window)
    assert dialog.out_path().name == "sample.docx"  # beside the project
    dialog.traditional.setCurrentIndex(dialog.traditional.findData("s2tw"))
    dialog.findings.setChecked(True)
    dialog.path.setText(str(tmp_path / "tw.docx"))
    options = dialog.options()
    assert options == {"template": None, "flags_as_comments": False, "findings_as_comments": True,
                       "traditional": "s2tw"}
    monkeypatch.setattr(ExportDialog, "exec", lambda self: 1)
    monkeypatch.setattr("editor_app.gui.dialogs.export_dialog.ExportDialog.out_path",
                        lambda self: tmp_path / "tw.docx")
    monkeypatch.setattr("editor_app.gui.dialogs.export_dialog.ExportDialog.options", lambda self: options)
    window.export_docx_dialog()
    import zipfile

    with zipfile.ZipFile(tmp_path / "tw.docx") as archive:
        document = archive.read("word/document.xml").decode("utf-8")
    assert "項目" in document  # the Taiwan edition is in traditional characters
