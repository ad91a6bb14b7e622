"""Hostile inputs, built from code: projects, Word files, rule packs, texts and pictures.

Each builder returns bytes. The regression tests use them one by one; `corpus()` lists them all for
the fuzzing harness (tests/fuzz/), which also mutates them. `python -m tests.hostile DIR` writes
the corpus out as files (tests/fuzz/corpus/ holds that output, for other fuzzers and for people).
"""

from __future__ import annotations

import io
import json
import re
import sys
import zipfile
from pathlib import Path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
ENDNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes"
AFCHUNK_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk"

# --- projects ------------------------------------------------------------------------------------

MANIFEST = json.dumps({"format": "editor-app.bulletin", "schema": 1}).encode()


def issue_json(text: str = "正文第一段。", title: str = "标题") -> bytes:
    from editor_app.model import Article, Issue, Page, Paragraph, dumps

    article = Article(title=title, paragraphs=[Paragraph(text)])
    return dumps(Issue(publication="简报", pages=[Page(1, blocks=[article])])).encode()


def _member(name: str, compress: int = zipfile.ZIP_DEFLATED) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))  # same bytes on every run
    info.compress_type = compress
    return info


def project_zip(members: dict[str, bytes], stored: tuple[str, ...] = ()) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(
                _member(name, zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED), data
            )
    return out.getvalue()


def good_project() -> bytes:
    return project_zip({"manifest.json": MANIFEST, "issue.json": issue_json()})


def lone_surrogate_project() -> bytes:
    """issue.json with "\\ud800" escaped in a paragraph: valid JSON, not storable as UTF-8."""
    text = issue_json("PLACEHOLDER")
    return project_zip(
        {
            "manifest.json": MANIFEST,
            "issue.json": text.replace(b"PLACEHOLDER", b"\\u524d\\u6587\\ud800\\u540e\\u6587"),
        }
    )


def bad_crc_project() -> bytes:
    data = project_zip({"manifest.json": MANIFEST, "issue.json": issue_json()}, stored=("issue.json",))
    at = data.index(b'"publication"')
    return data[:at] + b'"publicatioN"' + data[at + len(b'"publication"') :]  # same size, wrong CRC


def corrupt_deflate_project() -> bytes:
    data = project_zip({"manifest.json": MANIFEST, "issue.json": issue_json("长文。" * 400)})
    header = data.index(b"issue.json") + len(b"issue.json")
    return data[: header + 4] + b"\xff" * 24 + data[header + 28 :]


def deep_json_project(depth: int = 100_000) -> bytes:
    return project_zip(
        {"manifest.json": MANIFEST, "issue.json": b"[" * depth + b"]" * depth}, stored=("issue.json",)
    )


def schema0_wrong_shape_projects() -> list[bytes]:
    shapes = [
        {"schema": 0, "issue": [1, 2]},
        {"schema": 0, "pages": 5},
        {"schema": 0, "pages": [{"blocks": 3}]},
        {"schema": 0, "pages": ["x"]},
        {"schema": 0, "issue": "text"},
    ]
    return [project_zip({"manifest.json": MANIFEST, "issue.json": json.dumps(s).encode()}) for s in shapes]


def small_member_bomb_project(members: int = 40, size: int = 1024 * 1024 - 1) -> bytes:
    """Members each under 1 MB (the old floor of the ratio check) that unpack 1000 times larger."""
    zeros = b"\x00" * size
    items = {"manifest.json": MANIFEST, "issue.json": issue_json()}
    items.update({f"images/{i:03d}.png": zeros for i in range(members)})
    return project_zip(items)


# --- Word files -----------------------------------------------------------------------------------


def _base_docx() -> dict[str, bytes]:
    import docx

    out = io.BytesIO()
    docx.Document().save(out)
    with zipfile.ZipFile(out) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _document(body: str, doctype: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{doctype}'
        f'<w:document xmlns:w="{W_NS}" xmlns:m="{M_NS}" xmlns:r="{R_NS}"><w:body>{body}'
        f"<w:sectPr/></w:body></w:document>"
    ).encode()


def make_docx(
    body: str, styles: str = "", parts: dict[str, tuple[str, bytes, str]] | None = None, doctype: str = ""
) -> bytes:
    """A Word file with `body` paragraphs; `styles` are extra w:style elements; `parts` maps a
    relationship id to (part name, bytes, relationship type) — content types are guessed."""
    files = _base_docx()
    files["word/document.xml"] = _document(body, doctype)
    if styles:
        files["word/styles.xml"] = files["word/styles.xml"].replace(
            b"</w:styles>", styles.encode() + b"</w:styles>"
        )
    for rid, (name, data, rel_type) in (parts or {}).items():
        files[f"word/{name}"] = data
        rel = f'<Relationship Id="{rid}" Type="{rel_type}" Target="{name}"/>'.encode()
        files["word/_rels/document.xml.rels"] = files["word/_rels/document.xml.rels"].replace(
            b"</Relationships>", rel + b"</Relationships>"
        )
        kind = {
            "footnotes": "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
            "endnotes": "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml",
        }.get(name.split(".")[0], "text/html" if name.endswith(".htm") else "text/plain")
        override = f'<Override PartName="/word/{name}" ContentType="{kind}"/>'.encode()
        files["[Content_Types].xml"] = files["[Content_Types].xml"].replace(
            b"</Types>", override + b"</Types>"
        )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in files.items():
            archive.writestr(_member(name), data)
    return out.getvalue()


