"""Content-addressed media store in media.db: files as fixed-size encrypted chunks.

Writing streams: the source is read 1 MiB at a time, hashed (SHA-256) and inserted as one
chunk row, all inside one transaction per file, so memory stays a few MiB whatever the file
size and a failure at any point (read error, disk full, cancel) rolls back to nothing. The
hash is computed over exactly the bytes that were inserted, so the SHA-256 recorded at import
is the hash of what the archive holds. Identical content is stored once: the duplicate's
transaction is rolled back and the existing blob is used.

Reading and hashing run on a helper thread one chunk ahead of the inserts (hashlib, file
reads and SQLite all release the GIL), which hides most of the hashing cost. The thread
touches only the source file; the database connection is used on the caller's thread only.
A small file the caller already holds in memory goes through write_bytes() instead: same
transaction, hash and dedupe, no thread, and a duplicate is recognised before any write.

media.db has 64 KiB pages and a rollback journal (storage.connection): chunk pages appended
to the file are encrypted and written once and not journaled, so a large import needs no
second copy of itself on disk; the journal holds only the few b-tree pages it changes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import queue
import secrets
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from .connection import Connection, transaction

CHUNK_SIZE = 1 << 20
READ_AHEAD = 3  # chunks queued between the reader thread and the inserts


@dataclass(frozen=True)
class BlobInfo:
    id: int
    sha256: str
    size: int
    chunk_size: int
    chunk_count: int
    stored_at: str


@dataclass(frozen=True)
class StoredBlob:
    """Result of a write: the content's hash and whether this write added it (not a dup)."""

    sha256: str
    size: int
    created: bool


class _Duplicate(Exception):
    """Raised inside the write transaction to roll it back when the content already exists."""

    def __init__(self, sha256: str, size: int) -> None:
        super().__init__(sha256)
        self.sha256, self.size = sha256, size


def read_full(source: BinaryIO, size: int) -> bytes:
    """Up to `size` bytes: short reads (pipes, slow media) are continued until EOF."""
    data = source.read(size)
    if not data or len(data) == size:
        return data or b""
    parts = [data]
    got = len(data)
    while got < size:
        more = source.read(size - got)
        if not more:
            break
        parts.append(more)
        got += len(more)
    return b"".join(parts)


class _ReadAhead:
    """Reads and hashes the source on a helper thread, handing chunks over a small queue."""

    def __init__(self, source: BinaryIO, chunk_size: int) -> None:
        self._source, self._chunk_size = source, chunk_size
        self._queue: queue.Queue[bytes | BaseException | None] = queue.Queue(READ_AHEAD)
        self._stop = threading.Event()
        self._hash = hashlib.sha256()
        self._thread = threading.Thread(target=self._run, name="tumar-media-read", daemon=True)
        self._thread.start()

    def _put(self, item: bytes | BaseException | None) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def _run(self) -> None:
        try:
            while not self._stop.is_set():
                data = read_full(self._source, self._chunk_size)
                if not data:
                    self._put(None)
                    return
                self._hash.update(data)
                if not self._put(data):
                    return
        except BaseException as exc:  # handed to the consumer, which re-raises it
            self._put(exc)

    def __iter__(self) -> Iterator[bytes]:
        while True:
            item = self._queue.get()
            if item is None:
                return
            if isinstance(item, BaseException):
                raise item
            yield item

    def hexdigest(self) -> str:
        """Valid once iteration has ended: the reader hashed every chunk before EOF."""
        return self._hash.hexdigest()

    def close(self) -> None:
        self._stop.set()
        while self._thread.is_alive():
            with contextlib.suppress(queue.Empty):
                self._queue.get(timeout=0.1)
        self._thread.join()


class BlobReader(io.RawIOBase):
    """Seekable read-only view of one blob, one chunk in memory at a time.

    Lets image decoders read stored content without a plaintext copy on disk; wrap it in
    io.BufferedReader (MediaStore.open does) so reads across chunk borders come back whole.
    """

    def __init__(self, conn: Connection, info: BlobInfo) -> None:
        super().__init__()
        self._conn, self.info = conn, info
        self._pos = 0
        self._cached_idx, self._cached = -1, b""

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self.info.size}[whence]
        if base + offset < 0:
            raise OSError("negative seek position")
        self._pos = base + offset
        return self._pos

    def _chunk(self, idx: int) -> bytes:
        if idx != self._cached_idx:
            row = self._conn.execute(
                "SELECT data FROM chunk WHERE blob_id = ? AND idx = ?", (self.info.id, idx)
            ).fetchone()
            if row is None:
                raise OSError(f"stored content {self.info.sha256[:12]} is missing chunk {idx}")
            self._cached_idx, self._cached = idx, bytes(row[0])
        return self._cached

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        if self._pos >= self.info.size or not len(buffer):
            return 0
        idx, offset = divmod(self._pos, self.info.chunk_size)
        piece = self._chunk(idx)[offset : offset + len(buffer)]
        if not piece:
            raise OSError(f"stored content {self.info.sha256[:12]} chunk {idx} is too short")
        buffer[: len(piece)] = piece
        self._pos += len(piece)
        return len(piece)


def _utc_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


