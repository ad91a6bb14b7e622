"""Anchored DrawingML shapes for a composed page: text boxes (linked into chains), pictures, rules
and frames, each at an exact place on the page.

print-conventions.md measured the ways to put article blocks side by side in a DOCX; linked text
boxes are the one that Word and LibreOffice both read with text flowing from box to box: one
`wps:wsp` per frame, the first holding `wps:txbx id=N`, the rest `wps:linkedTxbx id=N seq=k`, each
anchored to the page with no wrapping and zero insets. Every shape sits in an `mc:AlternateContent`
choice requiring `wps`, as Word writes them.
"""

from __future__ import annotations

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

EMU_PER_MM = 36000
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_DECLS = f'{nsdecls("w", "wp", "a", "pic", "r")} xmlns:wps="{WPS}" xmlns:mc="{MC}"'


def emu(mm: float) -> int:
    return max(0, int(round(mm * EMU_PER_MM)))


class ShapeIds:
    """docPr ids and z-order for one document (every drawing needs a unique id)."""

    def __init__(self, start: int = 1000):
        self.next = start

    def take(self) -> int:
        self.next += 1
        return self.next


def _anchor_open(
    ids: ShapeIds,
    x: float,
    y: float,
    w: float,
    h: float,
    name: str,
    behind: bool = False,
    shape_id: int | None = None,
) -> str:
    sid = shape_id or ids.take()
    return (
        f'<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="{sid}" '
        f'behindDoc="{1 if behind else 0}" locked="0" layoutInCell="1" allowOverlap="1">'
        f'<wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="page"><wp:posOffset>{emu(x)}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="page"><wp:posOffset>{emu(y)}</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{emu(w)}" cy="{emu(h)}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
        f'<wp:docPr id="{sid}" name="{_attr(name)}"/><wp:cNvGraphicFramePr/>'
    )


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


def _wrap_run(drawing_xml: str):
    xml = (
        f'<w:r {_DECLS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>{drawing_xml}'
        f"</w:drawing></mc:Choice></mc:AlternateContent></w:r>"
    )
    return parse_xml(xml)


def _line_xml(color: str | None, weight_pt: float | None, dash: str | None = None) -> str:
    if not weight_pt:
        return "<a:ln><a:noFill/></a:ln>"
    dash_xml = f'<a:prstDash val="{dash}"/>' if dash else ""
    return (
        f'<a:ln w="{int(weight_pt * 12700)}"><a:solidFill><a:srgbClr val="{color or "000000"}"/>'
        f"</a:solidFill>{dash_xml}</a:ln>"
    )


def text_box(
    ids: ShapeIds,
    x: float,
    y: float,
    w: float,
    h: float,
    name: str,
    *,
    chain: int | None = None,
    seq: int = 0,
    vertical: str = "t",
    border_pt: float | None = None,
    border_color: str | None = None,
    border_dash: str | None = None,
):
    """A `w:r` holding an anchored text box; returns (run, txbxContent or None for a linked box).

    With `chain`, the box belongs to a chain of linked boxes: seq 0 holds the text (`wps:txbx id`),
    later ones only say where the text continues (`wps:linkedTxbx id seq`)."""
    if chain is not None and seq > 0:
        body = f'<wps:linkedTxbx id="{chain}" seq="{seq}"/>'
    else:
        chain_attr = f' id="{chain}"' if chain is not None else ""
        body = f"<wps:txbx{chain_attr}><w:txbxContent/></wps:txbx>"
    xml = (
        _anchor_open(ids, x, y, w, h, name)
        + '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        + '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr>'
        + f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{emu(w)}" cy="{emu(h)}"/></a:xfrm>'
        + '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/>'
        + _line_xml(border_color, border_pt, border_dash)
        + "</wps:spPr>"
        + body
        + f'<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="{vertical}" '
        + 'anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor>'
    )
    run = _wrap_run(xml)
    content = run.find(".//" + qn("w:txbxContent"))
    return run, content


def rectangle(
    ids: ShapeIds,
    x: float,
    y: float,
    w: float,
    h: float,
    name: str,
    *,
    fill: str | None = None,
    line_pt: float | None = None,
    line_color: str | None = None,
    behind: bool = True,
):
    """A plain rectangle: a filled hairline (a rule) or an outlined box (the 编者按 frame)."""
    fill_xml = f'<a:solidFill><a:srgbClr val="{fill}"/></a:solidFill>' if fill else "<a:noFill/>"
    xml = (
        _anchor_open(ids, x, y, w, h, name, behind=behind)
        + '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        + "<wps:wsp><wps:cNvSpPr/><wps:spPr>"
        + f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{emu(w)}" cy="{emu(h)}"/></a:xfrm>'
        + f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{fill_xml}{_line_xml(line_color, line_pt)}</wps:spPr>'
        + '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="t"/>'
        + "</wps:wsp></a:graphicData></a:graphic></wp:anchor>"
    )
    return _wrap_run(xml)


def anchored_picture(inline, ids: ShapeIds, x: float, y: float, w: float, h: float, name: str, descr: str):
    """A `w:r` with the picture of python-docx's `inline` anchored at a place on the page."""
    sid = ids.take()
    graphic = inline.find(qn("a:graphic"))
    for pic_props in graphic.iter(qn("pic:cNvPr")):
        pic_props.set("name", name)
        pic_props.set("descr", descr)
    for ext in graphic.iter(qn("a:ext")):
        ext.set("cx", str(emu(w)))
        ext.set("cy", str(emu(h)))
    head = _anchor_open(ids, x, y, w, h, name, shape_id=sid)
    anchor = parse_xml(f"<wp:anchor {_DECLS} " + head[len("<wp:anchor ") :] + "</wp:anchor>")
    doc_pr = anchor.find(qn("wp:docPr"))
    doc_pr.set("descr", descr)
    anchor.append(graphic)
    run = parse_xml(f"<w:r {_DECLS}><w:drawing/></w:r>")
    run.find(qn("w:drawing")).append(anchor)
    return run
