"""`tumar verify`: recompute everything that can prove the archive was not altered.

The checks added for issue 8 are functions of their own (check_rollback, check_derived),
called from verify_archive between the robust reads of issue 9.
"""

from __future__ import annotations

import contextlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tumar.storage import audit, audit_chains
from tumar.storage.archive import Archive
from tumar.storage.connection import Connection, DatabaseError
from tumar.storage.damaged import open_raw
from tumar.storage.derived_check import SearchDocCheck, search_doc_problems
from tumar.storage.errors import SearchIndexDamaged, TumarError
from tumar.storage.last_seen import LastSeenUnreadable, current_head

from . import verify_damage
from .media.verify_media import verify_media
from .verify_derived import thumbnail_problems


@dataclass
class VerifyReport:
    audit_entries: int = 0
    records_checked: int = 0
    head_seq: int = 0
    head_hash: str = ""
    integrity: str = ""
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # worth knowing, not a failure

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_archive(archive: Archive) -> VerifyReport:
    """The page checks (SQLCipher's and SQLite's, then FTS5's) run in a thread on
    connections of their own while this thread walks the chain, the records and the search
    documents: the page checks spend their time inside SQLCipher, which lets go of the GIL,
    so on two cores the halves overlap. One thread, not one per check: the work is
    CPU-bound and this thread's half is the longer one, so a third thread would take CPU
    from it early and leave it running alone at the end (measured: 29.8 s against 27 s at
    100k testimonies, bench/RESULTS.md). Problems come out in the order they had when run
    one by one."""
    report = VerifyReport()
    report.notes.extend(_weak_kdf_notes(archive))
    records = VerifyReport()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="verify-pages") as pool:
        pages = pool.submit(_page_checks, archive)
        _check_records(archive, records)
        page_problems, page_notes = pages.result()
    report.problems.extend([*page_problems, *records.problems])
    report.notes.extend([*page_notes, *records.notes])
    report.audit_entries, report.records_checked = records.audit_entries, records.records_checked
    report.head_seq, report.head_hash = records.head_seq, records.head_hash
    if archive.media_problem:
        report.problems.append(archive.media_problem)
        return report
    try:
        archive.media_db  # noqa: B018 - opens it when an import held it at unlock
    except TumarError as exc:
        report.problems.append(f"media could not be checked: {exc}")
        return report
    report.problems.extend(
        verify_damage.database_findings(lambda: archive.reader("media.db"), "media.db")
    )
    try:
        report.problems.extend(verify_media(archive).problems)
    except DatabaseError as exc:
        report.problems.append(f"media could not be checked to the end ({exc})")
    return report


def _page_checks(archive: Archive) -> tuple[list[str], list[str]]:
    """archive.db's pages and the full-text index, each on its own connection: (problems,
    notes). Runs in verify_archive's thread; opens and closes every connection it uses."""
    notes: list[str] = []
    problems = verify_damage.database_findings(archive.reader, "archive.db", notes)
    if not archive.read_only:
        index = verify_damage.search_index_problem(lambda: archive.reader(read_only=False))
        problems.extend([str(index)] if index else [])
    return problems, notes


def _check_records(archive: Archive, report: VerifyReport) -> None:
    """Everything verify reads through the archive's own connection."""
    if not archive.repo.search_enabled:
        report.problems.append(str(SearchIndexDamaged(stale=True)))
    _files(archive, report)
    documents = _DocumentsBeside.start(archive)
    try:
        _walk(archive, report, documents)
    finally:
        if documents is not None:
            documents.close()


def _walk(archive: Archive, report: VerifyReport, documents: _DocumentsBeside | None) -> None:
    try:
        chain = audit.verify(archive.records_db, documents.visit if documents else None)
    except DatabaseError as exc:
        report.problems.append(f"the audit chain could not be read to its end ({exc})")
        archive.reconnect()  # the failed read spoiled the connection (storage.readable)
        documents = None  # fed only part of the records: run on its own below
    else:
        report.audit_entries = chain.entries
        report.records_checked = chain.records
        report.head_hash = chain.head_hash
        report.head_seq = current_head(archive.records_db).seq
        report.problems.extend(chain.problems)
        # the other replicas' chains, imported by sync/restore: each walked in full
        imported, chain_problems = audit_chains.verify_all(archive.records_db)
        report.audit_entries += imported
        report.problems.extend(chain_problems)
        check_rollback(archive, report)
    check_derived(archive, report, documents)


