"""Schema 7: what team sync needs in archive.db.

* ``team_member`` is a record kind like any other (envelope, history, audit, merge): the
  roster travels with sync, so adding a laptop on one replica reaches all of them.
* ``version_parent`` remembers which version each version replaced. Conflict detection needs
  it: two versions with the same parent were made without seeing each other. BEFORE INSERT
  triggers fill it for every local write (a REPLACE still sees the old row at that point);
  a merge inserts the sender's parent first, and the trigger leaves it alone.
  ``resolves`` lists the versions a conflict resolution settled, so the settlement travels.
* ``audit_chain`` holds the other replicas' audit chains exactly as they wrote them (one
  chain per device, append-only like ``audit_log``); ``verify`` checks each in full.
* ``sync_peer`` pins each replica's Ed25519 key and age recipient the first time one of
  its bundles is merged (trust on first use, reported before the merge); ``sync_conflict`` lists
  concurrent edits for a person to review.
* Statements are IF NOT EXISTS / OR IGNORE, so re-running the migration is harmless.
* The replica's own keys are created here: an age X25519 identity and an Ed25519 signing
  key, stored in ``meta`` (inside the encrypted database, never in a file).
"""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

from .m0001_initial import ENVELOPE

VERSION = 7

#: record tables that existed when this migration was written (each gets a parent trigger)
RECORD_TABLES = (
    "person", "person_name", "case_file", "case_person", "event", "event_person",
    "testimony", "testimony_case", "translation", "note", "tag", "tagging", "media",
    "media_link", "team_member",
)  # fmt: skip

STATEMENTS = [
    f"""CREATE TABLE IF NOT EXISTS team_member ({ENVELOPE},
        recipient TEXT NOT NULL CHECK (recipient LIKE 'age1%'),
        label TEXT NOT NULL DEFAULT '')""",
    "CREATE INDEX IF NOT EXISTS team_member_recipient ON team_member(recipient)",
    """CREATE TABLE IF NOT EXISTS version_parent (
        table_name TEXT NOT NULL, record_id TEXT NOT NULL, hlc TEXT NOT NULL,
        parent_hlc TEXT, resolves TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (table_name, record_id, hlc)) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS audit_chain (
        device TEXT NOT NULL, seq INTEGER NOT NULL, at TEXT NOT NULL,
        action TEXT NOT NULL, table_name TEXT NOT NULL, record_id TEXT NOT NULL,
        record_hash TEXT NOT NULL, prev_hash TEXT NOT NULL, entry_hash TEXT NOT NULL,
        PRIMARY KEY (device, seq)) WITHOUT ROWID""",
    """CREATE TRIGGER IF NOT EXISTS audit_chain_no_update BEFORE UPDATE ON audit_chain
        BEGIN SELECT RAISE(ABORT, 'imported audit chains are append-only'); END""",
    """CREATE TRIGGER IF NOT EXISTS audit_chain_no_delete BEFORE DELETE ON audit_chain
        BEGIN SELECT RAISE(ABORT, 'imported audit chains are append-only'); END""",
    """CREATE TABLE IF NOT EXISTS sync_peer (
        replica_id TEXT PRIMARY KEY NOT NULL, signing_key TEXT NOT NULL,
        recipient TEXT NOT NULL DEFAULT '', first_seen TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS sync_conflict (
        id INTEGER PRIMARY KEY, table_name TEXT NOT NULL, record_id TEXT NOT NULL,
        winner_hlc TEXT NOT NULL, loser_hlc TEXT NOT NULL, found_at TEXT NOT NULL,
        resolved_at TEXT, resolution_hlc TEXT,
        UNIQUE (table_name, record_id, winner_hlc, loser_hlc))""",
]


def _parent_trigger(table: str) -> str:
    # NOT EXISTS rather than OR IGNORE: inside a trigger, the outer statement's conflict
    # policy (the repository's REPLACE) would override OR IGNORE and overwrite the parent
    # a merge recorded just before.
    return f"""CREATE TRIGGER IF NOT EXISTS {table}_version_parent BEFORE INSERT ON {table}
        BEGIN INSERT INTO version_parent (table_name, record_id, hlc, parent_hlc)
            SELECT '{table}', NEW.id, NEW.hlc,
                   (SELECT hlc FROM {table} WHERE id = NEW.id AND hlc <> NEW.hlc)
            WHERE NOT EXISTS (SELECT 1 FROM version_parent WHERE table_name = '{table}'
                              AND record_id = NEW.id AND hlc = NEW.hlc);
        END"""


def new_signing_key() -> str:
    key = Ed25519PrivateKey.generate()
    return key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption()).hex()


def apply(conn) -> None:
    import pyrage  # local: only creating keys needs it

    for statement in STATEMENTS:
        conn.execute(statement)
    for table in RECORD_TABLES:
        conn.execute(_parent_trigger(table))
        # versions written before this migration: each one's parent is the one before it
        conn.execute(
            "INSERT OR IGNORE INTO version_parent (table_name, record_id, hlc, parent_hlc)"
            " SELECT ?, record_id, hlc, lag(hlc) OVER (PARTITION BY record_id ORDER BY hlc)"
            f" FROM (SELECT id AS record_id, hlc FROM {table} UNION ALL"
            " SELECT record_id, hlc FROM record_history WHERE table_name = ?)",
            (table, table),
        )
    conn.executemany(
        "INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)",
        [
            ("age_identity", str(pyrage.x25519.Identity.generate())),
            ("signing_key", new_signing_key()),
        ],
    )
