"""Header-only image metadata (size, camera, capture time, orientation, GPS) via Pillow.

Camera files are full of odd EXIF: empty or NUL-filled strings, wrong tag types, rationals with
a zero denominator, sub-IFD offsets pointing nowhere. Evidence must still be imported, so each
field is read on its own and anything invalid is left out ("read as far as it is valid"); only a
file whose image header itself cannot be parsed raises :class:`ImageUnreadable`.

No pixel data is decoded here; the pixel limit (:data:`MAX_PIXELS`) is still enforced so that
the import service gets the refusal before it does any further work on a bomb.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, TypeVar

from PIL import ExifTags, Image

from ._imaging import MAX_PIXELS, ImageSource, open_image, orientation_from_exif, read_exif
from .errors import ImageRejected, ImageUnreadable

__all__ = [
    "MAX_PIXELS",
    "ImageMetadata",
    "ImageRejected",
    "ImageUnreadable",
    "metadata_of",
    "read_image_metadata",
]

_MAX_TEXT = 256  # longer "camera make" strings are garbage (or an attack), not a camera name
_MAX_ALTITUDE_M = 100_000.0  # beyond this it is not a place on (or above) Earth a camera was

# Tags copied into ``extra`` as readable text: (IFD, tag id, name).
_EXTRA_TAGS: tuple[tuple[str, int, str], ...] = (
    ("0", 0x010E, "ImageDescription"),
    ("0", 0x0131, "Software"),
    ("0", 0x0132, "DateTime"),
    ("0", 0x013B, "Artist"),
    ("0", 0x8298, "Copyright"),
    ("exif", 0x829A, "ExposureTime"),
    ("exif", 0x829D, "FNumber"),
    ("exif", 0x8827, "ISOSpeedRatings"),
    ("exif", 0x920A, "FocalLength"),
    ("exif", 0xA433, "LensMake"),
    ("exif", 0xA431, "BodySerialNumber"),
    ("gps", 0x001D, "GPSDateStamp"),
    ("gps", 0x0007, "GPSTimeStamp"),
)

_DATETIME_RE = re.compile(r"^(\d{4})[:\-](\d{2})[:\-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
_OFFSET_RE = re.compile(r"^([+-])(\d{2}):(\d{2})$")
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")

T = TypeVar("T")


@dataclass(frozen=True)
class ImageMetadata:
    """What the archive records about an image.

    ``width``/``height`` are the stored pixel dimensions, before the EXIF orientation is applied
    (see :attr:`display_size`). GPS values are signed decimal degrees (south/west negative) and
    metres (below sea level negative); the archive marks them sensitive.
    """

    width: int
    height: int
    format: str
    camera_make: str | None = None
    camera_model: str | None = None
    lens: str | None = None
    captured_at: str | None = None
    orientation: int | None = None
    gps_lat: float | None = None
    gps_lon: float | None = None
    gps_alt: float | None = None
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def has_gps(self) -> bool:
        """True when a position was found (altitude alone does not locate anyone)."""
        return self.gps_lat is not None and self.gps_lon is not None

    @property
    def display_size(self) -> tuple[int, int]:
        """Width and height as the picture is shown, i.e. after applying the orientation."""
        if self.orientation in (5, 6, 7, 8):
            return self.height, self.width
        return self.width, self.height


def read_image_metadata(source: ImageSource) -> ImageMetadata:
    """Read size, format and EXIF fields of an image without decoding its pixels.

    Raises :class:`ImageRejected` above :data:`MAX_PIXELS` and :class:`ImageUnreadable` when the
    header cannot be parsed. Broken EXIF never raises: the affected fields are just ``None``.
    """
    with open_image(source) as image:
        return metadata_of(image)


def metadata_of(image: Image.Image) -> ImageMetadata:
    """:func:`read_image_metadata` for an image already opened with ``open_image`` (so the
    pixel limit is checked); call it before the pixels are decoded or drafted."""
    width, height = image.size
    fmt = "JPEG" if image.format == "MPO" else (image.format or "")
    exif = read_exif(image)
    ifds: dict[str, Mapping[int, Any]] = {
        "0": exif,
        "exif": _sub_ifd(exif, ExifTags.IFD.Exif),
        "gps": _sub_ifd(exif, ExifTags.IFD.GPSInfo),
    }
    ifd0, exif_ifd, gps = ifds["0"], ifds["exif"], ifds["gps"]
    lat = _safe(lambda: _coordinate(gps.get(0x0002), gps.get(0x0001), 90.0, "N", "S"))
    lon = _safe(lambda: _coordinate(gps.get(0x0004), gps.get(0x0003), 180.0, "E", "W"))
    if lat == 0.0 and lon == 0.0:
        lat = lon = None  # "0, 0" is what receivers without a fix write, not a position
    return ImageMetadata(
        width=width,
        height=height,
        format=fmt,
        camera_make=_safe(lambda: _text(ifd0.get(0x010F))),
        camera_model=_safe(lambda: _text(ifd0.get(0x0110))),
        lens=_safe(lambda: _text(exif_ifd.get(0xA434)) or _text(ifd0.get(0xA434))),
        captured_at=_safe(lambda: _captured_at(exif_ifd)),
        orientation=_safe(lambda: orientation_from_exif(exif)),
        gps_lat=lat,
        gps_lon=lon,
        gps_alt=_safe(lambda: _altitude(gps.get(0x0006), gps.get(0x0005))),
        extra=_extra(ifds),
    )


def _safe(read: Callable[[], T | None]) -> T | None:
    """Run one field reader; any exception means "this field is not valid" -> None."""
    try:
        return read()
    except Exception:  # noqa: BLE001 - one broken field must not cost the others
        return None


def _sub_ifd(exif: Image.Exif, tag: int) -> Mapping[int, Any]:
    """A nested IFD (Exif, GPS) or an empty mapping if its offset or contents are broken."""
    try:
        ifd = exif.get_ifd(tag)
    except Exception:  # noqa: BLE001
        return {}
    return ifd if isinstance(ifd, dict) else {}


def _text(value: Any) -> str | None:
    """A clean, short, printable string, or None for empty, binary junk or wrong types."""
    if isinstance(value, (tuple, list)) and len(value) == 1:
        value = value[0]
    if isinstance(value, bytes):
        try:
            value = value.decode("utf-8")
        except UnicodeDecodeError:
            value = value.decode("latin-1")
    if not isinstance(value, str):
        return None
    text = _CONTROL_RE.sub(" ", value.replace("\x00", "")).strip()
    text = " ".join(text.split())
    if not text or len(text) > _MAX_TEXT:
        return None
    return text


def _number(value: Any) -> float | None:
    """A finite float from an int, float or (IFD)rational; None for x/0, NaN and junk."""
    if isinstance(value, bool) or value is None:
        return None
    if (
        isinstance(value, (tuple, list))
        and len(value) == 2
        and all(isinstance(v, int) for v in value)
    ):
        num, den = value
        if den == 0:
            return None
        value = num / den
    try:
        number = float(value)
    except (TypeError, ValueError, ZeroDivisionError, OverflowError):
        return None
    return number if math.isfinite(number) else None


def _dms_to_degrees(value: Any) -> float | None:
    """Degrees from EXIF's (degrees, minutes, seconds); also (deg, decimal minutes) or deg."""
    parts = list(value) if isinstance(value, (tuple, list)) else [value]
    if not 1 <= len(parts) <= 3:
        return None
    numbers = [_number(p) for p in parts]
    if any(n is None or n < 0 for n in numbers):
        return None
    deg, minutes, seconds = (numbers + [0.0, 0.0])[:3]
    assert deg is not None and minutes is not None and seconds is not None
    if minutes >= 60 or seconds >= 60:
        return None
    return deg + minutes / 60 + seconds / 3600