class _DocumentsBeside:
    """The search-document check fed with the rows the audit walk reads anyway (each
    record table read once, not twice), its own reads on a connection of its own. Any
    failure of its own stops it, never the walk; check_derived then runs the check alone
    on the archive's connection, exactly as before this sharing (same problems, same
    wording)."""

    #: its connection reads search_doc once in order (and a few rows by id)
    CACHE_KIB = 32 * 1024

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.check = SearchDocCheck(conn)
        self.failed = False

    @classmethod
    def start(cls, archive: Archive) -> _DocumentsBeside | None:
        if not archive.repo.search_enabled:
            return None
        try:
            conn = archive.reader()
        except (TumarError, DatabaseError):
            return None
        try:
            conn.execute(f"PRAGMA cache_size = {-cls.CACHE_KIB}")
            return cls(conn)
        except DatabaseError:
            conn.close()
            return None

    def visit(self, table: str, row: dict[str, Any]) -> None:
        if self.failed:
            return
        try:
            self.check.visit(table, row)
        except Exception:  # noqa: BLE001 - met again, with the old outcome, when run alone
            self.failed = True

    def problems(self) -> list[str] | None:
        """None: the check did not finish here (check_derived runs it alone)."""
        if self.failed:
            return None
        try:
            return self.check.problems()
        except DatabaseError:
            return None

    def close(self) -> None:
        with contextlib.suppress(DatabaseError):
            self.check.close()
        self.conn.close()


def check_rollback(archive: Archive, report: VerifyReport) -> None:
    """The head must continue the one this computer last saw (storage.last_seen); when it
    does, the record moves forward to today's head. (A problem found at unlock is already
    among archive.warnings, which _files reports.)"""
    guard = archive.head_guard
    if guard is None:
        return
    problem = guard.problem(archive.records_db)
    if problem is not None:
        if problem not in report.problems:
            report.problems.append(problem)
        return
    if archive.read_only:
        return
    try:
        guard.advance(archive.records_db)
    except (OSError, LastSeenUnreadable) as exc:
        report.problems.append(f"could not record the audit head on this computer: {exc}")


def check_derived(
    archive: Archive, report: VerifyReport, documents: _DocumentsBeside | None = None
) -> None:
    """Search documents rebuilt and compared (unless the index is already known stale; FTS5's
    check of the index itself is among the page checks); thumbnails decoded and compared
    with their content (when media can be read). `documents`: the check already fed by the
    audit walk; when it is missing or did not finish, it runs here on its own."""
    try:
        if archive.repo.search_enabled:
            found = documents.problems() if documents is not None else None
            if found is None:
                found = search_doc_problems(archive.records_db)
            report.problems.extend(found)
            if archive.read_only:
                report.notes.append(
                    "the full-text index itself was not checked: the archive is read-only"
                )
        if not archive.media_problem:
            report.problems.extend(thumbnail_problems(archive))
    except DatabaseError as exc:
        report.problems.append(f"derived data could not be checked to the end ({exc})")
        archive.reconnect()
    except TumarError as exc:
        report.problems.append(f"thumbnails could not be checked: {exc}")


def _files(archive: Archive, report: VerifyReport) -> None:
    """A WAL that held committed changes at unlock, and whether it could be folded in."""
    report.problems.extend(archive.warnings)
    if archive.wal_was_pending and not archive.warnings:
        state = (
            "they stay there: the archive is read-only"
            if archive.read_only
            else "they have now been folded in"
        )
        report.notes.append(
            "archive.db-wal held committed changes not yet in archive.db (after a crash, "
            f"or a checkpoint that failed); {state}. Copy the whole archive folder, never "
            "the .db files alone"
        )


def verify_unopenable(folder: Path, secret: str, reason: str) -> VerifyReport:
    """verify for an archive Archive.open refuses: what can still be read, file by file."""
    report = VerifyReport()
    report.problems.append(reason)
    raw = open_raw(folder, secret)
    for name, opener, problem in (
        ("archive.db", raw.records, raw.records_problem),
        ("media.db", raw.media, raw.media_problem),
    ):
        if problem:
            report.problems.append(problem)
        else:
            report.problems.extend(verify_damage.database_findings(opener, name))
    return report


def _weak_kdf_notes(archive: Archive) -> list[str]:
    """Passphrase slots made with TUMAR_KDF_PROFILE=fast (recorded in tumar.json) or as cheap.

    Recovery slots are left out: a 160-bit random code cannot be guessed however cheap each
    guess is; a passphrase a person chose can."""
    return [
        f"passphrase key slot {slot.slot_id[:8]} uses the fast test key derivation (one "
        "Argon2id pass), so guessing it is cheap: run `tumar passwd` without "
        "TUMAR_KDF_PROFILE=fast to replace it"
        for slot in archive.header.slots
        if slot.kind == "passphrase" and slot.kdf.weak
    ]
