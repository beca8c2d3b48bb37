"""age files encrypted to X25519 recipients (`age1…`), written by Tumar's own payload thread.

pyrage keeps the GIL through its whole streaming call (see age_stream for why that made a
backup several times slower than stock age), so the header is built here with the
primitives from `cryptography`, as age v1 specifies for the X25519 recipient type: per
recipient an ephemeral X25519 key, a wrap key HKDF-SHA256(shared secret, salt = ephemeral
share ‖ recipient, info = "age-encryption.org/v1/X25519"), and the 16-byte file key sealed
with ChaCha20-Poly1305 under a zero nonce. Reading unwraps it the same way (the payload:
age_reader). Tests decrypt what is written here with pyrage and with stock `age -d`, and
read what those write.
"""

from __future__ import annotations

import os
from typing import BinaryIO

import pyrage
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from tumar.storage import bech32

from .age_reader import PayloadReader, damaged, open_payload, read_header, unb64
from .age_stream import PayloadWriter, b64, hkdf, sealed_header
from .errors import BundleKeyError

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


def identity_key(identity: str) -> X25519PrivateKey:
    """The X25519 key of an `AGE-SECRET-KEY-1…` string (pyrage parses it first, so a
    malformed identity fails as it always did)."""
    pyrage.x25519.Identity.from_str(identity)
    hrp, key = bech32.decode(identity)
    if hrp != "age-secret-key-" or len(key) != 32:
        raise ValueError("not an age X25519 identity")
    return X25519PrivateKey.from_private_bytes(key)


def _unwrap(stanza_args: list[bytes], body: bytes, key: X25519PrivateKey) -> bytes | None:
    """The file key, if this stanza was made for `key`."""
    try:
        (share_text,) = stanza_args
        share = unb64(share_text)
        if len(share) != 32 or len(body) != 32:
            raise ValueError("not age's X25519 stanza")
    except ValueError:
        raise damaged() from None
    ours = key.public_key().public_bytes_raw()
    try:
        shared = key.exchange(X25519PublicKey.from_public_bytes(share))
    except ValueError:  # a low-order share: the all-zero secret age refuses
        raise damaged() from None
    try:
        return ChaCha20Poly1305(hkdf(shared, share + ours, _LABEL)).decrypt(
            b"\x00" * 12, body, None
        )
    except InvalidTag:
        return None  # made for another recipient


def recipient_reader(source: BinaryIO, identities: list[str]) -> PayloadReader:
    """The plaintext of an age file one of `identities` opens, read chunk by chunk.
    Stanzas of other types (rage adds random "grease" ones) are skipped, as age does."""
    keys = [identity_key(i) for i in identities]
    header = read_header(source)
    for stanza in header.stanzas:
        if stanza.kind == b"scrypt":  # age: a passphrase stanza must stand alone
            raise damaged()
    for stanza in header.stanzas:
        if stanza.kind != b"X25519":
            continue
        for key in keys:
            file_key = _unwrap(stanza.args, stanza.body, key)
            if file_key is not None:
                return open_payload(source, header, file_key)
    raise BundleKeyError(
        "No key this laptop holds opens the bundle (wrong identity, or not a team member)"
    )
