"""age files encrypted to a passphrase (the `scrypt` recipient type), streamed.

pyrage encrypts to a passphrase only in memory, which cannot hold a 5 GB archive, so this
module writes and reads the same format (age v1, https://age-encryption.org/v1) with the
primitives from `cryptography`: scrypt wraps a random 16-byte file key; the header is
authenticated with HMAC-SHA256; the payload is ChaCha20-Poly1305 in 64 KiB chunks with a
counter nonce whose last byte marks the final chunk. Tests check both directions against
pyrage's own implementation, and stock `age -d` asks for the passphrase and opens the file.

Reading caps the scrypt work factor: a hostile file must not make Tumar allocate gigabytes.
"""

from __future__ import annotations

import os
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from .age_reader import PayloadReader, damaged, open_payload, read_header, unb64
from .age_stream import INTRO, PayloadWriter, b64, sealed_header
from .errors import BundleError, BundleKeyError

DEFAULT_WORK_FACTOR = 18  # age's own default: N = 2^18, about a second
MAX_WORK_FACTOR = 20  # 1 GiB of scrypt memory at r = 8; anything above is refused
FAST_WORK_FACTOR = 12  # tests and throw-away demos only (TUMAR_KDF_PROFILE=fast)
_LABEL = b"age-encryption.org/v1/scrypt"


def _scrypt_key(passphrase: str, salt: bytes, work_factor: int) -> bytes:
    kdf = Scrypt(salt=_LABEL + salt, length=32, n=1 << work_factor, r=8, p=1)
    return kdf.derive(passphrase.encode("utf-8"))


class ScryptWriter(PayloadWriter):
    """File object: what is written here lands in `dest` as a passphrase age file."""

    def __init__(self, dest: BinaryIO, passphrase: str, work_factor: int) -> None:
        file_key, salt = os.urandom(16), os.urandom(16)
        wrap_key = _scrypt_key(passphrase, salt, work_factor)
        body = b64(ChaCha20Poly1305(wrap_key).encrypt(b"\x00" * 12, file_key, None))
        stanza = b"-> scrypt " + b64(salt) + b" %d\n" % work_factor + body + b"\n"
        super().__init__(dest, file_key, sealed_header(file_key, stanza))


def is_scrypt(source: BinaryIO) -> bool:
    """True if the age file at the current position is passphrase-encrypted (rewinds)."""
    start = source.tell()
    try:
        head = source.read(len(INTRO) + 10)
    finally:
        source.seek(start)
    if not head.startswith(INTRO):
        raise BundleError("This is not a Tumar bundle (not an age-encrypted file)")
    return head[len(INTRO) :].startswith(b"-> scrypt")


def passphrase_reader(source: BinaryIO, passphrase: str) -> PayloadReader:
    """The plaintext of a passphrase age file (age_reader), read chunk by chunk."""
    header = read_header(source)
    if len(header.stanzas) != 1 or header.stanzas[0].kind != b"scrypt":
        raise BundleKeyError("This bundle is not encrypted to a passphrase")
    (stanza,) = header.stanzas
    try:
        salt, work_factor = unb64(stanza.args[0]), int(stanza.args[1])
        if len(stanza.args) != 2 or stanza.args[1] != str(work_factor).encode():
            raise ValueError("not age's scrypt stanza")
    except (ValueError, IndexError):
        raise damaged() from None
    if not 1 <= work_factor <= MAX_WORK_FACTOR or len(salt) != 16 or len(stanza.body) != 32:
        raise BundleError(
            "The bundle's passphrase settings are out of range; it was not made by Tumar"
        )
    try:
        key = _scrypt_key(passphrase, salt, work_factor)
        file_key = ChaCha20Poly1305(key).decrypt(b"\x00" * 12, stanza.body, None)
    except InvalidTag:
        raise BundleKeyError("The passphrase does not open this bundle") from None
    return open_payload(source, header, file_key)
