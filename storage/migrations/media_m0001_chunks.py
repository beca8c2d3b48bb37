"""media.db schema 1: content-addressed blobs stored as fixed-size encrypted chunks.

Chunks live in their own database so the record database stays small and fast to open
and back up while media grow to many gigabytes.
"""

VERSION = 1

STATEMENTS = [
    """CREATE TABLE blob (
        sha256 TEXT PRIMARY KEY NOT NULL, size INTEGER NOT NULL,
        chunk_size INTEGER NOT NULL, chunk_count INTEGER NOT NULL, stored_at TEXT NOT NULL)""",
    """CREATE TABLE chunk (
        sha256 TEXT NOT NULL REFERENCES blob(sha256) DEFERRABLE INITIALLY DEFERRED,
        idx INTEGER NOT NULL, data BLOB NOT NULL,
        PRIMARY KEY (sha256, idx)) WITHOUT ROWID""",
]


def apply(conn) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
