"""Applying record versions from a bundle: the merge rules, batched for speed.

Rules (DESIGN.md, "Backup and sync by hand"):
* a version already held (same table, id and HLC) changes nothing — merging is idempotent;
* per record the highest HLC is the current row; every other version is kept in
  record_history, so no version is ever lost and the order of merges does not matter;
* a tombstone is a version like any other: when it is the highest, the record is deleted;
* two versions with the same parent were made without seeing each other: a conflict,
  listed in sync_conflict for a person (the higher HLC still wins meanwhile);
* every version applied is vouched for in this replica's own audit chain (action "merge",
  or "import" for a restore), current row last, so `verify` holds after any merge.

The restore path (`index=False`, `fresh=True`) skips the per-record search update and
builds the index once at the end (storage/fts_bulk.py); everything else is the same code.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, deque
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

from . import audit_chains, bulk_fresh, fts, fts_batch, fts_bulk, orphans, restore_helper
from .audit import head
from .audit_hashing import entry_digest
from .canonical import record_hash
from .connection import Connection
from .search_text import FoldCache
from .version_lines import VersionRejected, check_line

__all__ = ["Applier", "ApplyResult", "Chain", "EntryHasher", "VersionRejected"]

#: parts a restore's helper may prepare ahead of the one being written (≈ 4 MiB each)
PARTS_AHEAD = 3


@dataclass
class ApplyResult:
    added: int = 0
    changed: int = 0
    deleted: int = 0
    kept: int = 0  # older versions added to history
    unchanged: int = 0
    conflicts: list[tuple[str, str, str, str]] = field(default_factory=list)
    max_hlc: str = ""
    chain_entries: int = 0  # other replicas' audit entries imported (audit_chains)

    @property
    def touched(self) -> int:
        return self.added + self.changed + self.deleted + self.kept


class EntryHasher:
    """audit.entry_hash for the entries of one apply, whose time, device and action never
    change, through the fast path verify uses too (storage.audit_hashing: about 2x faster
    than encoding a dict; a restore hashes one entry per version). Byte for byte the same
    (tests/storage/test_entry_hasher.py)."""

    def __init__(self, at: str, device: str, action: str) -> None:
        self._fixed = (at, device, action)

    def __call__(self, prev: str, seq: int, table: str, record_id: str, digest: str) -> str:
        return entry_digest(prev, seq, *self._fixed, table, record_id, digest)


@dataclass
class Chain:
    """This replica's audit chain as an apply extends it: one entry per version applied,
    each linked to the one before. A restore's lives where its versions are prepared
    (storage/restore_helper.py)."""

    at: str
    device: str
    action: str
    seq: int
    prev: str

    def __post_init__(self) -> None:
        self._hash = EntryHasher(self.at, self.device, self.action)

    def vouch(self, table: str, record_id: str, digest: str) -> tuple:
        self.seq += 1
        entry = self._hash(self.prev, self.seq, table, record_id, digest)
        row = (self.seq, self.at, self.device, self.action, table, record_id, digest,
               self.prev, entry)  # fmt: skip
        self.prev = entry
        return row


class Applier:
    """One bundle's versions into archive.db; the caller owns the transaction."""

    def __init__(
        self, conn: Connection, device: str, action: str, index: bool = True, fresh: bool = False
    ) -> None:
        """`fresh`: the archive holds no records yet (restore); `index=False`: rebuild the
        search index once in finish() instead of per record."""
        self.conn, self.device, self.action, self.index = conn, device, action, index
        self.fresh = fresh
        self.result = ApplyResult()
        self._at = dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")
        self._chain = Chain(self._at, device, action, *head(conn))
        self._audit: list[tuple] = []
        self._vouched: dict[tuple[str, str], str] = {}
        self._current: dict[tuple[str, str], dict[str, Any]] = {}  # current rows touched
        self._cache = FoldCache()
        self._known: dict[tuple[str, str], list[tuple[str, str | None]]] = {}
        self._new_keys: set[tuple[str, str]] = set()  # first versions not yet written
        self._new_parents: list[tuple] = []
        self._new_rows: dict[tuple[str, tuple[str, ...]], list[list[Any]]] = {}
        self._to_index: list[tuple[str, str]] = []  # (kind, record id) to refresh
        self._written: Counter[str] = Counter()  # fresh mode: current rows per table
        self._helper: restore_helper.RestoreHelper | None = None  # fresh mode: the Python half
        #: fresh mode: the helper's tasks not yet written, each with what writes its result
        self._pending: deque[tuple[Future[Any], Callable[[Any], None]]] = deque()

    def _vouch(self, table: str, record_id: str, row: dict[str, Any]) -> None:
        digest = record_hash(table, row)
        self._audit.append(self._chain.vouch(table, record_id, digest))
        self._vouched[(table, record_id)] = digest

    def apply(self, lines: list[Any] | Callable[[], list[Any]]) -> None:
        """One part's versions; a callable gives them when called (a restore calls it on
        its helper process, so parsing a part overlaps writing the ones before)."""
        if self.fresh:
            self._apply_fresh(lines)
            return
        if callable(lines):
            lines = lines()
        checked = [check_line(line) for line in lines]
        self._prefetch(checked)
        for item in checked:
            self._apply_one(*item)
        self._flush_new()
        if self._to_index:  # search documents of whole records: once each, batched
            fts_batch.refresh_many(self.conn, self._to_index, self._cache)
            self._to_index.clear()
        self._flush_audit()

    def _prefetch(self, checked: list[tuple[str, dict[str, Any], Any, Any]]) -> None:
        """The versions already held of every record in a part: one query per table."""
        self._known.clear()
        by_table: dict[str, list[str]] = {}
        for table, row, _parent, _resolves in checked:
            by_table.setdefault(table, []).append(row["id"])
            self._known[(table, row["id"])] = []
        for table, ids in by_table.items():
            for record_id, hlc, parent in self.conn.execute(
                "SELECT record_id, hlc, parent_hlc FROM version_parent WHERE table_name = ?"
                " AND record_id IN (SELECT value FROM json_each(?))",
                (table, json.dumps(ids)),
            ):
                self._known[(table, record_id)].append((hlc, parent))

    def _flush_new(self) -> None:
        """Write the first versions of records new here (kept back to batch them)."""
        if not self._new_keys:
            return
        self.conn.executemany(
            "INSERT INTO version_parent (table_name, record_id, hlc, parent_hlc, resolves)"
            " VALUES (?, ?, ?, ?, ?)",
            self._new_parents,
        )
        for (table, names), values in self._new_rows.items():
            self.conn.executemany(
                f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                values,
            )
        self._new_keys.clear()
        self._new_parents.clear()
        self._new_rows.clear()

    def _apply_fresh(self, lines: list[Any] | Callable[[], list[Any]]) -> None:
        """Restore into an empty archive (storage/bulk_fresh.py): a part is checked and
        hashed in the helper process (storage/restore_helper.py) while this thread, which
        owns the connection, writes the parts before it (up to PARTS_AHEAD behind).
        finish() writes the rest."""
        self._queue(self._started().prepare(lines), self._write_versions)

    def import_chains(self, lines: list[Any] | Callable[[], list[Any]]) -> None:
        """An audit part: other replicas' chains (storage/audit_chains.py). A restore vets
        it in its helper process, in turn with the records parts."""
        if self.fresh:
            self._queue(self._started().vet_chains(lines), self._write_chains)
            return
        if callable(lines):
            lines = lines()
        self.result.chain_entries += audit_chains.import_entries(self.conn, self.device, lines)

    def _started(self) -> restore_helper.RestoreHelper:
        if self._helper is None:  # the helper's own copy of the chain
            self._helper = restore_helper.RestoreHelper(self._chain, self.device)
        return self._helper

    def _queue(self, future: Future[Any], write: Callable[[Any], None]) -> None:
        self._pending.append((future, write))
        if len(self._pending) > PARTS_AHEAD:
            self._write_next()

    def _write_next(self) -> None:
        assert self._helper is not None
        future, write = self._pending.popleft()
        write(self._helper.result(future))

    def _write_versions(self, batch: bulk_fresh.Batch) -> None:
        bulk_fresh.write(self.conn, batch)
        self._written.update(batch.current)  # current rows, tombstones included
        self.result.added += batch.added
        self.result.kept += batch.kept
        self.result.max_hlc = max(self.result.max_hlc, batch.max_hlc)

    def _write_chains(self, vetted: tuple[int, bytes, list[tuple]]) -> None:
        count, rows_json, repeats = vetted
        audit_chains.write(self.conn, rows_json, repeats)
        self.result.chain_entries += count

    def close(self) -> None:
        """Stop the helper process (after finish(), or when the apply failed)."""
        if self._helper is not None:
            self._helper.close()
            self._helper = None
            self._pending.clear()

    def _apply_one(
        self, table: str, row: dict[str, Any], parent: str | None, resolves: list[str]
    ) -> None:
        conn, record_id, hlc = self.conn, row["id"], row["hlc"]
        self.result.max_hlc = max(self.result.max_hlc, hlc)
        key = (table, record_id)
        if key in self._new_keys:  # a later version of a record new in this part
            self._flush_new()
        known = self._known.setdefault(key, [])
        if any(k[0] == hlc for k in known):
            self.result.unchanged += 1
            return
        siblings = [k[0] for k in known if k[1] == parent]
        current = None
        if known:
            current = conn.execute(f"SELECT * FROM {table} WHERE id = ?", (record_id,)).fetchone()
        known.append((hlc, parent))
        link = (table, record_id, hlc, parent, json.dumps(resolves) if resolves else "")
        values = [row[c] for c in row]
        if current is None and not siblings and not resolves:
            self._new_keys.add(key)  # written in one batch by _flush_new
            self._new_parents.append(link)
            self._new_rows.setdefault((table, tuple(row)), []).append(values)
            self.result.added += 1
            self._index(table, row)
            self._current[key] = row
        elif current is None or hlc > current["hlc"]:
            conn.execute(
                "INSERT INTO version_parent (table_name, record_id, hlc, parent_hlc, resolves)"
                " VALUES (?, ?, ?, ?, ?)",
                link,
            )
            if current is not None:
                self._keep(table, dict(current))
            verb = "REPLACE" if current is not None else "INSERT"
            conn.execute(
                f"{verb} INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                values,
            )
            if current is None:
                self.result.added += 1
            elif row["deleted"] and not current["deleted"]:
                self.result.deleted += 1
            else:
                self.result.changed += 1
            self._index(table, row)
            self._current[key] = row
        else:
            conn.execute(
                "INSERT INTO version_parent (table_name, record_id, hlc, parent_hlc, resolves)"
                " VALUES (?, ?, ?, ?, ?)",
                link,
            )
            self._keep(table, row)
            self.result.kept += 1
            self._current[(table, record_id)] = dict(current)
        self._vouch(table, record_id, row)
        if resolves:
            self._settle(table, record_id, hlc, resolves)
        for other in siblings:
            if not self._nothing_to_review(table, record_id, row, other):
                self._conflict(table, record_id, max(hlc, other), min(hlc, other))

    def _index(self, table: str, row: dict[str, Any]) -> None:
        """A whole record's document is refreshed once at the end of the part; a child row
        (a name, a translation) and a case (its events) are handled now: which parent the
        child had before is read from the history as it stands at this write."""
        if not self.index:
            return
        if table in fts.KIND_OF_TABLE and table != "case_file":
            self._to_index.append((fts.KIND_OF_TABLE[table], row["id"]))
        else:
            self._flush_new()
            fts.on_record_written(self.conn, table, row, self._cache)

    def _keep(self, table: str, row: dict[str, Any]) -> None:
        self.conn.execute(
            "INSERT INTO record_history (table_name, record_id, hlc, data, superseded_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (table, row["id"], row["hlc"], json.dumps(row, ensure_ascii=False), self._at),
        )

    def _nothing_to_review(
        self, table: str, record_id: str, row: dict[str, Any], other: str
    ) -> bool:
        """A note or event deleted on both sides, or deleted with its deleted owner
        (storage.orphans.no_conflict): nothing for a person to review."""
        if table not in orphans.OWNED_BY:
            return False
        self._flush_new()  # the owner's tombstone may still wait in the batch
        return orphans.no_conflict(self.conn, table, row, other)

    def _conflict(self, table: str, record_id: str, winner: str, loser: str) -> None:
        settled = self.conn.execute(
            "SELECT hlc FROM version_parent WHERE table_name = ? AND record_id = ?"
            " AND resolves LIKE ? AND resolves LIKE ?",
            (table, record_id, f'%"{loser}"%', f'%"{winner}"%'),
        ).fetchone()
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO sync_conflict (table_name, record_id, winner_hlc, loser_hlc,"
            " found_at, resolved_at, resolution_hlc) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (table, record_id, winner, loser, self._at,
             self._at if settled else None, settled[0] if settled else None),
        )  # fmt: skip
        if cur.rowcount and not settled:
            self.result.conflicts.append((table, record_id, winner, loser))

    def _settle(self, table: str, record_id: str, hlc: str, pair: list[str]) -> None:
        """A settling version names both versions of the conflict it settled."""
        self.conn.execute(
            "UPDATE sync_conflict SET resolved_at = ?, resolution_hlc = ?"
            " WHERE table_name = ? AND record_id = ? AND resolved_at IS NULL"
            " AND loser_hlc IN (SELECT value FROM json_each(?))"
            " AND winner_hlc IN (SELECT value FROM json_each(?))",
            (self._at, hlc, table, record_id, json.dumps(pair), json.dumps(pair)),
        )

    def _flush_audit(self) -> None:
        """Re-vouch current rows a kept (older) version was vouched after, then write."""
        for key, digest in list(self._vouched.items()):
            row = self._current.get(key)
            if row is not None and record_hash(key[0], row) != digest:
                self._vouch(key[0], key[1], row)
        self._vouched.clear()
        self._current.clear()
        self.conn.executemany(
            "INSERT INTO audit_log (seq, at, device, action, table_name, record_id,"
            " record_hash, prev_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            self._audit,
        )
        self._audit.clear()

    def finish(
        self, progress: fts.Progress | None = None, check: Callable[[], None] | None = None
    ) -> ApplyResult:
        """`progress` and `check` (may raise to cancel) follow a restore's index build."""
        if self.fresh:
            while self._pending:
                self._write_next()
            bulk_fresh.check(self.conn)
        if not self.index and self.result.touched:
            if self.fresh and self._helper is not None:  # every document at once, 2 cores
                searchable = sum(self._written[t] for t in fts.KIND_OF_TABLE)
                fts_bulk.build_all(self.conn, self._helper, progress, searchable, check)
            else:
                fts.rebuild(self.conn)
        self.close()
        self._cache.clear()
        return self.result
