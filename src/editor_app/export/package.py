"""The package around the page: properties, thumbnail, comment styles, picture names and alt text.

python-docx starts every document from a template saved by "Microsoft Macintosh Word", with a blank
Letter-size thumbnail, and a reference DOCX brings its own dates; print staff (and Word's file
dialogs) read all of that. `finish_package` replaces it with what this export is: the app and its
version, export time, one language everywhere, no thumbnail (we cannot draw the real first page),
and the styles the comments refer to. `describe_picture` names a picture's file in the package and
gives it alt text; `label_pictures` does it for a whole document whose captions follow their
pictures (today's writer), the page composer calls `describe_picture` as it places each picture.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from editor_app import __version__

APP_NAME = "editor-app"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_LANG_ATTR = f"{{{_W}}}eastAsia"
NS = {
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "w": _W,
}

# Styles the comments part and comment references use (python-docx writes these ids), defined as
# Word's built-ins so Word and WPS show them in their own words.
COMMENT_STYLES = {
    "CommentText": ("paragraph", "annotation text", 20),
    "CommentReference": ("character", "annotation reference", 16),
    "CommentSubject": ("paragraph", "annotation subject", 20),
    "BalloonText": ("paragraph", "Balloon Text", 18),
}


def app_version(version: str = __version__) -> str:
    """AppVersion in the XX.YYYY form Office expects: 0.1.0 → 00.0100, 1.12.3 → 01.1203."""
    parts = [int(p) for p in re.findall(r"\d+", version)[:3]] + [0, 0, 0]
    return f"{parts[0] % 100:02d}.{parts[1] % 100:02d}{parts[2] % 100:02d}"


def finish_package(document, language: str, company: str = "") -> None:
    """Everything the page's own content does not set; call once, just before saving.

    `language`: the edition's East Asian language (zh-CN, zh-TW, zh-HK), written into every part.
    """
    from editor_app.export.linebreaking import set_kinsoku_language

    set_app_properties(document, company)
    drop_thumbnail(document)
    define_comment_styles(document)
    set_language_everywhere(document, language)
    set_kinsoku_language(document, language)
    props = document.core_properties
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    props.created = props.modified = now
    props.revision = 1
    props.last_modified_by = APP_NAME


def set_app_properties(document, company: str = "") -> None:
    """docProps/app.xml: this app and its version (a fresh part, not the template's counts and names)."""
    from xml.sax.saxutils import escape

    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<Application>{escape(APP_NAME)}/{escape(__version__)}</Application><DocSecurity>0</DocSecurity>"
        "<ScaleCrop>false</ScaleCrop>"
        + (f"<Company>{escape(company[:255])}</Company>" if company else "")
        + "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
        f"<HyperlinksChanged>false</HyperlinksChanged><AppVersion>{app_version()}</AppVersion></Properties>"
    )
    package = document.part.package
    for rel in package.rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES and not rel.is_external:
            rel.target_part._blob = xml.encode("utf-8")
            return
    from docx.opc.part import Part

    part = Part(
        PackURI("/docProps/app.xml"),
        "application/vnd.openxmlformats-officedocument.extended-properties+xml",
        xml.encode("utf-8"),
        package,
    )
    package.relate_to(part, RT.EXTENDED_PROPERTIES)


def drop_thumbnail(document) -> None:
    """No thumbnail: the template's is a blank Letter page, and we cannot draw the real first page."""
    package = document.part.package
    for rId in [rId for rId, rel in package.rels.items() if rel.reltype == RT.THUMBNAIL]:
        package.rels.pop(rId)
    for el in document.settings.element.findall(qn("w:savePreviewPicture")):
        document.settings.element.remove(el)


def define_comment_styles(document) -> list[str]:
    """Define every style the comments refer to that the style sheet lacks; return the ids added."""
    referenced = set()
    for part in document.part.package.iter_parts():
        element = getattr(part, "_element", None)
        if element is None or part.partname.endswith("styles.xml"):
            continue
        for tag in ("w:pStyle", "w:rStyle"):
            for el in element.iter(qn(tag)):
                value = el.get(qn("w:val"))
                if value in COMMENT_STYLES:
                    referenced.add(value)
    styles = document.styles.element
    present = {s.get(qn("w:styleId")) for s in styles.findall(qn("w:style"))}
    added = []
    for style_id in sorted(referenced - present):
        kind, name, half_points = COMMENT_STYLES[style_id]
        based = "Normal" if kind == "paragraph" else "DefaultParagraphFont"
        based_xml = f'<w:basedOn w:val="{based}"/>' if based in present else ""
        styles.append(
            parse_xml(
                f'<w:style {nsdecls("w")} w:type="{kind}" w:styleId="{style_id}"><w:name w:val="{name}"/>'
                f'{based_xml}<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
                f'<w:rPr><w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/></w:rPr></w:style>'
            )
        )
        added.append(style_id)
    return added


