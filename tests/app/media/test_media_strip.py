"""Metadata stripping: no EXIF/GPS/XMP/comments left, pixels upright, formats as documented."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from PIL import ExifTags, Image, ImageCms, PngImagePlugin

from tumar.app.media.errors import ImageRejected, ImageUnreadable
from tumar.app.media.strip import STRIPPABLE_MIMES, output_mime_for, write_stripped_image

SECRET = "SECRET-Place-Name"
XMP = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
    f'22-rdf-syntax-ns#"><rdf:Description>{SECRET}</rdf:Description></rdf:RDF></x:xmpmeta>'
)


def _sensitive_exif(orientation: int = 1) -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"
    exif[0x0112] = orientation
    exif[0x013B] = SECRET  # Artist
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps.update({1: "N", 2: (43.0, 28.0, 2.8), 3: "E", 4: (11.0, 53.0, 6.4)})
    return exif.tobytes()


def _source(samples: Any, fmt: str, image: Image.Image | None = None) -> bytes:
    """A picture carrying EXIF with GPS, XMP and a comment wherever the format allows."""
    image = image or samples.quadrants()
    params: dict[str, Any] = {"exif": _sensitive_exif()}
    if fmt == "PNG":
        info = PngImagePlugin.PngInfo()
        info.add_text("Comment", SECRET)
        info.add_itxt("XML:com.adobe.xmp", XMP)
        params["pnginfo"] = info
    elif fmt == "TIFF":
        params = {"tiffinfo": {700: XMP.encode(), 270: SECRET, 0x013B: SECRET}}
    elif fmt in ("JPEG", "WEBP"):
        params["xmp"] = XMP.encode()
    if fmt in ("JPEG", "GIF"):
        params["comment"] = SECRET.encode()
    data = samples.encode(image, fmt, **params)
    assert SECRET.encode() in data or fmt == "HEIF"  # the test input really is sensitive
    return data


def _strip(data: bytes | Path, mime: str) -> tuple[str, bytes]:
    out = io.BytesIO()
    source = data if isinstance(data, Path) else io.BytesIO(data)
    written = write_stripped_image(source, out, mime)
    return written, out.getvalue()


def _assert_no_metadata(data: bytes) -> Image.Image:
    assert SECRET.encode() not in data
    for marker in (b"SecretCam", b"Exif\x00\x00", b"adobe:ns:meta", b"NIKON"):
        assert marker not in data
    image = Image.open(io.BytesIO(data))
    image.load()
    exif = image.getexif()
    assert ExifTags.IFD.GPSInfo not in exif and ExifTags.IFD.Exif not in exif
    assert 0x0112 not in exif  # orientation applied, tag gone
    for key in ("exif", "xmp", "XML:com.adobe.xmp", "comment", "Comment"):
        assert key not in image.info
    return image


@pytest.mark.parametrize(
    ("fmt", "mime"),
    [
        ("JPEG", "image/jpeg"),
        ("PNG", "image/png"),
        ("WEBP", "image/webp"),
        ("TIFF", "image/tiff"),
        ("GIF", "image/gif"),
    ],
)
def test_each_format_keeps_its_format_and_loses_metadata(samples: Any, fmt: str, mime: str) -> None:
    written, data = _strip(_source(samples, fmt), mime)
    assert written == mime == output_mime_for(mime)
    image = _assert_no_metadata(data)
    assert image.format == fmt and image.size == (120, 80)
    expected = samples.quadrant_means(samples.quadrants())
    assert samples.max_channel_diff(samples.quadrant_means(image), expected) < 25
    if fmt == "TIFF":
        assert {700, 270, 0x013B, 34665, 34853}.isdisjoint(image.tag_v2)


def test_real_gps_photo_is_cleaned(photos: Path, samples: Any) -> None:
    original = photos / "gps" / "DSCN0010.jpg"
    written, data = _strip(original, "image/jpeg")
    assert written == "image/jpeg"
    cleaned = _assert_no_metadata(data)
    with Image.open(original) as source:
        assert cleaned.size == source.size
        diff = samples.max_channel_diff(
            samples.quadrant_means(cleaned, 4), samples.quadrant_means(source, 4)
        )
    assert diff < 6


@pytest.mark.parametrize("orientation", range(1, 9))
def test_real_orientation_files_are_written_upright(
    photos: Path, samples: Any, orientation: int
) -> None:
    _, data = _strip(photos / "orientation" / f"landscape_{orientation}.jpg", "image/jpeg")
    cleaned = _assert_no_metadata(data)
    assert cleaned.size == (600, 450)
    with Image.open(photos / "orientation" / "landscape_1.jpg") as reference:
        expected = samples.relative_means(reference)
    assert samples.max_channel_diff(samples.relative_means(cleaned), expected) < 12


@pytest.mark.parametrize("orientation", [3, 6, 8])
def test_generated_orientations_are_written_upright(samples: Any, orientation: int) -> None:
    _, data = _strip(samples.oriented("PNG", orientation), "image/png")
    cleaned = _assert_no_metadata(data)
    assert cleaned.size == (120, 80)
    assert samples.quadrant_means(cleaned) == samples.quadrant_means(
        samples.quadrants()
    )  # lossless


def test_heic_becomes_jpeg(samples: Any) -> None:
    heic = samples.encode(samples.quadrants(), "HEIF", exif=_sensitive_exif(), quality=90)
    written, data = _strip(heic, "image/heic")
    assert written == "image/jpeg" == output_mime_for("image/heif")
    cleaned = _assert_no_metadata(data)
    assert cleaned.format == "JPEG" and cleaned.size == (120, 80)


def test_transparency_and_icc_profile_are_kept(samples: Any) -> None:
    rgba = Image.new("RGBA", (20, 10), (0, 0, 255, 0))
    rgba.paste((255, 0, 0, 255), (0, 0, 10, 10))
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    png = samples.encode(rgba, "PNG", icc_profile=srgb, exif=_sensitive_exif())
    _, data = _strip(png, "image/png")
    cleaned = _assert_no_metadata(data)
    assert cleaned.mode == "RGBA"
    assert cleaned.getpixel((15, 5))[3] == 0 and cleaned.getpixel((5, 5)) == (255, 0, 0, 255)
    assert cleaned.info.get("icc_profile") == srgb

    palette = Image.new("P", (10, 10), 0)
    palette.putpalette([0, 0, 0, 255, 0, 0])
    palette.paste(1, (0, 0, 5, 10))
    source = samples.encode(palette, "GIF", transparency=0)
    assert Image.open(io.BytesIO(source)).info.get("transparency") is not None
    _, gif = _strip(source, "image/gif")
    cleaned = Image.open(io.BytesIO(gif)).convert("RGBA")
    assert cleaned.getpixel((8, 5))[3] == 0 and cleaned.getpixel((2, 5)) == (255, 0, 0, 255)


def test_cmyk_profile_is_dropped_when_pixels_become_rgb(samples: Any) -> None:
    cmyk = Image.new("CMYK", (16, 16), (0, 255, 255, 0))
    fake_cmyk_profile = b"\x00\x00\x02\x00lcms\x02\x10\x00\x00prtrCMYK" + b"\x00" * 100
    tiff = samples.encode(cmyk, "TIFF", icc_profile=fake_cmyk_profile)
    written, data = _strip(tiff, "image/tiff")
    cleaned = Image.open(io.BytesIO(data))
    assert written == "image/tiff" and cleaned.mode == "CMYK"  # TIFF stores CMYK as is
    assert cleaned.info.get("icc_profile") == fake_cmyk_profile
    _, jpeg = _strip(samples.encode(cmyk, "JPEG", icc_profile=fake_cmyk_profile), "image/jpeg")
    as_rgb = Image.open(io.BytesIO(jpeg))
    assert as_rgb.mode == "RGB" and "icc_profile" not in as_rgb.info


def test_animated_gif_keeps_first_frame(samples: Any) -> None:
    frames = [Image.new("P", (10, 10), i) for i in (1, 2, 3)]
    buf = io.BytesIO()
    frames[0].save(buf, format="GIF", save_all=True, append_images=frames[1:], comment=SECRET)
    _, data = _strip(buf.getvalue(), "image/gif")
    cleaned = _assert_no_metadata(data)
    assert getattr(cleaned, "n_frames", 1) == 1


def test_mime_must_match_content(samples: Any) -> None:
    out = io.BytesIO()
    with pytest.raises(ImageUnreadable):
        write_stripped_image(io.BytesIO(_source(samples, "PNG")), out, "image/jpeg")
    assert out.getvalue() == b""


def test_unsupported_mime_is_a_caller_error(samples: Any) -> None:
    assert "video/mp4" not in STRIPPABLE_MIMES
    with pytest.raises(ValueError):
        write_stripped_image(io.BytesIO(b"x"), io.BytesIO(), "video/mp4")


def test_truncated_source_writes_nothing(photos: Path) -> None:
    data = (photos / "gps" / "DSCN0010.jpg").read_bytes()
    out = io.BytesIO()
    with pytest.raises(ImageUnreadable):
        write_stripped_image(io.BytesIO(data[: len(data) // 2]), out, "image/jpeg")
    assert out.getvalue() == b""


def test_bomb_is_rejected(samples: Any) -> None:
    out = io.BytesIO()
    with pytest.raises(ImageRejected):
        write_stripped_image(io.BytesIO(samples.png_bomb()), out, "image/png")
    assert out.getvalue() == b""


def test_broken_exif_files_can_be_stripped(photos: Path) -> None:
    for path in sorted((photos / "broken_exif").iterdir()):
        written, data = _strip(path, "image/jpeg")
        assert written == "image/jpeg"
        _assert_no_metadata(data)
