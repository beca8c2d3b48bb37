"""Re-encode an image without identifying metadata, for dossiers and other exports.

Why re-encode instead of deleting segments: EXIF, XMP, IPTC, MakerNotes, comments and embedded
previews (which keep the *unedited* picture and its GPS) live in format-specific places; copying
only decoded pixels into a fresh image guarantees none of them survives, whatever the source.

What is kept: the pixels, turned upright (the orientation tag is applied, then dropped with the
rest), transparency, and the embedded ICC colour profile, which is needed to show the colours
right and says nothing about who took the picture or where.

Output formats (returned, so the caller can label the file):

* JPEG, PNG, WebP, TIFF, GIF -> the same format;
* HEIC/HEIF -> JPEG. Writing HEIC needs an HEVC encoder that is not in every build, and PDF
  writers and most viewers cannot embed or show HEIC; JPEG at high quality works everywhere.

Multi-frame sources (animated GIF/WebP, multi-page TIFF, MPO) yield their first frame only: a
dossier shows a still picture.
"""

from __future__ import annotations

from typing import Any, BinaryIO

from PIL import Image

from ._imaging import (
    FORMAT_BY_MIME,
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
    "STRIPPABLE_MIMES",
    "ImageRejected",
    "ImageUnreadable",
    "output_mime_for",
    "write_stripped_image",
]

#: MIME types :func:`write_stripped_image` accepts.
STRIPPABLE_MIMES: frozenset[str] = frozenset(FORMAT_BY_MIME)

# source MIME -> (output MIME, Pillow format to write)
_OUTPUT: dict[str, tuple[str, str]] = {
    "image/jpeg": ("image/jpeg", "JPEG"),
    "image/png": ("image/png", "PNG"),
    "image/webp": ("image/webp", "WEBP"),
    "image/tiff": ("image/tiff", "TIFF"),
    "image/gif": ("image/gif", "GIF"),
    "image/heic": ("image/jpeg", "JPEG"),
    "image/heif": ("image/jpeg", "JPEG"),
}

# Modes each output format stores natively; anything else is converted to RGB(A).
_NATIVE_MODES: dict[str, tuple[str, ...]] = {
    "JPEG": ("L", "RGB"),
    "PNG": ("1", "L", "LA", "P", "RGB", "RGBA", "I;16"),
    "WEBP": ("RGB", "RGBA"),
    "TIFF": ("1", "L", "LA", "P", "RGB", "RGBA", "CMYK", "I;16"),
    "GIF": ("L", "P"),
}
_ALPHA_MODES = ("RGBA", "LA", "PA", "RGBa", "La")


def output_mime_for(mime: str) -> str:
    """The MIME type :func:`write_stripped_image` will write for a source of type ``mime``."""
    try:
        return _OUTPUT[mime][0]
    except KeyError:
        raise ValueError(f"cannot strip metadata from {mime!r} files") from None


def write_stripped_image(src: ImageSource, dest_file: BinaryIO, mime: str) -> str:
    """Write ``src`` re-encoded without metadata into ``dest_file``; return the MIME written.

    ``mime`` is the sniffed type of the source; the file must really contain that format (a
    mismatch raises :class:`ImageUnreadable`). ``dest_file`` is an open binary file the caller
    owns (and typically renames into place atomically); nothing else is written anywhere.
    Nothing is written to ``dest_file`` if decoding fails.
    """
    out_mime = output_mime_for(mime)
    out_format = _OUTPUT[mime][1]
    with open_image(src, formats=(FORMAT_BY_MIME[mime],)) as image:
        decode_first_frame(image)
        orientation = orientation_from_exif(read_exif(image))
        icc = image.info.get("icc_profile")
        transparency = image.info.get("transparency")
        source_family = _colour_family(image.mode)
        # Turning the image upright already yields a new in-memory image; copy only if not.
        upright = make_upright(image, orientation)
        clean = _pixels_only(upright, image, transparency if image.mode == "P" else None)
    clean = _to_writable_mode(clean, out_format, transparency)
    if _colour_family(clean.mode) != source_family:
        icc = None  # e.g. a CMYK profile would be wrong on the RGB pixels we now hold
    params = _save_params(out_format, clean, icc)
    with translate_errors("encoding the cleaned image"):
        clean.save(dest_file, format=out_format, **params)
    return out_mime


def _pixels_only(image: Image.Image, source: Image.Image, transparency: Any) -> Image.Image:
    """A plain in-memory image holding only the decoded pixels (and palette): empty ``info``.

    Never the opened file object itself: some encoders (TIFF) copy tags such as XMP and IPTC
    from an image they recognise as having been read from a file.
    """
    copy = image
    if image is source:
        with translate_errors("copying the pixels"):
            copy = image.copy()
    copy.info = {}
    if transparency is not None:
        copy.info["transparency"] = transparency
    return copy


def _to_writable_mode(image: Image.Image, out_format: str, transparency: Any) -> Image.Image:
    """Convert to a mode ``out_format`` can store, keeping alpha where the format allows."""
    if image.mode in _NATIVE_MODES[out_format]:
        if image.mode in ("L", "RGB") and transparency is not None:
            # Colour-keyed transparency (PNG tRNS on an L/RGB image) only survives in PNG/TIFF.
            if out_format in ("PNG", "TIFF"):
                image.info["transparency"] = transparency
        return image
    with translate_errors("converting colours"):
        if out_format == "GIF":
            return image.convert("RGB").quantize(256)
        has_alpha = image.mode in _ALPHA_MODES or "transparency" in image.info
        if out_format in ("PNG", "WEBP", "TIFF") and has_alpha:
            return image.convert("RGBA")
        if out_format in ("PNG", "TIFF") and image.mode.startswith("I"):
            return image.convert("I;16") if out_format == "PNG" else image
        return flatten_to_rgb(image)


def _colour_family(mode: str) -> str:
    """Colour space an ICC profile must describe for pixels of this Pillow mode."""
    if mode == "CMYK":
        return "cmyk"
    if mode in ("1", "L", "LA", "La", "I", "F") or mode.startswith("I;16"):
        return "grey"
    return "rgb"


def _save_params(out_format: str, image: Image.Image, icc: Any) -> dict[str, Any]:
    """Encoder settings: high quality (dossier evidence), no metadata but the ICC profile."""
    params: dict[str, Any] = {}
    if isinstance(icc, bytes) and icc and out_format != "GIF":
        params["icc_profile"] = icc
    if out_format == "JPEG":
        params.update(quality=92, optimize=True, subsampling="4:2:0")
    elif out_format == "WEBP":
        params.update(quality=92, method=4)
    elif out_format == "PNG":
        params.update(optimize=False)
    elif out_format == "TIFF":
        params.update(compression="tiff_deflate")
    if "transparency" in image.info and out_format in ("PNG", "GIF", "TIFF"):
        params["transparency"] = image.info["transparency"]
    return params
