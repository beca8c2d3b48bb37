"""Image metadata: real camera files, broken EXIF, generated edge cases, limits."""

from __future__ import annotations

import io
import struct
import time
from pathlib import Path
from typing import Any

import pytest
from PIL import ExifTags, Image
from PIL.TiffImagePlugin import IFDRational

from tests.app.media_support import REAL_HEIC
from tumar.app.media.errors import ImageRejected, ImageUnreadable, MediaError
from tumar.app.media.exif import MAX_PIXELS, ImageMetadata, read_image_metadata


def _gps_from_raw_jpeg(path: Path) -> dict[int, list[tuple[int, int]] | bytes]:
    """Independent check: walk the JPEG's APP1 TIFF structure by hand to the GPS IFD.

    Returns {tag: [(numerator, denominator), ...]} for RATIONAL tags and raw bytes for ASCII
    and BYTE tags. Deliberately simple: only what DSCN0010 needs (little-endian TIFF).
    """
    data = path.read_bytes()
    pos = 2
    while data[pos + 1] != 0xE1:
        pos += 2 + int.from_bytes(data[pos + 2 : pos + 4], "big")
    tiff = data[pos + 10 :]  # skip marker, length, "Exif\0\0"
    assert tiff[:2] == b"II"

    def entries(offset: int) -> list[tuple[int, int, int, bytes]]:
        (count,) = struct.unpack_from("<H", tiff, offset)
        return [struct.unpack_from("<HHI4s", tiff, offset + 2 + 12 * i) for i in range(count)]

    (ifd0,) = struct.unpack_from("<I", tiff, 4)
    gps_offset = next(
        struct.unpack("<I", value)[0] for tag, _, _, value in entries(ifd0) if tag == 0x8825
    )
    result: dict[int, list[tuple[int, int]] | bytes] = {}
    for tag, kind, count, value in entries(gps_offset):
        if kind == 5:  # RATIONAL
            (where,) = struct.unpack("<I", value)
            result[tag] = [struct.unpack_from("<II", tiff, where + 8 * i) for i in range(count)]
        elif count <= 4:
            result[tag] = value[:count]
    return result


def _degrees(rationals: list[tuple[int, int]]) -> float:
    d, m, s = (num / den for num, den in rationals)
    return d + m / 60 + s / 3600


def test_dscn0010_gps_matches_raw_ifd(photos: Path) -> None:
    path = photos / "gps" / "DSCN0010.jpg"
    raw = _gps_from_raw_jpeg(path)
    meta = read_image_metadata(path)

    assert raw[1][:1] == b"N" and raw[3][:1] == b"E"
    assert meta.gps_lat == pytest.approx(_degrees(raw[2]), abs=1e-9)  # type: ignore[arg-type]
    assert meta.gps_lon == pytest.approx(_degrees(raw[4]), abs=1e-9)  # type: ignore[arg-type]
    # Hand-checked: 43° 28' 2.814" N, 11° 53' 6.456" E (Tuscany, Italy).
    assert meta.gps_lat == pytest.approx(43.4674483, abs=1e-6)
    assert meta.gps_lon == pytest.approx(11.8851267, abs=1e-6)
    # The camera wrote GPSAltitudeRef but no GPSAltitude: no altitude is invented.
    assert 6 not in raw and raw[5] == b"\x00"
    assert meta.gps_alt is None
    assert meta.has_gps


def test_dscn0010_camera_fields(photos: Path) -> None:
    meta = read_image_metadata(photos / "gps" / "DSCN0010.jpg")
    assert (meta.width, meta.height, meta.format) == (640, 480, "JPEG")
    assert meta.camera_make == "NIKON"
    assert meta.camera_model == "COOLPIX P6000"
    assert meta.captured_at == "2008-10-22T16:28:39"  # DateTimeOriginal, not DateTime
    assert meta.extra["DateTime"] == "2008:11:01 21:15:07"
    assert meta.extra["GPSTimeStamp"] == "14:27:07.24"
    assert meta.orientation == 1


def test_orientation_tags_of_real_files(photos: Path) -> None:
    for n in range(1, 9):
        meta = read_image_metadata(photos / "orientation" / f"landscape_{n}.jpg")
        assert meta.orientation == n
        assert meta.display_size == (600, 450)


BROKEN_EXIF = Path(__file__).resolve().parents[2] / "data" / "photos" / "broken_exif"


