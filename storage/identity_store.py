"""Storage of the archive's signing identity (key and certificate) in archive.db.

The rows are written and read here only; what an identity means (generating a key, reading
a PKCS#12, signing) is app/dossier/identity.py's business.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .connection import Connection, transaction


@dataclass(frozen=True)
class StoredIdentity:
    id: int
    created_at: str
    source: str  # "generated" or "imported"
    organisation: str
    key_pem: str
    cert_pem: str
    chain_pem: str
    fingerprint: str


_COLUMNS = "id, created_at, source, organisation, key_pem, cert_pem, chain_pem, fingerprint"


def _ensure_table(conn: Connection) -> None:
    """Archives created while schema 8 existed but 6 did not yet (migration numbers were
    reserved per issue, landing out of order) skipped migration 6; make its table here.
    Idempotent, and the same statements as the migration."""
    from .migrations.m0006_signing_identity import STATEMENTS

    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'signing_identity'"
    ).fetchone()
    if not exists:
        with transaction(conn):
            for statement in STATEMENTS:
                conn.execute(statement)


def active(conn: Connection) -> StoredIdentity | None:
    _ensure_table(conn)
    row = conn.execute(f"SELECT {_COLUMNS} FROM signing_identity WHERE active = 1").fetchone()
    return StoredIdentity(*row) if row else None


def count(conn: Connection) -> int:
    _ensure_table(conn)
    return int(conn.execute("SELECT count(*) FROM signing_identity").fetchone()[0])


def replace_active(
    conn: Connection,
    *,
    source: str,
    organisation: str,
    key_pem: str,
    cert_pem: str,
    chain_pem: str,
    fingerprint: str,
) -> StoredIdentity:
    """Make a new identity the active one; the previous one is kept, inactive."""
    _ensure_table(conn)
    created = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with transaction(conn):
        conn.execute("UPDATE signing_identity SET active = 0 WHERE active = 1")
        cur = conn.execute(
            "INSERT INTO signing_identity (created_at, source, organisation, key_pem, cert_pem,"
            " chain_pem, fingerprint, active) VALUES (?, ?, ?, ?, ?, ?, ?, 1)",
            (created, source, organisation, key_pem, cert_pem, chain_pem, fingerprint),
        )
        new_id = int(cur.lastrowid or 0)
    return StoredIdentity(
        new_id, created, source, organisation, key_pem, cert_pem, chain_pem, fingerprint
    )
