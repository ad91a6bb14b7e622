"""Pictures made ready for the DOCX: checked, upright, in a format all three word processors embed.

python-docx reads a JPEG's stored size and ignores its EXIF orientation, so a phone photo taken
upright would print on its side: such pictures are turned with Pillow first. A missing, damaged or
gigantic picture becomes a placeholder and a warning instead of a failed export.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from editor_app.errors import InputError
from editor_app.imaging import DOCX_NATIVE, inspect_image
from editor_app.messages import msg


@dataclass(frozen=True)
class PreparedImage:
    data: bytes
    width: int
    height: int


def _orientation(data: bytes) -> int:
    from PIL import Image

    with Image.open(io.BytesIO(data)) as img:
        return int(img.getexif().get(0x0112, 1) or 1)


def _reencode(data: bytes, fmt: str) -> bytes:
    """Apply the EXIF orientation (and convert non-native formats) so the pixels are upright."""
    from PIL import Image, ImageOps

    with Image.open(io.BytesIO(data)) as img:
        upright = ImageOps.exif_transpose(img)
        out = io.BytesIO()
        if fmt == "JPEG":
            upright.save(out, "JPEG", quality=92, subsampling=0)
        else:
            if upright.mode not in ("RGB", "RGBA", "L", "LA", "P"):
                upright = upright.convert("RGBA" if "A" in upright.getbands() else "RGB")
            upright.save(out, "PNG")
        return out.getvalue()


def prepare(project, picture, warnings: list[str]) -> PreparedImage | None:
    """The picture's bytes ready to embed, or None (with a warning) when a placeholder must stand in."""
    if not picture.image:
        warnings.append(
            msg(
                "photo 「{label}」 has no image yet: printed as a 「图片待补」 placeholder",
                label=picture.label,
            )
        )
        return None
    data = project.images.get(picture.image)
    if data is None:
        warnings.append(
            msg(
                "image {image} (photo 「{label}」) is missing from the project: "
                "printed as a 「图片待补」 placeholder",
                image=picture.image,
                label=picture.label,
            )
        )
        return None
    try:
        info = inspect_image(data, picture.image)
    except InputError as exc:
        warnings.append(
            msg(
                "{problem} (photo 「{label}」): printed as a 「图片待补」 placeholder",
                problem=exc,
                label=picture.label,
            )
        )
        return None
    if info.format not in DOCX_NATIVE or (
        info.format in ("JPEG", "PNG", "TIFF", "WEBP") and _orientation(data) != 1
    ):
        data = _reencode(data, info.format)
    return PreparedImage(data, info.width, info.height)
