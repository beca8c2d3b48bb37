"""The media import job: files (or in-memory streams) into the archive, hashed and described.

Per file, in this order, so that a crash or error at any point leaves a valid archive:

1. media.db, one transaction: the bytes stream in as 1 MiB chunks while SHA-256 is computed;
   then, still inside that transaction, the *stored* bytes are inspected (MIME sniffed from
   content, EXIF, thumbnail). A refusal (bomb, damaged image, empty file, file changed while
   being read) or a cancel rolls the transaction back: nothing was stored.
2. archive.db, one transaction: the Media record and its links (with history and audit).
   If this fails, the blob written in step 1 is deleted again.

Why not one transaction over both files (ATTACH media.db to the records connection)? Under
WAL, SQLite commits an attached database's changes atomically per file only, not across
files (documented for WAL and in-memory main databases), so ATTACH would promise an
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
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import BinaryIO

from tumar.storage.archive import Archive
from tumar.storage.connection import DatabaseError, transaction
from tumar.storage.errors import TumarError
from tumar.storage.media_store import MediaStore, StoredBlob
from tumar.storage.records import Case, Media, MediaLink, Person, Testimony

from ..jobs import CancelToken, JobCancelled, Progress, no_progress
from . import describe
from .describe import ContentFacts

StrPath = str | bytes | os.PathLike[str] | os.PathLike[bytes]


class MediaImportError(TumarError):
    """One file could not be imported; the message starts with the file's name."""


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


def _open_source(path: str, display: str) -> tuple[BinaryIO, os.stat_result]:
    """Open a regular file for reading without ever blocking on a FIFO or device."""
    before = os.stat(path)
    if stat.S_ISDIR(before.st_mode):
        raise MediaImportError(f"{display}: is a folder; give the files inside it instead")
    if not stat.S_ISREG(before.st_mode):
        raise MediaImportError(
            f"{display}: is not a regular file (a pipe, device or socket); copy it to a file first"
        )
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    opened = os.fstat(fd)
    if not stat.S_ISREG(opened.st_mode):  # swapped between stat() and open()
        os.close(fd)
        raise MediaImportError(f"{display}: stopped being a regular file while it was opened")
    return os.fdopen(fd, "rb", buffering=0), opened


def _unchanged_check(source: BinaryIO, opened: os.stat_result, display: str) -> None:
    """Refuse a file that was written to while we read it: the hash would be of a mix."""
    now = os.fstat(source.fileno())
    read = source.tell()
    same = (now.st_size, now.st_mtime_ns) == (opened.st_size, opened.st_mtime_ns)
    if not same or read != now.st_size:
        raise MediaImportError(
            f"{display}: the file changed while it was being read "
            f"({opened.st_size} bytes when opened, {read} read, {now.st_size} now); "
            "nothing was stored, import it again once it is complete"
        )


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

    def import_one(
        self, source: BinaryIO, name: str, display: str, opened: os.stat_result | None = None,
        probe_path: str | None = None,
    ) -> FileResult:  # fmt: skip
        facts: list[ContentFacts] = []

        def on_chunk(n: int) -> None:
            self.done += n
            self.progress(self.done, self.total, display)
            self.cancel.raise_if_cancelled()

        def before_commit(sha256: str) -> None:
            if opened is not None:
                _unchanged_check(source, opened, display)
            facts.append(self._inspect(sha256, name, display))

        stored = self.store.write(source, on_chunk=on_chunk, before_commit=before_commit)
        if opened is not None and not stored.created:
            _unchanged_check(source, opened, display)
        try:
            return self._record(stored, facts[0] if facts else None, name, display, probe_path)
        except BaseException:
            if stored.created:
                with contextlib.suppress(Exception):
                    self.store.delete(stored.sha256)
            raise

    def _inspect(self, sha256: str, name: str, display: str) -> ContentFacts:
        try:
            return describe.inspect_content(self.store, sha256, name, self.keep_unreadable)
        except describe.ContentRefused as exc:
            raise MediaImportError(f"{display}: {exc}") from exc

    def _record(
        self, stored: StoredBlob, facts: ContentFacts | None, name: str, display: str,
        probe_path: str | None,
    ) -> FileResult:  # fmt: skip
        repo = self.archive.repo
        existing = repo.find(Media, {"sha256": stored.sha256})
        status = "duplicate" if existing else "imported"
        if not existing and facts is None:  # content was already stored, but no live record
            facts = self._inspect(stored.sha256, name, display)
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
    job = _Importer(archive, links, keep_unreadable, progress, cancel, sum(sizes))
    report = ImportReport()
    for (path, display), size in zip(items, sizes, strict=True):
        if cancel.cancelled:
            raise ImportCancelled(report)
        progress(job.done, job.total, display)
        start = job.done
        try:
            source, opened = _open_source(path, display)
            with source:
                result = job.import_one(source, stored_name(path), display, opened, path)
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
        return job.import_one(fileobj, stored_name(name), name)
    except (MediaImportError, JobCancelled):
        raise
    except Exception as exc:  # noqa: BLE001 - same messages as import_files
        raise MediaImportError(_failure(name, exc)) from exc
