"""Schema 6: the archive's signing identity for dossiers (archive.db).

A private key must not sit anywhere in plaintext, so it lives here, inside the encrypted
database, never in a file beside it. Not a record (no envelope, history, audit or sync):
each replica signs with the identity it holds, and an identity replaced by an imported
PKCS#12 or a new organisation name is kept (`active = 0`), never deleted, so dossiers signed
earlier can still be traced to a certificate the archive knows.
"""

from __future__ import annotations

VERSION = 6

STATEMENTS = [
    """CREATE TABLE IF NOT EXISTS signing_identity (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('generated', 'imported')),
        organisation TEXT NOT NULL,
        key_pem TEXT NOT NULL,
        cert_pem TEXT NOT NULL,
        chain_pem TEXT NOT NULL DEFAULT '',
        fingerprint TEXT NOT NULL,
        active INTEGER NOT NULL CHECK (active IN (0, 1))
    )""",
    """CREATE UNIQUE INDEX IF NOT EXISTS signing_identity_one_active
        ON signing_identity (active) WHERE active = 1""",
]


def apply(conn) -> None:  # type: ignore[no-untyped-def]
    for statement in STATEMENTS:
        conn.execute(statement)
