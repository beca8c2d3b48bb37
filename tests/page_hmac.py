"""Which page HMAC a database file of an archive reads under, found outside Tumar's own open
path (storage.connection tries each format in turn, so it cannot tell)."""

from __future__ import annotations

from pathlib import Path

import sqlcipher3

from tumar.storage.connection import PAGE_HMACS, apply_key, derive_db_key
from tumar.storage.db_files import LAYOUT
from tumar.storage.header import read_header


def page_hmac_of(folder: Path, name: str, master: bytes) -> str | None:
    archive_id = read_header(folder).archive_id
    for page_hmac in ("HMAC_SHA1", *PAGE_HMACS):
        conn = sqlcipher3.connect(str(folder / name))
        try:
            apply_key(conn, derive_db_key(master, archive_id, name), LAYOUT[name][0], page_hmac)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return page_hmac
        except sqlcipher3.DatabaseError:
            continue
        finally:
            conn.close()
    return None
