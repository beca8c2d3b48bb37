"""Revoking old secrets: a new master key (`rekey`) or a new recovery code alone.

`change_passphrase` (storage.archive) re-wraps the *same* master key, so an old copy of
the header plus the old passphrase still opens everything. `rekey` replaces the master key
itself: both databases are rewritten under new keys and the header gets new slots for a
new passphrase and a new recovery code; old header copies, old passphrases and old
recovery codes open nothing written afterwards — nor the current files. Crash safety is
in storage.rekey_journal.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from . import keyslots, rekey_journal, replica_keys, slot_registry
from .archive import Archive, _check_new_passphrase
from .archive_guard import reseal_head
from .connection import transaction
from .db_files import ARCHIVE_DB, open_db
from .header import write_header
from .kdf import KdfParams


def _new_slots(
    master: bytes, archive_id: str, passphrase: str, code: str, params: KdfParams
) -> tuple[keyslots.KeySlot, keyslots.KeySlot]:
    return (
        keyslots.wrap(
            master, keyslots.normalise_passphrase(passphrase), archive_id, "passphrase", params
        ),
        keyslots.wrap(
            master, keyslots.normalise_recovery_code(code) or b"", archive_id, "recovery", params
        ),
    )


def rekey(
    folder: Path,
    secret: str,
    new_passphrase: str,
    params: KdfParams,
    *,
    state_dir: Path | None = None,
    on_code: Callable[[str], None] = lambda code: None,
    step: rekey_journal.Step = rekey_journal.no_step,
) -> str:
    """Move the archive to a new master key; returns the new recovery code.

    `on_code` gets the new recovery code just before the journal is written (the point from
    which the switch completes even after a crash), so the code has been shown whenever it
    becomes the valid one; a crash before that leaves the old archive and old code intact.
    Every other key slot (other passphrases, the old recovery code) is dropped: the new
    header has exactly one passphrase and one recovery slot.
    """
    folder = Path(folder)
    _check_new_passphrase(new_passphrase)
    with Archive.open(folder, secret, state_dir=state_dir) as archive:
        old_master, header = archive._master_key, archive.header
    # refuse now, before anything is written, if another program holds archive.db open
    open_db(folder, ARCHIVE_DB, old_master, header.archive_id, journal_mode="DELETE").close()
    new_master, code = keyslots.new_master_key(), keyslots.new_recovery_code()
    slots = _new_slots(new_master, header.archive_id, new_passphrase, code, params)
    new_header = dataclasses.replace(header, slots=slots)  # same format: files rekeyed in place
    journal = rekey_journal.make(old_master, new_master, new_header)
    on_code(code)  # before the journal: once the switch can happen, the code has been seen
    rekey_journal.write(folder, journal)
    step("journal-written")
    rekey_journal.complete(folder, journal, old_master, new_master, step)
    _remember_recovery(folder, new_master, header.archive_id, code)
    if state_dir is not None:
        reseal_head(state_dir, header.archive_id, new_master, old_master)
    return code


def new_recovery_code(
    folder: Path, secret: str, params: KdfParams, *, state_dir: Path | None = None
) -> str:
    """Replace every recovery slot with one for a fresh code; returns the code.

    The master key stays: a copy of the old header still opens with the old code. Use
    `rekey` when the old code may be in someone else's hands together with a header copy.
    """
    folder = Path(folder)
    code = keyslots.new_recovery_code()
    with Archive.open(folder, secret, state_dir=state_dir) as archive:
        header = archive.header
        slot = keyslots.wrap(
            archive._master_key,
            keyslots.normalise_recovery_code(code) or b"",
            header.archive_id,
            "recovery",
            params,
        )
        kept = tuple(s for s in header.slots if s.kind != "recovery")
        header = dataclasses.replace(header, slots=(*kept, slot))
        with transaction(archive.records_db):
            slot_registry.record(archive.records_db, header)
            replica_keys.remember_recovery(archive.records_db, code)
        write_header(folder, header)
    return code


def _remember_recovery(folder: Path, master: bytes, archive_id: str, code: str) -> None:
    """Bundles are also encrypted to the recovery code's recipient (storage.replica_keys):
    after a new code, later bundles must open with it, not with the revoked one. A crash
    before this heals at the next unlock by the new code (Archive.open)."""
    records = open_db(folder, ARCHIVE_DB, master, archive_id)
    try:
        with transaction(records):
            replica_keys.remember_recovery(records, code)
    finally:
        records.close()
