"""Tumar's age reader (app/sync/age_reader.py, age_x25519.recipient_reader): it opens what
pyrage (rage), stock `age` and Tumar write, and refuses every damaged file with a
BundleError, never with garbage or a short read."""

from __future__ import annotations

import io
import os
import random
import shutil
import subprocess
from pathlib import Path

import pyrage
import pytest
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from tumar.app.sync import age_scrypt
from tumar.app.sync.age_stream import CHUNK, TAG, hkdf, nonce, sealed_header
from tumar.app.sync.age_x25519 import RecipientWriter, recipient_key, recipient_reader, stanza
from tumar.app.sync.errors import BundleError, BundleKeyError

SIZES = [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 3 * CHUNK + 5]
SEED = 20261128


def _read(data: bytes, identities: list[str]) -> bytes:
    return recipient_reader(io.BytesIO(data), identities).read()


def _tumar_file(data: bytes, recipients: list[str]) -> bytes:
    out = io.BytesIO()
    writer = RecipientWriter(out, recipients)
    writer.write(data)
    writer.finish()
    return out.getvalue()


@pytest.mark.parametrize("size", SIZES)
def test_reads_what_pyrage_writes_for_each_recipient(size: int) -> None:
    identities = [pyrage.x25519.Identity.generate() for _ in range(3)]
    data = os.urandom(size)
    sealed = pyrage.encrypt(data, [i.to_public() for i in identities])
    for identity in identities:
        assert _read(sealed, [str(identity)]) == data
    # a laptop holding several identities finds the one that opens it
    assert _read(sealed, [str(pyrage.x25519.Identity.generate()), str(identities[2])]) == data


@pytest.mark.parametrize("size", [0, CHUNK, 5 * CHUNK + 123])
def test_reads_what_tumar_writes(size: int) -> None:
    identities = [pyrage.x25519.Identity.generate() for _ in range(2)]
    data = os.urandom(size)
    sealed = _tumar_file(data, [str(i.to_public()) for i in identities])
    assert _read(sealed, [str(identities[1])]) == data


@pytest.mark.skipif(shutil.which("age") is None, reason="Debian package age not installed")
@pytest.mark.parametrize("size", [0, CHUNK, 2 * CHUNK + 7])
def test_reads_what_stock_age_writes(size: int) -> None:
    identity = pyrage.x25519.Identity.generate()
    data = os.urandom(size)
    sealed = subprocess.run(
        ["age", "-e", "-r", str(identity.to_public())], input=data, capture_output=True,
        check=True,
    ).stdout  # fmt: skip
    assert _read(sealed, [str(identity)]) == data


def test_a_stranger_is_told_no_key_opens_it() -> None:
    sealed = pyrage.encrypt(b"x" * 100, [pyrage.x25519.Identity.generate().to_public()])
    with pytest.raises(BundleKeyError, match="No key"):
        _read(sealed, [str(pyrage.x25519.Identity.generate())])


def _sealed_once() -> tuple[bytes, str, bytes]:
    identity = pyrage.x25519.Identity.generate()
    data = os.urandom(3 * CHUNK + 100)
    return _tumar_file(data, [str(identity.to_public())]), str(identity), data


def test_every_truncation_is_refused() -> None:
    sealed, identity, _data = _sealed_once()
    header_end = sealed.index(b"\n---") + 1
    payload = sealed.index(b"\n", header_end) + 1 + 16
    # inside the header, at and around every chunk border, and at random places
    cuts = {0, 5, header_end, payload - 1, payload}
    for border in range(payload, len(sealed), CHUNK + TAG):
        cuts.update({border - 1, border, border + 1})
    cuts.update(random.Random(SEED).sample(range(len(sealed)), 40))
    for cut in sorted(c for c in cuts if c < len(sealed)):
        with pytest.raises(BundleError) as refused:
            _read(sealed[:cut], [identity])
        said = str(refused.value)
        assert said in (
            "This is not a Tumar bundle (not an age-encrypted file)",  # nothing of it left
            "The bundle's encryption header is damaged",
            "The bundle is truncated",  # the payload's nonce cut
            "The bundle is truncated or damaged",
        ), said
    with pytest.raises(BundleError, match="^The bundle is truncated$"):
        _read(sealed[: payload - 1], [identity])
    with pytest.raises(BundleError, match="truncated or damaged"):
        _read(sealed[: payload + CHUNK + TAG], [identity])  # one whole chunk, none final


def test_flipped_bytes_and_appended_bytes_are_refused() -> None:
    sealed, identity, _data = _sealed_once()
    rng = random.Random(SEED)
    for where in [*rng.sample(range(len(sealed)), 60), len(sealed) - 1]:
        damaged = bytearray(sealed)
        damaged[where] ^= 1 << rng.randrange(8)
        with pytest.raises(BundleError):
            _read(bytes(damaged), [identity])
    with pytest.raises(BundleError):
        _read(sealed + b"more", [identity])


