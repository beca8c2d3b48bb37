"""In-memory thumbnails for the archive's media list.

Thumbnails are stored inside the encrypted database, never in a cache folder, so this returns
bytes and touches no file but the source. The output is a plain baseline JPEG (every Qt build
decodes it without the WebP plugin) with no EXIF, XMP, ICC or comment: a thumbnail must not
carry the GPS position that the archive keeps marked sensitive on the media record.
"""

from __future__ import annotations

import io

from PIL import Image

from ._imaging import (
    ImageSource,
    decode_first_frame,
    flatten_to_rgb,
    make_upright,
    open_image,
    orientation_from_exif,
    read_exif,
    translate_errors,
)
from .errors import ImageRejected, ImageUnreadable

__all__ = [
    "THUMBNAIL_MIME",
    "ImageRejected",
    "ImageUnreadable",
    "encode_thumbnail",
    "make_thumbnail",
    "thumbnail_of",
]

THUMBNAIL_MIME = "image/jpeg"
_JPEG_QUALITY = 82  # visually clean at 256 px, ~10-20 KB per thumbnail in the database


def make_thumbnail(source: ImageSource, max_px: int = 256) -> bytes:
    """Return JPEG bytes of an upright RGB thumbnail whose longest side is at most ``max_px``.

    Raises :class:`ImageRejected` for images above the pixel limit (checked before decoding) and
    :class:`ImageUnreadable` for truncated or corrupt files: a thumbnail is only made from fully
    decoded pixels, so success here also means the image itself is readable.
    """
    with open_image(source) as image:
        return encode_thumbnail(thumbnail_of(image, max_px))


def thumbnail_of(image: Image.Image, max_px: int = 256) -> Image.Image:
    """The upright, metadata-free RGB thumbnail of an image opened with ``open_image``.

    Decodes the pixels (so it fails like :func:`make_thumbnail` on damaged data); read the
    image's metadata before calling it, as a JPEG is decoded at reduced size.
    """
    if max_px < 1:
        raise ValueError(f"max_px must be positive, got {max_px}")
    if image.format in ("JPEG", "MPO"):
        # Let libjpeg decode at 1/2, 1/4 or 1/8 scale: a 200 MP photo then needs ~10 MB,
        # not 600 MB. The result is still at least max_px on both sides.
        with translate_errors("preparing the decoder"):
            image.draft(None, (max_px, max_px))
    decode_first_frame(image)
    orientation = orientation_from_exif(read_exif(image))
    # Colours first (palette and 1-bit images only resize by nearest neighbour), then
    # shrink in place: no second full-size copy of a large decoded picture.
    small = flatten_to_rgb(image)
    with translate_errors("scaling the image"):
        small.thumbnail((max_px, max_px), Image.Resampling.LANCZOS, reducing_gap=3.0)
    upright = make_upright(small, orientation)
    # A fresh image: nothing from the source's info (EXIF, ICC, XMP, comments) can follow.
    clean = Image.new("RGB", upright.size)
    clean.paste(upright)
    return clean


def encode_thumbnail(thumbnail: Image.Image) -> bytes:
    """The thumbnail as baseline JPEG bytes (:data:`THUMBNAIL_MIME`)."""
    out = io.BytesIO()
    with translate_errors("encoding the thumbnail"):
        thumbnail.save(out, format="JPEG", quality=_JPEG_QUALITY, optimize=True)
    return out.getvalue()
