"""Applying a scanned bundle to an archive: records, audit chains and media in one go.

Records and imported audit chains go into archive.db in ONE transaction, committed only
after the last part matched the manifest; media go into media.db first (content-addressed
and deduplicated), and content this apply added is removed again if the apply fails, so a
failure leaves the archive exactly as it was. A dry run does the same work and rolls back.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path

from tumar.app.cascade import Orphans, delete_orphans
from tumar.app.jobs import CancelToken, Progress, no_progress
from tumar.storage import sync_store
from tumar.storage.archive import Archive
from tumar.storage.bulk import Applier, ApplyResult
from tumar.storage.connection import transaction
from tumar.storage.hlc import Timestamp
from tumar.storage.media_store import MediaStore

from . import bundle_format, bundle_io
from .errors import changed_while_read


class _DryRun(Exception):
    """Raised at the end of a dry run to roll everything back."""


@dataclass
class Applied:
    records: ApplyResult
    audit_entries: int = 0
    media_added: list[str] = field(default_factory=list)
    media_known: int = 0
    orphans: Orphans = field(default_factory=Orphans)  # deleted with their deleted owner


def _store_media(store: MediaStore, part: bundle_format.Part, applied: Applied) -> None:
    if store.info(part.sha256) is not None:
        applied.media_known += 1
        return
    assert part.stream is not None
    blob = store.write(part.stream)
    if blob.created:
        applied.media_added.append(blob.sha256)
    if blob.sha256 != part.sha256 or blob.size != part.size:
        raise changed_while_read()


def apply_bundle(
    archive: Archive,
    path: Path,
    secret: bundle_io.Secret,
    manifest: bundle_format.Manifest,
    *,
    action: str = "merge",
    index: bool = True,
    fresh: bool = False,
    dry_run: bool = False,
    orphans: bool = False,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> Applied:
    """`orphans`: delete live notes and events left on deleted owners (app.cascade), in
    the same transaction, so a dry run counts them and rolls them back with the rest.
    A restore leaves it off: it copies the source archive as it is."""
    cancel = cancel or CancelToken()
    conn, store = archive.records_db, MediaStore(archive.media_db)
    applier = Applier(conn, archive.replica_id, action, index=index, fresh=fresh)
    applied = Applied(applier.result)
    total, done, seen = len(manifest.parts), 0, set()
    try:
        with transaction(conn), bundle_io.reading(path, secret) as plain:
            for part in bundle_format.parts(plain, manifest):
                cancel.raise_if_cancelled()
                seen.add(part.name)
                if part.kind == "records":
                    applier.apply(part.parse)  # a restore parses it in its helper process
                elif part.kind == "audit":
                    applier.import_chains(part.parse)
                elif dry_run:
                    applied.media_known += store.info(part.sha256) is not None
                else:
                    _store_media(store, part, applied)
                done += 1
                progress(done, total, "Merging")
            if seen != set(manifest.parts):
                raise changed_while_read()
            result = applier.finish(progress, cancel.raise_if_cancelled)
            applied.audit_entries = result.chain_entries
            if result.touched and not dry_run:
                stamp = archive.clock.observe(Timestamp.parse(result.max_hlc))
                sync_store.set_meta(conn, "hlc_last", str(stamp))
            if orphans and result.touched:
                applied.orphans = delete_orphans(archive.repo)
            if dry_run:
                raise _DryRun()
    except _DryRun:
        pass
    except BaseException:
        for sha in applied.media_added:
            with contextlib.suppress(Exception):
                store.delete(sha)
        raise
    finally:
        applier.close()
    return applied