class MediaStore:
    """All SQL on media.db: blobs and their chunks."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    # ---- writing -------------------------------------------------------------------
    def write(
        self,
        source: BinaryIO,
        *,
        on_chunk: Callable[[int], None] | None = None,
        before_commit: Callable[[str], None] | None = None,
        chunk_size: int = CHUNK_SIZE,
    ) -> StoredBlob:
        """Stream `source` into a new blob in one transaction; dedupe by SHA-256.

        `on_chunk(n)` runs after each chunk insert (progress; raising, e.g. JobCancelled,
        rolls everything back). `before_commit(sha256)` runs inside the transaction once the
        hash is known and the blob is readable through `open()`; raising there rolls back
        too, which is how the importer refuses a file after inspecting the stored bytes.
        It is not called for a duplicate.
        """
        placeholder = "pending-" + secrets.token_hex(16)
        reader = _ReadAhead(source, chunk_size)
        try:
            with transaction(self.conn):
                blob_id = self.conn.execute(
                    "INSERT INTO blob (sha256, size, chunk_size, chunk_count, stored_at)"
                    " VALUES (?, 0, ?, 0, ?)",
                    (placeholder, chunk_size, _utc_now()),
                ).lastrowid
                size = count = 0
                for data in reader:
                    self.conn.execute(
                        "INSERT INTO chunk (blob_id, idx, data) VALUES (?, ?, ?)",
                        (blob_id, count, data),
                    )
                    size, count = size + len(data), count + 1
                    if on_chunk is not None:
                        on_chunk(len(data))
                digest = reader.hexdigest()
                if self.conn.execute("SELECT 1 FROM blob WHERE sha256 = ?", (digest,)).fetchone():
                    raise _Duplicate(digest, size)
                self.conn.execute(
                    "UPDATE blob SET sha256 = ?, size = ?, chunk_count = ? WHERE id = ?",
                    (digest, size, count, blob_id),
                )
                if before_commit is not None:
                    before_commit(digest)
        except _Duplicate as dup:
            return StoredBlob(dup.sha256, dup.size, created=False)
        finally:
            reader.close()
        return StoredBlob(digest, size, created=True)

    def write_bytes(
        self,
        data: bytes,
        *,
        on_chunk: Callable[[int], None] | None = None,
        before_commit: Callable[[str], None] | None = None,
        chunk_size: int = CHUNK_SIZE,
    ) -> StoredBlob:
        """write() for content already in memory: hashed here, stored as the same chunks.

        The callbacks behave as in write(); a duplicate is found before anything is written.
        """
        digest = hashlib.sha256(data).hexdigest()
        view = memoryview(data)
        count = -(-len(data) // chunk_size)
        try:
            with transaction(self.conn):
                if self.conn.execute("SELECT 1 FROM blob WHERE sha256 = ?", (digest,)).fetchone():
                    raise _Duplicate(digest, len(data))
                blob_id = self.conn.execute(
                    "INSERT INTO blob (sha256, size, chunk_size, chunk_count, stored_at)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (digest, len(data), chunk_size, count, _utc_now()),
                ).lastrowid
                for idx in range(count):
                    piece = view[idx * chunk_size : (idx + 1) * chunk_size]
                    self.conn.execute(
                        "INSERT INTO chunk (blob_id, idx, data) VALUES (?, ?, ?)",
                        (blob_id, idx, piece),
                    )
                    if on_chunk is not None:
                        on_chunk(len(piece))
                if before_commit is not None:
                    before_commit(digest)
        except _Duplicate as dup:
            return StoredBlob(dup.sha256, dup.size, created=False)
        return StoredBlob(digest, len(data), created=True)

    def delete(self, sha256: str) -> bool:
        """Remove a blob with its chunks (secure_delete zeroes the pages)."""
        with transaction(self.conn):
            cur = self.conn.execute("DELETE FROM blob WHERE sha256 = ?", (sha256,))
        return cur.rowcount > 0

    # ---- reading -------------------------------------------------------------------
    def info(self, sha256: str) -> BlobInfo | None:
        row = self.conn.execute(
            "SELECT id, sha256, size, chunk_size, chunk_count, stored_at FROM blob"
            " WHERE sha256 = ?",
            (sha256,),
        ).fetchone()
        return BlobInfo(*row) if row else None

    def blobs(self) -> list[BlobInfo]:
        rows = self.conn.execute(
            "SELECT id, sha256, size, chunk_size, chunk_count, stored_at FROM blob ORDER BY id"
        ).fetchall()
        return [BlobInfo(*r) for r in rows]

    def open(self, sha256: str) -> io.BufferedReader:
        info = self.info(sha256)
        if info is None:
            raise FileNotFoundError(f"no stored content with SHA-256 {sha256}")
        return io.BufferedReader(BlobReader(self.conn, info), buffer_size=64 * 1024)

    def chunk_rows(self, blob_id: int) -> Iterator[tuple[int, bytes]]:
        """(idx, data) of every chunk row of a blob, in index order, one row in memory."""
        cursor = self.conn.execute(
            "SELECT idx, data FROM chunk WHERE blob_id = ? ORDER BY idx", (blob_id,)
        )
        for idx, data in cursor:
            yield idx, bytes(data)

    def stray_chunks(self) -> list[tuple[int, int]]:
        """(blob_id, chunk count) for chunks whose blob row is gone."""
        return [
            (r[0], r[1])
            for r in self.conn.execute(
                "SELECT blob_id, count(*) FROM chunk WHERE blob_id NOT IN (SELECT id FROM blob)"
                " GROUP BY blob_id ORDER BY blob_id"
            )
        ]

    def delete_stray_chunks(self) -> int:
        with transaction(self.conn):
            cur = self.conn.execute("DELETE FROM chunk WHERE blob_id NOT IN (SELECT id FROM blob)")
        return cur.rowcount
