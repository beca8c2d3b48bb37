"""The plaintext header is hostile input: every field is validated with a precise message,
and what Tumar writes reads back identically."""

from __future__ import annotations

import base64
import json
import stat
from pathlib import Path

import pytest

from tumar.storage import header as H
from tumar.storage import keyslots
from tumar.storage.errors import HeaderCorrupt, NotAnArchive, UnsupportedFormat
from tumar.storage.kdf import fast_params

AID = "6f1c1c5e-3b5c-4a8e-9a57-8f0d1f9a2b10"


def slot_json(slot_id: str = "a" * 32, **changes: object) -> dict:
    data = {
        "id": slot_id, "kind": "passphrase", "kdf": fast_params().to_json(),
        "salt": base64.b64encode(bytes(16)).decode(), "nonce": base64.b64encode(bytes(12)).decode(),
        "wrapped_key": base64.b64encode(bytes(48)).decode(),
    }  # fmt: skip
    data.update(changes)
    return data


def header_json(**changes: object) -> dict:
    data = {"format": "tumar-archive", "format_version": 1, "archive_id": AID,
            "created_at": "2026-11-27T10:00:00+00:00", "slots": [slot_json()]}  # fmt: skip
    data.update(changes)
    return data


HEADER_REFUSED = [
    ([], HeaderCorrupt, "is not a Tumar archive header"),
    (header_json(format="tumar"), HeaderCorrupt, "is not a Tumar archive header"),
    (header_json(format_version=None), HeaderCorrupt, "has no valid format version"),
    (header_json(format_version=True), HeaderCorrupt, "has no valid format version"),
    (header_json(format_version=0), HeaderCorrupt, "has no valid format version"),
    (header_json(format_version="1"), HeaderCorrupt, "has no valid format version"),
    (header_json(format_version=3), UnsupportedFormat, "uses format 3, written by a newer"),
    (header_json(archive_id="not-a-uuid"), HeaderCorrupt, "has no valid archive id"),
    (header_json(slots={}), HeaderCorrupt, "has no usable key slots"),
    (header_json(slots=[]), HeaderCorrupt, "has no usable key slots"),
    (header_json(slots=[slot_json(f"{i:032x}") for i in range(17)]), HeaderCorrupt,
     "has no usable key slots"),
    (header_json(slots=[slot_json(), slot_json()]), HeaderCorrupt, "repeats a key slot id"),
    (header_json(created_at=None), HeaderCorrupt, "has no creation time"),
]  # fmt: skip


@pytest.mark.parametrize(("data", "error", "message"), HEADER_REFUSED)
def test_header_fields_are_validated(data: object, error: type, message: str) -> None:
    with pytest.raises(error, match=message):
        H.parse_header(data)


def test_newer_format_message_says_what_to_do() -> None:
    with pytest.raises(UnsupportedFormat) as info:
        H.parse_header(header_json(format_version=3))
    assert str(info.value) == (
        "This archive uses format 3, written by a newer Tumar; this version reads format 2. "
        "Update Tumar to open it"
    )


def test_limits_are_inclusive() -> None:
    sixteen = H.parse_header(header_json(slots=[slot_json(f"{i:032x}") for i in range(16)]))
    assert len(sixteen.slots) == H.MAX_SLOTS == 16
    upper = H.parse_header(header_json(archive_id=AID.upper()))
    assert upper.archive_id == AID and upper.format_version == 1
    assert upper.created_at == "2026-11-27T10:00:00+00:00"


SLOT_REFUSED = [
    ("x", "is damaged"),
    (slot_json(""), "has no valid id"),
    (slot_json("a" * 65), "has no valid id"),
    (slot_json(7), "has no valid id"),
    (slot_json(kind="master"), "has an unknown kind"),
    (slot_json(salt=None), "salt is missing"),
    (slot_json(nonce="***"), "nonce in the archive header is damaged"),
    (slot_json(wrapped_key=base64.b64encode(bytes(47)).decode()), "fields of the wrong size"),
    (slot_json(salt=base64.b64encode(bytes(15)).decode()), "fields of the wrong size"),
    (slot_json(salt=base64.b64encode(bytes(65)).decode()), "fields of the wrong size"),
    (slot_json(nonce=base64.b64encode(bytes(13)).decode()), "fields of the wrong size"),
]  # fmt: skip


@pytest.mark.parametrize(("data", "message"), SLOT_REFUSED)
def test_slot_fields_are_validated(data: object, message: str) -> None:
    with pytest.raises(HeaderCorrupt, match=message):
        keyslots.KeySlot.from_json(data)


def test_slot_limits_are_inclusive() -> None:
    for slot_id, salt in (("a", 16), ("a" * 64, 64)):
        slot = keyslots.KeySlot.from_json(
            slot_json(slot_id, salt=base64.b64encode(bytes(salt)).decode(), kind="recovery")
        )
        assert (slot.slot_id, slot.kind, len(slot.salt)) == (slot_id, "recovery", salt)
        assert keyslots.KeySlot.from_json(slot.to_json()) == slot


def test_written_header_reads_back_identically(tmp_path: Path) -> None:
    master = keyslots.new_master_key()
    slots = tuple(
        keyslots.wrap(master, b"secret", AID, kind, fast_params()) for kind in keyslots.SLOT_KINDS
    )
    written = H.Header(archive_id=AID, created_at="2026-11-27T10:00:00+00:00", slots=slots)
    H.write_header(tmp_path, written)
    path = tmp_path / "tumar.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    raw = path.read_bytes()
    assert raw.endswith(b"}\n") and json.loads(raw)["key_wrap"] == "AES-256-GCM"
    assert list(json.loads(raw)) == sorted(json.loads(raw))
    assert H.read_header(tmp_path) == written
    other = keyslots.wrap(master, b"other", AID, "passphrase", fast_params())
    replaced = written.with_slot_replaced(slots[0].slot_id, other)
    assert replaced.slots == (other, slots[1]) and written.slots == slots


def test_reading_refuses_missing_large_and_damaged_files(tmp_path: Path) -> None:
    with pytest.raises(NotAnArchive, match="There is no archive folder"):
        H.read_header(tmp_path / "nothing")
    with pytest.raises(NotAnArchive, match="tumar.json is missing"):
        H.read_header(tmp_path)
    path = tmp_path / "tumar.json"
    body = json.dumps(header_json()).encode()
    path.write_bytes(body + b" " * (H.MAX_HEADER_BYTES - len(body)))  # exactly at the limit
    assert H.read_header(tmp_path).archive_id == AID
    path.write_bytes(body + b" " * (H.MAX_HEADER_BYTES + 1 - len(body)))
    with pytest.raises(HeaderCorrupt, match="implausibly large"):
        H.read_header(tmp_path)
    for damaged in (b"\xff\xfe{}", b"{not json"):
        path.write_bytes(damaged)
        with pytest.raises(HeaderCorrupt, match="damaged"):
            H.read_header(tmp_path)