@pytest.mark.parametrize("name", sorted(p.name for p in BROKEN_EXIF.iterdir()))
def test_broken_exif_never_raises(photos: Path, name: str) -> None:
    started = time.monotonic()
    meta = read_image_metadata(photos / "broken_exif" / name)
    assert time.monotonic() - started < 5
    assert isinstance(meta, ImageMetadata)
    with Image.open(photos / "broken_exif" / name) as image:  # Pillow's raw tags as oracle
        assert (meta.width, meta.height, meta.format) == (*image.size, "JPEG")
        raw = image.getexif()
    for value in (meta.camera_make, meta.camera_model, meta.lens, *meta.extra.values()):
        assert value is None or (value.strip() and "\x00" not in value and len(value) <= 256)
    for tag, value in ((0x010F, meta.camera_make), (0x0110, meta.camera_model)):
        expected = raw.get(tag)
        assert value == (expected.strip() if isinstance(expected, str) else None), tag
    assert meta.orientation == raw.get(0x0112)


def test_broken_exif_files_still_give_their_camera(photos: Path) -> None:
    """Eleven of the twelve damaged files name their camera (30-type_error has no IFD0 Make)."""
    metas = {p.name: read_image_metadata(p) for p in BROKEN_EXIF.iterdir()}
    assert sorted(n for n, m in metas.items() if m.camera_make is None) == ["30-type_error.jpg"]
    assert sum(m.captured_at is not None for m in metas.values()) == 10


def test_broken_exif_is_read_as_far_as_valid(photos: Path) -> None:
    folder = photos / "broken_exif"
    # Zero-length strings next to valid GPS with altitude.
    zero = read_image_metadata(folder / "67-0_length_string.jpg")
    assert (zero.camera_make, zero.camera_model) == ("samsung", "SM-G930F")
    assert zero.gps_lat == pytest.approx(51 + 1 / 60 + 30 / 3600)
    assert zero.gps_lon == pytest.approx(7 + 35 / 60 + 31 / 3600)
    assert zero.gps_alt == pytest.approx(340.0)
    # GPS as degrees + decimal minutes, altitude without a reference tag (means "above").
    nikon = read_image_metadata(folder / "87_OSError.jpg")
    assert nikon.gps_lat == pytest.approx(43 + 47.135666 / 60)
    assert nikon.gps_lon == pytest.approx(11 + 14.077166 / 60)
    assert nikon.gps_alt == pytest.approx(42.123)
    assert nikon.lens == "18.0-70.0 mm f/3.5-4.5"
    # Exif sub-IFD pointer stored as a string: the IFD0 fields still come through.
    typed = read_image_metadata(folder / "30-type_error.jpg")
    assert typed.extra["Software"] == "Adobe Photoshop Elements 7.0"
    assert typed.captured_at is None
    # Artist/Copyright made of NUL bytes are dropped, not returned as junk.
    olympus = read_image_metadata(folder / "42_IndexError.jpg")
    assert "Artist" not in olympus.extra and "Copyright" not in olympus.extra
    assert olympus.camera_model == "E-P3"


def test_invalid_folder_files_still_open(photos: Path) -> None:
    # exif-samples' "invalid" files carry a non-EXIF APP1 block; the picture is valid.
    for path in sorted((photos / "invalid").iterdir()):
        meta = read_image_metadata(path)
        assert meta.width > 0 and meta.camera_make is None


def _exif_with(
    ifd0: dict[int, object] | None = None,
    exif_ifd: dict[int, object] | None = None,
    gps: dict[int, object] | None = None,
) -> bytes:
    exif = Image.Exif()
    for tag, value in (ifd0 or {}).items():
        exif[tag] = value
    if exif_ifd:
        sub = exif.get_ifd(ExifTags.IFD.Exif)
        sub.update(exif_ifd)
    if gps:
        sub = exif.get_ifd(ExifTags.IFD.GPSInfo)
        sub.update(gps)
    return exif.tobytes()


def _jpeg(exif: bytes, size: tuple[int, int] = (32, 24)) -> io.BytesIO:
    buf = io.BytesIO()
    Image.new("RGB", size, "grey").save(buf, format="JPEG", exif=exif)
    buf.seek(0)
    return buf


def test_southern_western_hemisphere_and_below_sea_level() -> None:
    exif = _exif_with(
        gps={
            1: "S",
            2: (IFDRational(33, 1), IFDRational(52, 1), IFDRational(1234, 100)),
            3: "W",
            4: (IFDRational(70, 1), IFDRational(30, 1), IFDRational(0, 1)),
            5: b"\x01",
            6: IFDRational(4305, 10),
        }
    )
    meta = read_image_metadata(_jpeg(exif))
    assert meta.gps_lat == pytest.approx(-(33 + 52 / 60 + 12.34 / 3600))
    assert meta.gps_lon == pytest.approx(-70.5)
    assert meta.gps_alt == pytest.approx(-430.5)


