"""What each step of a backup costs alone (issue 12): the floors under `tumar backup`.

    python -m bench.bench_backup_floors --source /var/tmp/tumar-sync-bench/src1g.tumar

Prints CPU seconds (all threads, time.process_time) and wall seconds for: reading every
stored chunk through SQLCipher on one thread and on the backup's reader threads; SHA-256
of the same number of bytes; the age encryption as the backup does it (age_stream's
thread) and as pyrage's encrypt_io did it, both into a scratch file. The machine is
shared, so compare CPU seconds; stock `age` on the bundle's own bytes is timed by
bench_sync's backup step in the same way. Asserts nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pyrage

from tumar.app.sync import team
from tumar.app.sync.age_x25519 import RecipientWriter
from tumar.storage.archive import Archive
from tumar.storage.archive_files import MEDIA_DB
from tumar.storage.media_store import MediaStore
from tumar.storage.media_stream import ChunkReader

PASS = "bench passphrase 1"
BLOCK = os.urandom(1 << 20)


def timed(name: str, work: Callable[[], object]) -> None:
    cpu, wall = time.process_time(), time.perf_counter()
    work()
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    print(f"{name:44s} CPU {cpu:6.2f} s   wall {wall:6.2f} s", flush=True)


class _Blocks(io.RawIOBase):
    """`count` MiB of the same random block, read as a file (pyrage's input)."""

    def __init__(self, count: int) -> None:
        super().__init__()
        self.left = count

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        if not self.left:
            return 0
        self.left -= 1
        n = min(len(buffer), len(BLOCK))
        buffer[:n] = BLOCK[:n]
        return n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", type=Path, required=True)
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args(argv)
    with Archive.open(args.source, PASS) as archive:
        store = MediaStore(archive.media_db)
        blobs = store.blobs()
        mib = sum(b.size for b in blobs) >> 20
        recipients = team.recipients(archive)
        print(f"== backup floors: {len(blobs)} stored files, {mib} MiB ==", flush=True)

        def one_thread() -> None:
            for info in blobs:
                for _ in store.chunk_rows(info.id):
                    pass

        def reader_threads() -> None:
            with ChunkReader(lambda: archive.reader(MEDIA_DB), blobs) as reader:
                for info in blobs:
                    for _ in reader.chunks(info):
                        pass

        timed("SQLCipher read, one thread", one_thread)
        timed("SQLCipher read, backup's reader threads", reader_threads)

        def sha256() -> None:
            digest = hashlib.sha256()
            for _ in range(mib):
                digest.update(BLOCK)

        timed("SHA-256 (hashlib)", sha256)
        with tempfile.TemporaryDirectory(dir=args.workdir) as scratch:
            out = Path(scratch) / "out.age"

            def ours() -> None:
                with open(out, "wb") as fh:
                    writer = RecipientWriter(fh, recipients)
                    for _ in range(mib):
                        writer.write(BLOCK)
                    writer.finish()

            def theirs() -> None:
                parsed = [pyrage.x25519.Recipient.from_str(r) for r in recipients]
                with open(out, "wb") as fh:
                    pyrage.encrypt_io(io.BufferedReader(_Blocks(mib), 1 << 20), fh, parsed)

            timed("age encryption, age_stream thread -> file", ours)
            timed("age encryption, pyrage encrypt_io -> file", theirs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
