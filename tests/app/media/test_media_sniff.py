"""MIME sniffing from content: every supported format, wrong extensions, weak signatures."""

from __future__ import annotations

import io
import os
import struct
import wave
from pathlib import Path

import pytest
from PIL import Image

from tests.app.media_support import REAL_HEIC
from tumar.app.media.sniff import KNOWN_MIMES, OCTET_STREAM, SNIFF_BYTES, media_kind, sniff_mime


def _image(fmt: str) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (16, 12), (200, 30, 30)).save(buf, format=fmt)
    return buf.getvalue()


def _box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def _ftyp(major: bytes, *compatible: bytes) -> bytes:
    """An ISO-BMFF start: ftyp box plus an empty moov box."""
    return _box(b"ftyp", major + b"\x00\x00\x02\x00" + b"".join(compatible)) + _box(b"moov", b"")


def _ebml_element(element_id: bytes, payload: bytes) -> bytes:
    assert len(payload) < 127
    return element_id + bytes([0x80 | len(payload)]) + payload


def _ebml(doctype: bytes, *, long_size: bool = False) -> bytes:
    """EBML header (as mkvmerge/ffmpeg write it) followed by an unknown-size Segment."""
    children = b"".join(
        (
            _ebml_element(b"\x42\x86", b"\x01"),  # EBMLVersion
            _ebml_element(b"\x42\xf7", b"\x01"),  # EBMLReadVersion
            _ebml_element(b"\x42\xf2", b"\x04"),  # EBMLMaxIDLength
            _ebml_element(b"\x42\xf3", b"\x08"),  # EBMLMaxSizeLength
            _ebml_element(b"\x42\x82", doctype),  # DocType
            _ebml_element(b"\x42\x87", b"\x04"),  # DocTypeVersion
            _ebml_element(b"\x42\x85", b"\x02"),  # DocTypeReadVersion
        )
    )
    size = (
        b"\x01" + len(children).to_bytes(7, "big") if long_size else bytes([0x80 | len(children)])
    )
    segment = b"\x18\x53\x80\x67" + b"\x01\xff\xff\xff\xff\xff\xff\xff"
    return b"\x1a\x45\xdf\xa3" + size + children + segment + b"\x00" * 64


def _mp3_frames(count: int = 4, header: bytes = b"\xff\xfb\x90\x00") -> bytes:
    """MPEG-1 Layer III, 128 kbit/s, 44.1 kHz frames (417 bytes each) with silent payload."""
    return (header + b"\x00" * 413) * count


def _id3(payload_size: int = 30) -> bytes:
    frame = (
        b"TIT2"
        + struct.pack(">I", payload_size)
        + b"\x00\x00"
        + b"\x03"
        + b"a" * (payload_size - 1)
    )
    size = len(frame)
    syncsafe = bytes([(size >> 21) & 0x7F, (size >> 14) & 0x7F, (size >> 7) & 0x7F, size & 0x7F])
    return b"ID3\x03\x00\x00" + syncsafe + frame


def _ogg(codec_header: bytes) -> bytes:
    page = b"OggS\x00\x02" + b"\x00" * 8 + b"\x01\x00\x00\x00" + b"\x00" * 8 + b"\x01"
    return page + bytes([len(codec_header)]) + codec_header


def _wav(seconds: float = 0.1) -> bytes:
    buf = io.BytesIO()
    with wave.open(buf, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"\x00\x00" * int(8000 * seconds))
    return buf.getvalue()


def _heic() -> bytes:
    """The head of a real phone HEIC (no encoder needed at collection time)."""
    return REAL_HEIC.read_bytes()[:SNIFF_BYTES]


SAMPLES: dict[str, tuple[str, bytes]] = {
    "jpeg": ("image/jpeg", _image("JPEG")),
    "png": ("image/png", _image("PNG")),
    "webp": ("image/webp", _image("WEBP")),
    "tiff": ("image/tiff", _image("TIFF")),
    "gif": ("image/gif", _image("GIF")),
    "heic": ("image/heic", _heic()),
    "heic-nokia-style": ("image/heic", _box(b"ftyp", b"heic\x00\x00\x00\x00mif1heic")),
    "heif-generic": ("image/heif", _box(b"ftyp", b"mif1\x00\x00\x00\x00mif1miaf")),
    "mp4": ("video/mp4", _ftyp(b"isom", b"isom", b"iso2", b"avc1", b"mp41")),
    "mp4-mp42": ("video/mp4", _ftyp(b"mp42", b"mp42", b"isom")),
    "mov": ("video/quicktime", _ftyp(b"qt  ", b"qt  ")),
    "mov-pre-ftyp": ("video/quicktime", _box(b"wide", b"") + _box(b"mdat", b"\x00" * 32)),
    "m4a": ("audio/mp4", _ftyp(b"M4A ", b"M4A ", b"mp42", b"isom")),
    "m4a-generic-brand": ("audio/mp4", _ftyp(b"mp42", b"M4A ", b"mp42", b"isom")),
    "3gp": ("video/3gpp", _ftyp(b"3gp4", b"isom", b"3gp4")),
    "webm": ("video/webm", _ebml(b"webm")),
    "mkv": ("video/x-matroska", _ebml(b"matroska")),
    "mkv-8-byte-size": ("video/x-matroska", _ebml(b"matroska", long_size=True)),
    "mp3-id3": ("audio/mpeg", _id3() + _mp3_frames()),
    "mp3-bare": ("audio/mpeg", _mp3_frames()),
    "mp3-crc-protected": ("audio/mpeg", _mp3_frames(header=b"\xff\xfa\x90\x00")),
    # MPEG-2 Layer III, 80 kbit/s, 22.05 kHz: 72 * 80000 / 22050 = 261-byte frames.
    "mp3-mpeg2": ("audio/mpeg", (b"\xff\xf3\x90\x00" + b"\x00" * 257) * 4),
    "ogg-vorbis": ("audio/ogg", _ogg(b"\x01vorbis" + b"\x00" * 22)),
    "ogg-opus": ("audio/ogg", _ogg(b"OpusHead\x01\x02" + b"\x00" * 9)),
    "ogg-theora": ("video/ogg", _ogg(b"\x80theora" + b"\x00" * 20)),
    "wav": ("audio/wav", _wav()),
    "flac": ("audio/flac", b"fLaC\x00\x00\x00\x22" + b"\x00" * 40),
    "pdf": ("application/pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"),
    "pdf-junk-prefix": ("application/pdf", b"\x00" * 200 + b"%PDF-1.4\n1 0 obj\n"),
}


