"""Shared fixtures for the media tests: copied real photos and generated samples.

Real camera files live in ``tests/data/photos`` (see its ATTRIBUTION.md) so the suite runs
without ``/work/shared``; the bigger originals there are used only when present.
"""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageStat

# one definition of where the photos are and what each orientation stores, shared with
# the import tests
from tests.app.media_support import PHOTOS, SHARED_PHOTOS, STORE_FOR_ORIENTATION  # noqa: E402

QUADRANT_COLOURS = ((255, 0, 0), (0, 200, 0), (0, 0, 255), (255, 255, 0))  # TL, TR, BL, BR


class Samples:
    """Builders for small generated test files (in memory unless a path is given)."""

    photos = PHOTOS

    @staticmethod
    def quadrants(width: int = 120, height: int = 80) -> Image.Image:
        """An upright picture with four differently coloured quadrants."""
        image = Image.new("RGB", (width, height))
        w2, h2 = width // 2, height // 2
        boxes = ((0, 0, w2, h2), (w2, 0, width, h2), (0, h2, w2, height), (w2, h2, width, height))
        for box, colour in zip(boxes, QUADRANT_COLOURS, strict=True):
            image.paste(colour, box)
        return image

    @staticmethod
    def encode(image: Image.Image, fmt: str, **params: object) -> bytes:
        buf = io.BytesIO()
        image.save(buf, format=fmt, **params)
        return buf.getvalue()

    @classmethod
    def oriented(cls, fmt: str, orientation: int, **params: object) -> bytes:
        """Quadrant picture stored rotated/flipped with the matching EXIF orientation tag."""
        upright = cls.quadrants()
        method = STORE_FOR_ORIENTATION[orientation]
        stored = upright if method is None else upright.transpose(method)
        exif = Image.Exif()
        exif[0x0112] = orientation
        return cls.encode(stored, fmt, exif=exif.tobytes(), **params)

    @staticmethod
    def png_chunk(kind: bytes, payload: bytes) -> bytes:
        body = kind + payload
        return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body))

    @classmethod
    def png_bomb(cls, width: int = 100_000, height: int = 100_000) -> bytes:
        """A tiny PNG whose header declares ``width`` x ``height`` RGB pixels."""
        header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
        return (
            b"\x89PNG\r\n\x1a\n"
            + cls.png_chunk(b"IHDR", header)
            + cls.png_chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
            + cls.png_chunk(b"IEND", b"")
        )

    @staticmethod
    def quadrant_means(image: Image.Image, grid: int = 2) -> list[tuple[float, ...]]:
        """Mean colour of each cell of a ``grid`` x ``grid`` split, row by row."""
        rgb = image.convert("RGB")
        w, h = rgb.size
        means = []
        for row in range(grid):
            for col in range(grid):
                box = (
                    col * w // grid,
                    row * h // grid,
                    (col + 1) * w // grid,
                    (row + 1) * h // grid,
                )
                means.append(tuple(ImageStat.Stat(rgb.crop(box)).mean))
        return means

    @classmethod
    def relative_means(cls, image: Image.Image, grid: int = 4) -> list[tuple[float, ...]]:
        """Cell means minus the picture's overall mean: insensitive to a global brightness
        shift (the real orientation samples were exported with slightly different exposure)."""
        cells = cls.quadrant_means(image, grid)
        overall = [sum(channel) / len(cells) for channel in zip(*cells, strict=True)]
        return [tuple(v - m for v, m in zip(cell, overall, strict=True)) for cell in cells]

    @staticmethod
    def max_channel_diff(a: list[tuple[float, ...]], b: list[tuple[float, ...]]) -> float:
        return max(
            abs(x - y) for ca, cb in zip(a, b, strict=True) for x, y in zip(ca, cb, strict=True)
        )


@pytest.fixture
def samples() -> Samples:
    return Samples()


@pytest.fixture
def photos() -> Path:
    """The copied real photos (tests/data/photos)."""
    assert PHOTOS.is_dir(), f"missing test data folder {PHOTOS}"
    return PHOTOS


@pytest.fixture
def shared_photos() -> Path:
    """The full shared fixture collection when it is there; otherwise the repository's copies
    (tests/data/photos: the phone HEIC/HEIF files and corrupted.jpg, shrunk with their
    metadata kept, see derive_fixtures.py), so a bare clone runs these tests too."""
    return SHARED_PHOTOS if SHARED_PHOTOS.is_dir() else PHOTOS
