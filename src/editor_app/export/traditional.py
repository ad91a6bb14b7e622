"""Traditional-Chinese editions: text converted by phrase, names kept, regional faces and language.

`converter(variant)` gives what the writers call. It converts a whole model field at once, so the
segmenter sees the context (`convert_field(text, field)`), and it is still a plain str -> str
callable for a writer that converts run by run. A converted field keeps the source's length unless
the user's table says otherwise; `convert_mapped` returns the offsets a writer needs to cut runs at
comment boundaries either way. The engine is `phrase_convert`; names and bylines are
`person_names`'. Faces are swapped in the style sheet (a Taiwan reader expects 新細明體, not 宋体) and
the language follows the region in every part of the package (`package.set_language_everywhere`).

A newsroom's own corrections go into `<user config>/traditional/<variant>.txt`, one
`简体<TAB>繁體` pair a line, and win over every other table.
"""

from __future__ import annotations

from pathlib import Path

from editor_app.errors import EditorError, ExportError
from editor_app.export.phrase_convert import Converted, PhraseConverter, parse_table
from editor_app.messages import msg

VARIANTS = ("s2t", "s2hk", "s2tw")

# Simplified face (as the templates name them) -> face for the edition's region.
FACES: dict[str, dict[str, str]] = {
    "s2tw": {
        "宋体": "新細明體",
        "方正小标宋简体": "新細明體",
        "方正书宋_GBK": "新細明體",
        "黑体": "微軟正黑體",
        "楷体": "標楷體",
        "仿宋": "標楷體",
        "SimSun": "PMingLiU",
        "SimHei": "Microsoft JhengHei",
        "KaiTi": "DFKai-SB",
    },
    "s2hk": {
        "宋体": "細明體_HKSCS",
        "方正小标宋简体": "細明體_HKSCS",
        "方正书宋_GBK": "細明體_HKSCS",
        "黑体": "微軟正黑體",
        "楷体": "標楷體",
        "仿宋": "標楷體",
        "SimSun": "MingLiU_HKSCS",
        "SimHei": "Microsoft JhengHei",
        "KaiTi": "DFKai-SB",
    },
    "s2t": {
        "宋体": "新細明體",
        "方正小标宋简体": "新細明體",
        "方正书宋_GBK": "新細明體",
        "黑体": "微軟正黑體",
        "楷体": "標楷體",
        "仿宋": "標楷體",
    },
}
LANGUAGE = {"s2t": "zh-TW", "s2tw": "zh-TW", "s2hk": "zh-HK"}
# Model fields that hold only names (and role words): every Han run is a name there.
NAME_FIELDS = ("byline", "author_line", "credit")


def user_table_path(variant: str) -> Path:
    """Where a newsroom keeps its own conversions for `variant`."""
    from editor_app.paths import user_config_dir

    return user_config_dir() / "traditional" / f"{variant}.txt"


def is_name_field(field: str) -> bool:
    """True for a byline, author line or photo credit (`photo:<id>:credit` too)."""
    return field.rsplit(":", 1)[-1] in NAME_FIELDS


class TraditionalConverter:
    """Converts an edition's texts; call it like a function on a run, or per field with context."""

    def __init__(self, variant: str, table: Path | None = None):
        self.variant = variant
        self.problems: list[str] = []  # what was wrong with the user's table: the export warns with these
        self.table_path = table if table is not None else user_table_path(variant)
        self.engine = PhraseConverter(variant, self._user_table(self.table_path, explicit=table is not None))
        self._memo: dict[tuple[str, bool], Converted] = {}

    def _user_table(self, path: Path, explicit: bool) -> dict[str, str]:
        from editor_app.textio import read_text_file

        if not path.is_file():
            if explicit:
                raise ExportError(msg("{path}: no such conversion table", path=path))
            return {}
        try:
            text = read_text_file(path)
        except (EditorError, OSError) as exc:
            self.problems.append(
                msg(
                    "the conversion table {path} cannot be read ({reason}); the edition was "
                    "converted without it",
                    path=path,
                    reason=exc,
                )
            )
            return {}
        entries, bad = parse_table(text)
        if bad:
            self.problems.append(
                msg(
                    "{path}: line(s) {lines} are not 「简体<Tab>繁體」 pairs and were skipped",
                    path=path,
                    lines=", ".join(map(str, bad[:10])),
                )
            )
        return {key: values[0] for key, values in entries.items()}

    def convert_mapped(self, text: str, field: str = "") -> Converted:
        """The converted field with its offset map (`Converted.cut(start, end)` for a run)."""
        names = is_name_field(field)
        key = (text, names)
        if key not in self._memo:
            self._memo[key] = self.engine.convert(text, names=names)
        return self._memo[key]

    def convert_field(self, text: str, field: str = "") -> str:
        """One model field converted whole (`field`: its path, e.g. "title", "byline", "photo:p1:credit")."""
        return self.convert_mapped(text, field).text

    def __call__(self, text: str) -> str:
        return self.convert_field(text)


def converter(variant: str, table: Path | None = None) -> TraditionalConverter:
    """The converter for `variant` (s2t, s2hk or s2tw), with the user's table (`table` overrides its place)."""
    if variant not in VARIANTS:
        raise ExportError(
            msg(
                "unknown traditional variant {variant}; use one of {variants}",
                variant=repr(variant),
                variants=", ".join(VARIANTS),
            )
        )
    return TraditionalConverter(variant, table)


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
