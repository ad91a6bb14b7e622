"""The block's place on the page grid, as numbers: first column, columns, first line, lines.

Auto (自动) leaves the block to auto layout; typing a number fixes it there (as dragging it in the
preview does). Numbers count from 1 as editors do; the model counts from 0.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from editor_app.errors import EditorError
from editor_app.model.document import Placement


class PlacementBox(QWidget):
    def __init__(self, session, block_id: str, parent=None):
        super().__init__(parent)
        self.session, self.block_id = session, block_id
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 4, 0, 0)
        self.auto = QCheckBox(self.tr("Auto layout"))
        self.auto.setToolTip(self.tr("Let auto layout place this block; untick to fix it where it is"))
        row.addWidget(self.auto)
        self.spins: dict[str, QSpinBox] = {}
        for key, label, tip in (
            ("column", self.tr("Column"), self.tr("First column (1 = leftmost)")),
            ("span", self.tr("Columns"), self.tr("Columns the block spans")),
            ("top", self.tr("Line"), self.tr("First line (1 = top of the text area)")),
            ("height", self.tr("Lines"), self.tr("Depth of the block in body lines")),
        ):
            row.addWidget(QLabel(label))
            spin = QSpinBox()
            spin.setRange(1, 999)
            spin.setToolTip(tip)
            spin.setAccessibleName(tip)
            spin.editingFinished.connect(self._numbers_changed)
            self.spins[key] = spin
            row.addWidget(spin)
        row.addStretch(1)
        self.auto.toggled.connect(self._auto_toggled)
        self.refresh()

    def _current(self):
        """(the block's own place, the place it is composed at) or None if the page cannot be composed."""
        page, _, block = self.session.issue.find_block(self.block_id)
        try:
            for composed_page in self.session.composed(page):
                for composed in composed_page.blocks:
                    if composed.block_id == self.block_id:
                        return block.place, composed.place, composed_page.grid
        except EditorError:
            return None
        return None

    def refresh(self) -> None:
        current = self._current()
        widgets = [self.auto, *self.spins.values()]
        for widget in widgets:
            widget.blockSignals(True)
        if current is None:
            self.setEnabled(False)
        else:
            own, shown, grid = current
            self.setEnabled(True)
            self.auto.setChecked(own is None)
            self.spins["column"].setRange(1, grid.columns)
            self.spins["span"].setRange(1, grid.columns)
            self.spins["top"].setRange(1, grid.lines)
            self.spins["height"].setRange(1, grid.lines)
            self.spins["column"].setValue(shown.column + 1)
            self.spins["span"].setValue(shown.span)
            self.spins["top"].setValue(shown.top + 1)
            self.spins["height"].setValue(shown.height)
        for widget in widgets:
            widget.blockSignals(False)

    def _typed(self) -> Placement:
        return Placement(
            self.spins["column"].value() - 1,
            self.spins["span"].value(),
            self.spins["top"].value() - 1,
            self.spins["height"].value(),
        )

    def _numbers_changed(self) -> None:
        current = self._current()
        if current is None:
            return
        place = self._typed()
        if place != current[1] or current[0] is None:
            self.session.place_block(self.block_id, place, self.tr("Place block"))
            self.refresh()  # the editor's own act: shown at once, not when the page settles

    def _auto_toggled(self, on: bool) -> None:
        if on:
            self.session.place_block(self.block_id, None, self.tr("Auto layout"))
            self.refresh()
        else:
            self._numbers_changed()
