"""tumar.json: the plaintext archive header (nothing secret: format, id, key slots).

Everything read from it is validated before use; a damaged, foreign or newer header is
refused with a specific message instead of being "repaired" into a new archive.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path

from .atomic import atomic_write_bytes
from .errors import HeaderCorrupt, NotAnArchive, UnsupportedFormat
from .keyslots import KeySlot

HEADER_NAME = "tumar.json"
FORMAT_NAME = "tumar-archive"
#: 2: databases created since are written with HMAC-SHA256 pages (storage.connection.PAGE_HMAC);
#: 1: SQLCipher 4's default HMAC-SHA512. A format-2 reader opens both; a key change keeps
#: the files (and so the number) as they were; an older Tumar refuses format 2 plainly
#: instead of calling its databases damaged.
FORMAT_VERSION = 2
#: what each format's header says about its databases (for a person reading tumar.json)
DATABASE_NOTES = {
    1: "SQLCipher 4, raw key = HKDF-SHA256(master key)",
    2: "SQLCipher 4 with HMAC-SHA256 pages, raw key = HKDF-SHA256(master key)",
}
MAX_HEADER_BYTES = 256 * 1024
MAX_SLOTS = 16


@dataclass(frozen=True)
class Header:
    archive_id: str
    created_at: str
    slots: tuple[KeySlot, ...] = field(default_factory=tuple)
    format_version: int = FORMAT_VERSION

    def to_json(self) -> dict:
        return {
            "format": FORMAT_NAME,
            "format_version": self.format_version,
            "archive_id": self.archive_id,
            "created_at": self.created_at,
            "key_wrap": "AES-256-GCM",
            "databases": {
                "archive.db": DATABASE_NOTES[self.format_version],
                "media.db": DATABASE_NOTES[self.format_version],
            },
            "slots": [slot.to_json() for slot in self.slots],
        }

    def with_slot_replaced(self, old_id: str, new_slot: KeySlot) -> Header:
        slots = tuple(new_slot if s.slot_id == old_id else s for s in self.slots)
        return replace(self, slots=slots)


def header_path(folder: Path) -> Path:
    return Path(folder) / HEADER_NAME


def write_header(folder: Path, header: Header) -> None:
    data = json.dumps(header.to_json(), indent=2, sort_keys=True).encode("utf-8") + b"\n"
    atomic_write_bytes(header_path(folder), data, mode=0o600)


def read_header(folder: Path) -> Header:
    path = header_path(folder)
    if not Path(folder).is_dir():
        raise NotAnArchive(f"There is no archive folder at {folder}")
    if not path.is_file():
        raise NotAnArchive(f"{folder} is not a Tumar archive: {HEADER_NAME} is missing")
    with open(path, "rb") as fh:
        raw = fh.read(MAX_HEADER_BYTES + 1)
    if len(raw) > MAX_HEADER_BYTES:
        raise HeaderCorrupt(f"The archive header {HEADER_NAME} is implausibly large")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):
        # ValueError covers bad UTF-8, bad JSON and integers beyond Python's digit limit;
        # RecursionError a hostile header of deeply nested brackets
        raise HeaderCorrupt(
            f"The archive header {HEADER_NAME} is damaged (not valid JSON)"
        ) from None
    return parse_header(data)


def parse_header(data: object) -> Header:
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise HeaderCorrupt(f"{HEADER_NAME} is not a Tumar archive header")
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise HeaderCorrupt(f"The archive header {HEADER_NAME} has no valid format version")
    if version > FORMAT_VERSION:
        raise UnsupportedFormat(
            f"This archive uses format {version}, written by a newer Tumar; "
            f"this version reads format {FORMAT_VERSION}. Update Tumar to open it"
        )
    archive_id = data.get("archive_id")
    try:
        archive_id = str(uuid.UUID(str(archive_id)))
    except ValueError:
        raise HeaderCorrupt(f"The archive header {HEADER_NAME} has no valid archive id") from None
    slots_data = data.get("slots")
    if not isinstance(slots_data, list) or not 1 <= len(slots_data) <= MAX_SLOTS:
        raise HeaderCorrupt(f"The archive header {HEADER_NAME} has no usable key slots")
    slots = tuple(KeySlot.from_json(s) for s in slots_data)
    if len({s.slot_id for s in slots}) != len(slots):
        raise HeaderCorrupt(f"The archive header {HEADER_NAME} repeats a key slot id")
    created_at = data.get("created_at")
    if not isinstance(created_at, str):
        raise HeaderCorrupt(f"The archive header {HEADER_NAME} has no creation time")
    return Header(archive_id=archive_id, created_at=created_at, slots=slots, format_version=version)
