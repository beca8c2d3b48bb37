"""The dossier export job: gather → preview → photos → layout → sign → atomic write.

Runs under the one job protocol (progress + cancel). Everything is built in memory; the only
file written is the signed PDF, through a temp file in the destination folder that is
fsynced and renamed into place, so a failure or Cancel leaves no partial PDF behind.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from tumar.app.jobs import CancelToken, Job, Progress
from tumar.app.media.errors import MediaError
from tumar.storage import audit
from tumar.storage.archive import Archive
from tumar.storage.atomic import atomic_writer
from tumar.storage.errors import InvalidInput
from tumar.storage.media_store import MediaStore

from . import identity as identities
from . import manifest, render, sign
from .content import Decision, DossierContent, DossierOptions, ExportMeta, PhotoEntry, Preview
from .gather import gather, preview_of
from .labels import Labels
from .photos import DerivedPhoto, PhotoIntegrityError, derive_bytes, stored_bytes

PHOTO_WORKERS = 2


@dataclass(frozen=True)
class ExportResult:
    path: Path
    size: int
    fingerprint: str
    preview: Preview
    photos: int


def _version() -> str:
    try:
        return importlib.metadata.version("tumar")
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover - running from source
        return "unknown"


def _derive_all(store: MediaStore, content: DossierContent, embeddable: list[PhotoEntry],
                options: DossierOptions, progress: Progress, cancel: CancelToken,
                total: int) -> dict[str, DerivedPhoto]:  # fmt: skip
    """Stored bytes are read (and hash-checked) on this thread, which owns the connection;
    decoding and re-encoding run on two workers, a few photos ahead, memory bounded."""
    photos: dict[str, DerivedPhoto] = {}
    pending: deque[tuple[PhotoEntry, Future[DerivedPhoto]]] = deque()

    def collect(entry: PhotoEntry, future: Future[DerivedPhoto]) -> None:
        try:
            photos[entry.media.id] = future.result()
        except MediaError:
            content.decisions.append(Decision(
                "included", "media", entry.media.id, entry.name,
                "listed with its hash but not shown: the picture cannot be decoded",
            ))  # fmt: skip
        done = len(photos)
        progress(done, total, f"Preparing photo {done} of {len(embeddable)}")

    with ThreadPoolExecutor(max_workers=PHOTO_WORKERS) as pool:
        try:
            for entry in embeddable:
                cancel.raise_if_cancelled()
                try:
                    data = stored_bytes(store, entry.media)
                except PhotoIntegrityError as exc:
                    raise InvalidInput(f"{exc} (nothing was written)") from None
                keep = options.include_location
                pending.append((entry, pool.submit(derive_bytes, data, keep)))
                if len(pending) > PHOTO_WORKERS * 2:
                    collect(*pending.popleft())
            while pending:
                cancel.raise_if_cancelled()
                collect(*pending.popleft())
        finally:
            for _entry, future in pending:
                future.cancel()
    return photos


def check_destination(out_path: Path) -> Path:
    out_path = Path(out_path)
    if out_path.exists() or out_path.is_symlink():
        raise InvalidInput(f"{out_path} already exists; choose another name (nothing was written)")
    if not out_path.parent.is_dir():
        raise InvalidInput(f"The folder {out_path.parent} does not exist (nothing was written)")
    if out_path.suffix.lower() != ".pdf":
        raise InvalidInput(f"{out_path.name}: a dossier file name must end in .pdf")
    return out_path


def preview(archive: Archive, options: DossierOptions) -> Preview:
    """What an export with these options would include, leave out and anonymise (and why)."""
    return preview_of(gather(archive, options))


def export_job(archive: Archive, options: DossierOptions, out_path: Path) -> Job[ExportResult]:
    out_path = check_destination(out_path)

    def job(progress: Progress, cancel: CancelToken) -> ExportResult:
        progress(0, 1, "Reading the case")
        content = gather(archive, options)
        embeddable = [p for p in content.all_photos if p.embeddable]
        total = len(embeddable) + 4
        ident = identities.ensure(archive)
        store = MediaStore(archive.media_db)
        photos = _derive_all(store, content, embeddable, options, progress, cancel, total)
        seq, head = audit.head(archive.records_db)
        meta = ExportMeta(
            exported_at=dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            archive_id=archive.archive_id,
            replica_id=archive.replica_id,
            organisation=ident.organisation,
            subject=ident.subject,
            fingerprint=ident.fingerprint,
            audit_seq=seq,
            audit_head=head,
            version=_version(),
        )
        items = manifest.items(content, photos)
        cancel.raise_if_cancelled()
        progress(len(embeddable) + 1, total, "Laying out pages")
        pdf = render.render(content, meta, photos, items, cancel)
        cancel.raise_if_cancelled()
        progress(len(embeddable) + 2, total, "Signing")
        lab = Labels(options.lang)
        stamp = render.render_stamp(meta, lab)
        with atomic_writer(out_path, 0o600) as fh:
            sign.sign(pdf, ident, manifest.build(content, meta, items), stamp,
                      render.SIGNATURE_BOX, fh, reason=lab["dossier"])  # fmt: skip
            cancel.raise_if_cancelled()
            size = fh.tell()
        progress(total, total, "")
        return ExportResult(out_path, size, ident.fingerprint, preview_of(content), len(photos))

    return job


def with_lang(options: DossierOptions, lang: str) -> DossierOptions:
    return replace(options, lang=lang)