@pytest.mark.parametrize(
    ("gps", "lon"),
    [
        (
            {
                1: "N",
                2: (IFDRational(1, 0), IFDRational(2, 1), IFDRational(3, 1)),
                3: "E",
                4: (1, 2, 3),
            },
            1 + 2 / 60 + 3 / 3600,  # the valid half is kept, but is not a position
        ),
        ({2: (IFDRational(10, 1), IFDRational(0, 1), IFDRational(0, 1)), 4: (1, 2, 3)}, None),
        ({1: "X", 2: (10, 0, 0), 3: "E", 4: (10, 0, 0)}, 10.0),  # bad hemisphere letter
        ({1: "N", 2: (95, 0, 0), 3: "E", 4: (200, 0, 0)}, None),  # out of range
        ({1: "N", 2: (10, 75, 0), 3: "E", 4: (10, 0, 99)}, None),  # minutes/seconds >= 60
        ({1: "N", 2: (0, 0, 0), 3: "E", 4: (0, 0, 0)}, None),  # "no fix" written as 0, 0
    ],
)
def test_invalid_gps_is_skipped(gps: dict[int, object], lon: float | None) -> None:
    meta = read_image_metadata(_jpeg(_exif_with(ifd0={0x010F: "Cam"}, gps=gps)))
    assert meta.gps_lat is None and meta.gps_alt is None
    assert meta.gps_lon == (pytest.approx(lon) if lon is not None else None)
    assert not meta.has_gps
    assert meta.camera_make == "Cam"  # the other fields survive


def _raw_gps_exif(entries: list[tuple[int, int, int, bytes]]) -> bytes:
    """Hand-built little-endian EXIF whose GPS IFD holds ``(tag, type, count, data)`` as given,
    to reproduce type errors Pillow's writer refuses to produce."""
    gps_at = 8 + 2 + 12 + 4
    data_at = gps_at + 2 + 12 * len(entries) + 4
    ifd0 = struct.pack("<H", 1) + struct.pack("<HHII", 0x8825, 4, 1, gps_at) + b"\0" * 4
    table, blob = b"", b""
    for tag, kind, count, data in entries:
        if len(data) <= 4:
            table += struct.pack("<HHI", tag, kind, count) + data.ljust(4, b"\0")
        else:
            table += struct.pack("<HHII", tag, kind, count, data_at + len(blob))
            blob += data
    gps = struct.pack("<H", len(entries)) + table + b"\0" * 4
    return b"Exif\0\0II*\0" + struct.pack("<I", 8) + ifd0 + gps + blob


def test_gps_with_wrong_tag_types_is_skipped() -> None:
    exif = _raw_gps_exif(
        [
            (1, 2, 2, b"N\0"),
            (2, 2, 6, b"forty\0"),  # latitude as ASCII text
            (3, 2, 2, b"E\0"),
            (4, 3, 3, struct.pack("<HHH", 10, 20, 30)),  # SHORTs instead of RATIONALs: usable
            (5, 7, 1, b"\x01"),
            (6, 2, 4, b"abc\0"),  # altitude as text
        ]
    )
    meta = read_image_metadata(_jpeg(exif))
    assert meta.gps_lat is None and meta.gps_alt is None
    assert meta.gps_lon == pytest.approx(10 + 20 / 60 + 30 / 3600)


def test_odd_fields_are_skipped_each_on_their_own() -> None:
    exif = _exif_with(
        ifd0={0x010F: "", 0x0110: "M" * 5000, 0x0112: 9, 0x0131: "  Editor 1.0 \x00\x00"},
        exif_ifd={
            0x9003: "0000:00:00 00:00:00",
            0x9004: "2021:03:04 05:06:07",
            0x9292: "123",
            0x9012: "+05:30",
            0x829D: IFDRational(28, 0),
            0xA434: "Lens 24mm",
        },
        gps={6: IFDRational(5, 0)},
    )
    meta = read_image_metadata(_jpeg(exif))
    assert meta.camera_make is None  # empty
    assert meta.camera_model is None  # 5000 characters is not a camera name
    assert meta.orientation is None  # 9 is not an orientation
    assert meta.captured_at == "2021-03-04T05:06:07.123000+05:30"  # falls back to Digitized
    assert meta.lens == "Lens 24mm"
    assert meta.gps_alt is None
    assert "FNumber" not in meta.extra  # 28/0
    assert meta.extra["Software"] == "Editor 1.0"


