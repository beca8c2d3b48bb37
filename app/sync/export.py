"""Writing a bundle from an archive: a full backup, or what the sync peers have not seen."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tumar.app.jobs import CancelToken, Progress, no_progress
from tumar.storage import sync_store
from tumar.storage.archive import Archive
from tumar.storage.archive_files import MEDIA_DB
from tumar.storage.media_store import MediaStore
from tumar.storage.media_stream import ChunkReader

from . import age_scrypt, bundle_io, team
from .bundle_format import BundleWriter


def passphrase_work_factor() -> int:
    """age's default scrypt cost, or a small one for tests (TUMAR_KDF_PROFILE=fast)."""
    if os.environ.get("TUMAR_KDF_PROFILE") == "fast":
        return age_scrypt.FAST_WORK_FACTOR
    return age_scrypt.DEFAULT_WORK_FACTOR


@dataclass
class Floors:
    """What every peer already holds: per-origin HLC and per-chain sequence number."""

    versions: dict[str, str]
    chains: dict[str, int]


class _Range:
    def __init__(self) -> None:
        self.low, self.high, self.count = "", "", 0

    def track(self, items: Iterator[dict[str, Any]], cancel: CancelToken) -> Iterator[dict]:
        for item in items:
            hlc = item["row"]["hlc"]
            self.low = min(self.low, hlc) if self.low else hlc
            self.high = max(self.high, hlc)
            self.count += 1
            if self.count % 2000 == 0:
                cancel.raise_if_cancelled()
            yield item


def write_bundle(
    archive: Archive,
    dest: Path,
    *,
    floors: Floors | None = None,
    passphrase: str | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> dict[str, Any]:
    """Write a bundle atomically at `dest`; returns its manifest. floors=None: everything."""
    cancel = cancel or CancelToken()
    conn, own = archive.records_db, archive.replica_id
    keys = team.keys(archive)
    store = MediaStore(archive.media_db)
    marks = sync_store.watermarks(conn)
    heads = sync_store.chain_heads(conn, own)
    media = sync_store.media_to_send(conn, floors.versions if floors else None)
    # content missing here is not sent (verify reports it); the rest is read by helper
    # threads on their own media.db connections (storage.media_stream)
    blobs = [info for sha in media if (info := store.info(sha)) is not None]
    hlcs = _Range()
    with (
        sync_store.small_cache(conn),
        bundle_io.writing(
            dest, team.recipients(archive), passphrase, passphrase_work_factor()
        ) as plain,
    ):
        writer = BundleWriter(plain, keys.signing_key)
        progress(0, len(blobs) + 2, "Writing records")
        versions = sync_store.versions(conn, floors.versions if floors else None)
        writer.add_lines("records", hlcs.track(versions, cancel))
        progress(1, len(blobs) + 2, "Writing the audit chains")
        writer.add_lines(
            "audit", sync_store.audit_entries(conn, own, floors.chains if floors else None)
        )
        with ChunkReader(lambda: archive.reader(MEDIA_DB), blobs) as chunks:
            for done, info in enumerate(blobs, start=2):
                cancel.raise_if_cancelled()
                writer.add_media(info.sha256, info.size, chunks.chunks(info))
                progress(done, len(blobs) + 2, "Writing media")
        manifest = writer.finish(
            {
                "archive_id": archive.archive_id,
                "source_replica": own,
                "signing_key": keys.verify_key_hex,
                "recipient": keys.recipient,
                "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "kind": "full" if floors is None else "sync",
                "hlc_min": hlcs.low,
                "hlc_max": hlcs.high,
                "watermarks": marks,
                "chain_heads": heads,
                "floors": None
                if floors is None
                else {
                    "versions": floors.versions,
                    "chains": floors.chains,
                },
            }  # fmt: skip
        )
        cancel.raise_if_cancelled()
    progress(len(blobs) + 2, len(blobs) + 2, "Bundle written")
    return manifest
