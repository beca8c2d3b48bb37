"""age files encrypted to X25519 recipients (`age1…`), written by Tumar's own payload thread.

pyrage keeps the GIL through its whole streaming call (see age_stream for why that made a
backup several times slower than stock age), so the header is built here with the
primitives from `cryptography`, as age v1 specifies for the X25519 recipient type: per
recipient an ephemeral X25519 key, a wrap key HKDF-SHA256(shared secret, salt = ephemeral
share ‖ recipient, info = "age-encryption.org/v1/X25519"), and the 16-byte file key sealed
with ChaCha20-Poly1305 under a zero nonce. Reading stays with pyrage (age_pipe); tests
decrypt what is written here with pyrage and with stock `age -d`.
"""

from __future__ import annotations

import os
from typing import BinaryIO

import pyrage
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from tumar.storage import bech32

from .age_stream import PayloadWriter, b64, hkdf, sealed_header

_LABEL = b"age-encryption.org/v1/X25519"


def recipient_key(recipient: str) -> bytes:
    """The 32-byte X25519 public key inside an `age1…` string.

    pyrage parses it first, so a malformed recipient fails with the same RecipientError
    as before; storage.bech32 then unpacks it (checking the checksum again).
    """
    pyrage.x25519.Recipient.from_str(recipient)
    hrp, key = bech32.decode(recipient)
    if hrp != "age" or len(key) != 32:
        raise ValueError("not an age X25519 recipient")
    return key


def stanza(file_key: bytes, recipient: bytes) -> bytes:
    """One `-> X25519` stanza wrapping `file_key` for `recipient` (32 raw bytes)."""
    ephemeral = X25519PrivateKey.generate()
    share = ephemeral.public_key().public_bytes_raw()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient))  # not all-zero
    wrap_key = hkdf(shared, share + recipient, _LABEL)
    body = ChaCha20Poly1305(wrap_key).encrypt(b"\x00" * 12, file_key, None)
    return b"-> X25519 " + b64(share) + b"\n" + b64(body) + b"\n"


class RecipientWriter(PayloadWriter):
    """File-like sink: what is written here lands in `dest` as an age file that any of
    `recipients` opens (pyrage, stock age, rage)."""

    def __init__(self, dest: BinaryIO, recipients: list[str]) -> None:
        if not recipients:
            raise ValueError("an age file needs at least one recipient")
        keys = [recipient_key(r) for r in recipients]
        file_key = os.urandom(16)
        stanzas = b"".join(stanza(file_key, key) for key in keys)
        super().__init__(dest, file_key, sealed_header(file_key, stanzas))
