"""Content-based MIME detection for imported files.

Why not trust the extension: evidence arrives from phones, messengers and USB sticks whose names
are often wrong (``IMG_0001.jpg`` that is really a HEIC, ``.dat`` exports). The archive records
the MIME type to decide how a file is previewed and probed, so it is taken from the bytes.

``filetype`` handles the simple fixed-signature formats. It is weak on containers whose kind is
decided by a field inside the header rather than by the first bytes, so those are checked here:

* ISO-BMFF (MP4 / MOV / M4A / HEIC / HEIF): decided by the ``ftyp`` major and compatible brands.
* EBML (WebM / Matroska): decided by the DocType element of the EBML header.
* MP3: ``filetype`` accepts any file starting ``FF FB`` and misses other MPEG frame headers;
  here a frame header is decoded and the following frame is checked, or the ID3 tag skipped.
* Ogg: audio unless the first page carries a Theora video stream.
* PDF: readers accept a ``%PDF-`` header anywhere in the first 1024 bytes, so do we (last resort).

Only the types in :data:`KNOWN_MIMES` are ever returned; anything else is
``application/octet-stream`` so the rest of the app never sees a type it has no handling for.
"""

from __future__ import annotations

from typing import Literal

import filetype

#: How many leading bytes :func:`sniff_mime` looks at. 8 KiB covers the ftyp box, EBML header,
#: a small ID3 tag plus two MPEG frames, and the PDF 1024-byte header window.
SNIFF_BYTES = 8192

OCTET_STREAM = "application/octet-stream"

MediaKind = Literal["image", "video", "audio", "document", "file"]

#: Every MIME type :func:`sniff_mime` can return besides ``application/octet-stream``.
KNOWN_MIMES: frozenset[str] = frozenset(
    {
        "image/jpeg",
        "image/png",
        "image/webp",
        "image/tiff",
        "image/gif",
        "image/heic",
        "image/heif",
        "video/mp4",
        "video/quicktime",
        "video/webm",
        "video/x-matroska",
        "video/3gpp",
        "video/ogg",
        "audio/mpeg",
        "audio/mp4",
        "audio/ogg",
        "audio/wav",
        "audio/flac",
        "application/pdf",
    }
)

# filetype answers we accept as-is (after renaming); its other answers are ignored.
_FROM_FILETYPE: dict[str, str] = {
    "image/jpeg": "image/jpeg",
    "image/png": "image/png",
    "image/apng": "image/png",
    "image/gif": "image/gif",
    "image/webp": "image/webp",
    "image/tiff": "image/tiff",
    "application/pdf": "application/pdf",
    # We pick audio/wav (what browsers and most libraries use) over filetype's audio/x-wav.
    "audio/x-wav": "audio/wav",
    "audio/x-flac": "audio/flac",
}

