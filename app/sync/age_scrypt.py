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

import base64
import hmac
import io
import os
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from .age_stream import CHUNK, INTRO, TAG, PayloadWriter, b64, hkdf, nonce, sealed_header
from .errors import BundleError, BundleKeyError

DEFAULT_WORK_FACTOR = 18  # age's own default: N = 2^18, about a second
MAX_WORK_FACTOR = 20  # 1 GiB of scrypt memory at r = 8; anything above is refused
FAST_WORK_FACTOR = 12  # tests and throw-away demos only (TUMAR_KDF_PROFILE=fast)
_LABEL = b"age-encryption.org/v1/scrypt"


def _unb64(text: bytes) -> bytes:
    if b"=" in text or b"\n" in text:
        raise ValueError("padded base64")
    return base64.b64decode(text + b"=" * (-len(text) % 4), validate=True)


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


def _read_line(source: BinaryIO, limit: int = 256) -> bytes:
    line = bytearray()
    while not line.endswith(b"\n"):
        byte = source.read(1)
        if not byte or len(line) > limit:
            raise BundleError("The bundle's encryption header is damaged")
        line += byte
    return bytes(line)


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


class ScryptReader(io.RawIOBase):
    """File object yielding the plaintext of a passphrase age file, chunk by chunk."""

    def __init__(self, source: BinaryIO, passphrase: str) -> None:
        super().__init__()
        if _read_line(source) != INTRO:
            raise BundleError("This is not a Tumar bundle (not an age-encrypted file)")
        stanza = _read_line(source).rstrip(b"\n").split(b" ")
        body = _read_line(source).rstrip(b"\n")
        footer = _read_line(source).rstrip(b"\n")
        if len(stanza) != 4 or stanza[:2] != [b"->", b"scrypt"] or not footer.startswith(b"---"):
            raise BundleKeyError("This bundle is not encrypted to a passphrase")
        try:
            salt, work_factor = _unb64(stanza[2]), int(stanza[3])
            wrapped, mac = _unb64(body), _unb64(footer[4:])
        except ValueError:
            raise BundleError("The bundle's encryption header is damaged") from None
        if not 1 <= work_factor <= MAX_WORK_FACTOR or len(salt) != 16 or len(wrapped) != 32:
            raise BundleError(
                "The bundle's passphrase settings are out of range; it was not made by Tumar"
            )
        try:
            key = _scrypt_key(passphrase, salt, work_factor)
            file_key = ChaCha20Poly1305(key).decrypt(b"\x00" * 12, wrapped, None)
        except InvalidTag:
            raise BundleKeyError("The passphrase does not open this bundle") from None
        header = INTRO + b" ".join(stanza) + b"\n" + body + b"\n---"
        expected = hmac.new(hkdf(file_key, b"", b"header"), header, "sha256").digest()
        if not hmac.compare_digest(expected, mac):
            raise BundleError("The bundle's encryption header was altered")
        nonce = source.read(16)
        if len(nonce) != 16:
            raise BundleError("The bundle is truncated")
        self._source = source
        self._aead = ChaCha20Poly1305(hkdf(file_key, nonce, b"payload"))
        self._counter = 0
        self._plain = b""
        self._done = False
        self._next = source.read(CHUNK + TAG)

    def readable(self) -> bool:
        return True

    def _decrypt_next(self) -> None:
        current = self._next
        self._next = self._source.read(CHUNK + TAG) if len(current) == CHUNK + TAG else b""
        last = not self._next
        if len(current) < TAG or (last and self._counter and len(current) == TAG):
            raise BundleError("The bundle is truncated or damaged")
        try:
            self._plain = self._aead.decrypt(nonce(self._counter, last), current, None)
        except InvalidTag:
            raise BundleError("The bundle is truncated or damaged") from None
        self._counter += 1
        self._done = last

    def readinto(self, buffer) -> int:  # type: ignore[override]
        while not self._plain:
            if self._done:
                return 0
            self._decrypt_next()
        n = min(len(buffer), len(self._plain))
        buffer[:n] = self._plain[:n]
        self._plain = self._plain[n:]
        return n

    def abandon(self) -> None:
        self._plain = b""
