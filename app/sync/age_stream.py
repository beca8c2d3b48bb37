"""The payload half of an age v1 file (https://age-encryption.org/v1), written on a thread.

Both kinds of bundle (recipients: age_x25519, passphrase: age_scrypt) end in the same
payload: a 16-byte nonce, then ChaCha20-Poly1305 over 64 KiB chunks with a counter nonce
whose last byte marks the final chunk, keyed by HKDF(file key, nonce, "payload").

Why a thread of our own and not pyrage's encrypt_io: pyrage holds the GIL for the whole
call and pulls its input 8 KiB at a time through Python, so a backup ran its media.db
decryption and its encryption one after the other (0.12–0.21× the speed of stock age).
Here the caller's thread only queues blocks; this thread encrypts them with
`cryptography` (OpenSSL's ChaCha20-Poly1305, ≈ 3 GB/s; it keeps the GIL, but only for
≈ 20 µs a chunk) and writes them (the write releases the GIL), while the caller's side
decrypts media.db and hashes, which release it too. At most QUEUE_DEPTH blocks wait, so
memory stays a few MiB whatever the bundle's size; plaintext never touches the disk.
"""

from __future__ import annotations

import base64
import hmac
import os
import queue
import threading
from typing import BinaryIO

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from .handover import put_until

INTRO = b"age-encryption.org/v1\n"
CHUNK = 64 * 1024
TAG = 16
QUEUE_DEPTH = 4  # blocks of at most BLOCK bytes waiting for the thread
BLOCK = 1 << 20  # larger writes (a 4 MiB JSON-lines part) are queued in views of this size
_END = None


def b64(data: bytes) -> bytes:
    """age's base64: standard alphabet, no padding."""
    return base64.b64encode(data).rstrip(b"=")


def hkdf(key: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=salt, info=info).derive(key)


def nonce(counter: int, last: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def header_mac(file_key: bytes, header: bytes) -> bytes:
    """The MAC over a header from the intro through `---` (written, and checked on read)."""
    return hmac.new(hkdf(file_key, b"", b"header"), header, "sha256").digest()


def sealed_header(file_key: bytes, stanzas: bytes) -> bytes:
    """INTRO, the stanza lines, and the closing `---` line with the header's HMAC."""
    header = INTRO + stanzas + b"---"
    return header + b" " + b64(header_mac(file_key, header)) + b"\n"


class PayloadWriter:
    """File-like sink: bytes written here come out as the age payload in `dest`.

    `header` (already sealed) is written first. write() only queues; a failed write on the
    thread (disk full, removed stick) is raised from the next write() or finish() as the
    OSError itself. finish() flags the last chunk and waits for the thread; abandon()
    stops it without finishing (the caller discards the file).
    """

    def __init__(self, dest: BinaryIO, file_key: bytes, header: bytes) -> None:
        payload_nonce = os.urandom(16)
        self._aead = ChaCha20Poly1305(hkdf(file_key, payload_nonce, b"payload"))
        self._dest = dest
        self._queue: queue.Queue[memoryview | None] = queue.Queue(QUEUE_DEPTH)
        self._stop = threading.Event()
        self.error: BaseException | None = None
        self._counter = 0
        dest.write(header + payload_nonce)
        self._thread = threading.Thread(target=self._run, name="tumar-age", daemon=True)
        self._thread.start()

    # ---- caller's side ------------------------------------------------------------
    def writable(self) -> bool:
        return True

    def write(self, data: bytes | bytearray | memoryview) -> int:
        """Queue `data` (no copy for bytes: views of it, so memory stays bounded)."""
        whole = memoryview(data if isinstance(data, bytes) else bytes(data))
        for start in range(0, len(whole), BLOCK):
            self._put(whole[start : start + BLOCK])
        return len(whole)

    def flush(self) -> None:
        """Nothing to do: finish() is what pushes the last chunk out."""

    def _put(self, item: memoryview | None) -> None:
        if not put_until(self._queue, item, self._stopped):
            if self.error is not None:
                raise self.error
            raise OSError("encryption stopped")

    def _stopped(self) -> bool:
        return self.error is not None or self._stop.is_set()

    def finish(self) -> None:
        """End of plaintext: the last chunk is written, flagged final, before this returns."""
        try:
            self._put(_END)
        finally:
            self._thread.join()
        if self.error is not None:
            raise self.error

    def abandon(self) -> None:
        self._stop.set()
        self._thread.join()

    # ---- the thread ---------------------------------------------------------------
    def _run(self) -> None:
        # `pending` holds 1…CHUNK bytes not yet encrypted: only the last chunk may be
        # flagged final, and it may be empty only when the whole payload is. Full chunks
        # are encrypted straight from the queued block, so a byte is copied once (into
        # the ciphertext) on its way to the file.
        pending = bytearray()
        try:
            while not self._stop.is_set():
                try:
                    item = self._queue.get(timeout=0.05)
                except queue.Empty:
                    continue
                if item is _END:
                    self._emit(pending, last=True)
                    return
                with item as view:
                    start = 0
                    if pending and len(pending) < CHUNK:
                        start = min(CHUNK - len(pending), len(view))
                        pending += view[:start]
                    if len(view) > start:  # more follows: pending is not the last chunk
                        if pending:
                            self._emit(pending, last=False)
                            pending = bytearray()
                        while len(view) - start > CHUNK:
                            self._emit(view[start : start + CHUNK], last=False)
                            start += CHUNK
                        pending += view[start:]
        except BaseException as exc:  # raised on the caller's thread by write()/finish()
            self.error = exc

    def _emit(self, chunk: bytes | bytearray | memoryview, last: bool) -> None:
        sealed = self._aead.encrypt(nonce(self._counter, last), chunk, None)
        self._counter += 1
        self._dest.write(sealed)