def para(inner: str, style: str = "") -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{ppr}{inner}</w:p>"


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def style(style_id: str, based_on: str) -> str:
    return (
        f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{style_id}"/>'
        f'<w:basedOn w:val="{based_on}"/></w:style>'
    )


def self_based_style_docx() -> bytes:
    return make_docx(para(run("自己为基的样式。"), "Loop") + para(run("第二段正文。")), style("Loop", "Loop"))


def style_loop_docx() -> bytes:
    styles = style("StyleA", "StyleB") + style("StyleB", "StyleC") + style("StyleC", "StyleA")
    return make_docx(para(run("样式循环的一段。"), "StyleA") + para(run("另一段。"), "StyleC"), styles)


def _notes(kind: str, notes: dict[str, str]) -> bytes:
    tag = "footnote" if kind == "footnotes" else "endnote"
    items = "".join(
        f'<w:{tag} w:id="{i}"><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:{tag}>' for i, t in notes.items()
    )
    separator = f'<w:{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{tag}>'
    return f'<?xml version="1.0" encoding="UTF-8"?><w:{kind} xmlns:w="{W_NS}">{separator}{items}</w:{kind}>'.encode()


# Every visible character of this document must arrive (VISIBLE below lists them, in order).
VISIBLE_BODY = "".join(
    [
        para(run("市里召开春季植树动员会")),
        para(run("会议要求各区按期完成任务") + '<w:r><w:footnoteReference w:id="1"/></w:r>' + run("。")),
        para(run("公式") + "<m:oMath><m:r><m:t>x+y=2</m:t></m:r></m:oMath>" + run("成立。")),
        para(run("任务清单") + '<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>' + run("已完成。")),
        para(run("咨询电话010") + "<w:r><w:noBreakHyphen/></w:r>" + run("12345678。")),
        para(
            "<w:ruby><w:rubyPr/><w:rt><w:r><w:t>zhuyin</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>注音</w:t></w:r>"
            "</w:rubyBase></w:ruby>" + run("寅时出发。")
        ),
        para('<w:moveFrom w:id="10" w:author="a"><w:r><w:t>这句话被移动过。</w:t></w:r></w:moveFrom>'),
        para(
            run("前一句。")
            + '<w:moveTo w:id="11" w:author="a"><w:r><w:t>这句话被移动过。</w:t></w:r></w:moveTo>'
        ),
        para("<w:r><w:t>实体之前&ent;实体之后。</w:t></w:r>"),
        para(
            run("希腊字母")
            + '<w:r><w:sym w:font="Symbol" w:char="F061"/></w:r>'
            + run("表示系数。")
            + '<w:r><w:endnoteReference w:id="2"/></w:r>'
        ),
        '<w:altChunk r:id="rIdChunk"/>',
    ]
)
VISIBLE = [
    "市里召开春季植树动员会",
    "会议要求各区按期完成任务[1]。",
    "公式x+y=2成立。",
    "任务清单✓已完成。",
    "咨询电话010-12345678。",
    "注音寅时出发。",
    "前一句。这句话被移动过。",
    "实体之前",
    "实体之后。",
    "希腊字母α表示系数。[i]",
    "嵌入的网页段落。",
    "[1] 注释：以当年计划为准。",
    "[i] 尾注：数据来自统计局。",
]


def visible_characters_docx() -> bytes:
    doctype = '<!DOCTYPE w:document [<!ENTITY ent "X">]>'
    parts = {
        "rIdFoot": ("footnotes.xml", _notes("footnotes", {"1": "注释：以当年计划为准。"}), FOOTNOTES_REL),
        "rIdEnd": ("endnotes.xml", _notes("endnotes", {"2": "尾注：数据来自统计局。"}), ENDNOTES_REL),
        "rIdChunk": ("chunk.htm", "<html><body><p>嵌入的网页段落。</p></body></html>".encode(), AFCHUNK_REL),
    }
    return make_docx(VISIBLE_BODY, parts=parts, doctype=doctype)


