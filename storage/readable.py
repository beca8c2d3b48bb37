"""Reading what can still be read from a damaged database, row by row.

SQLCipher authenticates every page; a flipped byte, a zeroed page or a truncation makes
that page unreadable ("database disk image is malformed") and a plain `SELECT *` stops at
the first such page. A damaged page should cost the rows stored on it, not the table, so
rows are read in rowid order and, when a read fails, the scan probes forward (doubling
the step, then bisecting back) for the first rowid it can reach again. Rows reachable
only through a damaged interior page are lost with it; everything else is returned.

SQLCipher refuses every statement on a connection once it has met a page failing its
HMAC (sqlcipher/sqlcipher#617), so a failed read costs the connection: `Reader` opens a
fresh one after each failure. Used by `tumar verify` (how many rows of each table are
readable) and `tumar salvage`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .connection import Connection, DatabaseError

MAX_ROWID = (1 << 63) - 1


@dataclass
class TableScan:
    """What one scan of a table found: readable rows, and rowid ranges it could not read."""

    table: str
    read: int = 0
    gaps: list[tuple[int, int]] = field(default_factory=list)  # inclusive rowid ranges
    unreadable: bool = False  # not even the table's first page could be reached

    @property
    def complete(self) -> bool:
        return not self.gaps and not self.unreadable

    def describe(self) -> str:
        if self.unreadable:
            return f"table {self.table}: cannot be read at all"
        shown = ", ".join(
            f"{a}" if a == b else (f"{a}–…" if b >= MAX_ROWID else f"{a}–{b}")
            for a, b in self.gaps[:5]
        )
        more = " …" if len(self.gaps) > 5 else ""
        return (
            f"table {self.table}: {self.read} row(s) readable; rows {shown}{more} "
            "are on damaged pages"
        )


class Reader:
    """A read connection that is replaced after every failed read."""

    def __init__(self, opener: Callable[[], Connection]) -> None:
        self._opener = opener
        self._conn: Connection | None = None

    @property
    def conn(self) -> Connection:
        if self._conn is None:
            self._conn = self._opener()
        return self._conn

    def failed(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.close()
        self._conn = None

    def close(self) -> None:
        self.failed()


def _reachable(reader: Reader, table: str, rowid: int) -> bool:
    """Can the table's b-tree be searched from `rowid` on?"""
    try:
        reader.conn.execute(
            f"SELECT rowid FROM {table} WHERE rowid >= ? ORDER BY rowid LIMIT 1", (rowid,)
        ).fetchone()
    except DatabaseError:
        reader.failed()
        return False
    return True


def _next_reachable(reader: Reader, table: str, bad: int) -> int | None:
    """The smallest rowid > `bad` from which reading works again; None if none does."""
    step, lo, hi = 1, bad, None
    while bad + step <= MAX_ROWID:
        if _reachable(reader, table, bad + step):
            hi = bad + step
            break
        lo = bad + step
        step *= 2
    if hi is None:
        return None
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if _reachable(reader, table, mid):
            hi = mid
        else:
            lo = mid
    return hi


def scan_rows(
    reader: Reader, table: str, scan: TableScan, columns: str = "*"
) -> Iterator[dict[str, Any]]:
    """Every readable row of `table` (with its rowid as `_rowid_`), filling `scan`."""
    start = 1  # scans seek to `start` itself: seeking to a row before it could land on
    while True:  # the damaged page that ended the previous scan
        try:
            cursor = reader.conn.execute(
                f"SELECT rowid AS _rowid_, {columns} FROM {table} WHERE rowid >= ? ORDER BY rowid",
                (start,),
            )
            for row in cursor:
                start = row[0] + 1
                scan.read += 1
                yield dict(row)
            return
        except DatabaseError:
            reader.failed()
        # the cursor reads one row ahead, so rows just before the damage may still be
        # readable one at a time: take them before skipping ahead
        while (row := _point(reader, table, start, columns)) is not None:
            scan.read += 1
            start += 1
            yield row
        resume = _next_reachable(reader, table, start)
        if resume is None:
            scan.gaps.append((start, MAX_ROWID))
            scan.unreadable = scan.read == 0
            return
        scan.gaps.append((start, resume - 1))
        start = resume


def _point(reader: Reader, table: str, rowid: int, columns: str) -> dict[str, Any] | None:
    """The row with this rowid, or None if it is missing or cannot be read."""
    try:
        row = reader.conn.execute(
            f"SELECT rowid AS _rowid_, {columns} FROM {table} WHERE rowid = ?", (rowid,)
        ).fetchone()
    except DatabaseError:
        reader.failed()
        return None
    return dict(row) if row is not None else None


def count_readable(reader: Reader, table: str) -> TableScan:
    scan = TableScan(table)
    for _row in scan_rows(reader, table, scan, columns="1"):
        pass
    return scan


def table_names(reader: Reader) -> list[str] | None:
    """Ordinary tables (no FTS shadow tables), or None when the schema itself is unreadable."""
    try:
        rows = reader.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
            " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_words_%'"
            " AND name NOT LIKE 'search_grams_%' ORDER BY rootpage"
        ).fetchall()
    except DatabaseError:
        reader.failed()
        return None
    return [r[0] for r in rows]
