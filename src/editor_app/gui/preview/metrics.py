"""Real font metrics for the composer on screen, and the faces the painter draws with.

The composer counts Han text at one em whatever the face; what differs between machines is the Latin
face. When Qt finds the template's Latin face itself (Times New Roman on a newsroom's Windows PC),
its advances are measured; otherwise the composer's own width table stands (it describes Times New
Roman, and Liberation Serif, LibreOffice's stand-in, has the same metrics), so the preview never
composes with a substitute face the DOCX will not use.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QFontMetricsF

from editor_app.layout.metrics import DEFAULT_METRICS, LATIN_EM, GridMetrics

MEASURE_PX = 1000  # measured at a large size so rounding does not show

# The template's face names, and installed faces that stand in for them (first found wins).
FACES = {
    "宋体": ("SimSun", "宋体", "Noto Serif CJK SC", "Source Han Serif SC", "AR PL UMing CN"),
    "黑体": ("SimHei", "黑体", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei"),
    "楷体": ("KaiTi", "楷体", "AR PL UKai CN", "Noto Serif CJK SC"),
    "仿宋": ("FangSong", "仿宋", "AR PL UMing CN", "Noto Serif CJK SC"),
    "方正小标宋简体": ("方正小标宋简体", "FZXiaoBiaoSong-B05S", "Noto Serif CJK SC", "SimSun"),
}


class QtLatinMetrics(GridMetrics):
    """Advances of the installed Latin face; Han and full-width text stay one em."""

    def __init__(self, font: QFont):
        self.metrics = QFontMetricsF(font)
        self.memo: dict[str, float] = {}

    def advance_em(self, ch: str) -> float:
        if ch not in LATIN_EM:
            return super().advance_em(ch)
        em = self.memo.get(ch)
        if em is None:
            em = self.memo[ch] = self.metrics.horizontalAdvance(ch) / MEASURE_PX
        return em


@cache
def screen_metrics(latin_face: str = "Times New Roman"):
    """The metrics the window composes with: the real Latin face when it is installed, else the table."""
    font = QFont(latin_face)
    font.setPixelSize(MEASURE_PX)
    if QFontInfo(font).family().casefold() != latin_face.casefold():
        return DEFAULT_METRICS
    return QtLatinMetrics(font)


@cache
def family(face: str) -> str:
    """An installed family to draw the template's `face` with."""
    installed = set(QFontDatabase.families())
    for candidate in (face, *FACES.get(face, ())):
        if candidate in installed:
            return candidate
    return face  # Qt substitutes as best it can
