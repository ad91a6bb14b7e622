"""Page templates: data files in `templates/<id>.yaml`, read into a `Template`.

A template fixes the page (size, margins), the column grid, the slots articles are assigned to,
the publication type's wording and the style set the exporter and the preview use. The raw mapping
stays available as `data` so the exporter can read its own sections without this module knowing
every key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from editor_app.errors import TemplateError
from editor_app.messages import msg
from editor_app.paths import templates_dir

PT_PER_MM = 72 / 25.4


@dataclass(frozen=True)
class Slot:
    id: str
    name: str
    columns: int  # column span
    lines: int  # line capacity in body lines


@dataclass(frozen=True)
class Template:
    id: str
    name: str
    name_en: str
    publication_type: str
    page_width_mm: float
    page_height_mm: float
    margins_mm: dict[str, float]
    columns: int
    gutter_chars: float
    body_pt: float
    pitch_pt: float
    slots: tuple[Slot, ...] = ()
    data: dict = field(default_factory=dict, compare=False, hash=False)
    path: Path | None = None

    @property
    def text_width_mm(self) -> float:
        return self.page_width_mm - self.margins_mm["left"] - self.margins_mm["right"]

    @property
    def text_height_mm(self) -> float:
        return self.page_height_mm - self.margins_mm["top"] - self.margins_mm["bottom"]

    @property
    def line_chars(self) -> int:
        """Characters of body type across the whole text block."""
        return int(self.text_width_mm * PT_PER_MM // self.body_pt)

    @property
    def column_chars(self) -> int:
        """Characters of body type in one column (the grid's measure)."""
        total = self.line_chars
        return max(1, int((total - (self.columns - 1) * self.gutter_chars) // self.columns))

    @property
    def column_lines(self) -> int:
        """Body lines in one full column of the text block."""
        return max(1, int(self.text_height_mm * PT_PER_MM // self.pitch_pt))

    def slot(self, slot_id: str | None) -> Slot | None:
        for slot in self.slots:
            if slot.id == slot_id:
                return slot
        return None


def _number(data: dict, key: str, where: str) -> float:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise TemplateError(msg("{where}: '{key}' must be a positive number", where=where, key=key))
    return float(value)


def load_template_file(path: Path) -> Template:
    import yaml

    try:
        data = yaml.load(path.read_text("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as exc:
        raise TemplateError(msg("{where}: cannot read template ({reason})", where=path, reason=exc)) from None
    if not isinstance(data, dict):
        raise TemplateError(msg("{where}: a template is a mapping", where=path))
    where = str(path)
    page = data.get("page") or {}
    grid = data.get("grid") or {}
    margins = page.get("margins_mm") or {}
    try:
        margins = {side: float(margins[side]) for side in ("top", "bottom", "left", "right")}
    except (KeyError, TypeError, ValueError):
        raise TemplateError(msg("{where}: page.margins_mm needs top, bottom, left, right", where=where)) from None
    slots = []
    for i, raw in enumerate(data.get("slots") or []):
        try:
            slots.append(Slot(str(raw["id"]), str(raw.get("name", raw["id"])), int(raw["columns"]),
                              int(raw["lines"])))
        except (KeyError, TypeError, ValueError):
            raise TemplateError(msg("{where}: slots[{index}] needs id, columns and lines", where=where, index=i)) from None
    template_id = data.get("id") or path.stem
    return Template(
        id=str(template_id), name=str(data.get("name", template_id)),
        name_en=str(data.get("name_en", data.get("name", template_id))),
        publication_type=str(data.get("publication_type", "internal")),
        page_width_mm=_number(page, "width_mm", where), page_height_mm=_number(page, "height_mm", where),
        margins_mm=margins, columns=int(_number(grid, "columns", where)),
        gutter_chars=float(grid.get("gutter_chars", 1)), body_pt=_number(grid, "body_pt", where),
        pitch_pt=_number(grid, "pitch_pt", where), slots=tuple(slots), data=data, path=path,
    )


@cache
def _all_templates(folder: Path) -> dict[str, Template]:
    found = {}
    for path in sorted(folder.glob("*.yaml")):
        template = load_template_file(path)
        found[template.id] = template
    return found


def list_templates(folder: Path | None = None) -> list[Template]:
    return list(_all_templates(folder or templates_dir()).values())


def get_template(template_id: str, folder: Path | None = None) -> Template:
    templates = _all_templates(folder or templates_dir())
    if template_id not in templates:
        known = ", ".join(sorted(templates))
        raise TemplateError(msg("unknown template {template}; available: {known}", template=repr(template_id),
                                known=known))
    return templates[template_id]


def new_issue_from_template(template_id: str, publication: str | None = None):
    """An empty one-page issue set up for the template's publication type."""
    from editor_app.model.document import Issue, Page

    template = get_template(template_id)
    wording = template.data.get("wording") or {}
    issue = Issue(publication=publication or str(wording.get("publication", "")),
                  type=template.publication_type)  # type: ignore[arg-type]
    issue.pages.append(Page(number=1, name=str(wording.get("first_page_name", "")) or None,
                            template=template.id))
    return issue