def test_heic_metadata_from_generated_file() -> None:
    exif = _exif_with(
        ifd0={0x010F: "PhoneMaker", 0x0110: "Phone 1"}, exif_ifd={0x9003: "2024:01:02 03:04:05"}
    )
    buf = io.BytesIO()
    Image.new("RGB", (64, 48), "green").save(buf, format="HEIF", exif=exif, quality=50)
    meta = read_image_metadata(buf)
    assert (meta.format, meta.width, meta.height) == ("HEIF", 64, 48)
    assert (meta.camera_make, meta.camera_model) == ("PhoneMaker", "Phone 1")
    assert meta.captured_at == "2024-01-02T03:04:05"


def test_real_heic() -> None:
    meta = read_image_metadata(REAL_HEIC)  # shipped in tests/data: never skipped
    assert (meta.format, meta.camera_make, meta.camera_model) == (
        "HEIF",
        "Apple",
        "iPhone 13 Pro Max",
    )
    assert meta.captured_at and meta.captured_at.startswith("2022-02-16T12:55:41")


def test_real_heif_from_the_shared_fixtures(shared_photos: Path) -> None:
    nokia = read_image_metadata(shared_photos / "heic" / "mobile" / "HMD_Nokia_8.3_5G.heif")
    assert nokia.gps_lat == pytest.approx(40.788685, abs=1e-5)
    assert nokia.gps_lon == pytest.approx(-4.005141, abs=1e-5)


def test_png_exif_is_read_without_decoding(samples: Any) -> None:
    data = samples.oriented("PNG", 6)
    meta = read_image_metadata(io.BytesIO(data[: len(data) - 40]))  # IDAT cut short
    assert (meta.width, meta.height) == (80, 120)  # stored on its side...
    assert meta.orientation == 6 and meta.display_size == (120, 80)  # ...shown upright


@pytest.mark.parametrize(
    "data",
    [b"", b"not an image at all" * 20, b"\xff\xd8\xff\xe0\x00\x10JFIF", b"\x89PNG\r\n\x1a\n\x00"],
)
def test_unparseable_headers_raise_unreadable(data: bytes) -> None:
    with pytest.raises(ImageUnreadable) as info:
        read_image_metadata(io.BytesIO(data))
    message = str(info.value)
    assert message and "Traceback" not in message and "BytesIO" not in message


def test_unsupported_image_format_is_unreadable(samples: Any) -> None:
    with pytest.raises(ImageUnreadable, match="not a supported image"):
        read_image_metadata(io.BytesIO(samples.encode(Image.new("RGB", (8, 8)), "BMP")))


def test_missing_path_is_not_an_image_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_image_metadata(tmp_path / "nope.jpg")


def test_pixel_limit_is_checked_before_decoding(samples: Any) -> None:
    with pytest.raises(ImageRejected, match="megapixels|pixels"):
        read_image_metadata(io.BytesIO(samples.png_bomb()))
    # Just above our own limit but below Pillow's hard error: our check is what refuses it.
    side = int(MAX_PIXELS**0.5) + 2
    with pytest.raises(ImageRejected, match="megapixels"):
        read_image_metadata(io.BytesIO(samples.png_bomb(side, side)))


def test_pillow_bomb_warning_and_error_become_rejections(
    samples: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    image = samples.encode(Image.new("RGB", (100, 100)), "PNG")  # 10 000 pixels
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 6_000)  # Pillow warns (> limit)
    with pytest.raises(ImageRejected):
        read_image_metadata(io.BytesIO(image))
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1_000)  # Pillow errors (> 2 x limit)
    with pytest.raises(ImageRejected):
        read_image_metadata(io.BytesIO(image))


def test_errors_share_a_base_class(samples: Any) -> None:
    """Callers catch MediaError for both; each message comes from the reader, not the test."""
    for data, kind in ((samples.png_bomb(), ImageRejected), (b"junk" * 10, ImageUnreadable)):
        with pytest.raises(MediaError) as info:
            read_image_metadata(io.BytesIO(data))
        assert type(info.value) is kind and str(info.value).strip()


def test_accepts_path_bytes_and_file_object(photos: Path) -> None:
    path = photos / "gps" / "DSCN0010.jpg"
    by_path = read_image_metadata(path)
    by_str = read_image_metadata(str(path))
    by_bytes = read_image_metadata(path.read_bytes())
    with path.open("rb") as fh:
        fh.seek(100)  # read from the start whatever the position
        by_file = read_image_metadata(fh)
        assert not fh.closed  # the caller's file stays open
    assert by_path == by_str == by_bytes == by_file
