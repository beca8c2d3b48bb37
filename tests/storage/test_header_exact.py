"""tumar.json, pinned where the first mutation run found it loose: the exact text Tumar
writes (a person reads this file to learn what the archive is: its layout, the description of
the databases and the indentation are part of the format), and the bounded read of a hostile,
huge header."""

from __future__ import annotations

import base64
import tracemalloc
from pathlib import Path

import pytest

from tumar.storage import header as H
from tumar.storage import keyslots
from tumar.storage.errors import HeaderCorrupt
from tumar.storage.kdf import fast_params

AID = "6f1c1c5e-3b5c-4a8e-9a57-8f0d1f9a2b10"

WRITTEN = """\
{
  "archive_id": "6f1c1c5e-3b5c-4a8e-9a57-8f0d1f9a2b10",
  "created_at": "2026-11-27T10:00:00+00:00",
  "databases": {
    "archive.db": "SQLCipher 4 with HMAC-SHA256 pages, raw key = HKDF-SHA256(master key)",
    "media.db": "SQLCipher 4 with HMAC-SHA256 pages, raw key = HKDF-SHA256(master key)"
  },
  "format": "tumar-archive",
  "format_version": 2,
  "key_wrap": "AES-256-GCM",
  "slots": [
    {
      "archive_id": "6f1c1c5e-3b5c-4a8e-9a57-8f0d1f9a2b10",
      "id": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      "kdf": {
        "memory_kib": 65536,
        "name": "argon2id",
        "parallelism": 1,
        "profile": "fast",
        "time_cost": 1
      },
      "kind": "passphrase",
      "nonce": "AAAAAAAAAAAAAAAA",
      "salt": "AAAAAAAAAAAAAAAAAAAAAA==",
      "wrapped_key": "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    }
  ]
}
"""


def test_the_written_header_is_exactly_this_text(tmp_path: Path) -> None:
    slot = keyslots.KeySlot.from_json(
        {
            "id": "a" * 32,
            "kind": "passphrase",
            "kdf": fast_params().to_json(),
            "salt": base64.b64encode(bytes(16)).decode(),
            "nonce": base64.b64encode(bytes(12)).decode(),
            "wrapped_key": base64.b64encode(bytes(48)).decode(),
            "archive_id": AID,
        }  # fmt: skip
    )
    header = H.Header(archive_id=AID, created_at="2026-11-27T10:00:00+00:00", slots=(slot,))
    H.write_header(tmp_path, header)
    assert (tmp_path / "tumar.json").read_bytes() == WRITTEN.encode("utf-8")
    assert H.read_header(tmp_path) == header


def test_a_format_1_header_is_written_back_as_format_1(tmp_path: Path) -> None:
    """A key change rewrites the header but not the databases' pages: what it says about
    them must stay true, and an older Tumar must still open the archive."""
    format_1 = WRITTEN.replace('"format_version": 2', '"format_version": 1').replace(
        "SQLCipher 4 with HMAC-SHA256 pages,", "SQLCipher 4,"
    )
    (tmp_path / "tumar.json").write_text(format_1, encoding="utf-8")
    header = H.read_header(tmp_path)
    assert header.format_version == 1
    H.write_header(tmp_path, header)
    assert (tmp_path / "tumar.json").read_text(encoding="utf-8") == format_1


def test_a_huge_header_is_refused_without_reading_it_whole(tmp_path: Path) -> None:
    """A hostile 64 MiB tumar.json (sparse: nothing is written) is refused after reading at
    most its first 256 KiB + 1 byte, so a crafted header cannot exhaust memory."""
    with open(tmp_path / "tumar.json", "wb") as fh:
        fh.truncate(64 * 1024 * 1024)
    tracemalloc.start()
    try:
        with pytest.raises(HeaderCorrupt, match="implausibly large"):
            H.read_header(tmp_path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * 1024 * 1024
