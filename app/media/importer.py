"""The media import job: files (or in-memory streams) into the archive, hashed and described.

Per file, in this order, so that a crash or error at any point leaves a valid archive:

1. media.db, one transaction: the bytes go in as 1 MiB chunks and SHA-256 is computed over
   them; the content is inspected (MIME sniffed from content, EXIF, thumbnail) from exactly
   those bytes. A refusal (bomb, damaged image, empty file, file changed while being read)
   or a cancel rolls the transaction back: nothing was stored. Small files are read whole
   and inspected on a helper thread while the previous file is stored (app.media.prepare);
   large files stream in and are inspected from their stored chunks inside the transaction.
2. archive.db, one transaction: the Media record, its links (with history and audit) and
   its thumbnail (derived data in `media_thumbnail`, not a record). If this fails, the blob
   written in step 1 is deleted again.

Why not one transaction over both files (ATTACH media.db to the records connection)?
SQLite commits an attached database's changes atomically across files only when the main
database uses a rollback journal; archive.db uses WAL, so ATTACH would promise an
atomicity it does not have. The order above guarantees instead that a record never points to
missing content; the worst a crash between the two commits can leave is encrypted content no
record refers to, which `tumar verify` reports and `tumar media cleanup` removes.

Decisions:
- Corrupt or truncated images, and images above the pixel limit, are refused with a message
  naming the file. With keep_unreadable=True (`--keep-unreadable`) the original bytes are
  stored anyway as a plain file (kind "file", `unreadable` set, the reason kept, no
  thumbnail, never decoded again), because a damaged photo can still be evidence.
- Empty files are refused: there is nothing to preserve and they are usually copy errors.
- Folders, pipes, devices and sockets are refused (a FIFO would block the import forever).
- The importing device is the archive's replica id (this laptop's copy of the archive).
- The same content imported again is not stored again: the live record with that SHA-256
  is reused and the new links are added to it (status "duplicate").
- Names are stored as the last path component; bytes that are not UTF-8 are kept visible as
  backslash escapes (b"\\xff" -> "\\\\xff") rather than being lost or crashing.
- Audio/video duration and codec come from avprobe, which needs a path: for files it probes
  the source path after the bytes are stored; import_stream has no path and skips probing.
- Cancel (CancelToken, checked after every chunk) rolls back the current file; files that
  were finished stay, and ImportCancelled carries the report of what was done.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from typing import BinaryIO

from tumar.storage.archive import Archive
from tumar.storage.connection import DatabaseError, transaction
from tumar.storage.errors import TumarError
from tumar.storage.import_lock import importing
from tumar.storage.media_store import MediaStore, StoredBlob
from tumar.storage.records import Case, Media, MediaLink, Person, Testimony
from tumar.storage.thumbnail_store import Thumbnail, ThumbnailStore

from ..jobs import CancelToken, JobCancelled, Progress, no_progress
from . import describe
from .describe import ContentFacts
from .prepare import MediaImportError, Prefetcher, Prepared, prepare, unchanged_check

StrPath = str | bytes | os.PathLike[str] | os.PathLike[bytes]

#: called with the file's display name between the content commit and the record commit
#: (where probing happens); only tests set it, to hold a real import at that point
before_record_hook: Callable[[str], None] | None = None


class ImportCancelled(JobCancelled):
    """The job was cancelled; `report` lists the files finished before that."""

    def __init__(self, report: ImportReport) -> None:
        super().__init__()
        self.report = report


@dataclass(frozen=True)
class Links:
    """Where imported media belong; every id must name an existing record."""

    case_ids: tuple[str, ...] = ()
    person_ids: tuple[str, ...] = ()
    testimony_ids: tuple[str, ...] = ()

    def targets(self) -> list[tuple[str, str]]:
        return (
            [("case_id", i) for i in self.case_ids]
            + [("person_id", i) for i in self.person_ids]
            + [("testimony_id", i) for i in self.testimony_ids]
        )


@dataclass
class FileResult:
    name: str
    status: str  # "imported", "duplicate" or "failed"
    media: Media | None = None
    error: str = ""

    @property
    def ok(self) -> bool:
        return self.status != "failed"


@dataclass
class ImportReport:
    results: list[FileResult] = field(default_factory=list)

    def _with(self, status: str) -> list[FileResult]:
        return [r for r in self.results if r.status == status]

    @property
    def imported(self) -> list[FileResult]:
        return self._with("imported")

    @property
    def duplicates(self) -> list[FileResult]:
        return self._with("duplicate")

    @property
    def failed(self) -> list[FileResult]:
        return self._with("failed")

    @property
    def ok(self) -> bool:
        return not self.failed


def display_name(path: StrPath) -> str:
    """A path as text for messages, with undecodable bytes shown as escapes."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def stored_name(path: StrPath) -> str:
    raw = os.path.basename(os.fsencode(path).rstrip(b"/")) or os.fsencode(path)
    return raw.decode("utf-8", "backslashreplace")


