"""Typed template specs: every key of a template's YAML checked once, here, and nowhere else.

A template file is parsed into frozen dataclasses (page, grid, slots, styles, wording, layout). An
unknown key or a bad value is an error that names the file and the key's path, so a template the
export refuses never previews either. The composer, the writers and the GUI read these specs, never
the raw mapping.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from editor_app.errors import TemplateError
from editor_app.messages import msg

PT_PER_MM = 72 / 25.4
ALIGNMENTS = ("left", "center", "right", "justify", "distribute")
BORDER_SIDES = ("box", "bottom", "top", "top-bottom")
PUBLICATION_TYPES = ("newspaper", "internal", "official")

# Word's built-in style names in the Chinese UI: a custom style must never use one of them (Word would
# silently merge ours with its own).
WORD_BUILTIN_CHINESE = frozenset(
    {
        "正文",
        "标题",
        "副标题",
        "题注",
        "页眉",
        "页脚",
        "正文文本",
        "正文缩进",
        "引用",
        "明显引用",
        "列表段落",
        "无间隔",
        "目录",
        "脚注文本",
        "尾注文本",
        "批注文字",
        "批注框文本",
        "超链接",
        "默认段落字体",
        *(f"标题 {n}" for n in range(1, 10)),
    }
)


@dataclass(frozen=True)
class Role:
    style_id: str
    name: str
    kind: str = "paragraph"  # "paragraph" | "character"


# Every element of a page has its own named style (print staff restyle a page by editing them).
ROLES: tuple[Role, ...] = (
    Role("BodyText", "稿件正文"),
    Role("Masthead", "报头"),
    Role("MastheadInfo", "报头信息"),
    Role("MastheadRule", "报头线"),
    Role("Folio", "版眉"),
    Role("PageNumber", "页码"),
    Role("Kicker", "引题"),
    Role("BannerTitle", "通栏标题"),
    Role("ArticleTitle", "主题"),
    Role("Deck", "副题"),
    Role("Subhead", "小标题"),
    Role("EditorNote", "编者按"),
    Role("Picture", "图片"),
    Role("PhotoPlaceholder", "图片占位"),
    Role("PhotoCaption", "图片说明"),
    Role("PhotoCredit", "图片署名"),
    Role("Byline", "署名"),
    Role("Credits", "责任编辑"),
    Role("TypesetterNote", "排版说明"),  # the manuscript's per-article notes, deleted by the typesetter
    Role("NoteLabel", "编者按标签", "character"),
    Role("Dateline", "电头", "character"),
    Role("AuthorLine", "记者署名", "character"),
    Role("BylineTag", "署名文字", "character"),
)
ROLE_BY_ID = {role.style_id: role for role in ROLES}
# Roles a template may leave out: their look is taken from another role's (the tag looks like 署名).
DERIVED = {"BylineTag": "Byline", "TypesetterNote": "Credits"}
_FONT_KEYS = ("face", "latin", "size_pt", "bold", "color", "spacing_pt")


@dataclass(frozen=True)
class Border:
    sides: str = "box"
    style: str = "single"
    pt: float = 0.75
    space_pt: float = 2.0
    color: str | None = None


@dataclass(frozen=True)
class StyleSpec:
    """One named style's look. `declared` lists the keys the template set (a reference DOCX may win
    over the rest); `derived` marks a role the template left out and that copies another's look."""

    id: str
    name: str
    kind: str
    face: str | None = None
    latin: str | None = None
    size_pt: float | None = None
    bold: bool | None = None
    color: str | None = None
    spacing_pt: float = 0.0
    pitch_pt: float | None = None
    indent_chars: float = 0.0
    align: str | None = None
    space_before_pt: float = 0.0
    space_after_pt: float = 0.0
    border: Border | None = None
    keep_with_next: bool = False
    shading: str | None = None
    declared: frozenset[str] = frozenset()
    derived: bool = False


@dataclass(frozen=True)
class PageSpec:
    width_mm: float
    height_mm: float
    top_mm: float
    bottom_mm: float
    left_mm: float
    right_mm: float
    header_mm: float
    footer_mm: float


