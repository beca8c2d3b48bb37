"""Helpers for the media import/export tests: generated files, fixture lookup, counters.

Fixture photos come from tests/data/photos (in the repository); the larger originals in
/work/shared/fixtures/photos are used only when that folder exists, so the suite passes on
a bare clone.
"""

from __future__ import annotations

import io
import os
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from tumar.storage.archive import Archive

PHOTOS = Path(__file__).resolve().parents[1] / "data" / "photos"
# ../shared beside the checkout (as on the team's machines and in CI); optional
REAL_HEIC = PHOTOS / "heic" / "iphone_13_pro_max.HEIC"  # a real phone file, CC BY-SA 4.0
SHARED_PHOTOS = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "photos"

# the transposition a camera applied to an upright scene before writing orientation N
STORE_FOR_ORIENTATION: dict[int, Image.Transpose | None] = {
    1: None,
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,
}
QUADRANTS = ((230, 20, 20), (20, 200, 20), (20, 20, 230), (240, 240, 20))  # TL TR BL BR


def photo(relative: str) -> Path:
    """A fixture photo from the repository, else from the shared folder, else skip."""
    for base in (PHOTOS, SHARED_PHOTOS, SHARED_PHOTOS / "jpg"):
        if (base / relative).is_file():
            return base / relative
    pytest.skip(f"fixture photo {relative} is not available")


def encode(image: Image.Image, fmt: str = "JPEG", **params: object) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format=fmt, **params)
    return buf.getvalue()


def noise_jpeg(width: int = 640, height: int = 480, seed: int = 0, **params: object) -> bytes:
    """A JPEG whose bytes differ per seed (noise compresses badly, so sizes are realistic)."""
    image = Image.effect_noise((width, height), 40 + seed % 50).convert("RGB")
    image.paste((seed * 37 % 256, seed * 91 % 256, 128), (0, 0, 16, 16))
    return encode(image, "JPEG", quality=90, **params)


def quadrants(width: int = 160, height: int = 100) -> Image.Image:
    image = Image.new("RGB", (width, height))
    w2, h2 = width // 2, height // 2
    boxes = ((0, 0, w2, h2), (w2, 0, width, h2), (0, h2, w2, height), (w2, h2, width, height))
    for box, colour in zip(boxes, QUADRANTS, strict=True):
        image.paste(colour, box)
    return image


def oriented_jpeg(orientation: int) -> bytes:
    """Quadrant picture stored rotated/flipped as a camera would, with the EXIF tag."""
    method = STORE_FOR_ORIENTATION[orientation]
    upright = quadrants()
    stored = upright if method is None else upright.transpose(method)
    exif = Image.Exif()
    exif[0x0112] = orientation
    return encode(stored, "JPEG", quality=95, exif=exif.tobytes())


def exif_jpeg(description: str = "", comment: str = "", gps: bool = False) -> bytes:
    """JPEG with ImageDescription, UserComment and optionally a GPS position in EXIF."""
    exif = Image.Exif()
    exif[0x010F] = "TestCam"
    exif[0x0110] = "Model 7"
    if description:
        exif[0x010E] = description
    if comment:
        exif.get_ifd(0x8769)[0x9286] = b"UNICODE\0" + comment.encode("utf-16-be")
    if gps:
        exif.get_ifd(0x8825).update(
            {1: "N", 2: (43.0, 28.0, 2.81), 3: "E", 4: (11.0, 53.0, 6.46), 5: 0, 6: 120.5}
        )
    return encode(quadrants(320, 200), "JPEG", quality=90, exif=exif.tobytes())


def png_chunk(kind: bytes, payload: bytes) -> bytes:
    body = kind + payload
    return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body))


def png_bomb(width: int = 100_000, height: int = 100_000) -> bytes:
    """A few hundred bytes whose header declares width x height RGB pixels."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
        + png_chunk(b"IEND", b"")
    )


def truncated_jpeg() -> bytes:
    data = noise_jpeg(800, 600, seed=99)
    return data[: len(data) // 2]


def heic_bytes() -> bytes:
    """A real phone HEIC (tests/data/photos/heic, see ATTRIBUTION.md): reading HEIC never
    depends on this machine's pillow-heif having an HEVC encoder, and never skips."""
    return REAL_HEIC.read_bytes()


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def random_file(path: Path, size: int, seed: int = 1) -> Path:
    """Incompressible bytes, written in 1 MiB pieces (deterministic per seed)."""
    import random

    rng = random.Random(seed)
    with open(path, "wb") as fh:
        left = size
        while left:
            n = min(left, 1 << 20)
            fh.write(rng.randbytes(n))
            left -= n
    return path


def stored_counts(archive: Archive) -> dict[str, int]:
    """Rows in every table that import touches, straight from both databases."""
    one = archive.records_db.execute
    two = archive.media_db.execute
    return {
        "media": one("SELECT count(*) FROM media").fetchone()[0],
        "media_link": one("SELECT count(*) FROM media_link").fetchone()[0],
        "blob": two("SELECT count(*) FROM blob").fetchone()[0],
        "chunk": two("SELECT count(*) FROM chunk").fetchone()[0],
        "thumbnail": one("SELECT count(*) FROM media_thumbnail").fetchone()[0],
    }


def make_fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path
