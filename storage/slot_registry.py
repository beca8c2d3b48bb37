"""The key slots this archive made, remembered inside the encrypted database.

The header is plaintext and anyone can edit it. Keeping the slot ids in archive.db's
`meta` (row `key_slots`) lets an unlock notice a slot that was removed from the header (a
passphrase someone deleted, or a header restored from an old copy) and a slot that Tumar
did not add (a passphrase planted by someone who held the key).
"""

from __future__ import annotations

import contextlib
import json

from .connection import Connection, DatabaseError, transaction
from .header import Header

META_KEY = "key_slots"


def record(conn: Connection, header: Header) -> None:
    """Remember `header`'s slots as the legitimate ones (joins an open transaction)."""
    value = json.dumps([{"id": s.slot_id, "kind": s.kind} for s in header.slots])
    with transaction(conn):
        conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (META_KEY, value),
        )


def known(conn: Connection) -> list[dict[str, str]] | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (META_KEY,)).fetchone()
    if row is None:
        return None
    try:
        data = json.loads(row[0])
    except ValueError:
        return []
    return [d for d in data if isinstance(d, dict) and isinstance(d.get("id"), str)]


def warnings(conn: Connection, header: Header) -> list[str]:
    """One sentence per slot removed from, or added to, the header behind Tumar's back.

    An archive from before this check has no list yet: its current slots become the list.
    """
    recorded = known(conn)
    if recorded is None:
        with contextlib.suppress(DatabaseError):  # a read-only archive learns it next time
            record(conn, header)
        return []
    in_header = {s.slot_id: s.kind for s in header.slots}
    recorded_ids = {d["id"] for d in recorded}
    found = [
        f"the {d.get('kind', 'key')} key slot {d['id'][:8]} was removed from the archive "
        "header (tumar.json) outside Tumar; if nobody here did that, the header was replaced"
        for d in recorded
        if d["id"] not in in_header
    ]
    found += [
        f"the archive header has a {kind} key slot {slot_id[:8]} that Tumar did not add; "
        "someone who held the key may have planted a passphrase"
        for slot_id, kind in in_header.items()
        if slot_id not in recorded_ids
    ]
    return found
