"""This replica's bundle keys, and the identity the paper recovery code stands for.

The age identity and the Ed25519 signing key are random, made by migration 7 and kept in
``meta`` inside the encrypted archive.db. They are lost with the laptop, so every bundle is
also encrypted to a *recovery recipient*: an X25519 key derived from the recovery code
alone (HKDF-SHA256, no salt — the code already carries 160 random bits, and after a loss
nothing but the paper is left to supply a salt). Whoever holds the paper can rebuild the
identity (`recovery_identity`) and open this replica's bundles with Tumar or stock `age`.

The recovery recipient is stored when the archive is created (the only moment the code is
known) or when it is unlocked with the recovery code; archives older than this feature get
it at their first unlock by recovery code, and `team key` says so until then.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyrage
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from . import bech32
from .connection import Connection, transaction
from .errors import DatabaseCorrupt
from .keyslots import normalise_recovery_code

RECOVERY_INFO = b"tumar/recovery-age-identity/v1"


@dataclass(frozen=True)
class ReplicaKeys:
    age_identity: str  # AGE-SECRET-KEY-1…
    signing_key: Ed25519PrivateKey
    recovery_recipient: str | None

    @property
    def recipient(self) -> str:
        return str(pyrage.x25519.Identity.from_str(self.age_identity).to_public())

    @property
    def verify_key_hex(self) -> str:
        return self.signing_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()


def recovery_identity(code: str) -> str | None:
    """The age identity derived from a recovery code, or None if `code` is not one."""
    material = normalise_recovery_code(code)
    if material is None:
        return None
    raw = HKDF(hashes.SHA256(), 32, salt=None, info=RECOVERY_INFO).derive(material)
    # X25519 clamps the scalar itself; age encodes the 32 raw bytes as they are
    X25519PrivateKey.from_private_bytes(raw)  # proves the bytes are a usable key
    return bech32.encode("age-secret-key-", raw).upper()


def recovery_recipient(code: str) -> str | None:
    identity = recovery_identity(code)
    if identity is None:
        return None
    return str(pyrage.x25519.Identity.from_str(identity).to_public())


def remember_recovery(conn: Connection, code: str) -> None:
    """Store the recovery recipient (public; must run inside the caller's transaction)."""
    recipient = recovery_recipient(code)
    if recipient is not None:
        conn.execute(
            "INSERT INTO meta (key, value) VALUES ('recovery_recipient', ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (recipient,),
        )


def remember_recovery_once(conn: Connection, code: str) -> None:
    """After an unlock by recovery code: store its recipient if none or another is stored
    (archives made before bundles; a new code whose recording a crash interrupted)."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'recovery_recipient'").fetchone()
    recipient = recovery_recipient(code)
    if recipient is not None and (row is None or row[0] != recipient):
        with transaction(conn):
            remember_recovery(conn, code)


def load(conn: Connection) -> ReplicaKeys:
    meta = dict(
        conn.execute(
            "SELECT key, value FROM meta WHERE key IN"
            " ('age_identity', 'signing_key', 'recovery_recipient')"
        ).fetchall()
    )
    if "age_identity" not in meta or "signing_key" not in meta:
        raise DatabaseCorrupt("This archive's bundle keys are missing")
    signing = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(meta["signing_key"]))
    return ReplicaKeys(meta["age_identity"], signing, meta.get("recovery_recipient"))


def public_key(hex_key: str) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(bytes.fromhex(hex_key))
