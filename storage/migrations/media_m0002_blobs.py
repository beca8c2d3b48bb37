"""media.db schema 2: blobs get an integer id, chunks hang off it, thumbnails are added.

Why the change from schema 1 (chunks keyed by SHA-256): the hash of a file is known only
after its last byte has been read, but its chunks must be written while it streams in. With
an integer id the chunks are written under a blob row whose `sha256` is a placeholder, and
the one UPDATE that fills in the real hash (or the ROLLBACK of a duplicate) costs nothing,
where re-keying 2 000 one-MiB chunk rows would rewrite the whole file.

`chunk` is an ordinary rowid table: SQLite keeps rows larger than a page in overflow pages of
the table b-tree, which WITHOUT ROWID tables handle poorly. Thumbnails are derived data (they
can be rebuilt from the content), keyed by the content hash, never records.
"""

VERSION = 2

STATEMENTS = [
    "ALTER TABLE chunk RENAME TO chunk_v1",
    "ALTER TABLE blob RENAME TO blob_v1",
    """CREATE TABLE blob (
        id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, size INTEGER NOT NULL,
        chunk_size INTEGER NOT NULL, chunk_count INTEGER NOT NULL, stored_at TEXT NOT NULL)""",
    """CREATE TABLE chunk (
        blob_id INTEGER NOT NULL REFERENCES blob(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL, data BLOB NOT NULL, UNIQUE (blob_id, idx))""",
    """CREATE TABLE thumbnail (
        sha256 TEXT PRIMARY KEY NOT NULL REFERENCES blob(sha256) ON DELETE CASCADE,
        mime TEXT NOT NULL, width INTEGER NOT NULL, height INTEGER NOT NULL,
        data BLOB NOT NULL)""",
    """INSERT INTO blob (sha256, size, chunk_size, chunk_count, stored_at)
        SELECT sha256, size, chunk_size, chunk_count, stored_at FROM blob_v1 ORDER BY rowid""",
    """INSERT INTO chunk (blob_id, idx, data)
        SELECT b.id, c.idx, c.data FROM chunk_v1 c JOIN blob b ON b.sha256 = c.sha256
        ORDER BY b.id, c.idx""",
    "DROP TABLE chunk_v1",
    "DROP TABLE blob_v1",
]


def apply(conn) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