@pytest.mark.parametrize(
    "edit",
    [
        lambda h: h.replace(b"-> X25519 ", b"-> X25519  "),  # an empty argument
        lambda h: h.replace(b"\n---", b"=\n---"),  # padded base64 in a body
        lambda h: h.replace(b"-> X25519", b"-> " + b"x" * 2000),  # an endless line
        lambda h: h.replace(b"-> X25519", b"-> scrypt c2FsdA 10\nAAAA\n-> X25519"),
        lambda h: h.replace(b"--- ", b"--- A"),  # a MAC of the wrong length
    ],
    ids=["empty-argument", "padded-base64", "long-line", "scrypt-beside", "mac-length"],
)
def test_malformed_headers_are_refused(edit) -> None:
    sealed, identity, _data = _sealed_once()
    cut = sealed.index(b"\n", sealed.index(b"\n---") + 1) + 1
    with pytest.raises(BundleError, match="header is damaged"):
        _read(edit(sealed[:cut]) + sealed[cut:], [identity])


def test_unknown_stanzas_are_skipped_but_covered_by_the_mac() -> None:
    """age skips stanza types it does not know (rage writes random "grease" ones); the
    header MAC still covers them, so one added afterwards is caught."""
    sealed, identity, data = _sealed_once()
    added = sealed.replace(b"-> X25519", b"-> grease-x y\nAAAA\n-> X25519", 1)
    with pytest.raises(BundleError, match="altered"):
        _read(added, [identity])
    assert _read(sealed, [identity]) == data


def test_passphrase_reader_refuses_a_recipient_file() -> None:
    sealed, _identity, _data = _sealed_once()
    with pytest.raises(BundleKeyError):
        age_scrypt.passphrase_reader(io.BytesIO(sealed), "a pass phrase")


def test_passphrase_files_from_pyrage_open() -> None:
    data = os.urandom(2 * CHUNK + 1)
    sealed = pyrage.passphrase.encrypt(data, "a pass phrase")
    assert age_scrypt.passphrase_reader(io.BytesIO(sealed), "a pass phrase").read() == data
    with pytest.raises(BundleKeyError):
        age_scrypt.passphrase_reader(io.BytesIO(sealed), "another pass phrase")


def test_reading_a_file_path(tmp_path: Path) -> None:
    """From a real file, as bundle_io reads it."""
    sealed, identity, data = _sealed_once()
    path = tmp_path / "x.age"
    path.write_bytes(sealed)
    with path.open("rb") as fh:
        assert recipient_reader(fh, [identity]).read() == data


def _crafted(extra_stanzas: bytes, chunks: list[tuple[bytes, bool]]) -> tuple[bytes, str]:
    """A file whose header MAC is right (made with its file key) but which breaks a rule
    of the format: only the rule itself can refuse it."""
    identity = pyrage.x25519.Identity.generate()
    file_key = os.urandom(16)
    stanzas = extra_stanzas + stanza(file_key, recipient_key(str(identity.to_public())))
    payload_nonce = os.urandom(16)
    aead = ChaCha20Poly1305(hkdf(file_key, payload_nonce, b"payload"))
    body = b"".join(aead.encrypt(nonce(i, last), c, None) for i, (c, last) in enumerate(chunks))
    return sealed_header(file_key, stanzas) + payload_nonce + body, str(identity)


def test_a_well_made_crafted_file_opens() -> None:
    """The crafting below is sound: without a broken rule, the file opens. Stanzas Tumar
    does not know are skipped, with no arguments or a body of several lines too."""
    extra = (
        b"-> grease-x y\nAAAA\n"
        b"-> grease-y\n\n"  # no argument, an empty body
        + b"-> grease-z 1 2\n"
        + b"A" * 64
        + b"\n"
        + b"QUJD\n"  # two body lines
    )
    sealed, identity = _crafted(extra, [(b"a" * CHUNK, False), (b"b", True)])
    assert _read(sealed, [identity]) == b"a" * CHUNK + b"b"


def test_not_an_age_file() -> None:
    with pytest.raises(BundleError, match="not an age-encrypted file"):
        _read(b"PK\x03\x04 a zip file, not a bundle\n", [str(pyrage.x25519.Identity.generate())])


@pytest.mark.parametrize(
    "extra, chunks",
    [
        (b"-> scrypt c2FsdHNhbHRzYWx0c2FsdA 10\n" + b"A" * 43 + b"\n", [(b"x", True)]),
        (b"-> grease-x  y\nAAAA\n", [(b"x", True)]),  # an empty argument
        (b"-> grease-x y\n" + b"A" * 65 + b"\n\n", [(b"x", True)]),  # a body line > 64
        (b"-> grease-x y\nQQ==\n", [(b"x", True)]),  # padded base64
        (b"-> grease-x y\n" + b"!" * 64 + b"\nQUJD\n", [(b"x", True)]),  # not base64
        (b"=> grease-x y\nAAAA\n", [(b"x", True)]),  # not a stanza line
        (b"-> grease-x y\nAAAA\n" * 64, [(b"x", True)]),  # 65 stanzas
        (b"", [(b"a" * CHUNK, False), (b"", True)]),  # an empty last chunk after a full one
        (b"", [(b"a" * CHUNK, False)]),  # no chunk flagged last
    ],
    ids=[
        "scrypt-beside",
        "empty-argument",
        "long-body-line",
        "padded-base64",
        "bad-base64",
        "not-a-stanza",
        "too-many-stanzas",
        "empty-last",
        "no-last",
    ],  # fmt: skip
)
def test_rules_of_the_format_are_kept(extra: bytes, chunks: list[tuple[bytes, bool]]) -> None:
    sealed, identity = _crafted(extra, chunks)
    with pytest.raises(BundleError, match="header is damaged|truncated or damaged"):
        _read(sealed, [identity])
