"""The audit head this computer last saw, kept outside the archive folder.

Why outside: whoever swaps the archive folder for an older copy (a restored backup, a
stick left in a drawer, a folder copied without its `-wal` file after a crash) rewinds
the audit chain *together with* the data, so the chain alone still verifies. A small file
per archive in the user's data folder remembers the highest head seen here; an archive
whose head is behind it, or whose entry at that sequence differs, has lost or rewritten
history.

The file is AES-256-GCM encrypted and authenticated under a key derived (HKDF) from the
master key, bound to the archive id: without the key it can be deleted but not forged or
read. Someone holding the key *and* this computer's files can rewrite it too; the head
people write down (or that dossiers carry) is the check that needs no computer at all.
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


class HeadGuard:
    """Reads, checks and advances one archive's last-seen head file.

    `keys` are state keys to try when reading (the first is used for writing): during an
    interrupted rekey the file may still be under the old master key.
    """

    def __init__(self, directory: Path, archive_id: str, keys: list[bytes]) -> None:
        self.directory = Path(directory)
        self.archive_id = archive_id
        self.keys = keys
        self.path = self.directory / f"{archive_id}.head"
        self._sealed_with_old_key = False

    def _aad(self) -> bytes:
        return f"{FORMAT}|{self.archive_id}".encode()

    def read(self) -> Head | None:
        """None when this computer never recorded a head for this archive."""
        try:
            with open(self.path, "rb") as fh:
                raw = fh.read(MAX_FILE_BYTES + 1)
        except FileNotFoundError:
            return None
        try:
            outer = json.loads(raw.decode("utf-8"))
            nonce = base64.b64decode(outer["nonce"], validate=True)
            sealed = base64.b64decode(outer["sealed"], validate=True)
        except (ValueError, KeyError, TypeError, UnicodeDecodeError, binascii.Error):
            raise LastSeenUnreadable(f"{self.path} is damaged") from None
        for index, key in enumerate(self.keys):
            try:
                plain = AESGCM(key).decrypt(nonce, sealed, self._aad())
            except (InvalidTag, ValueError):
                continue
            data = json.loads(plain)
            self._sealed_with_old_key = index > 0
            return Head(int(data["seq"]), str(data["entry_hash"]), str(data.get("seen_at", "")))
        raise LastSeenUnreadable(f"{self.path} was not written with this archive's key")

    def write(self, head: Head) -> None:
        self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        seen_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        plain = json.dumps({"seq": head.seq, "entry_hash": head.entry_hash, "seen_at": seen_at})
        nonce = os.urandom(12)
        sealed = AESGCM(self.keys[0]).encrypt(nonce, plain.encode("utf-8"), self._aad())
        outer = {
            "format": FORMAT,
            "nonce": base64.b64encode(nonce).decode("ascii"),
            "sealed": base64.b64encode(sealed).decode("ascii"),
        }
        atomic_write_bytes(self.path, json.dumps(outer).encode("utf-8"), mode=0o600)

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
        if changed or self._sealed_with_old_key:  # re-seal under the new key after a rekey
            self.write(now)
