"""Archive lifecycle on disk: create, unlock, change passphrase, lock.

Ordering rules that keep data safe:
- unlock reads only; a wrong passphrase fails before any database is touched;
- create refuses anything that exists and writes the header last, so a crash mid-create
  leaves a folder that no one mistakes for a usable archive;
- changing the passphrase rewrites one key slot in the header, atomically.

The two databases are laid out differently (see storage.connection): archive.db has 4 KiB
pages and WAL; media.db has 64 KiB cipher pages and a rollback journal, because bulk chunk
writes are then encrypted and written once, not twice. A long import therefore locks
media.db against readers until it commits; what must stay readable meanwhile (records,
thumbnails) is in archive.db. open_media_db is used on create *and* on every open:
SQLCipher cannot read a 64 KiB-page file without being told the page size.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import gc
import os
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import fts_repair, keyslots, rekey_journal, replica_keys, schema, slot_registry
from .archive_conn import ArchiveConnections, open_media_db
from .archive_files import (
    checkpoint,
    is_read_only_folder,
    wal_pending,
)
from .archive_files import (
    migrate as migrate_db,
)
from .archive_guard import GuardedHead, reseal_head
from .connection import (
    RECORDS_CACHE_KIB,
    Connection,
    derive_db_key,
    open_database,
    transaction,
)
from .errors import (
    ArchiveExists,
    ArchiveLocked,
    DatabaseCorrupt,
    HeaderCorrupt,
    InvalidInput,
    SearchIndexDamaged,
    WrongPassphrase,
)
from .header import Header, read_header, write_header
from .hlc import Clock, recover_last
from .kdf import KdfParams
from .last_seen import HeadGuard
from .repository import Repository
from .unlock import UNLOCK_WORK_BUDGET, attempt_order, slot_work, unlock_master_key

ARCHIVE_DB = "archive.db"
MEDIA_DB = "media.db"
MIN_PASSPHRASE_CHARS = 8


def _check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_CHARS:
        raise InvalidInput(f"A passphrase needs at least {MIN_PASSPHRASE_CHARS} characters")


def _unlock_master_key(header: Header, secret: str) -> tuple[bytes, keyslots.KeySlot]:
    """The one Argon2id step of an unlock, within a work cap (storage.unlock); bench/ times
    it by wrapping this name. A right passphrase for slots pasted from another archive's
    header is told apart from a wrong one (again within the cap)."""
    try:
        return unlock_master_key(header, secret)
    except WrongPassphrase:
        spent = 0
        for slot, material in attempt_order(header, secret):
            spent += slot_work(slot)
            if spent > UNLOCK_WORK_BUDGET:
                break
            if keyslots.opens_as_foreign(slot, material, header.archive_id):
                raise HeaderCorrupt(
                    "The passphrase is right, but the key slots in tumar.json belong to another "
                    "archive; put this archive's own tumar.json back (from a backup)"
                ) from None
        raise


@dataclass
class Archive(ArchiveConnections, GuardedHead):
    """An unlocked archive: two open databases, the replica's clock, the repository."""

    folder: Path
    header: Header
    records_db: Connection
    media_conn: Connection | None
    clock: Clock
    repo: Repository
    # kept in memory only while open, so a worker thread can open its own connections
    # (open_sibling) without running the KDF again; dropped by close()
    _master_key: bytes = field(default=b"", repr=False, compare=False)
    #: why media content cannot be used ("" when it can); records work either way
    media_problem: str = ""
    #: opened from a read-only disk or folder: reading works, changes are refused
    read_only: bool = False
    #: called with a one-line warning the user must see (e.g. a failed WAL checkpoint)
    on_warning: Callable[[str], None] | None = None
    warnings: list[str] = field(default_factory=list)
    #: archive.db-wal held committed changes when the archive was unlocked
    wal_was_pending: bool = False
    _media_busy: bool = False
    #: this computer's record of the archive's last audit head (None: not kept, e.g. tests)
    head_guard: HeadGuard | None = None
    #: key slots removed from or added to the header behind Tumar's back (also in warnings)
    slot_warnings: list[str] = field(default_factory=list)

    @property
    def archive_id(self) -> str:
        return self.header.archive_id

    @property
    def replica_id(self) -> str:
        return self.clock.replica

    def close(self) -> None:
        """Checkpoint archive.db's WAL into the file so a locked archive is exactly three files
        (media.db's rollback journal is gone after every commit)."""
        self.repo.forget_cached_text()
        db_key = None if self.read_only or not self._master_key else self._key(ARCHIVE_DB)
        self._master_key = b""
        self.advance_on_close()
        problem = None if self.read_only else checkpoint(self.records_db)
        with contextlib.suppress(Exception):
            self.records_db.close()
        if self.media_conn is not None:
            with contextlib.suppress(Exception):
                self.media_conn.close()
            self.media_conn = None
        if db_key and (self.folder / f"{ARCHIVE_DB}-wal").exists():
            self._remove_wal(db_key)
        if problem:
            self.warn(problem)

    def _remove_wal(self, db_key: bytes) -> None:
        """SQLite finishes closing a connection only once its last statement is freed, and
        only the last connection to close removes the WAL. verify's document reader, whose
        scan a garbage cycle still held, closed after ours, read-only, and left an (already
        checkpointed) archive.db-wal beside a locked archive; that scan is now ended
        explicitly (storage.derived_check), and this is the net for any other: collect such
        cycles, then let one short connection close last. Paid only when a WAL is left."""
        gc.collect()
        if (self.folder / f"{ARCHIVE_DB}-wal").exists():
            with contextlib.suppress(Exception):
                open_database(self.folder / ARCHIVE_DB, db_key, create=False, cache_kib=64).close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if isinstance(exc, SearchIndexDamaged) and not self.read_only:
            with contextlib.suppress(Exception):
                self.index_damaged()
        self.close()

    # ---- creation -------------------------------------------------------------------
    @classmethod
    def create(
        cls,
        folder: Path,
        passphrase: str,
        kdf_params: KdfParams,
        archive_id: str | None = None,
        *,
        state_dir: Path | None = None,
        unfinished: bool = False,
    ) -> tuple[Archive, str]:
        """New archive at `folder` (must not exist, or be an empty folder); returns it and
        the recovery code, which is shown once and stored nowhere in plaintext.
        `archive_id` is given only by restore: a restored copy joins the same archive.
        `state_dir`: where this computer keeps the archive's last-seen audit head (see
        storage.last_seen); None keeps none (tests, benchmarks).
        `unfinished` (restore): the header is not written, so the folder is not an archive
        until finish_create(); a load interrupted before then cannot be opened as one."""
        folder = Path(folder)
        _check_new_passphrase(passphrase)
        if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
            raise ArchiveExists(f"{folder} already exists and is not empty; choose a new folder")
        made_folder = not folder.exists()
        if made_folder:
            folder.mkdir(mode=0o700, parents=True)
        archive_id = archive_id or str(uuid.uuid4())
        master = keyslots.new_master_key()
        recovery_code = keyslots.new_recovery_code()
        try:
            records = open_database(
                folder / ARCHIVE_DB,
                derive_db_key(master, archive_id, ARCHIVE_DB),
                create=True,
                cache_kib=RECORDS_CACHE_KIB,
            )
            schema.migrate(records, schema.ARCHIVE_MIGRATIONS, ARCHIVE_DB)
            replica = uuid.uuid4().hex
            with transaction(records):
                records.executemany(
                    "INSERT INTO meta (key, value) VALUES (?, ?)",
                    [("archive_id", archive_id), ("replica_id", replica)],
                )
                replica_keys.remember_recovery(records, recovery_code)
            media_key = derive_db_key(master, archive_id, MEDIA_DB)
            media = open_media_db(folder, media_key, create=True)
            schema.migrate(media, schema.MEDIA_MIGRATIONS, MEDIA_DB)
            slots = (
                keyslots.wrap(
                    master, keyslots.normalise_passphrase(passphrase), archive_id,
                    "passphrase", kdf_params,
                ),
                keyslots.wrap(
                    master, keyslots.normalise_recovery_code(recovery_code) or b"",
                    archive_id, "recovery", kdf_params,
                ),
            )  # fmt: skip
            created = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
            header = Header(archive_id=archive_id, created_at=created, slots=slots)
            slot_registry.record(records, header)
            if not unfinished:
                write_header(folder, header)
        except BaseException:
            with contextlib.suppress(Exception):
                records.close()
                media.close()
            if made_folder:
                shutil.rmtree(folder, ignore_errors=True)
            else:
                for name in os.listdir(folder):
                    with contextlib.suppress(OSError):
                        os.unlink(folder / name)
            raise
        clock = Clock(replica)
        archive = cls(folder, header, records, media, clock, Repository(records, clock), master)
        archive.attach_guard(state_dir)
        return archive, recovery_code

    def finish_create(self) -> None:
        """Write the header of an archive made with create(unfinished=True): the last step,
        after its content is durable (storage.bulk_load.make_durable)."""
        write_header(self.folder, self.header)

    # ---- unlock ---------------------------------------------------------------------
    @classmethod
    def open(cls, folder: Path, secret: str, *, state_dir: Path | None = None) -> Archive:
        """Unlock with the passphrase or the recovery code. `state_dir` as in create()."""
        folder = Path(folder)
        slot = None
        if rekey_journal.pending(folder):  # completes an interrupted rekey first
            header, master = unlock_key(folder, secret, state_dir=state_dir)
        else:
            header = read_header(folder)
            master, slot = _unlock_master_key(header, secret)
        archive = cls.open_with_key(folder, header, master)
        if slot is not None and slot.kind == "recovery":  # archives made before bundles
            replica_keys.remember_recovery_once(archive.records_db, secret)
        archive.attach_guard(state_dir)
        return archive

    @classmethod
    def open_with_key(
        cls, folder: Path, header: Header, master: bytes, *, migrate: bool = True
    ) -> Archive:
        """Open the databases with an already unwrapped master key: the slow KDF can run on
        one thread (unlock_key) and the connections be made on the thread that uses them.

        Only archive.db is required: a missing, empty, damaged or busy media.db leaves
        `media_problem` set (or media.db to be opened on first use) so that every record
        stays reachable; a read-only folder is opened read-only."""
        folder = Path(folder)
        read_only = is_read_only_folder(folder)
        wal_was_pending = wal_pending(folder)
        records = open_database(
            folder / ARCHIVE_DB,
            derive_db_key(master, header.archive_id, ARCHIVE_DB),
            create=False,
            cache_kib=RECORDS_CACHE_KIB,
            read_only=read_only,
            immutable=read_only,
        )
        try:
            if migrate:
                migrate_db(records, schema.ARCHIVE_MIGRATIONS, ARCHIVE_DB, read_only)
            meta = dict(records.execute("SELECT key, value FROM meta").fetchall())
            if meta.get("archive_id") != header.archive_id or "replica_id" not in meta:
                raise DatabaseCorrupt(f"{ARCHIVE_DB} does not belong to this archive's header")
            last = recover_last(records, meta.get("hlc_last"))
            clock = Clock(meta["replica_id"], last)
        except BaseException:
            records.close()
            raise
        archive = cls(folder, header, records, None, clock, Repository(records, clock), master)
        archive.read_only, archive.wal_was_pending = read_only, wal_was_pending
        archive.repo.search_enabled = meta.get(fts_repair.STALE_KEY) != "1"
        if migrate:
            archive.slot_warnings = slot_registry.warnings(records, header)
            archive.warnings.extend(archive.slot_warnings)
        try:
            archive._open_media(migrate)
        except BaseException:
            records.close()
            raise
        if archive.wal_was_pending and not read_only:
            problem = checkpoint(records)  # retry what a crash or a full disk left
            if problem:
                archive.warnings.append(problem)
        return archive

    def open_sibling(self) -> Archive:
        """A second Archive on its own connections (SQLCipher connections belong to one
        thread), same key and replica, no KDF. Its clock and this one's stay in order
        because every write re-reads the stored HLC high-water mark (Repository._tick)."""
        if not self._master_key:
            raise ArchiveLocked("The archive is locked; unlock it again")
        sibling = Archive.open_with_key(self.folder, self.header, self._master_key, migrate=False)
        if self.head_guard is not None:  # its writes move the last-seen head too
            sibling.use_guard(self.head_guard)
        return sibling


