"""The restore's floor on this machine, measured in the same run: plain sqlite3 (no
encryption, no checks, no hashing, no Python document building) loading the very rows a
restore wrote, with the same schema, indexes, triggers and load settings, then building
the same two FTS5 indexes from the same documents, on one thread.

Why: the restore goal (< 30 s at 100k testimonies) is an absolute time, and this shared
2-CPU machine runs 25 % slower on some days than on others. This baseline is the part of
a restore no implementation on top of SQLite can skip; the ratio restore / floor says how
much Tumar adds to it (encryption, checks, hashes, folding, the hand-overs).

    python -m bench.restore_floor --archive RESTORED.tumar   # a restored archive, kept

It copies rows table by table and times only the plain database's work (the inserts, the
index build and the commit with its fsync), not the reading of the encrypted source.
The plain copy is synthetic benchmark data in a scratch folder, deleted at the end.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import tempfile
import time
from pathlib import Path

from tumar.storage.archive import Archive

CHUNK = 5000
#: the order a restore writes in: parents before the rows their trigger looks at
FIRST = ("meta", "version_parent")
FTS = ("search_words", "search_grams")
SOURCE_PASS = "bench passphrase 1"


def _schema(source) -> list[str]:
    """DDL in creation order, without FTS5's shadow tables (its CREATE makes them)."""
    shadow = tuple(f"{t}_" for t in FTS)
    return [
        sql
        for name, sql in source.execute(
            "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid"
        )
        if not name.startswith(shadow) and not name.startswith("sqlite_")
    ]


def _tables(source) -> list[str]:
    names = [
        r[0]
        for r in source.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
            " AND name NOT LIKE 'sqlite_%' ORDER BY rowid"
        )
    ]
    shadow = tuple(f"{t}_" for t in FTS)
    names = [n for n in names if not n.startswith(shadow)]
    return [n for n in FIRST if n in names] + [n for n in names if n not in FIRST]


def measure(
    restored: Path, passphrase: str = SOURCE_PASS, workdir: Path | None = None
) -> tuple[float, float, float]:
    """Seconds of plain-sqlite3 work: the rows' inserts, the FTS5 build, commit + fsync."""
    folder = Path(tempfile.mkdtemp(prefix="tumar-floor-", dir=workdir))
    target = folder / "plain.db"
    try:
        with Archive.open(restored, passphrase) as archive:
            source = archive.records_db
            plain = sqlite3.connect(target, isolation_level=None)
            plain.execute("PRAGMA journal_mode = MEMORY")  # the restore's load settings
            plain.execute("PRAGMA synchronous = OFF")
            plain.execute(f"PRAGMA cache_size = {-512 * 1024}")
            plain.execute("PRAGMA temp_store = MEMORY")
            for sql in _schema(source):
                plain.execute(sql)
            for table in FTS:  # the restore's FTS5 load settings (storage/fts_bulk.py)
                for key, value in (("automerge", 0), ("crisismerge", 2000), ("hashsize", 1 << 26)):
                    plain.execute(f"INSERT INTO {table}({table}, rank) VALUES (?, ?)", (key, value))
            spent = 0.0
            start = time.perf_counter()
            plain.execute("BEGIN")
            spent += time.perf_counter() - start
            for table in _tables(source):
                plain.execute(f"DELETE FROM {table}")  # rows the schema's creation put there
                cursor = source.execute(f"SELECT * FROM {table}")  # stored order
                marks = ", ".join("?" * len(cursor.description))
                insert = f"INSERT INTO {table} VALUES ({marks})"
                while rows := cursor.fetchmany(CHUNK):
                    values = [tuple(r) for r in rows]
                    start = time.perf_counter()
                    plain.executemany(insert, values)
                    spent += time.perf_counter() - start
            rows_s, start = spent, time.perf_counter()
            plain.execute(
                "INSERT INTO search_words(rowid, title, body, keys, nkeys)"
                " SELECT doc_id, title, body, keys, nkeys FROM search_doc"
            )
            plain.execute(
                "INSERT INTO search_grams(rowid, cjk) SELECT doc_id, cjk FROM search_doc"
                " WHERE cjk <> ''"
            )
            for table in FTS:
                plain.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
            index_s, start = time.perf_counter() - start, time.perf_counter()
            plain.execute("COMMIT")
            plain.close()
            fd = os.open(target, os.O_RDONLY)
            os.fsync(fd)
            os.close(fd)
            commit_s = time.perf_counter() - start
    finally:
        for child in folder.iterdir():
            child.unlink()
        folder.rmdir()
    return rows_s, index_s, commit_s


def report(rows_s: float, index_s: float, commit_s: float) -> str:
    total = rows_s + index_s + commit_s
    return (
        f"plain sqlite3, same rows and index, one thread, no encryption: {total:.1f} s"
        f" (rows {rows_s:.1f} s, FTS5 {index_s:.1f} s, commit + fsync {commit_s:.1f} s)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--archive", type=Path, required=True, help="a restored archive")
    parser.add_argument("--passphrase", default=SOURCE_PASS)
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args(argv)
    os.environ.setdefault("TUMAR_KDF_PROFILE", "fast")
    rows_s, index_s, commit_s = measure(args.archive, args.passphrase, args.workdir)
    print(report(rows_s, index_s, commit_s))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
