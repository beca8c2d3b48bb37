"""Shared Pillow plumbing for the image helpers: safe opening, decoding and orientation.

Every image function goes through :func:`open_image` so the same rules hold everywhere:

* only the formats the archive supports are parsed (no EPS/Ghostscript, ICO, PSD... plugins
  ever see hostile input);
* the pixel count is checked from the header, before any pixel data is decoded;
* every Pillow / libheif failure comes out as :class:`ImageUnreadable` or :class:`ImageRejected`
  with a readable message, never as a raw ``OSError`` or ``SyntaxError``.

Nothing here writes to disk: paths are opened read-only and decoding happens in memory.
"""

from __future__ import annotations

import io
import os
import re
import struct
import warnings
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import BinaryIO

import pillow_heif
from PIL import Image, UnidentifiedImageError

from .errors import ImageRejected, ImageUnreadable

#: Largest image accepted, in pixels: the full 16384 x 12288 readout of the 200-megapixel phone
#: sensors (Samsung ISOCELL HP series), the biggest camera a documenter is likely to carry.
#: Anything larger is almost certainly a decompression bomb; decoding it as RGB would need more
#: than 600 MB of RAM on the laptops the archive runs on.
MAX_PIXELS = 16_384 * 12_288

#: Pillow format identifiers the archive decodes. Multi-picture JPEGs open as "MPO" through the
#: JPEG plugin, so they need no entry of their own.
ALLOWED_FORMATS: tuple[str, ...] = ("JPEG", "PNG", "WEBP", "TIFF", "GIF", "HEIF")

#: Sniffed MIME type -> Pillow format that must be found inside the file.
FORMAT_BY_MIME: dict[str, str] = {
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "image/webp": "WEBP",
    "image/tiff": "TIFF",
    "image/gif": "GIF",
    "image/heic": "HEIF",
    "image/heif": "HEIF",
}

#: A path, the file's bytes, or a seekable binary file object.
ImageSource = str | os.PathLike[str] | bytes | BinaryIO

# EXIF orientation -> the Pillow transposition that makes the stored pixels upright.
_TRANSPOSE_FOR_ORIENTATION: dict[int, Image.Transpose] = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}

# What Pillow, its plugins and pillow-heif raise on damaged input.
_DECODE_ERRORS: tuple[type[BaseException], ...] = (
    OSError,
    SyntaxError,
    ValueError,
    EOFError,
    struct.error,
    IndexError,
    KeyError,
    TypeError,
    ZeroDivisionError,
    RuntimeError,
)

pillow_heif.register_heif_opener()
# Pillow's own bomb guard is process-wide and defaults to ~89 MP, which would refuse genuine
# 108/200 MP phone photos. Align it with our limit (never lower it, never re-enable it if the
# application disabled it on purpose); our own check below stays authoritative.
if Image.MAX_IMAGE_PIXELS is not None and Image.MAX_IMAGE_PIXELS < MAX_PIXELS:
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS


def _detail(exc: BaseException) -> str:
    """First line of an exception message, short, for the user-facing error text."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:160]


def _rejected_for_size(width: int, height: int) -> ImageRejected:
    megapixels = width * height / 1_000_000
    return ImageRejected(
        f"The image is {width}×{height} pixels ({megapixels:,.0f} megapixels); images above "
        f"{MAX_PIXELS / 1_000_000:.0f} megapixels are refused because decoding them could "
        "exhaust the computer's memory (possible decompression bomb)."
    )


@contextmanager
def translate_errors(action: str) -> Iterator[None]:
    """Turn whatever Pillow raises while ``action`` runs into our two readable errors."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            yield
    except (ImageRejected, ImageUnreadable):
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        declared = re.search(r"\((\d+) pixels\)", str(exc))
        amount = (
            f"{int(declared[1]) / 1_000_000:,.0f} megapixels" if declared else "too many pixels"
        )
        raise ImageRejected(
            f"The image was refused while {action}: it declares {amount}, more than "
            f"the {MAX_PIXELS / 1_000_000:.0f} megapixel limit (possible decompression bomb)."
        ) from exc
    except MemoryError as exc:
        raise ImageRejected(f"Not enough memory while {action} this image.") from exc
    except UnidentifiedImageError as exc:
        # Pillow's message contains the file object's repr (and so the path): not shown.
        raise ImageUnreadable(
            "The file is not a supported image (JPEG, PNG, WebP, TIFF, GIF, HEIC/HEIF) "
            "or its header is damaged."
        ) from exc
    except _DECODE_ERRORS as exc:
        raise ImageUnreadable(
            f"The image is damaged or incomplete and failed while {action} ({_detail(exc)})."
        ) from exc