def unlock_key(folder: Path, secret: str, *, state_dir: Path | None = None) -> tuple[Header, bytes]:
    """Read the header and unwrap the master key (the slow, memory-hard step); touches no
    database, so a wrong passphrase fails before anything is opened.

    Exception: a rekey that was interrupted (storage.rekey_journal) is completed first,
    with whichever of the old or new secrets is given; this computer's last-seen head
    (in `state_dir`) is then re-sealed under the new key."""
    folder = Path(folder)
    header = read_header(folder)
    if rekey_journal.pending(folder):
        master, header, old = rekey_journal.finish(folder, header, secret)
        if state_dir is not None:
            reseal_head(state_dir, header.archive_id, master, old)
        return header, master
    master, _slot = _unlock_master_key(header, secret)
    return header, master


def change_passphrase(
    folder: Path,
    current_secret: str,
    new_passphrase: str,
    kdf_params: KdfParams,
    *,
    state_dir: Path | None = None,
) -> None:
    """Rewrap the master key under `new_passphrase`; other slots (recovery) are untouched.

    `current_secret` may be the old passphrase or the recovery code (a forgotten passphrase).
    The master key stays the same, so an old copy of the header still opens with the old
    passphrase: only storage.rekey revokes it. The new slot id is recorded in archive.db
    (storage.slot_registry) before the header is replaced.
    """
    folder = Path(folder)
    _check_new_passphrase(new_passphrase)
    if rekey_journal.pending(folder):
        unlock_key(folder, current_secret, state_dir=state_dir)  # completes the rekey
    header = read_header(folder)
    master, used = _unlock_master_key(header, current_secret)
    target = (
        used
        if used.kind == "passphrase"
        else next((s for s in header.slots if s.kind == "passphrase"), None)
    )
    new_slot = keyslots.wrap(
        master, keyslots.normalise_passphrase(new_passphrase), header.archive_id,
        "passphrase", kdf_params,
    )  # fmt: skip
    if target is None:
        header = dataclasses.replace(header, slots=(*header.slots, new_slot))
    else:
        header = header.with_slot_replaced(target.slot_id, new_slot)
    with Archive.open_with_key(folder, read_header(folder), master) as archive:
        slot_registry.record(archive.records_db, header)
    write_header(folder, header)
