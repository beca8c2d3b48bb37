"""Photos for a dossier: a derived copy, upright and scaled, with no metadata unless asked.

The original stays in the archive untouched; the dossier shows a JPEG made from its pixels
and names the original by its SHA-256 (checked here against the stored bytes, so the hash
printed is the hash of what the archive really holds). Re-encoding from pixels drops EXIF,
XMP, MakerNotes and embedded previews (which may keep GPS and the unedited picture). With
`--include-location` the copy keeps the original EXIF (GPS included), orientation reset.
Everything happens in memory: no plaintext copy ever touches the disk.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

from PIL import Image

from tumar.app.media._imaging import (
    decode_first_frame,
    flatten_to_rgb,
    make_upright,
    open_image,
    orientation_from_exif,
    read_exif,
)
from tumar.app.media.errors import MediaError
from tumar.storage.media_store import MediaStore
from tumar.storage.records import Media

MAX_SIDE = 1400  # ~ 200 dpi across a page's text width: sharp in print, small in size
DRAFT_SIDE = 960  # JPEGs decode at 1/2, 1/4 or 1/8 scale while still at least this size
ORIENTATION_TAG = 0x0112


class PhotoIntegrityError(MediaError):
    """The stored content does not match the SHA-256 recorded at import."""


@dataclass(frozen=True)
class DerivedPhoto:
    jpeg: bytes
    width: int
    height: int
    sha256: str  # of the embedded JPEG (the manifest lists it beside the original's)


def stored_bytes(store: MediaStore, media: Media) -> bytes:
    """The original's bytes, checked against its SHA-256 (on the connection's own thread)."""
    info = store.info(media.sha256)
    if info is None:
        raise PhotoIntegrityError(f"content of media {media.id} is missing from media.db")
    digest = hashlib.sha256()
    parts = []
    for _idx, data in store.chunk_rows(info.id):
        digest.update(data)
        parts.append(data)
    if digest.hexdigest() != media.sha256:
        raise PhotoIntegrityError(
            f"stored content of media {media.id} does not match its SHA-256; run tumar verify"
        )
    return b"".join(parts)


def derive(store: MediaStore, media: Media, keep_location: bool) -> DerivedPhoto:
    """Raises MediaError (or a subclass) when the picture cannot be read or does not match."""
    return derive_bytes(stored_bytes(store, media), keep_location)


def derive_bytes(data: bytes, keep_location: bool) -> DerivedPhoto:
    """Pure (no database): safe on a worker thread; Pillow releases the GIL while it works."""
    with open_image(data) as image:
        if image.format == "JPEG":
            w, h = image.size
            ratio = DRAFT_SIDE / max(w, h)
            image.draft("RGB", (int(w * ratio), int(h * ratio)))  # reduced-scale decode: fast
        decode_first_frame(image)
        exif = read_exif(image)
        upright = make_upright(image, orientation_from_exif(exif))
        if upright is image:
            upright = image.copy()
    upright.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    clean = flatten_to_rgb(upright) if upright.mode != "RGB" else upright
    clean.info = {}
    params: dict[str, object] = {"quality": 85}
    if keep_location and len(exif):
        exif[ORIENTATION_TAG] = 1  # the pixels are upright now
        params["exif"] = exif.tobytes()
    out = io.BytesIO()
    clean.save(out, format="JPEG", **params)
    jpeg = out.getvalue()
    return DerivedPhoto(jpeg, clean.width, clean.height, hashlib.sha256(jpeg).hexdigest())
