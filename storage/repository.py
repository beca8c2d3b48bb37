"""One repository for every record kind: insert, update, tombstone, read, history.

All kinds share one code path so that the guarantees hold everywhere alike: every write
runs in a transaction together with its history copy, its audit entry, its HLC and its
search-index update; nothing is ever physically deleted.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Iterable
from typing import Any, TypeVar

from . import audit, derived, fts
from .canonical import record_hash
from .connection import Connection, DatabaseError, is_damage, transaction
from .errors import InvalidInput, RecordNotFound, SearchIndexDamaged
from .hlc import Clock, Timestamp
from .ids import new_id
from .records import BY_TABLE, ENVELOPE, Record
from .search_text import FoldCache

R = TypeVar("R", bound=Record)


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


def to_row(record: Record) -> dict[str, Any]:
    """Database values for a record: JSON text for lists, 0/1 for flags."""
    row: dict[str, Any] = {}
    for name, value in record.as_dict().items():
        if name in record.JSON_FIELDS:
            value = json.dumps(value, ensure_ascii=False)
        elif name == "deleted" or name in record.BOOL_FIELDS:
            value = int(bool(value))
        row[name] = value
    return row


def from_row(cls: type[R], row: dict[str, Any]) -> R:
    values = dict(row)
    for name in cls.JSON_FIELDS:
        values[name] = json.loads(values[name]) if values[name] else []
    for name in ("deleted", *cls.BOOL_FIELDS):
        values[name] = bool(values[name])
    return cls(**values)


class Repository:
    """Reads and writes records in archive.db for one replica."""

    FOLD_CACHE_LIMIT = 200_000  # words; bounded so a long session's memory stays flat

    def __init__(self, conn: Connection, clock: Clock) -> None:
        self.conn = conn
        self.clock = clock
        # folding a word for search costs ~1 µs-1 ms; testimonies repeat most words
        self._fold_cache = FoldCache()
        #: False once the search index is marked stale after damage (storage.fts_repair)
        self.search_enabled = True

    def forget_cached_text(self) -> None:
        """Drop decrypted vocabulary held for indexing (called when the archive locks)."""
        self._fold_cache.clear()

    @property
    def device(self) -> str:
        return self.clock.replica

    def _tick(self) -> Timestamp:
        # Called inside the write transaction (BEGIN IMMEDIATE holds the write lock), so the
        # stored high-water mark is the latest any connection of this replica wrote.
        seen = self.conn.execute("SELECT value FROM meta WHERE key = 'hlc_last'").fetchone()
        if seen is not None:
            with contextlib.suppress(ValueError):  # damaged: the clock was restored from
                self.clock.catch_up(Timestamp.parse(seen[0]))  # the records (hlc.recover_last)
        stamp = self.clock.now()
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES ('hlc_last', ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (str(stamp),),
        )
        return stamp

    def _write(self, record: Record, action: str, replace: bool) -> None:
        row = to_row(record)
        columns = list(row)
        placeholders = ", ".join("?" for _ in columns)
        verb = "REPLACE" if replace else "INSERT"
        self.conn.execute(
            f"{verb} INTO {record.TABLE} ({', '.join(columns)}) VALUES ({placeholders})",
            [row[c] for c in columns],
        )
        audit.append(
            self.conn,
            device=self.device,
            action=action,
            table=record.TABLE,
            record_id=record.id,
            rec_hash=record_hash(record.TABLE, row),
        )
        if len(self._fold_cache) > self.FOLD_CACHE_LIMIT:
            self._fold_cache.clear()
        if not self.search_enabled:
            return  # the index is marked stale (damaged): `tumar reindex` rebuilds it
        try:
            fts.on_record_written(self.conn, record.TABLE, row, self._fold_cache)
        except DatabaseError as exc:
            if is_damage(exc):
                raise SearchIndexDamaged() from None  # see storage.fts_repair
            raise

    def _keep_history(self, table: str, row: dict[str, Any]) -> None:
        self.conn.execute(
            "INSERT INTO record_history (table_name, record_id, hlc, data, superseded_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (table, row["id"], row["hlc"], json.dumps(row, ensure_ascii=False), utc_now()),
        )

    def _current_row(self, table: str, record_id: str) -> dict[str, Any]:
        row = self.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (record_id,)).fetchone()
        if row is None:
            raise RecordNotFound(f"No {table.replace('_', ' ')} with id {record_id}")
        return dict(row)

    def insert(self, record: R, *, keep_times: bool = False) -> R:
        """A new record. `keep_times` keeps a given id's created/updated times (salvage
        copies records into a new archive as they were)."""
        derived.prepare(record)
        with transaction(self.conn):
            stamp = self._tick()
            now = utc_now()
            record.id = record.id or new_id(stamp.wall_ms)
            if not (keep_times and record.created_at and record.updated_at):
                record.created_at = record.updated_at = now
            record.hlc, record.deleted = str(stamp), False
            self._write(record, "create", replace=False)
        return record

    def update(self, record: R) -> R:
        derived.prepare(record)
        with transaction(self.conn):
            old = self._current_row(record.TABLE, record.id)
            if old["deleted"]:
                raise InvalidInput(f"{record.TABLE.replace('_', ' ')} {record.id} is deleted")
            self._keep_history(record.TABLE, old)
            record.created_at = old["created_at"]
            record.updated_at, record.hlc = utc_now(), str(self._tick())
            self._write(record, "update", replace=True)
        return record

    def update_fields(self, cls: type[R], record_id: str, changes: dict[str, Any]) -> R:
        """Change only the named fields; envelope and derived columns are not editable."""
        record = self.get(cls, record_id)
        for name, value in changes.items():
            if name not in cls.columns() or name in ENVELOPE or name in cls.DERIVED:
                raise InvalidInput(f"{name} cannot be edited")
            setattr(record, name, value)
        return self.update(record)

    def delete(self, cls: type[R], record_id: str) -> R:
        """Tombstone: the row stays (sync must carry the deletion) and its last state is kept."""
        with transaction(self.conn):
            old = self._current_row(cls.TABLE, record_id)
            if old["deleted"]:
                return from_row(cls, old)
            self._keep_history(cls.TABLE, old)
            record = from_row(cls, old)
            record.deleted, record.updated_at, record.hlc = True, utc_now(), str(self._tick())
            self._write(record, "delete", replace=True)
        return record

    def restate(self, record: R, *, deleted: bool) -> R:
        """A new version of a record whatever its current state: settling a conflict may
        bring back a deleted record, or re-state a deletion as a person's decision (so it
        carries a fresh HLC and travels). The current version is kept like any update's."""
        derived.prepare(record)
        with transaction(self.conn):
            old = self._current_row(record.TABLE, record.id)
            self._keep_history(record.TABLE, old)
            record.created_at, record.deleted = old["created_at"], deleted
            record.updated_at, record.hlc = utc_now(), str(self._tick())
            self._write(record, "delete" if deleted else "update", replace=True)
        return record

    def get(self, cls: type[R], record_id: str, include_deleted: bool = False) -> R:
        row = self._current_row(cls.TABLE, record_id)
        if row["deleted"] and not include_deleted:
            raise RecordNotFound(f"{cls.TABLE.replace('_', ' ')} {record_id} has been deleted")
        return from_row(cls, row)

    def find(
        self,
        cls: type[R],
        where: dict[str, Any] | None = None,
        order_by: str = "id",
        include_deleted: bool = False,
    ) -> list[R]:
        """Records whose columns equal `where`'s values; column names are checked, not trusted."""
        columns = set(cls.columns())
        clauses, params = ([] if include_deleted else ["deleted = 0"]), []
        for name, value in (where or {}).items():
            if name not in columns:
                raise ValueError(f"unknown column {name}")
            clauses.append(f"{name} IS ?")
            params.append(value)
        order = order_by if order_by.split()[0] in columns else "id"
        sql = f"SELECT * FROM {cls.TABLE}"
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        rows = self.conn.execute(f"{sql} ORDER BY {order}", params).fetchall()
        return [from_row(cls, dict(r)) for r in rows]

    def resolve_prefix(self, cls: type[R], prefix: str) -> str:
        """Full id from a unique prefix. Ids are time-ordered, so records made in the same
        minute share their first 8 characters: the prefix must reach the random part."""
        cleaned = prefix.strip().lower()
        if len(cleaned) < 4 or any(ch not in "0123456789abcdef-" for ch in cleaned):
            raise RecordNotFound(f"'{prefix}' is not a record id (give at least 4 characters)")
        rows = self.conn.execute(
            f"SELECT id FROM {cls.TABLE} WHERE id >= ? AND id < ? LIMIT 2",
            (cleaned, cleaned + "g"),
        ).fetchall()
        if not rows:
            raise RecordNotFound(f"No {cls.TABLE.replace('_', ' ')} with id {prefix}")
        if len(rows) > 1:
            raise RecordNotFound(f"The id {prefix} is ambiguous; type more of it")
        return rows[0][0]

    def history(self, cls: type[R], record_id: str) -> list[R]:
        rows = self.conn.execute(
            "SELECT data FROM record_history WHERE table_name = ? AND record_id = ? ORDER BY seq",
            (cls.TABLE, record_id),
        ).fetchall()
        return [from_row(cls, json.loads(r[0])) for r in rows]

    def count(self, tables: Iterable[str] | None = None) -> dict[str, int]:
        result = {}
        for table in tables or BY_TABLE:
            result[table] = self.conn.execute(
                f"SELECT count(*) FROM {table} WHERE deleted = 0"
            ).fetchone()[0]
        return result
