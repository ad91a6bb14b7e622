"""A newsroom's restyled reference DOCX, read back into the template's style specs.

Print staff restyle a template in Word (body type one size up, another face for 署名) and keep the
file as `templates/<id>.docx` in their config folder; the export then takes its styles from it. The
composer must set the page in those same sizes and pitches, or the text boxes it sizes would not hold
the text Word sets in them, so the looks that change where lines break are read back here.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from editor_app.errors import TemplateError
from editor_app.layout.spec import ALIGNMENTS, ROLES, Template
from editor_app.messages import msg

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_JC = {
    "both": "justify",
    "left": "left",
    "start": "left",
    "center": "center",
    "right": "right",
    "end": "right",
    "distribute": "distribute",
}


def reference_docx(template: Template) -> Path | None:
    """The reference DOCX whose styles the export uses, if any.

    A newsroom's own copy in the user's config folder (`templates/<id>.docx`) wins, because an
    installed app's folder is read-only; then the one shipped beside the template's YAML."""
    from editor_app.paths import user_config_dir

    candidates = [user_config_dir() / "templates" / f"{template.id}.docx"]
    if template.path is not None:
        candidates.append(template.path.with_suffix(".docx"))
    return next((path for path in candidates if path.is_file()), None)


def with_reference(template: Template) -> Template:
    """`template` with its reference DOCX's looks (the shipped ones match the YAML; a restyled one wins)."""
    path = reference_docx(template)
    if path is None:
        return template
    stat = path.stat()
    return _restyled(template, str(path), stat.st_mtime_ns, stat.st_size)


def open_reference(path: Path | str):
    """The reference DOCX as a python-docx document; TemplateError naming the file when it is not usable."""
    import docx

    try:
        return docx.Document(str(path))
    except Exception as exc:  # zip, XML or package errors: all mean "not a usable DOCX"
        raise TemplateError(
            msg(
                "{path}: the template's reference DOCX cannot be read ({reason}); save it "
                "again from Word/WPS, or delete it to use the template's YAML styles",
                path=path,
                reason=exc.__class__.__name__,
            )
        ) from None


@lru_cache(maxsize=16)
def _restyled(template: Template, path: str, _mtime: int, _size: int) -> Template:
    document = open_reference(path)
    found = {}
    for element in document.styles.element.findall(f"{_W}style"):
        found[element.get(f"{_W}styleId")] = element
    styles = dict(template.styles)
    for role in ROLES:
        element = found.get(role.style_id)
        if element is None:
            continue
        changes = _looks(element)
        if changes:
            styles[role.style_id] = replace(styles[role.style_id], **changes)
    return replace(template, styles=styles)


def _looks(element) -> dict:
    """The looks a style sets itself (not those it inherits) that change how its lines break."""
    out: dict = {}
    rpr = element.find(f"{_W}rPr")
    if rpr is not None:
        size = rpr.find(f"{_W}sz")
        if size is not None and (size.get(f"{_W}val") or "").isdigit():
            out["size_pt"] = int(size.get(f"{_W}val")) / 2
        fonts = rpr.find(f"{_W}rFonts")
        if fonts is not None and fonts.get(f"{_W}eastAsia"):
            out["face"] = fonts.get(f"{_W}eastAsia")
        bold = rpr.find(f"{_W}b")
        if bold is not None:
            out["bold"] = bold.get(f"{_W}val") not in ("0", "false")
    ppr = element.find(f"{_W}pPr")
    if ppr is not None:
        spacing = ppr.find(f"{_W}spacing")
        if spacing is not None:
            line, rule = spacing.get(f"{_W}line"), spacing.get(f"{_W}lineRule")
            if line and line.lstrip("-").isdigit() and rule == "exact":
                out["pitch_pt"] = int(line) / 20
            for attr, key in (("before", "space_before_pt"), ("after", "space_after_pt")):
                value = spacing.get(f"{_W}{attr}")
                if value and value.isdigit():
                    out[key] = int(value) / 20
        indent = ppr.find(f"{_W}ind")
        if indent is not None and (indent.get(f"{_W}firstLineChars") or "").isdigit():
            out["indent_chars"] = int(indent.get(f"{_W}firstLineChars")) / 100
        jc = ppr.find(f"{_W}jc")
        if jc is not None and _JC.get(jc.get(f"{_W}val") or "") in ALIGNMENTS:
            out["align"] = _JC[jc.get(f"{_W}val")]
    return out
