"""`tumar restore`: a full backup into a NEW archive (never over an existing one).

The restored archive keeps the archive id (it is the same archive, so it can sync with the
team), but gets a new replica id, new keys and its own recovery code: it is a new laptop's
copy. Records, kept versions and every audit chain arrive exactly as they were; this
replica's own chain starts with one "import" entry per version, which is what lets
`verify` vouch for every row here.

Crash safety: the new folder gets its header (tumar.json) only after everything is on
disk, so until then it is not an archive; the load itself runs with relaxed durability
(storage.bulk_load), and a failed restore deletes the folder.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from tumar.app.jobs import CancelToken, Progress, no_progress
from tumar.app.lifecycle import kdf_params
from tumar.storage import bulk_load, sync_store
from tumar.storage.archive import ARCHIVE_DB, Archive
from tumar.storage.connection import transaction
from tumar.storage.errors import ArchiveExists

from . import bundle_format, bundle_io, merge
from .apply import Applied, apply_bundle
from .errors import BundleError


def restore(
    bundle: Path,
    folder: Path,
    new_passphrase: str,
    secret: bundle_io.Secret,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
    manifest: bundle_format.Manifest | None = None,
) -> tuple[Archive, str, Applied]:
    """Returns the open new archive, its recovery code (show once) and what was applied.
    `manifest`: what a bundle_io.scan of the same file found (the CLI and the window scan
    before asking for the new passphrase); without it the bundle is scanned here. Either
    way every part is checked against it while it is applied, so a file replaced since
    the scan is refused."""
    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ArchiveExists(f"{folder} already exists; restore only into a new folder")
    manifest = manifest or bundle_io.scan(Path(bundle), secret)
    if manifest.data.get("kind") != "full":
        raise BundleError("This is a sync bundle, not a backup; restore needs a full backup")
    made = not folder.exists()
    archive, code = Archive.create(
        folder, new_passphrase, kdf_params(), archive_id=str(manifest["archive_id"]),
        unfinished=True,
    )  # fmt: skip
    try:
        bulk_load.relax(archive.records_db)
        with transaction(archive.records_db):
            sync_store.remember_peer(
                archive.records_db,
                str(manifest["source_replica"]),
                str(manifest["signing_key"]),
                merge.peer_recipient(manifest),
                dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            )
        applied = apply_bundle(
            archive, Path(bundle), secret, manifest, action="import", index=False, fresh=True,
            progress=progress, cancel=cancel,
        )  # fmt: skip
        bulk_load.make_durable(archive.records_db, folder / ARCHIVE_DB)
        archive.finish_create()
    except BaseException:
        archive.close()
        if made:
            shutil.rmtree(folder, ignore_errors=True)
        else:
            for child in folder.iterdir():
                child.unlink(missing_ok=True)
        raise
    return archive, code, applied