def _ref_letter(ref: Any) -> str | None:
    """The hemisphere letter of a GPS reference tag ('N', b'S\\x00', ...)."""
    text = _text(ref)
    return text[0].upper() if text else None


def _coordinate(value: Any, ref: Any, limit: float, positive: str, negative: str) -> float | None:
    """Signed decimal degrees; None without a valid hemisphere (the sign would be a guess)."""
    if value is None:
        return None
    degrees = _dms_to_degrees(value)
    letter = _ref_letter(ref)
    if degrees is None or degrees > limit or letter not in (positive, negative):
        return None
    return -degrees if letter == negative else degrees


def _altitude(value: Any, ref: Any) -> float | None:
    """Metres, negative below sea level. A missing reference means "above" (EXIF default)."""
    metres = _number(value[0] if isinstance(value, (tuple, list)) and len(value) == 1 else value)
    if metres is None or abs(metres) > _MAX_ALTITUDE_M:
        return None
    if isinstance(ref, (tuple, list)) and len(ref) == 1:
        ref = ref[0]
    if isinstance(ref, bytes):
        ref = ref[0] if ref else 0
    if isinstance(ref, str):
        ref = int(ref.strip("\x00 ") or 0)
    if ref is None or ref == 0:
        return abs(metres)
    if ref == 1:
        return -abs(metres)
    return None


