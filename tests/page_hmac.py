"""Which page HMAC a database file of an archive reads under (HMAC-SHA1 tried too, so a
weaker format would be seen): Tumar's own open path tries each format in turn and cannot
tell."""

from __future__ import annotations

from pathlib import Path

from tumar.storage.connection import PAGE_HMACS, derive_db_key, readable_page_hmac
from tumar.storage.db_files import LAYOUT
from tumar.storage.header import read_header


def page_hmac_of(folder: Path, name: str, master: bytes) -> str | None:
    key = derive_db_key(master, read_header(folder).archive_id, name)
    return readable_page_hmac(folder / name, key, LAYOUT[name][0], ("HMAC_SHA1", *PAGE_HMACS))
