"""Thumbnails: upright for every EXIF orientation, small, metadata-free, safe on bad input."""

from __future__ import annotations

import io
import resource
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageFile, ImageOps

from tests.app.media_support import REAL_HEIC
from tumar.app.media.errors import ImageRejected, ImageUnreadable
from tumar.app.media.thumbnails import make_thumbnail

# Max difference of a cell's mean channel value (0-255, brightness-centred) between the
# thumbnail of landscape_N and that of landscape_1. Measured: < 5; a wrong flip/turn gives > 50.
JPEG_TOLERANCE = 12.0


def _open(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def _assert_clean_jpeg(data: bytes) -> Image.Image:
    image = _open(data)
    assert image.format == "JPEG" and image.mode == "RGB"
    assert not image.getexif() and "exif" not in image.info
    assert "icc_profile" not in image.info and "xmp" not in image.info
    assert b"Exif\x00\x00" not in data and b"http://ns.adobe.com/xap" not in data
    return image


@pytest.fixture(scope="module")
def reference_landscape() -> Image.Image:
    folder = Path(__file__).resolve().parents[2] / "data" / "photos" / "orientation"
    return _open(make_thumbnail(folder / "landscape_1.jpg"))


@pytest.mark.parametrize("orientation", range(1, 9))
def test_real_orientation_files_come_out_upright(
    photos: Path, samples: Any, reference_landscape: Image.Image, orientation: int
) -> None:
    thumb = _assert_clean_jpeg(
        make_thumbnail(photos / "orientation" / f"landscape_{orientation}.jpg")
    )
    assert thumb.size == reference_landscape.size == (256, 192)
    expected = samples.relative_means(reference_landscape)
    assert samples.max_channel_diff(samples.relative_means(thumb), expected) < JPEG_TOLERANCE


def test_orientation_comparison_is_sensitive(
    samples: Any, reference_landscape: Image.Image
) -> None:
    """The colour check above would notice a mirrored or rotated thumbnail."""
    expected = samples.relative_means(reference_landscape)
    for method in (
        Image.Transpose.FLIP_LEFT_RIGHT,
        Image.Transpose.FLIP_TOP_BOTTOM,
        Image.Transpose.ROTATE_180,
    ):
        wrong = reference_landscape.transpose(method)
        assert (
            samples.max_channel_diff(samples.relative_means(wrong), expected) > 3 * JPEG_TOLERANCE
        )


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP", "TIFF", "HEIF"])
@pytest.mark.parametrize("orientation", range(1, 9))
def test_generated_orientations_are_upright(samples: Any, fmt: str, orientation: int) -> None:
    params = {"quality": 95} if fmt in ("JPEG", "WEBP", "HEIF") else {}
    data = samples.oriented(fmt, orientation, **params)
    thumb = _assert_clean_jpeg(make_thumbnail(io.BytesIO(data)))
    assert thumb.size == (120, 80)  # never enlarged
    expected = samples.quadrant_means(samples.quadrants())
    assert samples.max_channel_diff(samples.quadrant_means(thumb), expected) < 25


def test_longest_side_and_aspect(photos: Path) -> None:
    for max_px in (256, 100, 32):
        thumb = _open(make_thumbnail(photos / "gps" / "DSCN0010.jpg", max_px=max_px))
        assert max(thumb.size) == max_px
        assert thumb.size[0] / thumb.size[1] == pytest.approx(640 / 480, rel=0.05)
    tall = _open(make_thumbnail(photos / "orientation" / "landscape_6.jpg", max_px=50))
    assert tall.size == (50, 38)
    with pytest.raises(ValueError):
        make_thumbnail(photos / "gps" / "DSCN0010.jpg", max_px=0)


def test_gps_photo_thumbnail_has_no_metadata(photos: Path) -> None:
    data = make_thumbnail(photos / "gps" / "DSCN0010.jpg")
    _assert_clean_jpeg(data)
    assert b"NIKON" not in data and b"GPS" not in data


def test_transparency_is_laid_on_white(samples: Any) -> None:
    image = Image.new("RGBA", (40, 40), (0, 0, 0, 0))
    image.paste((255, 0, 0, 255), (0, 0, 20, 40))
    thumb = _open(make_thumbnail(io.BytesIO(samples.encode(image, "PNG"))))
    right = thumb.getpixel((35, 20))
    assert min(right) > 240  # transparent half -> white, not black
    assert thumb.getpixel((5, 20))[0] > 200


def test_sixteen_bit_greyscale_is_scaled_not_clipped(samples: Any) -> None:
    image = Image.new("I;16", (30, 30), 32768)  # mid grey in 16 bits
    thumb = _open(make_thumbnail(io.BytesIO(samples.encode(image, "PNG"))))
    assert 110 < thumb.getpixel((15, 15))[0] < 145


def test_cmyk_and_palette_sources(samples: Any) -> None:
    cmyk = Image.new("CMYK", (30, 20), (0, 255, 255, 0))  # red
    thumb = _open(make_thumbnail(io.BytesIO(samples.encode(cmyk, "JPEG"))))
    red, green, blue = thumb.getpixel((15, 10))
    assert red > 200 and green < 60 and blue < 60
    gif = samples.encode(samples.quadrants(), "GIF")
    thumb = _open(make_thumbnail(io.BytesIO(gif)))
    assert (
        samples.max_channel_diff(
            samples.quadrant_means(thumb), samples.quadrant_means(samples.quadrants())
        )
        < 25
    )


def test_generated_heic_thumbnail(samples: Any) -> None:
    big = samples.quadrants(800, 600)
    data = samples.encode(big, "HEIF", quality=80)
    thumb = _assert_clean_jpeg(make_thumbnail(io.BytesIO(data)))
    assert thumb.size == (256, 192)
    assert samples.max_channel_diff(samples.quadrant_means(thumb), samples.quadrant_means(big)) < 25


def test_real_heic_thumbnail() -> None:
    """A real iPhone HEIC (a grid of HEVC tiles, rotated by 'irot'), shipped in tests/data."""
    thumb = _assert_clean_jpeg(make_thumbnail(REAL_HEIC))
    assert thumb.size == (192, 256)


def test_real_heif_thumbnail_from_the_shared_fixtures(shared_photos: Path) -> None:
    thumb = _assert_clean_jpeg(make_thumbnail(shared_photos / "heic/mobile/HMD_Nokia_8.3_5G.heif"))
    assert thumb.size == (192, 256)


def test_files_with_broken_exif_still_get_thumbnails(photos: Path, samples: Any) -> None:
    """Each one is the picture itself (all are under 256 px, so not resized)."""
    for path in sorted((photos / "broken_exif").iterdir()) + sorted((photos / "invalid").iterdir()):
        thumb = _assert_clean_jpeg(make_thumbnail(path))
        with Image.open(path) as original:
            upright = ImageOps.exif_transpose(original).convert("RGB")
        assert thumb.size == upright.size, path.name
        means = samples.quadrant_means
        assert samples.max_channel_diff(means(thumb), means(upright)) < 12, path.name


def _truncated(data: bytes, keep: float) -> io.BytesIO:
    return io.BytesIO(data[: int(len(data) * keep)])


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "GIF", "TIFF", "WEBP", "HEIF"])
def test_truncated_images_are_unreadable(samples: Any, fmt: str) -> None:
    source = Image.radial_gradient("L").convert("RGB").resize((300, 200))
    data = samples.encode(source, fmt)
    for keep in (0.6, 0.1):
        started = time.monotonic()
        with pytest.raises(ImageUnreadable) as info:
            make_thumbnail(_truncated(data, keep))
        assert time.monotonic() - started < 5
        assert "Traceback" not in str(info.value)
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False