@dataclass(frozen=True)
class GridSpec:
    columns: int
    gutter_chars: float
    body_pt: float
    pitch_pt: float
    hang_punctuation: bool = False  # Word-style hanging closing marks (the default follows LibreOffice)
    # Characters a line (GB/T 9704: 28): body-size text is set this much closer than its size, in whole
    # twentieths of a point (Word's letter spacing), so that many fit the measure
    chars_per_line: int | None = None


@dataclass(frozen=True)
class Slot:
    """A planned box for an article: columns spanned and capacity in body lines (summed over columns)."""

    id: str
    name: str
    columns: int
    lines: int


@dataclass(frozen=True)
class WordingSpec:
    """The publication type's wording. Templates never carry a publication name: that is the issue's."""

    notice: str = ""
    first_page_name: str = ""
    folio: str = ""
    masthead_lines: tuple[str, ...] = ()
    page_number: str = "— {page} —"


@dataclass(frozen=True)
class LayoutSpec:
    """How a page is made up. `flow: composed` puts blocks on the grid; `flowing` (the manuscript for
    typesetters) runs everything down one column for re-layout elsewhere."""

    flow: str = "composed"
    masthead: bool = True
    column_rule: bool = True
    block_rule: bool = True  # a hairline between stacked blocks (else space only)
    byline_brackets: str = "（）"
    subhead_marker: str = ""
    picture_max_mm: float = 0.0
    page_numbers_outside: bool = False  # GB/T 9704: odd page numbers right, even left
    photo_span: int = 2  # the widest a photo inside an article is set, in columns
    note_measure_chars: int = 48  # an editor's note wider than this is set in two or more columns
    brief_chars: int = 500  # an article up to this many characters is a 简讯 when it has no slot
    typesetter_notes: bool = False  # the 发排稿: a note before each article with its place on its own page


