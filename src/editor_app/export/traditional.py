"""Traditional-Chinese editions through OpenCC, with the faces readers there expect.

The text is converted run by run after comment spans are cut, so a comment still covers exactly
the converted words. Faces are swapped in the style sheet (a Taiwan reader expects 新細明體, not
宋体), and the language tag follows the region.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from editor_app.errors import ExportError
from editor_app.messages import msg

VARIANTS = ("s2t", "s2hk", "s2tw")

# Simplified face (as the templates name them) -> face for the edition's region.
FACES: dict[str, dict[str, str]] = {
    "s2tw": {"宋体": "新細明體", "方正小标宋简体": "新細明體", "方正书宋_GBK": "新細明體",
             "黑体": "微軟正黑體", "楷体": "標楷體", "仿宋": "標楷體", "SimSun": "PMingLiU",
             "SimHei": "Microsoft JhengHei", "KaiTi": "DFKai-SB"},
    "s2hk": {"宋体": "細明體_HKSCS", "方正小标宋简体": "細明體_HKSCS", "方正书宋_GBK": "細明體_HKSCS",
             "黑体": "微軟正黑體", "楷体": "標楷體", "仿宋": "標楷體", "SimSun": "MingLiU_HKSCS",
             "SimHei": "Microsoft JhengHei", "KaiTi": "DFKai-SB"},
    "s2t": {"宋体": "新細明體", "方正小标宋简体": "新細明體", "方正书宋_GBK": "新細明體",
            "黑体": "微軟正黑體", "楷体": "標楷體", "仿宋": "標楷體"},
}
LANGUAGE = {"s2t": "zh-TW", "s2tw": "zh-TW", "s2hk": "zh-HK"}


@cache
def converter(variant: str) -> Callable[[str], str]:
    """A cached str -> str conversion for `variant` (s2t, s2hk or s2tw)."""
    if variant not in VARIANTS:
        raise ExportError(msg("unknown traditional variant {variant}; use one of {variants}",
                              variant=repr(variant), variants=", ".join(VARIANTS)))
    import opencc

    engine = opencc.OpenCC(variant)
    memo: dict[str, str] = {}

    def convert(text: str) -> str:
        if not text:
            return text
        if text not in memo:
            memo[text] = engine.convert(text)
        return memo[text]

    return convert


def map_faces(root, variant: str) -> None:
    """Replace simplified faces by the region's faces in every w:rFonts under `root` (styles part)."""
    from editor_app.export.docx_xml import qn

    faces = FACES[variant]
    attr = qn("w:eastAsia")
    for fonts in root.iter(qn("w:rFonts")):
        face = fonts.get(attr)
        if face in faces:
            fonts.set(attr, faces[face])


def set_languages(root, variant: str) -> None:
    from editor_app.export.docx_xml import qn

    attr = qn("w:eastAsia")
    for lang in root.iter(qn("w:lang")):
        lang.set(attr, LANGUAGE[variant])