def test_real_jpeg_cut_short_is_unreadable(photos: Path) -> None:
    data = (photos / "gps" / "DSCN0010.jpg").read_bytes()
    with pytest.raises(ImageUnreadable, match="truncated|damaged"):
        make_thumbnail(_truncated(data, 0.5))


def test_png_with_corrupt_data_is_unreadable(samples: Any) -> None:
    data = bytearray(samples.encode(samples.quadrants(), "PNG"))
    idat = data.find(b"IDAT")
    data[idat + 8] ^= 0xFF
    with pytest.raises(ImageUnreadable):
        make_thumbnail(io.BytesIO(bytes(data)))


def test_shared_corrupted_jpeg_still_gives_a_thumbnail(shared_photos: Path) -> None:
    """Its damage is in the metadata; the 3648 x 2736 picture itself decodes."""
    started = time.monotonic()
    thumb = _assert_clean_jpeg(make_thumbnail(shared_photos / "jpg" / "corrupted.jpg"))
    assert thumb.size == (256, 192)
    assert time.monotonic() - started < 10


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


@pytest.mark.parametrize("side", [100_000, 20_000])
def test_decompression_bomb_is_rejected_without_allocating(samples: Any, side: int) -> None:
    bomb = io.BytesIO(samples.png_bomb(side, side))
    before = _peak_rss_mb()
    started = time.monotonic()
    with pytest.raises(ImageRejected, match="megapixel"):
        make_thumbnail(bomb)
    assert time.monotonic() - started < 2
    # Decoding 20 000 x 20 000 RGB would need 1.2 GB; the peak must not move by much.
    assert _peak_rss_mb() - before < 100


def test_gif_and_jpeg_headers_declaring_huge_sizes_are_rejected(samples: Any) -> None:
    gif = bytearray(samples.encode(Image.new("P", (4, 4)), "GIF"))
    gif[6:10] = (65535).to_bytes(2, "little") * 2  # logical screen 65535 x 65535
    image_desc = gif.find(b"\x2c")
    gif[image_desc + 5 : image_desc + 9] = (65535).to_bytes(2, "little") * 2
    with pytest.raises(ImageRejected):
        make_thumbnail(io.BytesIO(bytes(gif)))
    jpeg = bytearray(samples.encode(Image.new("RGB", (8, 8)), "JPEG"))
    sof = jpeg.find(b"\xff\xc0")
    jpeg[sof + 5 : sof + 9] = (60000).to_bytes(2, "big") * 2
    with pytest.raises(ImageRejected):
        make_thumbnail(io.BytesIO(bytes(jpeg)))