def set_language_everywhere(document, east_asia: str) -> None:
    """The East Asian language of every w:lang in every part (styles, stylesWithEffects, runs, comments,
    headers), of settings' themeFontLang and of the core properties."""
    from lxml import etree

    for part in document.part.package.iter_parts():
        element = getattr(part, "_element", None)
        if element is not None:
            _set_lang(element, east_asia)
        elif part.content_type.endswith("+xml") and b":lang " in part.blob:
            root = etree.fromstring(part.blob)
            if _set_lang(root, east_asia):
                part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    theme = document.settings.element.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.set(_LANG_ATTR, east_asia)
    document.core_properties.language = east_asia


def _set_lang(root, east_asia: str) -> bool:
    changed = False
    for lang in root.iter(f"{{{_W}}}lang"):
        if lang.get(_LANG_ATTR) != east_asia:
            lang.set(_LANG_ATTR, east_asia)
            changed = True
    return changed


def describe_picture(shape, part, alt_text: str, name: str) -> str:
    """Give the picture in `shape` (its wp:inline or wp:anchor element) alt text and a file name.

    `part`: the story part holding the shape (`document.part` for the body); `name`: the file name
    wanted in the package, e.g. "photo-01" or "photo-01.jpg" (the image's real extension is kept).
    Returns the file name: the one asked for, made distinct ("photo-01-2.jpg") if another image has it,
    or the name the image already got when the same image is placed twice (python-docx stores it once).
    """
    alt_text = " ".join(alt_text.split())
    stem = posixpath.splitext(name)[0] or "picture"
    blip = shape.find(".//a:blip", NS)
    image_part = part.related_parts[blip.get(qn("r:embed"))] if blip is not None else None
    ext = posixpath.splitext(str(image_part.partname))[1] if image_part is not None else ""
    file_name = f"{stem}{ext}"
    if image_part is not None and getattr(image_part, "_named_by_editor_app", None):
        file_name = image_part._named_by_editor_app  # the same image placed twice is one file
    elif image_part is not None:
        taken = {str(p.partname) for p in part.package.iter_parts() if p is not image_part}
        number = 1
        while f"/word/media/{file_name}" in taken:
            number += 1
            file_name = f"{stem}-{number}{ext}"
        image_part.partname = PackURI(f"/word/media/{file_name}")
        image_part._named_by_editor_app = file_name
    for el in (shape.find("wp:docPr", NS), shape.find(".//pic:cNvPr", NS)):
        if el is not None:
            el.set("name", file_name)
            el.set("descr", alt_text)
            if el.tag == qn("wp:docPr") and alt_text:
                el.set("title", alt_text[:60])
    return file_name


def label_pictures(document, caption_styles=("PhotoCaption",), credit_styles=("PhotoCredit",)) -> list[str]:
    """Alt text and photo-01…NN file names for every body picture, from the caption that follows it
    (else its credit, else 图片 N). Returns the file names in reading order."""
    names: list[str] = []
    body = document.element.body
    paragraphs = list(body.iter(qn("w:p")))
    position = {id(p): i for i, p in enumerate(paragraphs)}
    for shape in body.iter(qn("wp:inline"), qn("wp:anchor")):
        if shape.find(".//a:blip", NS) is None:
            continue
        p = next(a for a in shape.iterancestors(qn("w:p")))
        alt = ""
        for follower in paragraphs[position[id(p)] + 1 :]:  # the caption and credit right below it
            style = follower.find("w:pPr/w:pStyle", NS)
            style_id = style.get(qn("w:val")) if style is not None else None
            if style_id not in caption_styles and style_id not in credit_styles:
                break
            if style_id in caption_styles or not alt:
                alt = "".join(t.text or "" for t in follower.iter(qn("w:t")))
            if style_id in caption_styles:
                break
        names.append(
            describe_picture(
                shape, document.part, alt or f"图片{len(names) + 1}", f"photo-{len(names) + 1:02d}"
            )
        )
    return names
