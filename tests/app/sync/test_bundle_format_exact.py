"""app.sync.bundle_format exactly: the layout FORMAT.md promises to people who read their
data without Tumar (headers, JSON lines, parts, manifest), and each refusal of a hostile
tar stream by its words. Plaintext streams, no encryption, all in this process."""

from __future__ import annotations

import hashlib
import io
import json
import os
import tarfile
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from tumar.app.sync import bundle_format, errors
from tumar.app.sync.bundle_format import BundleWriter
from tumar.app.sync.errors import BundleError

from .test_bundle_writer import _tarfile_stream

KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
PUBLIC = KEY.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()
DAMAGED = "The bundle is damaged or incomplete{}; copy it again from its source"


def _write(media: list[bytes], lines: list[dict[str, Any]], audit: list[dict[str, Any]]):
    out = io.BytesIO()
    writer = BundleWriter(out, KEY)
    writer.add_lines("records", lines)
    writer.add_lines("audit", audit)
    for data in media:
        writer.add_media(hashlib.sha256(data).hexdigest(), len(data), [data])
    full = writer.finish({"archive_id": "a", "source_replica": "r", "signing_key": PUBLIC,
                          "label": "Қайша"})  # fmt: skip
    return out.getvalue(), full


def _members(raw: bytes) -> list[tuple[tarfile.TarInfo, bytes]]:
    with tarfile.open(fileobj=io.BytesIO(raw), mode="r|") as tar:
        return [(m, tar.extractfile(m).read()) for m in tar]  # type: ignore[union-attr]


def test_the_layout_people_read_without_tumar() -> None:
    line = {"t": "note", "row": {"text": "Қайша ü", "id": "n1", "hlc": "h"}}
    raw, full = _write([b"photo"], [line, line], [{"seq": 1, "device": "d"}])
    members = _members(raw)
    assert [m.name for m, _ in members] == [
        "records/000001.jsonl", "audit/000001.jsonl",
        f"media/{hashlib.sha256(b'photo').hexdigest()}", "manifest.json", "manifest.sig",
    ]  # fmt: skip
    for info, _ in members:  # a member header says nothing about the laptop
        assert (info.mode, info.mtime, info.uid, info.gid, info.uname, info.gname) == (
            0o600, 0, 0, 0, "", "",
        )  # fmt: skip
    text = '{"row": {"hlc": "h", "id": "n1", "text": "Қайша ü"}, "t": "note"}\n'
    assert members[0][1] == (text * 2).encode()  # sorted keys, UTF-8 as it is
    assert members[1][1] == b'{"device": "d", "seq": 1}\n'
    assert members[3][1] == json.dumps(full, ensure_ascii=False, sort_keys=True, indent=1).encode()
    assert '"label": "Қайша"' in members[3][1].decode()
    assert members[4][1] == KEY.sign(members[3][1]).hex().encode()
    assert full["counts"] == {"records": 2, "audit": 1, "media": 1}


def test_the_end_of_the_stream_is_what_tarfile_writes_at_every_length() -> None:
    """Two zero blocks, then zeros to a whole 10 KiB record: at some media size no padding
    is needed, and exactly then a wrong end shows."""
    for blocks in range(21):
        raw, _full = _write([b"x" * (512 * blocks)], [], [])
        assert raw == _tarfile_stream([(m.name, data) for m, data in _members(raw)]), blocks
        assert len(raw) % tarfile.RECORDSIZE == 0


def test_parts_are_cut_where_they_say(monkeypatch: pytest.MonkeyPatch) -> None:
    """A part is cut once it holds PART_BYTES or more; numbering and counts follow."""
    line = {"t": "x"}  # 11 bytes with its newline
    monkeypatch.setattr(bundle_format, "PART_BYTES", 22)
    raw, full = _write([], [line] * 5, [line] * 2)
    parts = {m.name: data.count(b"\n") for m, data in _members(raw) if m.name.endswith(".jsonl")}
    assert parts == {
        "records/000001.jsonl": 2, "records/000002.jsonl": 2, "records/000003.jsonl": 1,
        "audit/000001.jsonl": 2,
    }  # fmt: skip
    assert full["counts"] == {"records": 5, "audit": 2, "media": 0}


# ---- reading: hostile streams ----------------------------------------------------------


def _tar(members: list[tuple[str, bytes]], directory: str | None = None) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w|", format=tarfile.PAX_FORMAT) as tar:
        if directory:
            info = tarfile.TarInfo(directory)
            info.type = tarfile.DIRTYPE
            tar.addfile(info)
        for name, data in members:
            tar.addfile(bundle_format._tarinfo(name, len(data)), io.BytesIO(data))
    return out.getvalue()


def _manifest(listed: list[tuple[str, bytes]], **changes: Any) -> list[tuple[str, bytes]]:
    data = {
        "format": "tumar-bundle", "format_version": 1, "archive_id": "a",
        "source_replica": "r", "signing_key": PUBLIC, "counts": {},
        "parts": [{"name": n, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()}
                  for n, d in listed],
    } | changes  # fmt: skip
    raw = json.dumps(data).encode()
    return [*listed, ("manifest.json", raw), ("manifest.sig", KEY.sign(raw).hex().encode())]


PART = ("records/000001.jsonl", b'{"t": "note"}\n')


def _scan(raw: bytes, max_total: int | None = None) -> bundle_format.Manifest:
    return bundle_format.scan(
        io.BytesIO(raw), max_total=len(raw) if max_total is None else max_total
    )


