"""Similar-shape neighbours (形近字) from glyph bitmaps of an installed CJK font, for build.py.

Each character is drawn at 48 px, cropped to its ink box's centre square and reduced to a 16x16 bitmap;
two characters are neighbours when their bitmaps overlap strongly (Jaccard index), or when one half
(left/right, top/bottom) is nearly identical and the other half is close: the usual shape of 形近字
(很/银, 拨/拔, 未/末). Only the best few neighbours of each character are kept.
"""

from __future__ import annotations

from pathlib import Path

FONTS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
)
SIZE = 16
KEEP = 6
MIN_JACCARD = 0.62


def _font():
    from PIL import ImageFont

    for path in FONTS:
        if Path(path).exists():
            return ImageFont.truetype(path, 48, index=2 if "Noto" in path else 0)  # index 2: the SC face
    raise OSError("no CJK font found for the shape table")


def glyph_bits(chars: list[str]) -> dict[str, int]:
    from PIL import Image, ImageDraw

    font = _font()
    out: dict[str, int] = {}
    for ch in chars:
        img = Image.new("L", (64, 64), 0)
        ImageDraw.Draw(img).text((8, 0), ch, fill=255, font=font)
        box = img.getbbox()
        if not box:
            continue
        small = img.crop((0, 0, 64, 64)).crop(_square(box)).resize((SIZE, SIZE), Image.BOX)
        bits = 0
        for k, v in enumerate(small.getdata()):
            if v > 60:
                bits |= 1 << k
        if bits:
            out[ch] = bits
    return out


def _square(box: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    left, top, right, bottom = box
    side = max(right - left, bottom - top, 24)
    cx, cy = (left + right) // 2, (top + bottom) // 2
    return cx - side // 2, cy - side // 2, cx - side // 2 + side, cy - side // 2 + side


def similar_shapes(chars: list[str]) -> dict[str, list[str]]:
    bits = glyph_bits(chars)
    items = sorted(bits.items(), key=lambda kv: kv[1].bit_count())
    counts = [b.bit_count() for _, b in items]
    best: dict[str, list[tuple[float, str]]] = {}
    n = len(items)
    for i in range(n):
        ci, bi = items[i]
        ni = counts[i]
        for j in range(i + 1, n):
            if counts[j] * MIN_JACCARD > ni:
                break  # sorted by ink: every later glyph has too much more ink
            cj, bj = items[j]
            inter = (bi & bj).bit_count()
            score = inter / (ni + counts[j] - inter)
            if score >= MIN_JACCARD:
                best.setdefault(ci, []).append((score, cj))
                best.setdefault(cj, []).append((score, ci))
    return {c: [x for _, x in sorted(v, reverse=True)[:KEEP]] for c, v in best.items()}
