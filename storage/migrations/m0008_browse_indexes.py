"""Schema 8: indexes for the window's sorted lists (issue 10).

Why: a list opens by reading one keyset page in its sort order (storage/browse_repo.py).
Without an index on that order SQLite must read, decrypt and sort the whole table for
every page — seconds for 100,000 testimonies. Each index matches a sort expression of
browse_repo exactly (SQLite uses an expression index only for the same expression), with
the id as tie-breaker, so a page reads only the rows it shows. Indexes hold no new data;
IF NOT EXISTS makes re-running harmless.
"""

VERSION = 8

STATEMENTS = [
    "CREATE INDEX IF NOT EXISTS testimony_recorded_order"
    " ON testimony(coalesce(recorded_at, ''), id)",
    "CREATE INDEX IF NOT EXISTS person_name_order ON person(lower(display_name), id)",
    "CREATE INDEX IF NOT EXISTS case_title_order ON case_file(lower(title), id)",
    "CREATE INDEX IF NOT EXISTS case_updated_order ON case_file(updated_at, id)",
    "CREATE INDEX IF NOT EXISTS media_captured_order"
    " ON media(coalesce(captured_at, imported_at), id)",
    "CREATE INDEX IF NOT EXISTS media_name_order ON media(lower(original_name), id)",
]


def apply(conn) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
