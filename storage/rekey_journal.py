"""Crash-safe switch to a new master key: the journal file and how a rekey is completed.

A rekey rewrites both databases under keys from a new master key (SQLCipher's
`PRAGMA rekey`, one transaction per file under a rollback journal) and then replaces the
header. Killed at any point, the archive must still open. The journal `tumar.rekey.json`,
written (atomically) before anything changes, holds:

- the complete new header (key slots for the new passphrase and recovery code);
- the new master key sealed under a key derived from the old one, and the old master key
  sealed under a key derived from the new one — so whichever secret the person types (old
  passphrase, or new passphrase / recovery code) yields both keys.

While the journal exists, every unlock completes the rekey (`finish`): each database still
under the old key is rekeyed (a rekey cut off mid-way is rolled back by SQLite from its hot
journal when the file is next opened with the old key), the new slots are recorded in
archive.db, the new header is written, and only then the journal is removed. Each step can
be repeated, so a crash during completion is completed by the next unlock.
"""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from . import slot_registry
from .atomic import atomic_write_bytes, fsync_dir
from .connection import derive_db_key, derive_subkey, key_pragma, readable_page_hmac
from .db_files import ARCHIVE_DB, LAYOUT, MEDIA_DB, open_db
from .errors import DatabaseCorrupt, HeaderCorrupt, WrongPassphrase
from .header import Header, parse_header, write_header
from .unlock import unlock_master_key

JOURNAL_NAME = "tumar.rekey.json"
Step = Callable[[str], None]


def no_step(name: str) -> None:
    """Tests pass a hook here to stop a child process at a named step."""


@dataclass(frozen=True)
class Journal:
    new_header: Header
    forward: bytes  # nonce + AES-GCM(new master) under bridge_key(old master)
    backward: bytes  # nonce + AES-GCM(old master) under bridge_key(new master)


def journal_path(folder: Path) -> Path:
    return Path(folder) / JOURNAL_NAME


def pending(folder: Path) -> bool:
    return journal_path(folder).is_file()


def bridge_key(master: bytes, archive_id: str) -> bytes:
    return derive_subkey(master, archive_id, b"tumar/rekey-bridge/v1")


def _seal(key: bytes, secret: bytes, aad: bytes) -> bytes:
    nonce = os.urandom(12)
    return nonce + AESGCM(key).encrypt(nonce, secret, aad)


def _open(key: bytes, sealed: bytes, aad: bytes) -> bytes | None:
    try:
        return AESGCM(key).decrypt(sealed[:12], sealed[12:], aad)
    except (InvalidTag, ValueError):
        return None


def make(old_master: bytes, new_master: bytes, new_header: Header) -> Journal:
    aid = new_header.archive_id
    return Journal(
        new_header,
        forward=_seal(bridge_key(old_master, aid), new_master, b"forward|" + aid.encode()),
        backward=_seal(bridge_key(new_master, aid), old_master, b"backward|" + aid.encode()),
    )


def write(folder: Path, journal: Journal) -> None:
    data = {
        "format": "tumar-rekey-journal",
        "new_header": journal.new_header.to_json(),
        "forward": base64.b64encode(journal.forward).decode("ascii"),
        "backward": base64.b64encode(journal.backward).decode("ascii"),
    }
    atomic_write_bytes(journal_path(folder), json.dumps(data, indent=1).encode("utf-8"))


def read(folder: Path) -> Journal:
    try:
        data = json.loads(journal_path(folder).read_bytes())
        return Journal(
            parse_header(data["new_header"]),
            base64.b64decode(data["forward"], validate=True),
            base64.b64decode(data["backward"], validate=True),
        )
    except (ValueError, KeyError, TypeError, OSError):
        raise HeaderCorrupt(
            f"An interrupted key change left {JOURNAL_NAME} in the archive folder, and it is "
            "damaged; make a copy of the folder before anything else"
        ) from None


def masters(journal: Journal, master: bytes) -> tuple[bytes, bytes] | None:
    """(old, new) master keys from either of them, or None if `master` is neither."""
    aid = journal.new_header.archive_id
    new = _open(bridge_key(master, aid), journal.forward, b"forward|" + aid.encode())
    if new is not None:
        return master, new
    old = _open(bridge_key(master, aid), journal.backward, b"backward|" + aid.encode())
    if old is not None:
        return old, master
    return None


def _opens_with(folder: Path, name: str, master: bytes, archive_id: str) -> bool:
    """Whether `name` reads under `master`'s key (first read rolls back a hot journal)."""
    key = derive_db_key(master, archive_id, name)
    return readable_page_hmac(Path(folder) / name, key, LAYOUT[name][0]) is not None


def rekey_database(folder: Path, name: str, old: bytes, new: bytes, archive_id: str) -> None:
    """Rewrite `name` under the new key, unless it already is. The old key is tried first:
    it alone can roll back a rekey that was cut off (the hot journal holds old pages)."""
    if not _opens_with(folder, name, old, archive_id):
        if _opens_with(folder, name, new, archive_id):
            return
        raise DatabaseCorrupt(f"{name} opens with neither the old nor the new key")
    # a rollback journal makes the rekey one atomic transaction; WAL would keep old frames
    conn = open_db(folder, name, old, archive_id, journal_mode="DELETE")
    try:
        conn.execute(f"PRAGMA rekey = {key_pragma(derive_db_key(new, archive_id, name))}")
    finally:
        conn.close()


def complete(folder: Path, journal: Journal, old: bytes, new: bytes, step: Step = no_step) -> None:
    """The part of a rekey that runs after the journal is on disk; safe to repeat."""
    aid = journal.new_header.archive_id
    for name in (ARCHIVE_DB, MEDIA_DB):
        step(f"{name}-rekeying")
        rekey_database(folder, name, old, new, aid)
        step(f"{name}-rekeyed")
    records = open_db(folder, ARCHIVE_DB, new, aid)
    try:
        slot_registry.record(records, journal.new_header)
    finally:
        records.close()
    step("slots-recorded")
    write_header(folder, journal.new_header)
    step("header-written")
    os.unlink(journal_path(folder))
    fsync_dir(Path(folder))
    step("journal-removed")


def finish(folder: Path, header: Header, secret: str) -> tuple[bytes, Header, bytes]:
    """Complete an interrupted rekey with whichever secret opens either header.

    Returns (new master key, new header, old master key)."""
    journal = read(folder)
    if journal.new_header.archive_id != header.archive_id:
        raise HeaderCorrupt(f"{JOURNAL_NAME} in the archive folder belongs to another archive")
    try:
        master, _slot = unlock_master_key(header, secret)
    except WrongPassphrase:
        master, _slot = unlock_master_key(journal.new_header, secret)
    keys = masters(journal, master)
    if keys is None:
        raise HeaderCorrupt(f"{JOURNAL_NAME} does not match this archive's keys")
    old, new = keys
    complete(folder, journal, old, new)
    return new, journal.new_header, old
