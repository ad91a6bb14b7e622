"""Image checks shared by projects, the GUI and the exporter (Pillow, no Qt).

Every picture that enters a project is decoded once here: a file that is not an image, a format we
cannot print, or a decompression bomb is refused with a message instead of failing at export time.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from editor_app.errors import InputError

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
        raise InputError(name, "the image file is empty")
    if len(data) > MAX_IMAGE_BYTES:
        raise InputError(name, f"the image is too large ({len(data) // (1024 * 1024)} MB; "
                               f"the limit is {MAX_IMAGE_BYTES // (1024 * 1024)} MB)")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as img:
                fmt = img.format or ""
                width, height = img.size
                if width * height > MAX_PIXELS:
                    raise InputError(name, f"the image has too many pixels ({width}×{height})")
                orientation = img.getexif().get(0x0112, 1)
                img.load()  # a full decode: catches truncated and damaged files
    except InputError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise InputError(name, f"not a usable image ({exc.__class__.__name__})") from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise InputError(name, f"the image is damaged and cannot be decoded ({exc})") from None
    if fmt not in FORMATS:
        raise InputError(name, f"unsupported image format {fmt or 'unknown'}; use JPEG or PNG")
    if orientation in (5, 6, 7, 8):
        width, height = height, width
    return ImageInfo(fmt, FORMATS[fmt], width, height)
