"""`tumar salvage`: copy whatever a damaged archive still holds into a new archive.

Everything goes in through the Repository and the MediaStore of the new archive, so it
gets its own history, audit chain and search index and `tumar verify` passes on it. Rows
are read one by one around damaged pages (storage.readable): a damaged page costs the
records stored on it, not the archive. What could not be copied is reported exactly:

- rows on damaged pages (rowid ranges per table) and, when the audit log is readable,
  the ids of the records it knows of that were not recovered;
- records whose parent was lost (a name whose person is gone cannot be stored: foreign
  keys), by id;
- media whose content cannot be read back with its recorded SHA-256 (their records and
  links are left out too, so the new archive never points to missing content);
- earlier versions kept in history: the new archive's history starts with the copy.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .archive import Archive
from .connection import DatabaseError, transaction
from .damaged import RawArchive
from .errors import InvalidInput, TumarError
from .media_store import MediaStore
from .readable import Reader, TableScan, scan_rows
from .records import BY_TABLE, Media, Record
from .repository import from_row
from .thumbnail_store import Thumbnail, ThumbnailStore

Progress = Callable[[int, int, str], None]


@dataclass
class SalvageReport:
    copied: dict[str, int] = field(default_factory=dict)
    scans: dict[str, TableScan] = field(default_factory=dict)
    orphans: list[str] = field(default_factory=list)  # "table id (reason)"
    not_recovered: dict[str, list[str]] = field(default_factory=dict)  # from the audit log
    media_copied: int = 0
    media_lost: list[str] = field(default_factory=list)
    history_versions: int = 0
    files: list[str] = field(default_factory=list)  # a whole database that did not open

    @property
    def complete(self) -> bool:
        return (
            not self.orphans
            and not self.media_lost
            and not self.files
            and not any(self.not_recovered.values())
            and all(scan.complete for scan in self.scans.values())
        )


def _foreign_keys(target: Archive, table: str) -> list[tuple[str, str]]:
    """(column, parent table) for each foreign key of `table`."""
    rows = target.records_db.execute(f"PRAGMA foreign_key_list({table})").fetchall()
    return [(r["from"], r["table"]) for r in rows]


def _read_table(raw: RawArchive, table: str, report: SalvageReport) -> list[dict]:
    scan = TableScan(table)
    reader = Reader(raw.records)
    try:
        rows = list(scan_rows(reader, table, scan))
    finally:
        reader.close()
    report.scans[table] = scan
    return rows


def _copy_content(raw: RawArchive, target: Archive, media: Media) -> bool:
    """The blob of `media` into the new media.db, checked against its SHA-256."""
    if MediaStore(target.media_db).info(media.sha256) is not None:
        return True
    try:
        source = raw.media(any_thread=True)  # MediaStore.write reads on a helper thread
    except (TumarError, DatabaseError):
        return False
    try:
        with MediaStore(source).open(media.sha256) as blob:
            stored = MediaStore(target.media_db).write(blob)
    except (OSError, DatabaseError):
        return False
    finally:
        source.close()
    if stored.sha256 != media.sha256:
        MediaStore(target.media_db).delete(stored.sha256)
        return False
    return True


def _copy_thumbnails(raw: RawArchive, target: Archive, shas: set[str]) -> None:
    scan = TableScan("media_thumbnail")
    reader = Reader(raw.records)
    store = ThumbnailStore(target.records_db)
    try:
        for row in scan_rows(reader, "media_thumbnail", scan):
            if row["sha256"] in shas:
                store.put(Thumbnail(row["sha256"], row["mime"], row["width"], row["height"],
                                    bytes(row["data"])))  # fmt: skip
    finally:
        reader.close()


def salvage(raw: RawArchive, target: Archive, progress: Progress | None = None) -> SalvageReport:
    """Copy every readable record and media item of `raw` into the empty `target`."""
    report = SalvageReport()
    if raw.records_problem:
        report.files.append(raw.records_problem)
        return report
    if raw.media_problem:
        report.files.append(raw.media_problem)
    present: dict[str, set[str]] = {table: set() for table in BY_TABLE}
    tables = list(BY_TABLE)
    media_rows = _read_table(raw, "media", report)
    good_media: set[str] = set()
    for done, row in enumerate(media_rows):
        media = from_row(Media, {k: v for k, v in row.items() if k != "_rowid_"})
        if progress is not None:
            progress(done, len(media_rows), "Copying media")
        if _copy_content(raw, target, media):
            good_media.add(media.id)
        else:
            report.media_lost.append(f"media {media.id} ({media.original_name})")
    with transaction(target.records_db):
        for index, table in enumerate(tables):
            if progress is not None:
                progress(index, len(tables), f"Copying {table}")
            cls: type[Record] = BY_TABLE[table]
            rows = media_rows if table == "media" else _read_table(raw, table, report)
            keys = _foreign_keys(target, table)
            copied = 0
            for row in rows:
                row = {k: v for k, v in row.items() if k != "_rowid_"}
                if table == "media" and row["id"] not in good_media:
                    continue
                missing = [
                    f"{parent} {row[column]}"
                    for column, parent in keys
                    if row.get(column) is not None and row[column] not in present[parent]
                ]
                if missing:
                    report.orphans.append(f"{table} {row['id']} (its {missing[0]} was lost)")
                    continue
                record = from_row(cls, row)
                deleted = record.deleted
                try:
                    target.repo.insert(record, keep_times=True)
                except InvalidInput as exc:  # raised before any SQL runs
                    report.orphans.append(f"{table} {row['id']} (cannot be stored: {exc})")
                    continue
                if deleted:
                    target.repo.delete(cls, record.id)
                present[table].add(record.id)
                copied += 1
            report.copied[table] = copied
        shas = {m["sha256"] for m in media_rows if m["id"] in good_media}
        _copy_thumbnails(raw, target, shas)
    _audit_and_history(raw, report, present)
    report.media_copied = len(MediaStore(target.media_db).blobs())
    return report


def _audit_and_history(raw: RawArchive, report: SalvageReport, present: dict) -> None:
    """Which records the audit log knows of that were not recovered; how many earlier
    versions stay behind in the damaged archive's history."""
    known: dict[str, set[str]] = {}
    for row in _read_table(raw, "audit_log", report):
        if row["table_name"] in present:
            known.setdefault(row["table_name"], set()).add(row["record_id"])
    orphan_ids = {entry.split(" ")[1] for entry in report.orphans + report.media_lost}
    for table, ids in known.items():
        lost = sorted(ids - present[table] - orphan_ids)
        if lost:
            report.not_recovered[table] = lost
    report.history_versions = len(_read_table(raw, "record_history", report))