def _refused(raw: bytes, message: str, kind: str = errors.DAMAGED, **scan: Any) -> None:
    with pytest.raises(BundleError) as caught:
        _scan(raw, **scan)
    assert (str(caught.value), caught.value.kind) == (message, kind)


def test_a_well_formed_stream_is_read() -> None:
    manifest = _scan(_tar(_manifest([PART])))
    assert list(manifest.parts) == [PART[0]]


@pytest.mark.parametrize(
    ("members", "directory", "message"),
    [
        (_manifest([PART]), "records", DAMAGED.format(" (unexpected entry)")),
        ([*_manifest([PART]), PART], None, DAMAGED.format(" (parts after the manifest)")),
        ([PART, *_manifest([PART])], None, DAMAGED.format(" (parts after the manifest)")),
        ([("notes.txt", b"x"), *_manifest([])], None, DAMAGED.format(" (unknown part)")),
        ([PART], None, DAMAGED.format(" (no manifest)")),
        (_manifest([PART])[:-1], None, DAMAGED.format(" (no manifest)")),  # no signature
        ([PART, ("manifest.json", b"{"), ("manifest.sig", b"00")], None,
         DAMAGED.format(" (unreadable manifest)")),
        (_manifest([PART], format="zip"), None, "This file is not a Tumar bundle"),
        (_manifest([PART], counts=None) [:-2] + [("manifest.json", b"[1]"), ("manifest.sig", b"")],
         None, "This file is not a Tumar bundle"),
        (_manifest([PART], parts=[{"name": PART[0], "size": "14", "sha256": "x"}]), None,
         DAMAGED.format(" (manifest fields)")),
        (_manifest([PART], parts=[{"name": PART[0], "size": 14, "sha256": 5}]), None,
         DAMAGED.format(" (manifest fields)")),
        (_manifest([PART], parts=[]), None,
         "The bundle's parts do not match its manifest; refused as tampered"),
    ],
)  # fmt: skip
def test_each_refusal_by_its_words(members, directory, message) -> None:
    _refused(_tar(members, directory), message)


def test_a_newer_format_asks_for_an_update() -> None:
    _refused(
        _tar(_manifest([PART], format_version=2)),
        "The bundle was written in format 2, newer than this Tumar reads (1); update Tumar",
        errors.NEWER,
    )


def test_a_signature_that_does_not_match() -> None:
    members = _manifest([PART])
    members[-1] = ("manifest.sig", Ed25519PrivateKey.generate().sign(b"other").hex().encode())
    _refused(_tar(members), "The bundle's signature does not match; refused as tampered")


def test_the_signatures_size_limit() -> None:
    """256 bytes are read (and fail as a signature); 257 are refused unread."""
    members = _manifest([PART])
    members[-1] = ("manifest.sig", b"0" * 256)
    _refused(_tar(members), "The bundle's signature does not match; refused as tampered")
    members[-1] = ("manifest.sig", b"0" * 257)
    _refused(_tar(members), "The bundle claims a part of 257 bytes; refused as forged")


def test_claims_beyond_the_file() -> None:
    """The sizes the members claim, added up, may reach the file's size but not pass it."""
    members = _manifest([PART, ("audit/000001.jsonl", b'{"seq": 1}\n')])
    raw, claimed = _tar(members), sum(len(data) for _name, data in members)
    assert _scan(raw, max_total=claimed).parts
    _refused(raw, "The bundle claims more data than its file holds; refused", max_total=claimed - 1)


def test_a_media_member_claiming_more_than_a_tebibyte() -> None:
    sha = "0" * 64
    for size, message in (
        (bundle_format.MAX_MEDIA_BYTES + 1, "The bundle claims a media file too large to be real"),
        (bundle_format.MAX_MEDIA_BYTES, DAMAGED.format("")),  # believed, then cut short
    ):
        header = bundle_format._tarinfo(f"media/{sha}", size).tobuf(tarfile.PAX_FORMAT)
        _refused(header + b"\0" * 4096, message, max_total=2**62)


def test_media_larger_than_a_read_block_is_hashed_whole() -> None:
    media = os.urandom((1 << 20) + 4097)
    raw, _full = _write([media], [], [])
    manifest = _scan(raw)
    assert manifest.parts[f"media/{hashlib.sha256(media).hexdigest()}"]["size"] == len(media)
    read = [
        (part.kind, part.size, part.stream.read() if part.stream else b"")
        for part in bundle_format.parts(io.BytesIO(raw), manifest)
    ]
    assert read == [("media", len(media), media)]


def test_a_part_the_manifest_does_not_list_on_the_second_pass() -> None:
    raw = _tar(_manifest([PART]))
    manifest = _scan(raw)
    manifest.parts.clear()
    with pytest.raises(BundleError) as caught:
        list(bundle_format.parts(io.BytesIO(raw), manifest))
    assert str(caught.value) == str(errors.changed_while_read())


def test_scanning_a_large_media_member_keeps_memory_bounded() -> None:
    """A 5 GB archive's bundle is hashed in blocks, never held whole (here 32 MiB of media
    scanned with a few MiB at most: ≈ 4 MiB measured)."""
    import tracemalloc

    media = os.urandom(32 << 20)
    raw, _full = _write([media], [], [])
    del media
    tracemalloc.start()
    try:
        _scan(raw)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 12 << 20, peak