_HEIC_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs"}
_HEIF_BRANDS = {b"mif1", b"msf1", b"mif2", b"miaf"}
_AVIF_BRANDS = {b"avif", b"avis"}
_AUDIO_MP4_BRANDS = {b"M4A ", b"M4B ", b"M4P "}
_VIDEO_MP4_BRANDS = {
    b"isom",
    b"iso2",
    b"iso3",
    b"iso4",
    b"iso5",
    b"iso6",
    b"iso7",
    b"iso8",
    b"iso9",
    b"mp41",
    b"mp42",
    b"avc1",
    b"dash",
    b"mmp4",
    b"M4V ",
    b"M4VH",
    b"M4VP",
    b"MSNV",
    b"f4v ",
}
# First box types of old QuickTime files written before ``ftyp`` existed.
_QT_FIRST_BOXES = {b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot"}

_EBML_MAGIC = b"\x1a\x45\xdf\xa3"
_EBML_DOCTYPE_ID = 0x4282


def sniff_mime(head: bytes, name: str = "") -> str:
    """Return the MIME type of a file from its first :data:`SNIFF_BYTES` bytes.

    ``name`` never overrides the content. It is only a tie-breaker inside the MP4 family, whose
    generic brands (``isom``/``mp42``) do not say whether the file holds only audio: a generic MP4
    named ``*.m4a`` is reported as ``audio/mp4``.
    """
    data = bytes(head[:SNIFF_BYTES])
    if len(data) < 4:
        return OCTET_STREAM
    if data[4:8] == b"ftyp":
        return _sniff_ftyp(data, name)
    if data.startswith(_EBML_MAGIC):
        return _sniff_ebml(data)
    if data.startswith(b"OggS"):
        return "video/ogg" if b"\x80theora" in data else "audio/ogg"
    if data.startswith(b"ID3"):
        return _sniff_after_id3(data)
    if _is_mpeg_audio(data, 0):
        return "audio/mpeg"
    kind = filetype.guess(data)
    if kind is not None and kind.mime in _FROM_FILETYPE:
        return _FROM_FILETYPE[kind.mime]
    if _looks_like_old_quicktime(data):
        return "video/quicktime"
    if b"%PDF-" in data[:1024]:
        return "application/pdf"
    return OCTET_STREAM


def media_kind(mime: str) -> MediaKind:
    """Coarse kind used to pick a viewer and an icon; unknown types are plain files."""
    if mime not in KNOWN_MIMES:
        return "file"
    if mime == "application/pdf":
        return "document"
    major = mime.split("/", 1)[0]
    if major in ("image", "video", "audio"):
        return major  # type: ignore[return-value]
    return "file"


# --- ISO base media file format -----------------------------------------------------------


def _sniff_ftyp(data: bytes, name: str) -> str:
    """Classify an ISO-BMFF file by its ``ftyp`` brands (major brand first)."""
    box_size = int.from_bytes(data[0:4], "big")
    if box_size < 16:
        return OCTET_STREAM
    end = min(box_size, len(data))
    major = data[8:12]
    compatible = {data[i : i + 4] for i in range(16, end - 3, 4)}

    if major in _HEIC_BRANDS:
        return "image/heic"
    if major in _AVIF_BRANDS:
        return OCTET_STREAM  # AV1 still images: not decoded by the archive
    if major in _HEIF_BRANDS:
        if compatible & _HEIC_BRANDS:
            return "image/heic"
        return OCTET_STREAM if compatible & _AVIF_BRANDS else "image/heif"
    if major == b"qt  ":
        return "video/quicktime"
    if major in _AUDIO_MP4_BRANDS:
        return "audio/mp4"
    if major.startswith((b"3gp", b"3g2")):
        return "video/3gpp"
    if major in _VIDEO_MP4_BRANDS or compatible & _VIDEO_MP4_BRANDS:
        if compatible & _AUDIO_MP4_BRANDS and not compatible & {b"M4V ", b"M4VH", b"M4VP"}:
            return "audio/mp4"
        if name.lower().endswith((".m4a", ".m4b")):
            return "audio/mp4"
        return "video/mp4"
    # Unknown major brand: fall back on what it claims to be compatible with.
    if compatible & _AVIF_BRANDS and not compatible & _HEIC_BRANDS:
        return OCTET_STREAM
    if compatible & _HEIC_BRANDS:
        return "image/heic"
    if compatible & _HEIF_BRANDS:
        return "image/heif"
    if b"qt  " in compatible:
        return "video/quicktime"
    if compatible & _AUDIO_MP4_BRANDS:
        return "audio/mp4"
    return OCTET_STREAM


def _looks_like_old_quicktime(data: bytes) -> bool:
    """True for pre-``ftyp`` QuickTime files: a known first atom with a sane size."""
    if len(data) < 8 or data[4:8] not in _QT_FIRST_BOXES:
        return False
    size = int.from_bytes(data[0:4], "big")
    # 0 = "extends to end of file", 1 = 64-bit size follows; otherwise at least the header.
    return size in (0, 1) or size >= 8


# --- EBML (Matroska / WebM) -----------------------------------------------------------------


def _sniff_ebml(data: bytes) -> str:
    doctype = _ebml_doctype(data)
    if doctype == "webm":
        return "video/webm"
    if doctype == "matroska":
        return "video/x-matroska"
    return OCTET_STREAM


def _read_vint(data: bytes, pos: int, keep_marker: bool) -> tuple[int, int] | None:
    """Decode an EBML variable-length integer; return (value, length) or None if malformed."""
    if pos >= len(data):
        return None
    first = data[pos]
    length = 1
    mask = 0x80
    while length <= 8 and not first & mask:
        length += 1
        mask >>= 1
    if length > 8 or pos + length > len(data):
        return None
    value = first if keep_marker else first & (mask - 1)
    for byte in data[pos + 1 : pos + length]:
        value = (value << 8) | byte
    return value, length


def _ebml_doctype(data: bytes) -> str | None:
    """Walk the children of the EBML header element until DocType is found."""
    header = _read_vint(data, 4, keep_marker=False)
    if header is None:
        return None
    header_size, n = header
    pos = 4 + n
    end = min(len(data), pos + header_size)
    while pos < end:
        element = _read_vint(data, pos, keep_marker=True)
        if element is None:
            return None
        element_id, n = element
        pos += n
        size_field = _read_vint(data, pos, keep_marker=False)
        if size_field is None:
            return None
        size, n = size_field
        pos += n
        if element_id == _EBML_DOCTYPE_ID:
            if size > 64:
                return None
            return data[pos : pos + size].rstrip(b"\x00").decode("ascii", "replace")
        pos += size
    return None


# --- MPEG audio -------------------------------------------------------------------------------

# Bitrates in kbit/s by (MPEG-1?, layer); MPEG-2/2.5 layers II and III share one table.
_BITRATES: dict[tuple[bool, int], tuple[int, ...]] = {
    (True, 1): (0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448),
    (True, 2): (0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384),
    (True, 3): (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    (False, 1): (0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256),
    (False, 2): (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
    (False, 3): (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
# Sample rates by version bits: 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5 (1 is reserved).
_SAMPLE_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


def _mpeg_frame_length(data: bytes, pos: int) -> int | None:
    """Length in bytes of the MPEG audio frame whose header starts at ``pos``, or None."""
    if pos + 4 > len(data) or data[pos] != 0xFF or data[pos + 1] & 0xE0 != 0xE0:
        return None
    version = (data[pos + 1] >> 3) & 0x03
    layer_bits = (data[pos + 1] >> 1) & 0x03
    bitrate_index = data[pos + 2] >> 4
    rate_index = (data[pos + 2] >> 2) & 0x03
    padding = (data[pos + 2] >> 1) & 0x01
    if version == 1 or layer_bits == 0 or bitrate_index in (0, 15) or rate_index == 3:
        return None
    layer = 4 - layer_bits
    mpeg1 = version == 3
    bitrate = _BITRATES[(mpeg1, layer)][bitrate_index] * 1000
    sample_rate = _SAMPLE_RATES[version][rate_index]
    if layer == 1:
        return (12 * bitrate // sample_rate + padding) * 4
    if layer == 3 and not mpeg1:
        return 72 * bitrate // sample_rate + padding
    return 144 * bitrate // sample_rate + padding


def _is_mpeg_audio(data: bytes, pos: int) -> bool:
    """A valid frame header at ``pos`` followed by another one (when the head reaches it)."""
    length = _mpeg_frame_length(data, pos)
    if length is None:
        return False
    following = pos + length
    if following + 4 > len(data):
        return True  # the head ends inside the first frame: one good header is all we have
    return _mpeg_frame_length(data, following) is not None


def _sniff_after_id3(data: bytes) -> str:
    """Skip an ID3v2 tag and look at what it is attached to (MP3, or occasionally FLAC)."""
    if len(data) < 10 or data[3] not in (2, 3, 4) or any(b & 0x80 for b in data[6:10]):
        return OCTET_STREAM
    size = (data[6] << 21) | (data[7] << 14) | (data[8] << 7) | data[9]
    pos = 10 + size + (10 if data[5] & 0x10 else 0)
    while pos < len(data) and data[pos] == 0:  # some writers pad after the tag
        pos += 1
    if pos + 4 > len(data):
        return "audio/mpeg"  # tag (e.g. cover art) longer than the head: by far most often MP3
    if data[pos : pos + 4] == b"fLaC":
        return "audio/flac"
    if _is_mpeg_audio(data, pos):
        return "audio/mpeg"
    return OCTET_STREAM