def docx_with_image(image: bytes) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("配图的稿件正文第一段，内容足够长以便成为正文。")
    # python-docx refuses such pictures itself: put a PNG in, then swap the bytes
    from PIL import Image

    png = io.BytesIO()
    Image.new("RGB", (16, 12), (10, 120, 200)).save(png, "PNG")
    document.add_picture(io.BytesIO(png.getvalue()))
    document.add_paragraph("图为测试图片。")
    out = io.BytesIO()
    document.save(out)
    files = {}
    with zipfile.ZipFile(out) as archive:
        for name in archive.namelist():
            files[name] = archive.read(name)
    media = next(name for name in files if name.startswith("word/media/"))
    files[media] = image
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in files.items():
            archive.writestr(_member(name), data)
    return out.getvalue()


# --- pictures --------------------------------------------------------------------------------------


def cmyk_jpeg() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("CMYK", (24, 16), (0, 200, 200, 0)).save(out, "JPEG")
    return out.getvalue()


def jpeg_without_marker() -> bytes:
    """A valid JPEG whose JFIF (APP0) segment was removed: viewers open it, python-docx does not."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (24, 16), (200, 40, 40)).save(out, "JPEG")
    data = out.getvalue()
    assert data[2:4] == b"\xff\xe0"
    length = int.from_bytes(data[4:6], "big")
    return data[:2] + data[4 + length :]


# --- rule packs ------------------------------------------------------------------------------------


def _rule(pattern: str) -> str:
    return (
        f"rules:\n  - id: house.slow\n    type: pattern\n    category: 标点\n    level: warning\n"
        f"    message: 测试\n    pattern: '{pattern}'\n    examples:\n      bad: [\"aaa!\"]\n"
    )


def nested_quantifier_pack() -> bytes:
    return _rule("(a+)+$").encode()


def han_nested_quantifier_pack() -> bytes:
    return _rule("([{HAN}]+)+$").encode()


def slow_alternation_pack() -> bytes:
    """No nested quantifier, still exponential: only the time budget stops it."""
    return (_rule("(a|aa)+$").replace('bad: ["aaa!"]', 'bad: ["aaa"]')).encode()


def yaml_alias_bomb() -> bytes:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [{','.join(['*' + prev] * 9)}]")
    lines.append("rules: *i")
    return ("\n".join(lines) + "\n").encode()


def yaml_self_alias() -> bytes:
    return b"rules: &r [*r]\n"


def date_terms_pack() -> bytes:
    return (
        "rules:\n  - id: house.date\n    type: existence\n    category: 慎用词\n    level: info\n"
        '    message: 日期\n    terms: [2024-01-01]\n    examples:\n      bad: ["2024-01-01"]\n'
    ).encode()


# --- texts -------------------------------------------------------------------------------------------

BLANK_TEXTS = {
    "bom_only.txt": b"\xef\xbb\xbf",
    "ideographic_spaces.txt": "\u3000\u3000\n\u3000".encode(),
    "ascii_spaces.txt": b"   \n  \t\n",
    "utf16_bom_only.txt": b"\xff\xfe",
}


def escape_text() -> bytes:
    return "标题\n\x1b]0;pwned\x07\x1b[31m红色\x1b[0m的的文字，截止目前已布署完毕。\n".encode()


# --- the corpus ----------------------------------------------------------------------------------------


def corpus() -> dict[str, bytes]:
    """name → bytes of every hostile file small enough to keep in the repository."""
    files = {
        "project/lone_surrogate.bulletin": lone_surrogate_project(),
        "project/bad_crc.bulletin": bad_crc_project(),
        "project/corrupt_deflate.bulletin": corrupt_deflate_project(),
        "project/deep_json.bulletin": deep_json_project(),
        "project/good.bulletin": good_project(),
        "docx/self_based_style.docx": self_based_style_docx(),
        "docx/style_loop.docx": style_loop_docx(),
        "docx/visible_characters.docx": visible_characters_docx(),
        "docx/cmyk_picture.docx": docx_with_image(cmyk_jpeg()),
        "docx/jpeg_without_marker.docx": docx_with_image(jpeg_without_marker()),
        "rules/nested_quantifier.yaml": nested_quantifier_pack(),
        "rules/han_nested_quantifier.yaml": han_nested_quantifier_pack(),
        "rules/slow_alternation.yaml": slow_alternation_pack(),
        "rules/alias_bomb.yaml": yaml_alias_bomb(),
        "rules/self_alias.yaml": yaml_self_alias(),
        "rules/date_terms.yaml": date_terms_pack(),
        "text/escapes.txt": escape_text(),
    }
    for i, data in enumerate(schema0_wrong_shape_projects()):
        files[f"project/schema0_shape_{i}.bulletin"] = data
    files.update({f"text/{name}": data for name, data in BLANK_TEXTS.items()})
    return files


def write_corpus(folder: Path) -> None:
    for name, data in corpus().items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


if __name__ == "__main__":
    write_corpus(Path(sys.argv[1]))
    print(re.sub(r"\s+", " ", f"wrote {len(corpus())} files to {sys.argv[1]}"))
