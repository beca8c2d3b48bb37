"""Reading an age v1 file (https://age-encryption.org/v1): its header, then its payload.

Both recipient types Tumar writes (X25519: age_x25519, passphrase: age_scrypt) are read
here with the primitives from `cryptography`, on the caller's thread. pyrage's streaming
decryption held the GIL while it ran and handed its plaintext over 8 KiB at a time through
a thread of its own (≈ 4 CPU-s for a 660 MB bundle, twice for a restore's two passes),
while a restore's connection thread needs the GIL between its statements; OpenSSL's
ChaCha20-Poly1305 does the same work in ≈ 0.3 s.

Everything is checked before it is used: the header's syntax (stanzas, base64 without
padding, 64-column body lines, bounded size), the header MAC once the file key is known,
and every 64 KiB payload chunk's Poly1305 tag, the last one flagged final (so a file cut
at a chunk boundary is refused, not read short). Tests read files written by stock
`age`, by pyrage (rage) and by Tumar, and damaged ones.
"""

from __future__ import annotations

import base64
import hmac
import io
from dataclasses import dataclass
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from .age_stream import CHUNK, INTRO, TAG, header_mac, hkdf, nonce
from .errors import BundleError

_MAX_LINE = 1024  # no line of a header Tumar can open is longer
_MAX_STANZAS = 64  # a team of 63 and this laptop; more is not a Tumar bundle
_BODY_COLUMNS = 64


def damaged() -> BundleError:
    return BundleError("The bundle's encryption header is damaged")


def unb64(text: bytes) -> bytes:
    """age's base64: standard alphabet, no padding (ValueError otherwise)."""
    if b"=" in text or b"\n" in text:
        raise ValueError("padded base64")
    return base64.b64decode(text + b"=" * (-len(text) % 4), validate=True)


@dataclass(frozen=True)
class Stanza:
    kind: bytes  # b"X25519", b"scrypt", or a type Tumar does not know (skipped)
    args: list[bytes]
    body: bytes


@dataclass(frozen=True)
class Header:
    stanzas: list[Stanza]
    mac: bytes
    sealed: bytes  # the bytes the MAC covers: from the intro through "---"


def _line(source: BinaryIO) -> bytes:
    line = bytearray()
    while not line.endswith(b"\n"):
        byte = source.read(1)
        if not byte or len(line) > _MAX_LINE:
            raise damaged()
        line += byte
    return bytes(line)


def read_header(source: BinaryIO) -> Header:
    """The header at the start of `source`, which is left at the payload's nonce."""
    if _line(source) != INTRO:
        raise BundleError("This is not a Tumar bundle (not an age-encrypted file)")
    sealed = bytearray(INTRO)
    stanzas: list[Stanza] = []
    try:
        while True:
            line = _line(source)
            if line.startswith(b"--- "):
                sealed += b"---"
                mac = unb64(line[4:-1])
                if len(mac) != 32 or not stanzas:
                    raise ValueError("no stanza, or a MAC of the wrong size")
                return Header(stanzas, mac, bytes(sealed))
            words = line[:-1].split(b" ")
            if words[0] != b"->" or len(words) < 2 or not all(words):
                raise ValueError("not a stanza")
            if len(stanzas) == _MAX_STANZAS:
                raise ValueError("too many stanzas")
            sealed += line
            body = bytearray()
            while True:  # body lines are full (64 columns) up to a shorter last one
                part = _line(source)
                sealed += part
                body += part[:-1]
                if len(part) - 1 > _BODY_COLUMNS:
                    raise ValueError("body line too long")
                if len(part) - 1 < _BODY_COLUMNS:
                    break
            stanzas.append(Stanza(words[1], words[2:], unb64(bytes(body))))
    except ValueError:
        raise damaged() from None


def open_payload(source: BinaryIO, header: Header, file_key: bytes) -> PayloadReader:
    """The plaintext, once the header's MAC proves `file_key` is the file's."""
    if not hmac.compare_digest(header_mac(file_key, header.sealed), header.mac):
        raise BundleError("The bundle's encryption header was altered")
    payload_nonce = source.read(16)
    if len(payload_nonce) != 16:
        raise BundleError("The bundle is truncated")
    return PayloadReader(source, ChaCha20Poly1305(hkdf(file_key, payload_nonce, b"payload")))


class PayloadReader(io.RawIOBase):
    """File object yielding the payload's plaintext, one authenticated chunk at a time."""

    def __init__(self, source: BinaryIO, aead: ChaCha20Poly1305) -> None:
        super().__init__()
        self._source, self._aead = source, aead
        self._counter = 0
        self._plain = memoryview(b"")
        self._done = False
        self._next = source.read(CHUNK + TAG)

    def readable(self) -> bool:
        return True

    def _decrypt_next(self) -> None:
        current = self._next
        self._next = self._source.read(CHUNK + TAG) if len(current) == CHUNK + TAG else b""
        last = not self._next
        # only the final chunk may be short, and empty only when the whole payload is
        if len(current) < TAG or (last and self._counter and len(current) == TAG):
            raise BundleError("The bundle is truncated or damaged")
        try:
            plain = self._aead.decrypt(nonce(self._counter, last), current, None)
        except InvalidTag:
            raise BundleError("The bundle is truncated or damaged") from None
        self._plain = memoryview(plain)
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
        self._plain = memoryview(b"")