@dataclass(frozen=True)
class Template:
    id: str
    name: str
    name_en: str
    publication_type: str
    page: PageSpec
    grid: GridSpec
    slots: tuple[Slot, ...]
    wording: WordingSpec
    layout: LayoutSpec
    styles: dict[str, StyleSpec] = field(compare=False, hash=False)
    language: str = "zh-CN"
    latin_face: str = "Times New Roman"
    path: Path | None = None

    # --- the grid's arithmetic, used by the composer and the writers ----------------------------
    @property
    def columns(self) -> int:
        return self.grid.columns

    @property
    def body_pt(self) -> float:
        return self.grid.body_pt

    @property
    def pitch_pt(self) -> float:
        return self.grid.pitch_pt

    @property
    def gutter_chars(self) -> float:
        return self.grid.gutter_chars

    @property
    def page_width_mm(self) -> float:
        return self.page.width_mm

    @property
    def page_height_mm(self) -> float:
        return self.page.height_mm

    @property
    def margins_mm(self) -> dict[str, float]:
        return {
            "top": self.page.top_mm,
            "bottom": self.page.bottom_mm,
            "left": self.page.left_mm,
            "right": self.page.right_mm,
        }

    @property
    def text_width_mm(self) -> float:
        return self.page.width_mm - self.page.left_mm - self.page.right_mm

    @property
    def text_height_mm(self) -> float:
        return self.page.height_mm - self.page.top_mm - self.page.bottom_mm

    @property
    def line_chars(self) -> int:
        """Characters of body type across the whole text block."""
        return int(self.text_width_mm * PT_PER_MM // self.grid.body_pt)

    @property
    def grid_spacing_pt(self) -> float:
        """Letter spacing (≤ 0) that fits `chars_per_line` body characters into the measure: whole
        twentieths of a point, as Word stores it, and never more than the measure allows."""
        if not self.grid.chars_per_line:
            return 0.0
        room = self.text_width_mm * PT_PER_MM / self.grid.chars_per_line - self.grid.body_pt
        return math.floor(room * 20) / 20

    @property
    def char_pitch_pt(self) -> float:
        """The advance of a body character: its size, less the grid's letter spacing."""
        return self.grid.body_pt + self.grid_spacing_pt

    @property
    def column_chars(self) -> int:
        """Characters of body type in one column (the grid's measure)."""
        if self.grid.chars_per_line:
            return self.grid.chars_per_line
        total = self.line_chars
        return max(1, int((total - (self.columns - 1) * self.gutter_chars) // self.columns))

    @property
    def column_lines(self) -> int:
        """Body lines in one full column of the text block."""
        return max(1, int(self.text_height_mm * PT_PER_MM // self.grid.pitch_pt))

    @property
    def flowing(self) -> bool:
        return self.layout.flow == "flowing"

    def slot(self, slot_id: str | None) -> Slot | None:
        for slot in self.slots:
            if slot.id == slot_id:
                return slot
        return None

    def style(self, style_id: str) -> StyleSpec:
        return self.styles[style_id]


# --- parsing ---------------------------------------------------------------------------------------


class _Section:
    """A mapping read key by key; whatever is left unread at the end is an unknown key."""

    def __init__(self, data: Any, where: str, path: str):
        self.where, self.path = where, path
        if data is None:
            data = {}
        if not isinstance(data, dict):
            self.fail(path, msg("expected a mapping"))
        self.data = dict(data)
        self.seen: set[str] = set()

    def fail(self, key: str, problem: str):
        raise TemplateError(msg("{where}: {key}: {problem}", where=self.where, key=key, problem=problem))

    def key(self, name: str) -> str:
        return f"{self.path}.{name}" if self.path else name

    def raw(self, name: str, default: Any = None) -> Any:
        self.seen.add(name)
        return self.data.get(name, default)

    def has(self, name: str) -> bool:
        return name in self.data

    def number(
        self, name: str, default: float | None = None, positive: bool = True, required: bool = False
    ) -> float:
        value = self.raw(name)
        if value is None:
            if required or default is None:
                self.fail(self.key(name), msg("a number is required"))
            return float(default)  # type: ignore[arg-type]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(self.key(name), msg("expected a number, found {value}", value=repr(value)))
        if (positive and value <= 0) or value < 0:
            self.fail(self.key(name), msg("must be a positive number, found {value}", value=repr(value)))
        return float(value)

    def integer(self, name: str, default: int | None = None, least: int = 1) -> int:
        value = self.raw(name, default)
        if isinstance(value, bool) or not isinstance(value, int) or value < least:
            self.fail(
                self.key(name),
                msg(
                    "expected a whole number of at least {least}, found {value}",
                    least=least,
                    value=repr(value),
                ),
            )
        return value

    def text(self, name: str, default: str | None = None) -> str:
        value = self.raw(name, default)
        if value is None:
            self.fail(self.key(name), msg("text is required"))
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.fail(self.key(name), msg("expected text, found {value}", value=repr(value)))
        return str(value)

    def flag(self, name: str, default: bool) -> bool:
        value = self.raw(name, default)
        if not isinstance(value, bool):
            self.fail(self.key(name), msg("expected true or false, found {value}", value=repr(value)))
        return value

    def choice(self, name: str, choices: tuple[str, ...], default: str | None) -> str | None:
        value = self.raw(name, default)
        if value is None:
            return None
        if value not in choices:
            self.fail(
                self.key(name),
                msg("must be one of {choices}, found {value}", choices=", ".join(choices), value=repr(value)),
            )
        return value

    def section(self, name: str) -> _Section:
        return _Section(self.raw(name), self.where, self.key(name))

    def done(self) -> None:
        unknown = sorted(set(self.data) - self.seen, key=str)
        if unknown:
            self.fail(self.key(str(unknown[0])), msg("unknown key"))


def _page(s: _Section) -> PageSpec:
    margins = s.section("margins_mm")
    spec = PageSpec(
        width_mm=s.number("width_mm", required=True),
        height_mm=s.number("height_mm", required=True),
        top_mm=margins.number("top", required=True, positive=False),
        bottom_mm=margins.number("bottom", required=True, positive=False),
        left_mm=margins.number("left", required=True, positive=False),
        right_mm=margins.number("right", required=True, positive=False),
        header_mm=s.number("header_mm", 10.0),
        footer_mm=s.number("footer_mm", 10.0),
    )
    margins.done()
    s.done()
    if spec.left_mm + spec.right_mm >= spec.width_mm or spec.top_mm + spec.bottom_mm >= spec.height_mm:
        s.fail(s.key("margins_mm"), msg("the margins leave no room for text"))
    return spec


def _grid(s: _Section) -> GridSpec:
    spec = GridSpec(
        columns=s.integer("columns"),
        gutter_chars=s.number("gutter_chars", 1.0, positive=False),
        body_pt=s.number("body_pt", required=True),
        pitch_pt=s.number("pitch_pt", required=True),
        hang_punctuation=s.flag("hang_punctuation", False),
        chars_per_line=s.integer("chars_per_line") if s.has("chars_per_line") else None,
    )
    s.done()
    if spec.columns > 24:
        s.fail(s.key("columns"), msg("at most 24 columns"))
    if spec.pitch_pt < spec.body_pt:
        s.fail(s.key("pitch_pt"), msg("the line pitch must be at least the body size"))
    if spec.chars_per_line is not None and spec.columns != 1:
        s.fail(s.key("chars_per_line"), msg("a character grid needs a one-column page"))
    return spec


def _slots(raw: Any, where: str, columns: int) -> tuple[Slot, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise TemplateError(
            msg("{where}: {key}: {problem}", where=where, key="slots", problem=msg("expected a list"))
        )
    slots, seen = [], set()
    for index, item in enumerate(raw):
        s = _Section(item, where, f"slots[{index}]")
        slot = Slot(
            id=s.text("id"),
            name=s.text("name", str(s.data.get("id", ""))),
            columns=s.integer("columns"),
            lines=s.integer("lines"),
        )
        s.done()
        if slot.columns > columns:
            s.fail(s.key("columns"), msg("wider than the grid's {columns} columns", columns=columns))
        if slot.id in seen:
            s.fail(s.key("id"), msg("slot {slot} is defined twice", slot=slot.id))
        seen.add(slot.id)
        slots.append(slot)
    return tuple(slots)


def _wording(s: _Section) -> WordingSpec:
    lines = s.raw("masthead_lines", [])
    if not isinstance(lines, list) or not all(isinstance(line, str) for line in lines):
        s.fail(s.key("masthead_lines"), msg("expected a list of text lines"))
    spec = WordingSpec(
        notice=s.text("notice", ""),
        first_page_name=s.text("first_page_name", ""),
        folio=s.text("folio", ""),
        masthead_lines=tuple(lines),
        page_number=s.text("page_number", "— {page} —"),
    )
    s.done()
    if "{page}" not in spec.page_number:
        s.fail(s.key("page_number"), msg("must contain {page}"))
    return spec


def _layout(s: _Section) -> LayoutSpec:
    spec = LayoutSpec(
        flow=str(s.choice("flow", ("composed", "flowing"), "composed")),
        masthead=s.flag("masthead", True),
        column_rule=s.flag("column_rule", True),
        block_rule=s.flag("block_rule", True),
        byline_brackets=s.text("byline_brackets", "（）"),
        subhead_marker=s.text("subhead_marker", ""),
        picture_max_mm=s.number("picture_max_mm", 0.0, positive=False),
        page_numbers_outside=s.flag("page_numbers_outside", False),
        photo_span=s.integer("photo_span", 2),
        note_measure_chars=s.integer("note_measure_chars", 48, least=8),
        brief_chars=s.integer("brief_chars", 500, least=0),
        typesetter_notes=s.flag("typesetter_notes", False),
    )
    s.done()
    if spec.byline_brackets and len(spec.byline_brackets) != 2:
        s.fail(s.key("byline_brackets"), msg("two characters (an opening and a closing bracket) or empty"))
    return spec


def _border(s: _Section) -> Border:
    spec = Border(
        sides=str(s.choice("sides", BORDER_SIDES, "box")),
        style=s.text("style", "single"),
        pt=s.number("pt", 0.75),
        space_pt=s.number("space_pt", 2.0, positive=False),
        color=s.text("color") if s.has("color") else None,
    )
    s.done()
    return spec


def _style(role: Role, s: _Section) -> StyleSpec:
    def opt_number(name: str, positive: bool = True) -> float | None:
        return s.number(name, positive=positive) if s.has(name) else None

    declared = frozenset(s.data)
    name = s.text("name", role.name)
    if name in WORD_BUILTIN_CHINESE:
        s.fail(s.key("name"), msg("may not be called {name} (a Word built-in style name)", name=repr(name)))
    border = _border(s.section("border")) if s.has("border") and s.data["border"] else None
    s.seen.add("border")
    spec = StyleSpec(
        id=role.style_id,
        name=name,
        kind=role.kind,
        face=s.text("face") if s.has("face") else None,
        latin=s.text("latin") if s.has("latin") else None,
        size_pt=opt_number("size_pt"),
        bold=s.flag("bold", False) if s.has("bold") else None,
        color=s.text("color") if s.has("color") else None,
        spacing_pt=s.number("spacing_pt", 0.0, positive=False),
        pitch_pt=opt_number("pitch_pt"),
        indent_chars=s.number("indent_chars", 0.0, positive=False),
        align=s.choice("align", ALIGNMENTS, None),
        space_before_pt=s.number("space_before_pt", 0.0, positive=False),
        space_after_pt=s.number("space_after_pt", 0.0, positive=False),
        border=border,
        keep_with_next=s.flag("keep_with_next", False),
        shading=s.text("shading") if s.has("shading") else None,
        declared=declared,
    )
    s.done()
    return spec


def _styles(raw: Any, where: str) -> dict[str, StyleSpec]:
    if not isinstance(raw, dict):
        raise TemplateError(msg("{where}: the template has no 'styles' section", where=where))
    unknown = sorted(set(raw) - set(ROLE_BY_ID), key=str)
    if unknown:
        raise TemplateError(
            msg(
                "{where}: {key}: {problem}",
                where=where,
                key=f"styles.{unknown[0]}",
                problem=msg("unknown style (known: {known})", known=", ".join(ROLE_BY_ID)),
            )
        )
    specs: dict[str, StyleSpec] = {}
    for role in ROLES:
        data = raw.get(role.style_id)
        derived = False
        if data is None and role.style_id in DERIVED and isinstance(raw.get(DERIVED[role.style_id]), dict):
            source = raw[DERIVED[role.style_id]]
            data = {key: source[key] for key in _FONT_KEYS if key in source}
            derived = True
        if not isinstance(data, dict):
            raise TemplateError(msg("{where}: styles.{style} is missing", where=where, style=role.style_id))
        spec = _style(role, _Section(data, where, f"styles.{role.style_id}"))
        if derived:
            spec = replace(spec, derived=True, declared=frozenset())
        specs[role.style_id] = spec
    return specs


TOP_KEYS = (
    "id",
    "name",
    "name_en",
    "publication_type",
    "page",
    "grid",
    "slots",
    "wording",
    "layout",
    "language",
    "latin_face",
    "styles",
)


def parse_template(data: Any, path: Path) -> Template:
    """A template from its YAML mapping; every problem raises TemplateError naming the file and key."""
    where = str(path)
    top = _Section(data, where, "")
    grid = _grid(top.section("grid"))
    template = Template(
        id=top.text("id", path.stem),
        name=top.text("name", path.stem),
        name_en=top.text("name_en", str(top.data.get("name", path.stem))),
        publication_type=str(top.choice("publication_type", PUBLICATION_TYPES, "internal")),
        page=_page(top.section("page")),
        grid=grid,
        slots=_slots(top.raw("slots"), where, grid.columns),
        wording=_wording(top.section("wording")),
        layout=_layout(top.section("layout")),
        styles=_styles(top.raw("styles"), where),
        language=top.text("language", "zh-CN"),
        latin_face=top.text("latin_face", "Times New Roman"),
        path=path,
    )
    top.done()
    if template.column_chars < 4:
        top.fail(
            "grid",
            msg("columns of {chars} characters are too narrow to set text", chars=template.column_chars),
        )
    return template