@contextmanager
def open_image(
    source: ImageSource, formats: tuple[str, ...] = ALLOWED_FORMATS
) -> Iterator[Image.Image]:
    """Open an image lazily (header only) and enforce :data:`MAX_PIXELS` before any decoding.

    ``source`` is a path, bytes, or a seekable binary file object (read from its start and
    left open). Errors opening a *path* (missing file, permissions) propagate unchanged: they
    are not a property of the image and the caller reports them differently.
    """
    with ExitStack() as stack:
        if isinstance(source, (str, os.PathLike)):
            fp: BinaryIO = stack.enter_context(open(source, "rb"))  # noqa: SIM115
        elif isinstance(source, bytes):
            fp = io.BytesIO(source)
        else:
            fp = source
            fp.seek(0)
        with translate_errors("reading the header"):
            image = Image.open(fp, formats=list(formats))
        if fp is not source:
            # Image.close() also closes the file it read from: only for files we opened.
            # A borrowed file's image is freed by reference counting when dropped.
            stack.callback(image.close)
        width, height = image.size
        if width <= 0 or height <= 0:
            raise ImageUnreadable(f"The image declares an empty size ({width}×{height}).")
        if width * height > MAX_PIXELS:
            raise _rejected_for_size(width, height)
        yield image


def decode_first_frame(image: Image.Image) -> Image.Image:
    """Decode the pixels of the first frame; damaged data raises :class:`ImageUnreadable`.

    Truncated files are refused rather than padded with grey (``LOAD_TRUNCATED_IMAGES`` is
    left off): a silently half-grey thumbnail of evidence would misrepresent the file.
    """
    with translate_errors("decoding the pixels"):
        image.seek(0)
        image.load()
    return image


def read_exif(image: Image.Image) -> Image.Exif:
    """The image's EXIF block, or an empty one when it is missing or unparseable.

    For PNG, Pillow's ``getexif()`` decodes the whole image when the eXIf chunk has not been
    seen yet; metadata reading must stay header-only, so only an already-seen chunk is used.
    """
    try:
        if image.format == "PNG" and "exif" not in image.info:
            return Image.Exif()
        with warnings.catch_warnings():
            # Pillow warns "Corrupt EXIF data" and carries on; that is exactly our policy.
            warnings.simplefilter("ignore", UserWarning)
            exif = image.getexif()
            for sub_ifd in (0x8769, 0x8825):  # parse (and cache) sub-IFDs inside the filter
                try:
                    exif.get_ifd(sub_ifd)
                except Exception:  # noqa: BLE001, S110 - read again (and skipped) later
                    pass
            return exif
    except Exception:  # noqa: BLE001 - broken EXIF must never make an image unusable
        return Image.Exif()


def orientation_from_exif(exif: Image.Exif) -> int | None:
    """EXIF orientation as an int 1-8, or None when absent or out of range."""
    try:
        value = exif.get(0x0112)
        if isinstance(value, (tuple, list)) and len(value) == 1:
            value = value[0]
        if isinstance(value, bytes):
            value = int.from_bytes(value[:2], "big") if len(value) >= 2 else value[0]
        number = int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return number if 1 <= number <= 8 else None


def make_upright(image: Image.Image, orientation: int | None) -> Image.Image:
    """Apply an EXIF orientation to the pixels.

    Done here rather than with ``ImageOps.exif_transpose`` because that function also rewrites
    the EXIF block, which raises on the very broken tags we must tolerate; the mapping is the
    same one it uses.
    """
    method = _TRANSPOSE_FOR_ORIENTATION.get(orientation or 1)
    if method is None:
        return image
    with translate_errors("rotating the image"):
        return image.transpose(method)


def flatten_to_rgb(
    image: Image.Image, background: tuple[int, int, int] = (255, 255, 255)
) -> Image.Image:
    """Convert any Pillow mode to 8-bit RGB, laying transparency over ``background``.

    16-bit greyscale is scaled down rather than clipped (Pillow's plain conversion turns most
    16-bit pixels white).
    """
    with translate_errors("converting colours"):
        mode = image.mode
        if mode == "RGB":
            return image
        if mode.startswith("I;16") or mode == "I":
            image = image.convert("I").point(lambda v: v * (1 / 256)).convert("L")
            return image.convert("RGB")
        has_alpha = mode in ("RGBA", "LA", "PA", "RGBa", "La") or (
            mode in ("P", "L", "RGB", "1") and "transparency" in image.info
        )
        if has_alpha:
            rgba = image.convert("RGBA")
            flat = Image.new("RGB", rgba.size, background)
            flat.paste(rgba, mask=rgba.getchannel("A"))
            return flat
        return image.convert("RGB")
