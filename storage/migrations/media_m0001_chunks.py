"""media.db schema 1: content-addressed blobs stored as fixed-size encrypted chunks.

Chunks live in their own database so the record database stays small and fast to open
and back up while media grow to many gigabytes. Only content lives here: thumbnails are in
archive.db (`media_thumbnail`), readable while an import holds media.db's write lock.

Blobs have an integer id and chunks hang off it: the hash of a file is known only after its
last byte has been read, but its chunks must be written while it streams in. The chunks are
written under a blob row whose `sha256` is a placeholder, and the one UPDATE that fills in
the real hash (or the ROLLBACK of a duplicate) costs nothing, where re-keying a thousand
one-MiB chunk rows would rewrite them all.

`chunk` is an ordinary rowid table: SQLite keeps rows larger than a page in overflow pages of
the table b-tree, which WITHOUT ROWID tables handle poorly.
"""

VERSION = 1

STATEMENTS = [
    """CREATE TABLE blob (
        id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, size INTEGER NOT NULL,
        chunk_size INTEGER NOT NULL, chunk_count INTEGER NOT NULL, stored_at TEXT NOT NULL)""",
    """CREATE TABLE chunk (
        blob_id INTEGER NOT NULL REFERENCES blob(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL, data BLOB NOT NULL, UNIQUE (blob_id, idx))""",
]


def apply(conn) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