def check_links(archive: Archive, links: Links) -> None:
    """Fail before anything is stored if a link target does not exist (or is deleted)."""
    kinds = {"case_id": Case, "person_id": Person, "testimony_id": Testimony}
    for column, record_id in links.targets():
        archive.repo.get(kinds[column], record_id)


class _Importer:
    """State shared by the files of one job: the archive, the store, progress accounting."""

    def __init__(
        self,
        archive: Archive,
        links: Links,
        keep_unreadable: bool,
        progress: Progress,
        cancel: CancelToken,
        total: int,
    ) -> None:
        self.archive, self.links, self.keep_unreadable = archive, links, keep_unreadable
        self.store = MediaStore(archive.media_db)
        self.progress, self.cancel = progress, cancel
        self.done, self.total = 0, total

    def _on_chunk(self, display: str, n: int) -> None:
        self.done += n
        self.progress(self.done, self.total, display)
        self.cancel.raise_if_cancelled()

    def import_prepared(
        self, prepared: Prepared, name: str, display: str, probe_path: str
    ) -> FileResult:
        """A file opened (and, if small, read and described) by app.media.prepare."""
        if prepared.data is None:
            return self.import_one(prepared.source, name, display, prepared.opened, probe_path)
        source, opened, refusal = prepared.source, prepared.opened, prepared.refusal

        def before_commit(sha256: str) -> None:
            unchanged_check(source, opened, display)
            if refusal is not None:
                raise refusal

        def facts_of_stored(sha256: str) -> ContentFacts:
            if refusal is not None:
                raise refusal
            assert prepared.facts is not None
            return prepared.facts

        stored = self.store.write_bytes(
            prepared.data, on_chunk=partial(self._on_chunk, display), before_commit=before_commit
        )
        prepared.data = None  # the bytes are stored (or refused); don't hold them longer
        if not stored.created:
            unchanged_check(source, opened, display)
        return self._record_or_undo(
            stored, prepared.facts, name, display, probe_path, facts_of_stored
        )

    def import_one(
        self, source: BinaryIO, name: str, display: str, opened: os.stat_result | None = None,
        probe_path: str | None = None,
    ) -> FileResult:  # fmt: skip
        """Stream `source` into media.db, describing it from the stored chunks."""
        facts: list[ContentFacts] = []

        def before_commit(sha256: str) -> None:
            if opened is not None:
                unchanged_check(source, opened, display)
            facts.append(self._inspect(sha256, name, display))

        stored = self.store.write(
            source, on_chunk=partial(self._on_chunk, display), before_commit=before_commit
        )
        if opened is not None and not stored.created:
            unchanged_check(source, opened, display)
        return self._record_or_undo(
            stored, facts[0] if facts else None, name, display, probe_path,
            partial(self._inspect, name=name, display=display),
        )  # fmt: skip

    def _inspect(self, sha256: str, name: str, display: str) -> ContentFacts:
        """Describe content from its stored chunks (inside or after its transaction)."""
        info = self.store.info(sha256)
        if info is None:
            raise MediaImportError(
                f"{display}: the stored content disappeared before it could be described"
            )
        try:
            with self.store.open(sha256) as blob:
                return describe.inspect_content(blob, info.size, name, self.keep_unreadable)
        except describe.ContentRefused as exc:
            raise MediaImportError(f"{display}: {exc}") from exc

    def _record_or_undo(
        self, stored: StoredBlob, facts: ContentFacts | None, name: str, display: str,
        probe_path: str | None, facts_of_stored: Callable[[str], ContentFacts],
    ) -> FileResult:  # fmt: skip
        try:
            return self._record(stored, facts, name, display, probe_path, facts_of_stored)
        except BaseException:
            if stored.created:
                with contextlib.suppress(Exception):
                    self.store.delete(stored.sha256)
            raise

    def _record(
        self, stored: StoredBlob, facts: ContentFacts | None, name: str, display: str,
        probe_path: str | None, facts_of_stored: Callable[[str], ContentFacts],
    ) -> FileResult:  # fmt: skip
        if before_record_hook is not None:
            before_record_hook(display)
        repo = self.archive.repo
        existing = repo.find(Media, {"sha256": stored.sha256})
        status = "duplicate" if existing else "imported"
        if not existing and facts is None:  # content was already stored, but no live record
            facts = facts_of_stored(stored.sha256)
        if not existing and facts is not None and probe_path is not None:
            facts = describe.add_av_info(facts, probe_path)
        with transaction(repo.conn):
            if existing:
                media = existing[0]
            else:
                assert facts is not None
                media = repo.insert(
                    describe.media_record(
                        facts, stored.sha256, stored.size, name, self.archive.replica_id,
                        dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds"),
                    )
                )  # fmt: skip
                thumb = facts.thumbnail
                if thumb is not None:
                    ThumbnailStore(repo.conn).put(
                        Thumbnail(stored.sha256, thumb.mime, thumb.width, thumb.height, thumb.data)
                    )
            for column, target in self.links.targets():
                if not repo.find(MediaLink, {"media_id": media.id, column: target}):
                    repo.insert(MediaLink(media_id=media.id, **{column: target}))
        return FileResult(display, status, media)


