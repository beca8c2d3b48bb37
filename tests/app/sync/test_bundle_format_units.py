"""app.sync.bundle_format in this process, without encryption: the manifest's counts, and
the exact refusals of what a reader meets (each also runs inside a restore's helper
process, where mutmut cannot watch it)."""

from __future__ import annotations

import hashlib
import io
import os

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from tumar.app.sync import bundle_format
from tumar.app.sync.bundle_format import BundleWriter, Part
from tumar.app.sync.errors import BundleError

DAMAGED = "The bundle is damaged or incomplete{}; copy it again from its source"


def _bundle(media: list[bytes], lines: int = 3) -> tuple[bytes, dict]:
    key = Ed25519PrivateKey.generate()
    out = io.BytesIO()
    writer = BundleWriter(out, key)
    writer.add_lines("records", [{"t": "note", "row": {"text": f"line {i}"}} for i in range(lines)])
    for data in media:
        writer.add_media(hashlib.sha256(data).hexdigest(), len(data), [data])
    public = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()
    full = writer.finish({"archive_id": "a", "source_replica": "r", "signing_key": public})
    return out.getvalue(), full


def test_the_manifest_counts_what_the_bundle_holds() -> None:
    media = [os.urandom(100), os.urandom(700), b""]
    raw, full = _bundle(media, lines=3)
    assert full["counts"] == {"records": 3, "audit": 0, "media": 3}
    manifest = bundle_format.scan(io.BytesIO(raw), max_total=len(raw))
    assert manifest["counts"] == {"records": 3, "audit": 0, "media": 3}
    names = [part.name for part in bundle_format.parts(io.BytesIO(raw), manifest)]
    assert names == ["records/000001.jsonl"] + [
        f"media/{hashlib.sha256(m).hexdigest()}" for m in media
    ]


def test_stored_media_that_does_not_match_its_hash_is_named() -> None:
    writer = BundleWriter(io.BytesIO(), Ed25519PrivateKey.generate())
    sha = hashlib.sha256(b"what was imported").hexdigest()
    with pytest.raises(BundleError) as caught:
        writer.add_media(sha, 17, [b"what is there now"])
    assert str(caught.value) == f"Stored media {sha[:12]} is damaged; run tumar verify"


@pytest.mark.parametrize(
    "data",
    [
        b'{"t": "note", "row": {"n": NaN}}\n',
        b'{"t": "note", "row": {"n": -Infinity}}\n',
        b'{"t": "note"\n',
        b'{"t": "\xff"}\n',
        b'{"t": "\\udc80"}\n',  # a lone surrogate: JSON allows it, text does not
    ],
)
def test_an_unreadable_part_is_one_error(data: bytes) -> None:
    with pytest.raises(BundleError) as caught:
        Part("records", "records/000001.jsonl", data=data).parse()
    assert str(caught.value) == DAMAGED.format(" (unreadable part)")


def test_a_surrogate_pair_written_as_escapes_is_text() -> None:
    part = Part("records", "records/000001.jsonl", data=b'{"t": "\\ud83d\\ude00"}\n\n')
    assert part.parse() == [{"t": "\U0001f600"}]


def test_what_is_not_a_tar_stream_is_damaged() -> None:
    with pytest.raises(BundleError) as caught:
        bundle_format.scan(io.BytesIO(os.urandom(4096)), max_total=4096)
    assert str(caught.value) == DAMAGED.format("")
