"""The article form: 引题/主题/副题 with counters, 电头 and author line, slot and fit, body, photos, byline."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from editor_app.errors import EditorError
from editor_app.gui.editors.body_editor import BodyEditor
from editor_app.gui.editors.fields import FieldEdit
from editor_app.gui.editors.photo_strip import PhotoStrip
from editor_app.layout.templates import get_template
from editor_app.model.ops import SetField

TITLE_PT, DECK_PT = 22.0, 14.0
FIT_STYLES = {
    "fits": "background:#e8f5e9; color:#1b5e20;",
    "overset": "background:#c62828; color:white;",
    "underset": "background:#fff8e1; color:#8d6e00;",
}


def headline_limit(template, slot, size_pt: float) -> int:
    """Characters of a headline at `size_pt` that fit on one line across the slot's columns."""
    columns = slot.columns if slot else template.columns
    width_chars = columns * template.column_chars + (columns - 1) * template.gutter_chars
    return max(1, int(width_chars * template.body_pt // size_pt))


class ArticleForm(QWidget):
    def __init__(self, session, page, block, parent=None):
        super().__init__(parent)
        self.session, self.page, self.block_id = session, page, block.id
        self.template_id = page.template  # slots and counters come from it: a new template, a new form
        try:
            self.template = get_template(page.template)
        except EditorError:
            self.template = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, FieldEdit] = {}

        self.head_sizes: dict[str, float] = {}  # field path -> point size, for the counters' limits

        def field(path, label, placeholder="", size=None, optional=True):
            edit = FieldEdit(session, block.id, path, optional=optional)
            edit.setAccessibleName(label)
            edit.setPlaceholderText(placeholder)
            self.fields[path] = edit
            if size and self.template:
                row = QHBoxLayout()
                row.addWidget(edit)
                self.head_sizes[path] = size
                row.addWidget(edit.attach_counter(headline_limit(self.template, self._slot(), size)))
                form.addRow(label, row)
            else:
                form.addRow(label, edit)
            return edit

        field("kicker", self.tr("Kicker (引题)"), size=DECK_PT)
        title = field("title", self.tr("Headline (主题)"), size=TITLE_PT, optional=False)
        title.set_base_style("font-size: 15pt; font-weight: bold;")
        field("subtitle", self.tr("Deck (副题)"), "——", size=DECK_PT)
        dateline_row = QHBoxLayout()
        for path, label, hint in (
            ("dateline", self.tr("Dateline"), "本报讯"),
            ("author_line", self.tr("Author line"), "（记者 ×× 通讯员 ××）"),
        ):
            edit = FieldEdit(session, block.id, path)
            edit.setAccessibleName(label)
            edit.setPlaceholderText(hint)
            self.fields[path] = edit
            dateline_row.addWidget(edit, 1 if path == "dateline" else 3)
        form.addRow(self.tr("Dateline (电头)"), dateline_row)
        slot_row = QHBoxLayout()
        self.slot_box = QComboBox()
        self.slot_box.addItem(self.tr("(no slot)"), None)
        for slot in self.template.slots if self.template else ():
            # the capacity is in lines of the column measure, all columns together
            label = self.tr("%1 · %2 col. · %3 lines in all").replace("%1", slot.name)
            self.slot_box.addItem(
                label.replace("%2", str(slot.columns)).replace("%3", str(slot.lines)), slot.id
            )
        self.slot_box.setEnabled(self.slot_box.count() > 1)  # a manuscript page has nothing to choose
        self.slot_box.currentIndexChanged.connect(self._slot_chosen)
        slot_row.addWidget(self.slot_box)
        self.fit_label = QLabel()
        self.fit_label.setObjectName("fit_label")
        self.fit_label.setMargin(4)
        self.fit_label.setWordWrap(True)  # a long state wraps instead of widening the form past the window
        slot_row.addWidget(self.fit_label, 1)
        form.addRow(self.tr("Slot (版位)"), slot_row)
        layout.addLayout(form)

        bar = QToolBar()
        self.subhead_action = QAction("■ " + self.tr("Subhead"), self)
        self.subhead_action.setCheckable(True)
        self.subhead_action.setShortcut(QKeySequence("Ctrl+Alt+H"))
        self.subhead_action.setToolTip(self.tr("Mark the current paragraph as a subhead (Ctrl+Alt+H)"))
        self.subhead_action.triggered.connect(self._toggle_subhead)
        bar.addAction(self.subhead_action)
        bar.addWidget(QLabel("  " + self.tr("One paragraph per line.")))
        layout.addWidget(bar)
        self.body = BodyEditor(session, block.id)
        self.body.setPlaceholderText(self.tr("Body text: one paragraph per line"))
        self.body.cursorPositionChanged.connect(
            lambda: self.subhead_action.setChecked(self.body.current_is_subhead())
        )
        layout.addWidget(self.body, 1)
        byline = QFormLayout()
        self.fields["byline"] = edit = FieldEdit(session, block.id, "byline")
        edit.setPlaceholderText("申环")
        edit.setAccessibleName(self.tr("Byline"))
        byline.addRow(self.tr("Byline tag (署名)"), edit)
        layout.addLayout(byline)
        layout.addWidget(QLabel(self.tr("Photos")))
        self.photos = PhotoStrip(session, block.id)
        layout.addWidget(self.photos)
        self.refresh()
        self.update_fit()

    def _article(self):
        return self.session.issue.find_block(self.block_id)[2]

    def _slot(self):
        return self.template.slot(self._article().slot) if self.template else None

    def _update_head_limits(self) -> None:
        """The heads' counters measure against the chosen slot's width (a new slot, a new limit)."""
        for path, size in self.head_sizes.items():
            self.fields[path].set_limit(headline_limit(self.template, self._slot(), size))

    def _slot_chosen(self, _index: int) -> None:
        value = self.slot_box.currentData()
        if value != self._article().slot:
            self.session.seal_typing()
            self.session.apply(SetField(self.block_id, "slot", value), self.tr("Assign slot"))

    def _toggle_subhead(self) -> None:
        self.body.toggle_subhead()
        self.subhead_action.setChecked(self.body.current_is_subhead())

    def refresh(self) -> None:
        article = self._article()
        self._update_head_limits()
        for edit in self.fields.values():
            edit.refresh()
        self.body.refresh()
        self.subhead_action.setChecked(self.body.current_is_subhead())  # undo may have toggled it
        self.photos.refresh()
        index = max(0, self.slot_box.findData(article.slot))
        if index != self.slot_box.currentIndex():
            self.slot_box.blockSignals(True)
            self.slot_box.setCurrentIndex(index)
            self.slot_box.blockSignals(False)

    def fit_text(self, fit) -> str:
        """The fit state in words, e.g. "Overset by 6 lines (≈ 78 characters to cut)"."""
        if fit is None and not (self.template and self.template.slots):
            return self.tr("This page's template has no slots to fit into")
        if fit is None:
            return self.tr(
                "Auto layout sizes the block to its text: choose a slot, or fix its place, to plan its length"
            )
        if fit.continued:
            return self.tr("Does not fit on the page: set on a continuation page")
        if fit.state == "overset":
            return self.tr("Overset by %n line(s) (≈ %1 characters to cut)", "", fit.delta_lines).replace(
                "%1", str(fit.delta_chars)
            )
        if fit.state == "underset":
            return self.tr("Short by %n line(s) (≈ %1 characters to add)", "", -fit.delta_lines).replace(
                "%1", str(-fit.delta_chars)
            )
        return (
            self.tr("Fits: %1 of %2 lines")
            .replace("%1", str(fit.lines_needed))
            .replace("%2", str(fit.capacity))
        )

    def update_fit(self) -> None:
        """Show how the article fits. It needs the page composed, so the block editor calls it once the page
        settles, not on every keystroke."""
        page, _, article = self.session.issue.find_block(self.block_id)
        fit = self.session.fit(page, article)
        self.fit_label.setText(self.fit_text(fit))
        self.fit_label.setStyleSheet(FIT_STYLES.get(fit.state, "") if fit else "color:#666;")
        self.fit_state = fit.state if fit else None
