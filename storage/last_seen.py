"""The audit head this computer last saw, kept outside the archive folder.

Why outside: whoever swaps the archive folder for an older copy (a folder copied back
from a file backup, a stick left in a drawer, a folder copied without its `-wal` file
after a crash) rewinds the audit chain *together with* the data, so the chain alone still
verifies. A small file per replica (each copy of an archive: HeadGuard says why) in the
user's data folder remembers the highest head seen here; an archive whose head is behind
it, or whose entry at that sequence differs, has lost or rewritten history.

The file is AES-256-GCM encrypted and authenticated under a key derived (HKDF) from the
master key, bound to the archive and replica ids: without the key it can be deleted but
not forged or read. Someone holding the key *and* this computer's files can rewrite it
too; the head people write down (or that dossiers carry) is the check that needs no
computer at all.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from . import audit
from .atomic import atomic_write_bytes
from .connection import Connection, derive_subkey

FORMAT = "tumar-last-seen-head"
MAX_FILE_BYTES = 4096


@dataclass(frozen=True)
class Head:
    seq: int
    entry_hash: str
    seen_at: str = ""

    def describe(self) -> str:
        return f"#{self.seq} {self.entry_hash}"


class LastSeenUnreadable(Exception):
    """The file exists but no key we hold authenticates it (forged, damaged, or foreign)."""


def state_key(master_key: bytes, archive_id: str) -> bytes:
    return derive_subkey(master_key, archive_id, b"tumar/last-seen-head/v1")


def current_head(conn: Connection) -> Head:
    seq, digest = audit.head(conn)
    return Head(seq, digest)


def entry_hash_at(conn: Connection, seq: int) -> str | None:
    row = conn.execute("SELECT entry_hash FROM audit_log WHERE seq = ?", (seq,)).fetchone()
    return row[0] if row else None


def _read_small(path: Path) -> bytes | None:
    try:
        with open(path, "rb") as fh:
            return fh.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        return None


def guards_of(directory: Path, archive_id: str, keys: list[bytes]) -> list[HeadGuard]:
    """A guard for each replica of `archive_id` with a head file here (a rekey re-seals
    whichever of them its old key wrote: it does not know which replica it is)."""
    suffix = ".head"
    found = []
    for path in sorted(Path(directory).glob(f"{archive_id}.*{suffix}")):
        replica = path.name[len(archive_id) + 1 : -len(suffix)]
        if replica:
            found.append(HeadGuard(directory, archive_id, replica, keys))
    return found


def reseal_legacy(directory: Path, archive_id: str, keys: list[bytes]) -> None:
    """A rekey of an archive whose head file is still the one-per-archive kind: sealed
    again under the new key (keys[0]) if an old one (keys[1:]) wrote it, else left alone."""
    guard = HeadGuard(directory, archive_id, "", keys)
    raw = _read_small(guard.legacy_path)
    if raw is None:
        return
    try:
        head = guard._open(raw, guard.legacy_path, guard._legacy_aad())
    except LastSeenUnreadable:
        return
    if guard._sealed_with_old_key:
        guard._seal(guard.legacy_path, guard._legacy_aad(), head)


class HeadGuard:
    """Reads, checks and advances one replica's last-seen head file.

    One file per replica (`ARCHIVE-ID.REPLICA-ID.head`): replicas of one archive (a team's
    laptops, or a backup restored on the same computer) each have their own audit chain
    and their own key, so one file per archive made every other copy on the computer look
    "replaced". A copy swapped in under another replica id is not compared with anything,
    but opening it takes the passphrase its restore was given (storage/last_seen's note on
    who can rewrite the file applies). Files from before (`ARCHIVE-ID.head`, one per
    archive) are read when they authenticate under this replica's key, and replaced by
    this replica's file at the next advance; one that does not authenticate belongs to
    another copy of the archive and is left alone.

    `keys` are state keys to try when reading (the first is used for writing): during an
    interrupted rekey the file may still be under the old master key.
    """

    def __init__(self, directory: Path, archive_id: str, replica_id: str, keys: list[bytes]):
        self.directory = Path(directory)
        self.archive_id = archive_id
        self.replica_id = replica_id
        self.keys = keys
        self.path = self.directory / f"{archive_id}.{replica_id}.head"
        self.legacy_path = self.directory / f"{archive_id}.head"
        self._sealed_with_old_key = False
        self._from_legacy = False

    def _aad(self) -> bytes:
        return f"{FORMAT}|{self.archive_id}|{self.replica_id}".encode()

    def _legacy_aad(self) -> bytes:
        return f"{FORMAT}|{self.archive_id}".encode()

    def read(self) -> Head | None:
        """None when this computer never recorded a head for this replica."""
        raw = _read_small(self.path)
        if raw is not None:
            self._from_legacy = False
            return self._open(raw, self.path, self._aad())
        raw = _read_small(self.legacy_path)
        if raw is None:
            return None
        try:
            head = self._open(raw, self.legacy_path, self._legacy_aad())
        except LastSeenUnreadable:  # another copy's (or unreadable): nothing to compare
            return None
        self._from_legacy = True
        return head

    def _open(self, raw: bytes, path: Path, aad: bytes) -> Head:
        try:
            outer = json.loads(raw.decode("utf-8"))
            nonce = base64.b64decode(outer["nonce"], validate=True)
            sealed = base64.b64decode(outer["sealed"], validate=True)
        except (ValueError, KeyError, TypeError, UnicodeDecodeError, binascii.Error):
            raise LastSeenUnreadable(f"{path} is damaged") from None
        for index, key in enumerate(self.keys):
            try:
                plain = AESGCM(key).decrypt(nonce, sealed, aad)
            except (InvalidTag, ValueError):
                continue
            data = json.loads(plain)
            self._sealed_with_old_key = index > 0
            return Head(int(data["seq"]), str(data["entry_hash"]), str(data.get("seen_at", "")))
        raise LastSeenUnreadable(f"{path} was not written with this archive's key")

    def write(self, head: Head) -> None:
        self._seal(self.path, self._aad(), head)
        if self._from_legacy:  # it authenticated under this replica's key: it was ours
            self.legacy_path.unlink(missing_ok=True)
            self._from_legacy = False

    def _seal(self, path: Path, aad: bytes, head: Head) -> None:
        self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        seen_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        plain = json.dumps({"seq": head.seq, "entry_hash": head.entry_hash, "seen_at": seen_at})
        nonce = os.urandom(12)
        sealed = AESGCM(self.keys[0]).encrypt(nonce, plain.encode("utf-8"), aad)
        outer = {
            "format": FORMAT,
            "nonce": base64.b64encode(nonce).decode("ascii"),
            "sealed": base64.b64encode(sealed).decode("ascii"),
        }
        atomic_write_bytes(path, json.dumps(outer).encode("utf-8"), mode=0o600)

    def problem(self, conn: Connection) -> str | None:
        """Why the archive's history is not a continuation of the last-seen head, or None."""
        try:
            seen = self.read()
        except LastSeenUnreadable as exc:
            return (
                f"the audit head this computer last saw cannot be checked: {exc}; the archive "
                "may have been replaced by another copy (`tumar head --accept` records the "
                "current head once you are sure it is the right archive)"
            )
        if seen is None:
            return None
        now = current_head(conn)
        if now.seq < seen.seq:
            return (
                f"possible rollback: the archive's audit head is #{now.seq}, but this computer "
                f"last saw #{seen.seq} ({seen.entry_hash[:16]}…, {seen.seen_at}); "
                f"{seen.seq - now.seq} change(s) are missing. The folder may be an older copy "
                "or lost its -wal file after a crash. Keep a backup of this folder as it is "
                "and look for a newer copy"
            )
        if seen.seq > 0 and entry_hash_at(conn, seen.seq) != seen.entry_hash:
            return (
                f"the archive's audit entry #{seen.seq} differs from the one this computer saw "
                f"({seen.entry_hash[:16]}…, {seen.seen_at}): its history was rewritten or it "
                "is a different copy. Keep a backup of this folder as it is"
            )
        return None

    def advance(self, conn: Connection) -> None:
        """Record the archive's head if it continues the last-seen one; never move backwards
        or over a conflicting head (that evidence stays until someone accepts it)."""
        if self.problem(conn) is not None:
            return
        now = current_head(conn)
        try:
            seen = self.read()
        except LastSeenUnreadable:
            return
        changed = seen is None or seen.seq != now.seq or seen.entry_hash != now.entry_hash
        # re-seal under the new key after a rekey, and under this replica's name
        if changed or self._sealed_with_old_key or self._from_legacy:
            self.write(now)