@pytest.mark.parametrize("label", sorted(SAMPLES))
def test_sniffs_every_supported_format(label: str) -> None:
    expected, data = SAMPLES[label]
    assert sniff_mime(data, f"file-{label}.bin") == expected
    assert expected in KNOWN_MIMES


@pytest.mark.parametrize("label", sorted(SAMPLES))
def test_extension_never_decides(label: str) -> None:
    expected, data = SAMPLES[label]
    for misleading in ("photo.jpg", "report.pdf", "song.mp3", "noext", ""):
        if label == "mp4" and misleading == "":
            continue
        assert sniff_mime(data, misleading) == expected


def test_png_named_jpg_is_png() -> None:
    assert sniff_mime(_image("PNG"), "IMG_0001.jpg") == "image/png"


def test_generic_mp4_uses_name_only_inside_the_mp4_family() -> None:
    generic = _ftyp(b"isom", b"isom", b"iso2")
    assert sniff_mime(generic, "clip.mp4") == "video/mp4"
    assert sniff_mime(generic, "voice.m4a") == "audio/mp4"
    # ...but a name can never turn another format into MP4 audio.
    assert sniff_mime(_image("PNG"), "voice.m4a") == "image/png"


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"abc",
        b"hello, this is a plain text file\n" * 10,
        b"PK\x03\x04" + b"\x00" * 100,  # zip: filetype knows it, we do not accept it
        b"BM" + b"\x00" * 100,  # bmp
        b"\xff\xfb\x90\x00" + b"\x00" * 413 + b"JUNK" * 20,  # lone MPEG header, no next frame
        b"ID3\x03\x00\x00\x00\x00\x00\x05XXXXX" + b"not audio at all" * 4,
        b"\x1a\x45\xdf\xa3\x84" + b"\x42\x82\x81x" + b"\x00" * 20,  # EBML, unknown DocType
        _box(b"ftyp", b"avif\x00\x00\x00\x00avifmif1"),  # AVIF is not supported
        os.urandom(0) + bytes(range(256)) * 4,
    ],
)
def test_unknown_content_is_octet_stream(data: bytes) -> None:
    assert sniff_mime(data, "evidence.jpg") == OCTET_STREAM


def test_only_the_head_is_needed() -> None:
    # An ID3 tag larger than the head (e.g. cover art): decided from the tag header alone.
    big_tag = b"ID3\x04\x00\x00" + bytes([0, 8, 0, 0]) + b"\x00" * (SNIFF_BYTES * 2)
    assert sniff_mime(big_tag[:SNIFF_BYTES], "x") == "audio/mpeg"
    # Longer input is accepted and cut to SNIFF_BYTES.
    assert sniff_mime(_image("PNG") + b"\x00" * SNIFF_BYTES * 2, "x") == "image/png"
    assert SNIFF_BYTES >= 4096


def test_real_photo_fixtures(photos: Path) -> None:
    for path in sorted(photos.rglob("*.jp*g")):
        assert sniff_mime(path.read_bytes()[:SNIFF_BYTES], path.name) == "image/jpeg", path


def test_real_heic_fixtures(shared_photos: Path) -> None:
    for path in [REAL_HEIC, *sorted((shared_photos / "heic").rglob("*.*"))]:
        with path.open("rb") as fh:
            assert sniff_mime(fh.read(SNIFF_BYTES), path.name) == "image/heic", path


@pytest.mark.parametrize(
    ("mime", "kind"),
    [
        ("image/jpeg", "image"),
        ("image/heic", "image"),
        ("video/quicktime", "video"),
        ("video/x-matroska", "video"),
        ("audio/mp4", "audio"),
        ("audio/wav", "audio"),
        ("application/pdf", "document"),
        ("application/octet-stream", "file"),
        ("application/zip", "file"),
        ("image/x-unknown", "file"),
    ],
)
def test_media_kind(mime: str, kind: str) -> None:
    assert media_kind(mime) == kind


def test_every_known_mime_has_a_kind() -> None:
    for mime in KNOWN_MIMES:
        assert media_kind(mime) in ("image", "video", "audio", "document")
