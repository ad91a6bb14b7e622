"""The photo strip of an article: thumbnail, caption and credit per photo; add, replace, remove.

Images go through `Project.add_image`, which refuses files that are not images (the user gets a
message, the article is unchanged).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from editor_app.errors import EditorError
from editor_app.gui.editors.fields import FieldEdit
from editor_app.model.document import Photo
from editor_app.model.ops import AddPhoto, RemovePhoto, SetField

IMAGE_PATTERNS = "(*.jpg *.jpeg *.png *.gif *.bmp *.tif *.tiff *.webp)"


def image_filter() -> str:
    """The file dialog's filter, in the interface language."""
    return QCoreApplication.translate("PhotoStrip", "Images") + " " + IMAGE_PATTERNS


THUMB = 112


def thumbnail(project, image: str | None, size: int = THUMB) -> QPixmap:
    pixmap = QPixmap()
    if image and image in project.images:
        pixmap.loadFromData(project.images[image])
    if pixmap.isNull():
        return pixmap
    return pixmap.scaled(
        size,
        size * 3 // 4 + 12,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


def read_image_into_project(parent, project, path: Path) -> str | None:
    """Add an image file to the project; on a bad file show why and return None."""
    try:
        return project.add_image_file(path)
    except EditorError as exc:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("PhotoStrip", "Not an image"),
            QCoreApplication.translate("PhotoStrip", "This file cannot be used as a picture:") + f"\n{exc}",
        )
        return None


class PhotoCard(QFrame):
    def __init__(self, session, block_id: str, photo: Photo, parent=None):
        super().__init__(parent)
        self.session, self.block_id, self.photo_id = session, block_id, photo.id
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFixedWidth(400)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        self.thumb = QLabel()
        self.thumb.setFixedSize(THUMB, THUMB * 3 // 4 + 12)
        self.thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumb.setStyleSheet("background: #eceff1;")
        outer.addWidget(self.thumb)
        layout = QVBoxLayout()
        outer.addLayout(layout, 1)
        self.caption = FieldEdit(session, block_id, f"photo:{photo.id}:caption", optional=False)
        self.caption.setPlaceholderText(self.tr("Caption"))
        self.caption.setAccessibleName(self.tr("caption"))
        self.credit = FieldEdit(session, block_id, f"photo:{photo.id}:credit")
        self.credit.setPlaceholderText(self.tr("Credit, e.g. 王晓 摄"))
        self.credit.setAccessibleName(self.tr("credit"))
        layout.addWidget(self.caption)
        layout.addWidget(self.credit)
        buttons = QHBoxLayout()
        replace = QPushButton(self.tr("Replace…"))
        replace.clicked.connect(self._replace)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self._remove)
        buttons.addWidget(replace)
        buttons.addWidget(remove)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        _, _, block = self.session.issue.find_block(self.block_id)
        photo = next((p for p in block.photos if p.id == self.photo_id), None)
        if photo is None:
            return
        pixmap = thumbnail(self.session.project, photo.image)
        if pixmap.isNull():
            self.thumb.setText(self.tr("No picture"))
        else:
            self.thumb.setPixmap(pixmap)
        self.caption.refresh()
        self.credit.refresh()

    def _replace(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Replace picture"), "", image_filter())
        if name:
            self.replace_with(Path(name))

    def replace_with(self, path: Path) -> bool:
        key = read_image_into_project(self, self.session.project, path)
        if key:
            self.session.apply(
                SetField(self.block_id, f"photo:{self.photo_id}:image", key), self.tr("Replace picture")
            )
        return key is not None

    def _remove(self) -> None:
        self.session.apply(RemovePhoto(self.block_id, self.photo_id), self.tr("Remove photo"))


class PhotoStrip(QWidget):
    photos_changed = Signal()

    def __init__(self, session, block_id: str, parent=None):
        super().__init__(parent)
        self.session, self.block_id = session, block_id
        outer = QHBoxLayout(self)  # the add button stays in sight however many photos scroll
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFixedHeight(THUMB + 34)
        inner = QWidget()
        self.row = QHBoxLayout(inner)
        self.row.setAlignment(Qt.AlignmentFlag.AlignLeft)
        scroll.setWidget(inner)
        self.scroll = scroll
        self._follow_end = False
        scroll.horizontalScrollBar().rangeChanged.connect(self._range_changed)
        outer.addWidget(scroll, 1)
        self.cards: list[PhotoCard] = []
        self.add_button = QPushButton(self.tr("Add photo…"))
        self.add_button.clicked.connect(self._add)
        outer.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.rebuild()

    def rebuild(self) -> None:
        for card in self.cards:
            self.row.removeWidget(card)
            card.hide()
            card.deleteLater()
        self.cards = []
        _, _, block = self.session.issue.find_block(self.block_id)
        for photo in block.photos:
            card = PhotoCard(self.session, self.block_id, photo)
            self.cards.append(card)
            self.row.addWidget(card)

    def refresh(self) -> None:
        _, _, block = self.session.issue.find_block(self.block_id)
        if [c.photo_id for c in self.cards] != [p.id for p in block.photos]:
            self.rebuild()
        else:
            for card in self.cards:
                card.refresh()

    def _add(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Add picture"), "", image_filter())
        if name:
            self.add_from_file(Path(name))

    def add_from_file(self, path: Path) -> bool:
        key = read_image_into_project(self, self.session.project, path)
        if key is None:
            return False
        _, _, block = self.session.issue.find_block(self.block_id)
        self.session.apply(AddPhoto(self.block_id, len(block.photos), Photo(image=key)), self.tr("Add photo"))
        self.show_last_card()  # the new photo waits for its caption: bring it into view
        return True

    def show_last_card(self) -> None:
        """Scroll to the newest card (once the row has grown) and put the cursor in its caption."""
        if not self.cards:
            return
        self.cards[-1].caption.setFocus()
        bar = self.scroll.horizontalScrollBar()
        bar.setValue(bar.maximum())
        self._follow_end = True  # the row is laid out later: keep to the end when its width grows

    def _range_changed(self, _minimum: int, maximum: int) -> None:
        if self._follow_end:
            self.scroll.horizontalScrollBar().setValue(maximum)
            self._follow_end = False
