"""Rebuild the fixtures in this folder from the shared exif-samples checkout.

Not run by the test suite (the suite must pass without /work/shared); kept so the derived files
can be reproduced and checked. Usage: python tests/data/photos/derive_fixtures.py [SRC_DIR]

* Small files are copied byte for byte.
* The broken-EXIF samples are 0.2-3 MB because of their pixels, not their metadata. For those
  the metadata segments (APPn, COM: where the broken EXIF lives) are kept byte for byte and the
  compressed picture is replaced by a re-encoded copy at most 160 px wide. The result is a
  derivative of the CC BY-SA 4.0 original and is shared under the same licence.
  `jpg/corrupted.jpg` (2 MB) is shrunk the same way into `jpg/corrupted.jpg`.
* The two phone HEIC/HEIF samples (2-3 MB) are decoded, scaled to 1/8 and encoded again as
  HEIC (pillow-heif) with their original EXIF block, so make, model, capture time and GPS
  stay those of the phone; the HEVC stream and container layout are pillow-heif's.
"""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

from PIL import Image

HERE = Path(__file__).resolve().parent
SRC = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/fixtures/photos")

COPY = [
    "jpg/gps/DSCN0010.jpg",
    *[f"jpg/orientation/landscape_{i}.jpg" for i in range(1, 9)],
    "jpg/invalid/image01551.jpg",
    "jpg/invalid/image02206.jpg",
]
SHRINK = [
    "jpg/tests/11-tests.jpg",
    "jpg/tests/22-canon_tags.jpg",
    "jpg/tests/28-hex_value.jpg",
    "jpg/tests/30-type_error.jpg",
    "jpg/tests/32-lens_data.jpeg",
    "jpg/tests/33-type_error.jpg",
    "jpg/tests/35-empty.jpg",
    "jpg/tests/36-memory_error.jpg",
    "jpg/tests/42_IndexError.jpg",
    "jpg/tests/45-gps_ifd.jpg",
    "jpg/tests/67-0_length_string.jpg",
    "jpg/tests/87_OSError.jpg",
]
# Segments copied from the original: APP0-APP13, APP15 and COM. APP14 (Adobe) is left out
# because its colour-transform flag describes the original scan, not the re-encoded one.
KEEP_MARKERS = set(range(0xE0, 0xEE)) | {0xEF, 0xFE}


def header_segments(data: bytes) -> bytes:
    """The metadata segments between SOI and the first non-metadata marker."""
    kept = bytearray()
    pos = 2
    while pos + 4 <= len(data) and data[pos] == 0xFF:
        marker = data[pos + 1]
        length = int.from_bytes(data[pos + 2 : pos + 4], "big")
        if marker not in KEEP_MARKERS and not 0xE0 <= marker <= 0xEF:
            break
        if marker in KEEP_MARKERS:
            kept += data[pos : pos + 2 + length]
        pos += 2 + length
    return bytes(kept)


def shrink(src: Path, dest: Path) -> None:
    data = src.read_bytes()
    with Image.open(src) as image:
        image.draft("RGB", (160, 160))
        small = image.convert("RGB")
        small.thumbnail((160, 160))
    buf = io.BytesIO()
    small.save(buf, format="JPEG", quality=70)
    fresh = buf.getvalue()
    # fresh = SOI, APP0 (JFIF), DQT...; drop its SOI + APP0 and put the original metadata first.
    app0_len = int.from_bytes(fresh[4:6], "big")
    body = fresh[4 + app0_len :]
    dest.write_bytes(b"\xff\xd8" + header_segments(data) + body)


HEIC = ["heic/mobile/iphone_13_pro_max.HEIC", "heic/mobile/HMD_Nokia_8.3_5G.heif"]


def shrink_heic(src: Path, dest: Path) -> None:
    import pillow_heif

    pillow_heif.register_heif_opener()
    with Image.open(src) as image:
        exif = image.info["exif"]
        small = image.convert("RGB").resize((image.width // 8, image.height // 8))
    pillow_heif.from_pillow(small).save(dest, quality=40, exif=exif)


def main() -> None:
    for rel in COPY:
        dest = HERE / Path(rel).relative_to("jpg")
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SRC / rel, dest)
    for rel in SHRINK:
        dest = HERE / "broken_exif" / Path(rel).name
        dest.parent.mkdir(parents=True, exist_ok=True)
        shrink(SRC / rel, dest)
    (HERE / "jpg").mkdir(exist_ok=True)
    shrink(SRC / "jpg/corrupted.jpg", HERE / "jpg" / "corrupted.jpg")
    for rel in HEIC:
        (HERE / rel).parent.mkdir(parents=True, exist_ok=True)
        shrink_heic(SRC / rel, HERE / rel)


if __name__ == "__main__":
    main()
