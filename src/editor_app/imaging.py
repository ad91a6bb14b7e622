"""Image checks shared by projects, the GUI and the exporter (Pillow, no Qt).

Every picture that enters a project is decoded once here: a file that is not an image, a format we
cannot print, or a decompression bomb is refused with a message instead of failing at export time.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from editor_app.errors import InputError
from editor_app.messages import msg

MAX_IMAGE_BYTES = 40 * 1024 * 1024
MAX_PIXELS = 80_000_000  # ~ 10,000 × 8,000: more than any press photo, far less than a bomb
FORMATS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "BMP": "bmp", "TIFF": "tif", "WEBP": "webp"}
# Formats Word, WPS and LibreOffice all embed directly; others are converted to PNG on export.
DOCX_NATIVE = {"JPEG", "PNG", "GIF", "BMP"}


@dataclass(frozen=True)
class ImageInfo:
    format: str  # Pillow's name: JPEG, PNG …
    ext: str
    width: int  # as displayed, after EXIF orientation
    height: int


def inspect_image(data: bytes, name: str = "image") -> ImageInfo:
    """Decode `data` fully enough to trust it; raise InputError with a clear reason otherwise."""
    from PIL import Image, UnidentifiedImageError

    if not data:
        raise InputError(name, msg("the image file is empty"))
    if len(data) > MAX_IMAGE_BYTES:
        raise InputError(
            name,
            msg(
                "the image is too large ({size} MB; the limit is {limit} MB)",
                size=len(data) // (1024 * 1024),
                limit=MAX_IMAGE_BYTES // (1024 * 1024),
            ),
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as img:
                fmt = img.format or ""
                width, height = img.size
                if width * height > MAX_PIXELS:
                    raise InputError(
                        name,
                        msg("the image has too many pixels ({width}×{height})", width=width, height=height),
                    )
                orientation = img.getexif().get(0x0112, 1)
                img.load()  # a full decode: catches truncated and damaged files
    except InputError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise InputError(name, msg("not a usable image ({reason})", reason=exc.__class__.__name__)) from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise InputError(
            name, msg("the image is damaged and cannot be decoded ({reason})", reason=exc)
        ) from None
    if fmt not in FORMATS:
        raise InputError(
            name, msg("unsupported image format {format}; use JPEG or PNG", format=fmt or msg("unknown"))
        )
    if orientation in (5, 6, 7, 8):
        width, height = height, width
    return ImageInfo(fmt, FORMATS[fmt], width, height)


def image_sizes(images: dict[str, bytes]) -> dict[str, tuple[int, int]]:
    """(width, height) as displayed of every decodable picture, read from the headers only (the
    composer sizes frames with these; a damaged picture is left out and printed as a placeholder)."""
    from PIL import Image

    sizes = {}
    for name, data in images.items():
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # a bomb is refused elsewhere; here only its size is read
                img = Image.open(io.BytesIO(data))
            with img:
                width, height = img.size
                if img.getexif().get(0x0112, 1) in (5, 6, 7, 8):
                    width, height = height, width
        except Exception:  # noqa: BLE001 - any decoder complaint means "size unknown", never a failed layout
            continue
        if width > 0 and height > 0:
            sizes[name] = (width, height)
    return sizes


def _docx_accepts(data: bytes) -> bool:
    """Does python-docx understand this picture's header? (It parses JPEG markers itself and refuses
    a JPEG without a JFIF or Exif segment, which Pillow and every viewer open happily.)"""
    from docx.image.image import Image as DocxImage

    try:
        DocxImage.from_blob(data)
    except Exception:  # noqa: BLE001 - UnrecognizedImageError and header parse errors alike
        return False
    return True


def make_embeddable(data: bytes) -> tuple[bytes, str | None]:
    """(bytes Word, WPS and python-docx can embed, why they were re-encoded — or None if untouched).

    A CMYK JPEG (from a print workflow) becomes RGB, since word processors show CMYK wrongly or not at
    all; a JPEG or other native picture python-docx cannot read is re-encoded with a standard header.
    Orientation (EXIF) is kept, so the exporter can still turn the picture upright.
    """
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as img:
            fmt, mode = img.format, img.mode
            if fmt not in DOCX_NATIVE:
                return data, None  # TIFF, WebP: converted at export
            if fmt == "JPEG" and mode in ("CMYK", "YCCK"):
                reason = msg("CMYK colours converted to RGB")
            elif not _docx_accepts(data):
                reason = (
                    msg("a header Word cannot read (a JPEG without JFIF/Exif marker)")
                    if fmt == "JPEG"
                    else msg("a header Word cannot read")
                )
            else:
                return data, None
            exif = img.info.get("exif")
            out = io.BytesIO()
            if fmt == "JPEG":
                rgb = img.convert("L" if mode == "L" else "RGB")
                rgb.save(out, "JPEG", quality=92, subsampling=0, **({"exif": exif} if exif else {}))
            else:
                img.save(out, "PNG")
    except (OSError, ValueError, SyntaxError):
        return data, None  # inspect_image has the final say on broken pictures
    fixed = out.getvalue()
    return (fixed, reason) if _docx_accepts(fixed) else (data, None)
