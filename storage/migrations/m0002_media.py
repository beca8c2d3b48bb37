"""Schema 2: media records and their links to cases, people and testimonies (archive.db).

The content itself lives in media.db (chunks, keyed by SHA-256); a media record holds only
text and numbers, so that canonical JSON can hash it for the audit chain. `sha256` is not
UNIQUE here: two replicas may import the same photo independently and sync must keep both
records; the importer reuses a live record with the same hash instead of adding another.

`media_thumbnail` is derived data, not a record (no envelope, history or audit entry: it can
be rebuilt from the content). It is keyed by the content hash like media.db's blobs, written
in the same transaction as the media record, and kept here rather than in media.db because a
long import holds media.db's write lock (rollback journal) and thumbnails must stay readable.
"""

from .m0001_initial import ENVELOPE, _ref

VERSION = 2

STATEMENTS = [
    f"""CREATE TABLE media ({ENVELOPE},
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        size INTEGER NOT NULL CHECK (size >= 0),
        mime TEXT NOT NULL, kind TEXT NOT NULL,
        original_name TEXT NOT NULL, imported_at TEXT NOT NULL, imported_by TEXT NOT NULL,
        unreadable INTEGER NOT NULL DEFAULT 0 CHECK (unreadable IN (0, 1)),
        unreadable_reason TEXT NOT NULL DEFAULT '',
        exif TEXT NOT NULL DEFAULT '{{}}',
        camera TEXT, lens TEXT, captured_at TEXT, orientation INTEGER,
        has_gps INTEGER NOT NULL DEFAULT 0 CHECK (has_gps IN (0, 1)),
        gps_lat REAL, gps_lon REAL, gps_alt REAL,
        width INTEGER, height INTEGER, duration_s REAL, codec TEXT,
        caption TEXT NOT NULL DEFAULT '')""",
    "CREATE INDEX media_sha256 ON media(sha256)",
    f"""CREATE TABLE media_link ({ENVELOPE},
        media_id TEXT NOT NULL {_ref("media")},
        case_id TEXT {_ref("case_file")}, person_id TEXT {_ref("person")},
        testimony_id TEXT {_ref("testimony")},
        CHECK (case_id IS NOT NULL OR person_id IS NOT NULL OR testimony_id IS NOT NULL))""",
    "CREATE INDEX media_link_media ON media_link(media_id)",
    "CREATE INDEX media_link_case ON media_link(case_id)",
    "CREATE INDEX media_link_person ON media_link(person_id)",
    "CREATE INDEX media_link_testimony ON media_link(testimony_id)",
    """CREATE TABLE media_thumbnail (
        sha256 TEXT PRIMARY KEY NOT NULL CHECK (length(sha256) = 64),
        mime TEXT NOT NULL, width INTEGER NOT NULL, height INTEGER NOT NULL,
        data BLOB NOT NULL)""",
]


def apply(conn) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