def _failure(display: str, exc: BaseException) -> str:
    if isinstance(exc, MediaImportError):
        return str(exc)
    if isinstance(exc, OSError):
        reason = exc.strerror or str(exc)
        return f"{display}: cannot read the file ({reason}); nothing was stored"
    if isinstance(exc, DatabaseError):
        if "full" in str(exc).lower():
            return f"{display}: not imported because the disk is full; nothing was stored"
        return f"{display}: not imported because of a database error ({exc}); nothing was stored"
    if isinstance(exc, TumarError):
        return f"{display}: {exc}"
    return f"{display}: not imported because of an unexpected error ({type(exc).__name__}: {exc})"


def import_files(
    archive: Archive,
    paths: Iterable[StrPath],
    links: Links | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
    *,
    keep_unreadable: bool = False,
) -> ImportReport:
    """Import each path; a bad file is reported and the others continue.

    A job in the sense of app.jobs (bind archive/paths/links with functools.partial).
    Raises ImportCancelled when cancelled, and link errors before anything is stored.
    """
    links = links or Links()
    cancel = cancel or CancelToken()
    check_links(archive, links)
    items = [(os.fsdecode(p), display_name(p)) for p in paths]
    sizes = []
    for path, _ in items:
        try:
            sizes.append(os.stat(path).st_size)
        except OSError:
            sizes.append(0)
    names = [stored_name(path) for path, _ in items]
    job = _Importer(archive, links, keep_unreadable, progress, cancel, sum(sizes))
    report = ImportReport()

    def prepare_one(index: int) -> Prepared:  # on the helper thread: no database access
        return prepare(items[index][0], items[index][1], names[index], keep_unreadable)

    with importing(archive.folder), Prefetcher(len(items), prepare_one) as ahead:
        for index, ((path, display), size) in enumerate(zip(items, sizes, strict=True)):
            if cancel.cancelled:
                raise ImportCancelled(report)
            progress(job.done, job.total, display)
            start = job.done
            try:
                prepared = ahead.take(index)
                with prepared.source:
                    result = job.import_prepared(prepared, names[index], display, path)
            except JobCancelled:
                raise ImportCancelled(report) from None
            except Exception as exc:  # noqa: BLE001 - one bad file must not stop the batch
                result = FileResult(display, "failed", error=_failure(display, exc))
            job.done = start + size  # keep the total consistent whatever was read
            report.results.append(result)
    progress(job.total, job.total, "")
    return report


def import_stream(
    archive: Archive,
    fileobj: BinaryIO,
    name: str,
    links: Links | None = None,
    *,
    keep_unreadable: bool = False,
) -> FileResult:
    """Import from an open binary stream (e.g. an image made in memory); raises on failure."""
    links = links or Links()
    check_links(archive, links)
    job = _Importer(archive, links, keep_unreadable, no_progress, CancelToken(), 0)
    try:
        with importing(archive.folder):
            return job.import_one(fileobj, stored_name(name), name)
    except (MediaImportError, JobCancelled):
        raise
    except Exception as exc:  # noqa: BLE001 - same messages as import_files
        raise MediaImportError(_failure(name, exc)) from exc