def _timestamp(value: Any, subsec: Any, offset: Any) -> str | None:
    """ISO 8601 from an EXIF date-time plus optional sub-seconds and UTC offset tags."""
    text = _text(value)
    match = _DATETIME_RE.match(text) if text else None
    if match is None:
        return None
    try:
        moment = datetime(*(int(g) for g in match.groups()))  # type: ignore[misc]
    except ValueError:
        return None  # "0000:00:00 00:00:00" and friends
    fraction = _text(subsec)
    if fraction and fraction.isdigit():
        moment = moment.replace(microsecond=int(fraction[:6].ljust(6, "0")))
    offset_text = _text(offset)
    offset_match = _OFFSET_RE.match(offset_text) if offset_text else None
    if offset_match:
        sign, hours, mins = offset_match.groups()
        delta = timedelta(hours=int(hours), minutes=int(mins))
        if delta <= timedelta(hours=14):
            moment = moment.replace(tzinfo=timezone(-delta if sign == "-" else delta))
    return moment.isoformat()


def _captured_at(exif_ifd: Mapping[int, Any]) -> str | None:
    """DateTimeOriginal, else DateTimeDigitized.

    IFD0 ``DateTime`` is deliberately not used: editors rewrite it on every save, so it is the
    modification time, and recording it as the capture time would misdate evidence. It is kept
    in ``extra["DateTime"]`` instead.
    """
    original = _safe(
        lambda: _timestamp(exif_ifd.get(0x9003), exif_ifd.get(0x9291), exif_ifd.get(0x9011))
    )
    if original:
        return original
    return _safe(
        lambda: _timestamp(exif_ifd.get(0x9004), exif_ifd.get(0x9292), exif_ifd.get(0x9012))
    )


def _render(value: Any) -> str | None:
    """Readable text for an ``extra`` tag; binary blobs and long arrays are skipped."""
    if isinstance(value, (str, bytes)):
        return _text(value)
    if isinstance(value, (tuple, list)):
        if not 1 <= len(value) <= 4:
            return None
        parts = [_render(v) for v in value]
        return None if any(p is None for p in parts) else ", ".join(parts)  # type: ignore[arg-type]
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    number = _number(value)
    return None if number is None else f"{number:g}"


def _gps_time(value: Any) -> str | None:
    """GPSTimeStamp (hours, minutes, seconds as rationals, UTC) as ``HH:MM:SS[.ff]``."""
    if not isinstance(value, (tuple, list)) or len(value) != 3:
        return None
    hours, minutes, seconds = (_number(v) for v in value)
    if hours is None or minutes is None or seconds is None:
        return None
    if not (0 <= hours < 24 and 0 <= minutes < 60 and 0 <= seconds < 61):
        return None
    return f"{int(hours):02d}:{int(minutes):02d}:{seconds:05.2f}".removesuffix(".00")


def _extra(ifds: Mapping[str, Mapping[int, Any]]) -> dict[str, str]:
    """A few more human-readable tags; each one skipped on its own if broken."""
    extra: dict[str, str] = {}
    for ifd_name, tag, name in _EXTRA_TAGS:
        render = _gps_time if name == "GPSTimeStamp" else _render
        rendered = _safe(lambda i=ifd_name, t=tag, r=render: r(ifds[i].get(t)))
        if rendered:
            extra[name] = rendered
    return extra
