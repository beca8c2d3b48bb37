"""Tumar's own age writer (recipients and passphrase) read back by pyrage and stock `age`."""

from __future__ import annotations

import errno
import io
import os
import shutil
import subprocess
from pathlib import Path

import pyrage
import pytest

from tumar.app.sync import age_scrypt
from tumar.app.sync.age_stream import CHUNK
from tumar.app.sync.age_x25519 import RecipientWriter, recipient_key
from tumar.storage import bech32

# chunk borders: empty payload, one byte, exactly one chunk, one byte over, several chunks
SIZES = [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 3 * CHUNK + 5]


def _write(sink, data: bytes, pieces: list[int]) -> None:
    """Write `data` in pieces of the given sizes (cycled), as the bundle writer does."""
    pos, i = 0, 0
    while pos < len(data):
        step = pieces[i % len(pieces)]
        sink.write(data[pos : pos + step])
        pos, i = pos + step, i + 1
    sink.finish()


@pytest.mark.parametrize("size", SIZES)
def test_recipient_file_opens_with_pyrage_for_every_recipient(size: int) -> None:
    identities = [pyrage.x25519.Identity.generate() for _ in range(3)]
    data = os.urandom(size)
    out = io.BytesIO()
    _write(RecipientWriter(out, [str(i.to_public()) for i in identities]), data, [512, 70_001])
    for identity in identities:
        assert pyrage.decrypt(out.getvalue(), [identity]) == data
    with pytest.raises(pyrage.DecryptError):
        pyrage.decrypt(out.getvalue(), [pyrage.x25519.Identity.generate()])


@pytest.mark.parametrize("pieces", [[1], [CHUNK], [CHUNK - 3, 3, 1 << 20]])
def test_write_patterns_do_not_change_the_plaintext(pieces: list[int]) -> None:
    identity = pyrage.x25519.Identity.generate()
    data = os.urandom(2 * CHUNK + 17 if pieces != [1] else 3000)
    out = io.BytesIO()
    _write(RecipientWriter(out, [str(identity.to_public())]), data, pieces)
    assert pyrage.decrypt(out.getvalue(), [identity]) == data


@pytest.mark.skipif(shutil.which("age") is None, reason="Debian package age not installed")
@pytest.mark.parametrize("size", [0, CHUNK, 2 * CHUNK, 5 * CHUNK + 123])
def test_stock_age_opens_a_recipient_file(tmp_path: Path, size: int) -> None:
    """Stock age is strict where pyrage is not: an empty final chunk after full ones is
    refused, so payloads ending on a chunk border written in chunk-sized pieces are here."""
    identity = pyrage.x25519.Identity.generate()
    key_file = tmp_path / "id.txt"
    key_file.write_text(str(identity) + "\n")
    data = os.urandom(size)
    out = io.BytesIO()
    _write(RecipientWriter(out, [str(identity.to_public())]), data, [CHUNK])
    plain = subprocess.run(
        ["age", "-d", "-i", str(key_file)], input=out.getvalue(), capture_output=True, check=True
    ).stdout
    assert plain == data


def test_passphrase_file_round_trips_through_the_same_payload_writer() -> None:
    data = os.urandom(2 * CHUNK + 9)
    out = io.BytesIO()
    _write(age_scrypt.ScryptWriter(out, "a pass phrase", 10), data, [4000, 1 << 20])
    out.seek(0)
    reader = age_scrypt.passphrase_reader(out, "a pass phrase")
    assert reader.read() == data


def test_recipient_key_is_the_x25519_public_key() -> None:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    identity = pyrage.x25519.Identity.generate()
    hrp, secret = bech32.decode(str(identity))
    assert hrp == "age-secret-key-"
    public = X25519PrivateKey.from_private_bytes(secret).public_key().public_bytes_raw()
    assert recipient_key(str(identity.to_public())) == public
    last = "q" if str(identity.to_public())[-1] != "q" else "p"
    with pytest.raises(pyrage.RecipientError):
        recipient_key(str(identity.to_public())[:-1] + last)


def test_bech32_decode_inverts_encode_and_checks_the_checksum() -> None:
    data = os.urandom(32)
    text = bech32.encode("age", data)
    assert bech32.decode(text) == ("age", data)
    assert bech32.decode(text.upper()) == ("age", data)
    for bad in (text[:-1] + ("q" if text[-1] != "q" else "p"), "agf" + text[3:], text[:4]):
        with pytest.raises(ValueError):
            bech32.decode(bad)


class _FullDisk(io.RawIOBase):
    """Takes the header, then fails like a full disk."""

    def __init__(self) -> None:
        super().__init__()
        self.taken = 0

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:  # type: ignore[override]
        if self.taken:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self.taken += len(data)
        return len(data)


def test_a_failed_write_reaches_the_caller_as_the_oserror() -> None:
    identity = pyrage.x25519.Identity.generate()
    writer = RecipientWriter(_FullDisk(), [str(identity.to_public())])
    with pytest.raises(OSError) as caught:
        for _ in range(64):
            writer.write(b"x" * (1 << 20))
        writer.finish()
    assert caught.value.errno == errno.ENOSPC
    writer.abandon()
