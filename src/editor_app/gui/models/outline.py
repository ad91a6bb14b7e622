"""The outline: issue → pages → blocks → photos, a thin QAbstractItemModel over the core model.

The node tree is rebuilt on structural changes (cheap: an issue has dozens of blocks); text edits only
emit dataChanged for the block's row. Drag and drop moves blocks within and between pages through
`MoveBlock`, so every move is one undo step.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QByteArray, QMimeData, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QIcon

from editor_app.model.document import Article
from editor_app.model.fields import block_label
from editor_app.model.ops import MoveBlock
from editor_app.paths import resource

MIME = "application/x-editor-app-block"
BLOCK_ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
FIT_ROLE = Qt.ItemDataRole.UserRole + 3
OVERSET_BRUSH = QBrush(QColor("#c62828"))


_ICONS: dict[str, QIcon] = {}


def icon(kind: str) -> QIcon:
    """The outline icon for issue, page, banner, editor_note, article or photo (resources/icons)."""
    if kind not in _ICONS:
        path = resource("icons", f"{kind}.svg")
        _ICONS[kind] = QIcon(str(path)) if path.exists() else QIcon()
    return _ICONS[kind]


@dataclass(eq=False)
class Node:
    kind: str  # issue | page | block | photo
    obj: object
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    row: int = 0


class OutlineModel(QAbstractItemModel):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self._root = Node("root", None)
        self._by_block: dict[str, Node] = {}
        self._rebuild()
        session.structure_changed.connect(self.reset)
        session.block_changed.connect(self._block_changed)
        session.settled.connect(self._fits_changed)

    # --- tree -------------------------------------------------------------------------------
    def _rebuild(self) -> None:
        issue = self.session.issue
        self._root = Node("root", None)
        self._by_block = {}
        issue_node = Node("issue", issue, self._root)
        self._root.children = [issue_node]
        for p_row, page in enumerate(issue.pages):
            page_node = Node("page", page, issue_node, row=p_row)
            issue_node.children.append(page_node)
            for b_row, block in enumerate(page.blocks):
                block_node = Node("block", block, page_node, row=b_row)
                page_node.children.append(block_node)
                self._by_block[block.id] = block_node
                for f_row, photo in enumerate(getattr(block, "photos", ())):
                    block_node.children.append(Node("photo", photo, block_node, row=f_row))

    def reset(self) -> None:
        self.beginResetModel()
        self._rebuild()
        self.endResetModel()

    def _block_changed(self, block_id: str) -> None:
        node = self._by_block.get(block_id)
        if node is not None:
            index = self.createIndex(node.row, 0, node)
            self.dataChanged.emit(index, index)

    def _fits_changed(self) -> None:
        """The page was composed again after a pause: every article's fit colour and tooltip may change."""
        roles = [
            FIT_ROLE,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.DisplayRole,
        ]
        for page_node in self._root.children[0].children if self._root.children else ():
            if page_node.children:
                first, last = page_node.children[0], page_node.children[-1]
                self.dataChanged.emit(
                    self.createIndex(first.row, 0, first), self.createIndex(last.row, 0, last), roles
                )

    def node(self, index: QModelIndex) -> Node:
        return index.internalPointer() if index.isValid() else self._root

    def index_of_block(self, block_id: str) -> QModelIndex:
        node = self._by_block.get(block_id)
        return self.createIndex(node.row, 0, node) if node else QModelIndex()

    def index_of_page(self, page_id: str) -> QModelIndex:
        for node in self._root.children[0].children:
            if node.obj.id == page_id:
                return self.createIndex(node.row, 0, node)
        return QModelIndex()

    # --- QAbstractItemModel -----------------------------------------------------------------
    def index(self, row, column, parent=QModelIndex()):  # noqa: B008 - Qt signature
        node = self.node(parent)
        if 0 <= row < len(node.children) and column == 0:
            return self.createIndex(row, column, node.children[row])
        return QModelIndex()

    def parent(self, index=QModelIndex()):  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        parent = index.internalPointer().parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row, 0, parent)

    def rowCount(self, parent=QModelIndex()):  # noqa: N802, B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802, B008
        return 1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node = index.internalPointer()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._label(node)
        if role == Qt.ItemDataRole.DecorationRole:
            return icon(node.obj.type if node.kind == "block" else node.kind)
        if role == BLOCK_ID_ROLE:
            return getattr(node.obj, "id", None)
        if role == KIND_ROLE:
            return node.kind
        if role in (FIT_ROLE, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole):
            fit = self._fit(node)
            if role == FIT_ROLE:
                return fit.state if fit else None
            if role == Qt.ItemDataRole.ForegroundRole and fit and fit.state == "overset":
                return OVERSET_BRUSH
            if role == Qt.ItemDataRole.ToolTipRole:
                kind = self._type_name(node)
                if fit:
                    return (
                        kind
                        + "\n"
                        + self.tr("%n line(s) needed, slot holds %1", "", fit.lines_needed).replace(
                            "%1", str(fit.capacity)
                        )
                    )
                return kind
        return None

    def _fit(self, node: Node):
        if node.kind != "block" or not isinstance(node.obj, Article):
            return None
        return self.session.fit(node.parent.obj, node.obj, fresh=False)  # fresh ones follow `settled`

    def _type_name(self, node: Node) -> str:
        if node.kind == "block":
            return {
                "banner": self.tr("Banner"),
                "editor_note": self.tr("Note"),
                "article": self.tr("Article"),
                "photo": self.tr("Photo"),
            }[node.obj.type]
        return {"issue": self.tr("Issue"), "page": self.tr("Page"), "photo": self.tr("Photo")}.get(
            node.kind, ""
        )

    def _label(self, node: Node) -> str:
        if node.kind == "issue":
            issue = node.obj
            name = issue.publication or self.tr("Untitled issue")
            return f"{name} " + self.tr("No. %1").replace("%1", str(issue.number)) if issue.number else name
        if node.kind == "page":
            page = node.obj
            label = self.tr("Page %1").replace("%1", str(page.number))
            return f"{label} {page.name}" if page.name else label
        if node.kind == "photo":
            return node.obj.caption[:18] or self.tr("Photo")
        text = block_label(node.obj) or self.tr("(empty)")
        fit = self._fit(node)
        if fit and fit.state != "fits":
            over = self.tr("over %n line(s)", "", fit.delta_lines)
            short = self.tr("short %n line(s)", "", -fit.delta_lines)
            # in front: a narrow outline elides the end of a long title, and the tag must stay seen
            text = (over if fit.state == "overset" else short) + " · " + text
        return text

    # --- drag and drop ----------------------------------------------------------------------
    def flags(self, index):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return base
        kind = index.internalPointer().kind
        if kind == "block":
            return base | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        if kind == "page":
            return base | Qt.ItemFlag.ItemIsDropEnabled
        return base

    def supportedDropActions(self):  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self):  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self):  # noqa: N802
        return [MIME]

    def mimeData(self, indexes):  # noqa: N802
        ids = [self.node(i).obj.id for i in indexes if self.node(i).kind == "block"]
        mime = QMimeData()
        mime.setData(MIME, QByteArray("\n".join(ids[:1]).encode("utf-8")))
        return mime

    def _drop_target(self, row: int, parent) -> tuple[object, int] | None:
        """(page, row) for a drop between blocks, onto a page, or onto a block (lands before it)."""
        node = self.node(parent)
        if node.kind == "page":
            return node.obj, row
        if node.kind == "block":
            return node.parent.obj, node.row
        return None

    def canDropMimeData(self, data, action, row, column, parent):  # noqa: N802
        return data.hasFormat(MIME) and self._drop_target(row, parent) is not None

    def dropMimeData(self, data, action, row, column, parent):  # noqa: N802
        """Move the dragged block to `row` of the target page (row -1: append)."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        block_id = bytes(data.data(MIME)).decode("utf-8")
        if not block_id:
            return False
        page, row = self._drop_target(row, parent)
        return self.move_block(block_id, page.id, row)

    def move_block(self, block_id: str, page_id: str, row: int) -> bool:
        """Move as one undo step; `row` counts in the target page before removal (-1: end)."""
        issue = self.session.issue
        src_page, src_index, _ = issue.find_block(block_id)
        _, target = issue.find_page(page_id)
        index = len(target.blocks) if row < 0 else row
        if src_page.id == page_id and index > src_index:
            index -= 1  # MoveBlock counts after removal
        if src_page.id == page_id and index == src_index:
            return False
        self.session.apply(MoveBlock(block_id, page_id, index), self.tr("Move block"))
        return True  # the model was reset by the move; removeRows stays the default no-op
