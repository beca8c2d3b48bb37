"""Tumar's record store against plain SQLite: inserts, indexed queries, open + unlock.

Run from the repository root:  python -m bench.bench_records [--testimonies 100000]
Every ratio compares figures measured in this same run; a MISS never fails the run.
See bench/README.md for what each number means.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from functools import cache
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `bench` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sqlcipher3  # noqa: E402

from bench.gen_data import batches, generate  # noqa: E402
from bench.report import breakdown, machine, render, same_rows, tree_digest  # noqa: E402
from tumar.storage import audit, edtf_dates, kdf, namefold, schema  # noqa: E402
from tumar.storage.archive import ARCHIVE_DB, Archive  # noqa: E402
from tumar.storage.canonical import record_hash  # noqa: E402
from tumar.storage.connection import PAGE_HMAC, RECORDS_CACHE_KIB, key_pragma, transaction  # noqa: E402
from tumar.storage.records import BY_TABLE, Event, Person, PersonName, Testimony  # noqa: E402
from tumar.storage.repository import to_row, utc_now  # noqa: E402

PASSPHRASE = "bench passphrase, not secret"
REPLICA = "b" * 32
PRAGMAS = (  # storage/connection.py's settings, minus the key
    "PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA secure_delete = ON",
    "PRAGMA temp_store = MEMORY", "PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 5000",
    f"PRAGMA cache_size = {-RECORDS_CACHE_KIB}",
)  # fmt: skip
AUDIT_SQL = (
    "INSERT INTO audit_log (seq, at, device, action, table_name, record_id, record_hash,"
    " prev_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
QUERIES = (  # label, SQL, key kind, index the plan must use
    ("testimony by id", "SELECT * FROM testimony WHERE id = ?", "testimony", "testimony_1"),
    ("testimonies of a witness",
     "SELECT * FROM testimony WHERE witness_id = ? AND deleted = 0", "witness",
     "testimony_witness"),
    ("case timeline (events by date)",
     "SELECT * FROM event WHERE case_id = ? AND deleted = 0 ORDER BY date_lower", "case",
     "event_case"),
    ("events in a 30-day window",
     "SELECT * FROM event WHERE date_lower >= ? AND date_lower < ? AND deleted = 0"
     " ORDER BY date_lower", "window", "event_lower"),
)  # fmt: skip
PROBE = """
import json, sys, time
t0 = time.perf_counter()
from tumar.storage import archive as A
imported = time.perf_counter() - t0
real, spent = A._unlock_master_key, []
def timed(*args):
    start = time.perf_counter()
    key = real(*args)  # raises on a wrong passphrase: then the probe fails anyway
    spent.append(time.perf_counter() - start)
    return key
A._unlock_master_key = timed
start = time.perf_counter()
arc = A.Archive.open(sys.argv[1], sys.argv[2])
total = time.perf_counter() - start
start = time.perf_counter()
arc.records_db.execute("SELECT * FROM testimony ORDER BY id DESC LIMIT 50").fetchall()
first = time.perf_counter() - start
arc.close()
print(json.dumps({"import": imported, "open": total, "kdf": sum(spent), "first_query": first}))
"""


def log(message: str) -> None:
    print(message, flush=True)


# the parser itself, past any cache of Tumar's own: filling the baselines' rows must not warm
# the cache that Tumar's insert pass then uses
_real_parse = getattr(edtf_dates.parse, "__wrapped__", edtf_dates.parse)


@cache
def _date(text: str) -> tuple[str, str | None, str | None]:
    return _real_parse(text)


def full_row(table: str, fields: dict, now: str, hlc: str) -> dict:
    """The row Repository.insert would store, derived columns included (memoised EDTF, so
    preparing baseline rows stays cheap; it is not timed anyway)."""
    rec = BY_TABLE[table](**fields)
    if isinstance(rec, Event):
        rec.date, rec.date_lower, rec.date_upper = _date(rec.date)
    elif isinstance(rec, PersonName):
        rec.folded, rec.name_key = namefold.fold_name(rec.name), namefold.name_key(rec.name)
    elif isinstance(rec, Person) and rec.birth_date:
        rec.birth_date = _date(rec.birth_date)[0]
    elif isinstance(rec, Testimony):
        rec.recorded_at = rec.recorded_at and _date(rec.recorded_at)[0]
        rec.consent_date = rec.consent_date and _date(rec.consent_date)[0]
    rec.created_at, rec.updated_at, rec.hlc = now, now, hlc
    return to_row(rec)


def open_plain(path: Path, key: bytes | None, create: bool = False):
    """stdlib sqlite3 (key None) or sqlcipher3 with a raw key; Tumar's pragmas either way."""
    conn = (sqlcipher3 if key else sqlite3).connect(str(path), isolation_level=None)
    if key:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {key_pragma(key)}")
        conn.execute(f"PRAGMA cipher_hmac_algorithm = {PAGE_HMAC}")  # as Tumar writes
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    for pragma in PRAGMAS:
        conn.execute(pragma)
    if create:
        conn.execute("BEGIN IMMEDIATE")
        for migration in schema.ARCHIVE_MIGRATIONS:  # the same schema Tumar has today
            migration.apply(conn)
        conn.execute(f"PRAGMA user_version = {schema.latest(schema.ARCHIVE_MIGRATIONS)}")
        conn.execute("COMMIT")
    return conn


def insert_plain(conn, n: int, batch_size: int, same_work: bool, label: str) -> float:
    """Plain INSERTs, one per record, one transaction per batch; with `same_work`, also the
    hash-chained audit_log row per record and one hlc_last update per batch, as Tumar keeps."""
    sql: dict[str, str] = {}
    seq, prev, spent, done, ms = 0, audit.GENESIS, 0.0, 0, 0
    for number, batch in enumerate(batches(generate(n), batch_size), 1):
        now, rows = utc_now(), []
        for table, fields in batch:  # untimed: preparing the caller's data
            ms += 1
            rows.append((table, full_row(table, fields, now, f"{ms:013d}-0000-{REPLICA}")))
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        for table, row in rows:
            if table not in sql:
                marks = ", ".join("?" * len(row))
                sql[table] = f"INSERT INTO {table} ({', '.join(row)}) VALUES ({marks})"
            conn.execute(sql[table], list(row.values()))
            if same_work:
                seq += 1
                entry = {
                    "seq": seq, "at": utc_now(), "device": REPLICA, "action": "create",
                    "table_name": table, "record_id": row["id"],
                    "record_hash": record_hash(table, row),
                }  # fmt: skip
                digest = audit.entry_hash(entry, prev)
                conn.execute(AUDIT_SQL, (*entry.values(), prev, digest))
                prev = digest
        if same_work:
            conn.execute(
                "INSERT INTO meta (key, value) VALUES ('hlc_last', ?) ON CONFLICT(key)"
                " DO UPDATE SET value = excluded.value",
                (rows[-1][1]["hlc"],),
            )
        conn.execute("COMMIT")
        spent += time.perf_counter() - start
        done = progress(label, number, done, len(rows), spent)
    return spent


def insert_tumar(archive: Archive, n: int, batch_size: int, label: str = "tumar") -> float:
    """The real write path: Repository.insert (validation, derived fields, HLC, audit, FTS)."""
    repo, spent, done = archive.repo, 0.0, 0
    for number, batch in enumerate(batches(generate(n), batch_size), 1):
        records = [BY_TABLE[table](**fields) for table, fields in batch]  # untimed
        start = time.perf_counter()
        with transaction(repo.conn):
            for record in records:
                repo.insert(record)
        spent += time.perf_counter() - start
        done = progress(label, number, done, len(records), spent)
    return spent


def what_if_free_dates(work: Path, args: argparse.Namespace) -> float:
    """NOT the real path: Tumar again, edtf_dates.parse answered from `_date`'s cache (which the
    baselines filled with every date of the data): what is left when dates cost ~nothing."""
    edtf_dates.parse = _date
    try:
        archive, _code = Archive.create(work / "what-if", PASSPHRASE, kdf.fast_params())
        log("inserting: tumar with date parsing made free (what-if, not the real path)")
        with archive:
            return insert_tumar(archive, args.testimonies, args.batch, "tumar, dates free")
    finally:
        edtf_dates.parse = _real_parse
        shutil.rmtree(work / "what-if", ignore_errors=True)


LOAD: dict[str, float] = {}  # 1-minute load average seen during each insert phase


def progress(label: str, number: int, done: int, added: int, spent: float) -> int:
    done += added
    if number % 20 == 0:
        LOAD[label] = max(LOAD.get(label, 0.0), os.getloadavg()[0])
    if number % 50 == 0:
        log(f"  {label}: {done:>8,} records, {spent:7.1f} s timed, {done / spent:8,.0f} rec/s")
    return done


def query_keys(plain: Path, count: int, seed: int = 7) -> dict[str, list[tuple]]:
    rng, conn = random.Random(seed), sqlite3.connect(plain)

    def pick(sql: str) -> list[tuple]:
        values = [r[0] for r in conn.execute(sql)]
        return [(v,) for v in rng.choices(values, k=count)]

    starts = [f"{rng.randint(2014, 2025)}-{rng.randint(1, 12):02d}-01" for _ in range(count)]
    keys = {
        "testimony": pick("SELECT id FROM testimony ORDER BY id"),
        "witness": pick("SELECT DISTINCT witness_id FROM testimony ORDER BY witness_id"),
        "case": pick("SELECT id FROM case_file ORDER BY id"),
        "window": [(s, s[:8] + "31") for s in starts],
    }
    conn.close()
    return keys


def run_queries(conn, sql: str, keys: list[tuple]) -> tuple[float, int]:
    rows, start = 0, time.perf_counter()
    for key in keys:
        rows += len(conn.execute(sql, key).fetchall())
    return (time.perf_counter() - start) * 1000 / len(keys), rows


def bench_queries(folder: Path, plain_path: Path, keys: dict) -> list[dict]:
    """Per query kind: a fresh connection on each side, a cold pass, then a warm pass."""
    results = []
    for label, sql, kind, index in QUERIES:
        row = {"query": label}
        for side in ("sqlite3", "tumar"):
            gc.collect()
            archive = Archive.open(folder, PASSPHRASE) if side == "tumar" else None
            conn = archive.records_db if archive else open_plain(plain_path, None)
            plan = " ".join(
                str(r[-1]) for r in conn.execute("EXPLAIN QUERY PLAN " + sql, keys[kind][0])
            )
            if index not in plan:
                log(f"  WARNING {side} '{label}' does not use {index}: {plan}")
            row[f"{side}_cold"], rows_cold = run_queries(conn, sql, keys[kind])
            row[f"{side}_warm"], rows_warm = run_queries(conn, sql, keys[kind])
            row[f"{side}_rows"] = rows_warm
            assert rows_cold == rows_warm
            if archive:
                row["api_warm"] = api_queries(archive, kind, keys[kind])
                archive.close()
            else:
                conn.close()
        if row["sqlite3_rows"] != row["tumar_rows"]:
            log(f"  WARNING '{label}' returned different rows on the two sides")
        results.append(row)
    return results


def api_queries(archive: Archive, kind: str, keys: list[tuple]) -> float | None:
    """The same lookups through Repository.get/find (row -> dataclass), warm, ms/query."""
    calls = {
        "testimony": lambda k: archive.repo.get(Testimony, k[0]),
        "witness": lambda k: archive.repo.find(Testimony, {"witness_id": k[0]}),
        "case": lambda k: archive.repo.find(Event, {"case_id": k[0]}, order_by="date_lower"),
    }
    if kind not in calls:
        return None
    start = time.perf_counter()
    for key in keys:
        calls[kind](key)
    return (time.perf_counter() - start) * 1000 / len(keys)


def bench_count(folder: Path, plain_path: Path) -> dict:
    """Not indexed: repo.count()'s query on testimony (a full scan), cold then warm."""
    sql, out = "SELECT count(*) FROM testimony WHERE deleted = 0", {}
    for side in ("sqlite3", "tumar"):
        archive = Archive.open(folder, PASSPHRASE) if side == "tumar" else None
        conn = archive.records_db if archive else open_plain(plain_path, None)
        for phase in ("cold", "warm"):
            start = time.perf_counter()
            conn.execute(sql).fetchone()
            out[f"{side}_{phase}"] = (time.perf_counter() - start) * 1000
        (archive or conn).close()
    return out


def bench_open(folder: Path, runs: int) -> dict:
    """Archive.open in a fresh process each time; the KDF (the one _unlock_master_key call)
    is timed inside the same open call and subtracted."""
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    samples = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", PROBE, str(folder), PASSPHRASE],
            capture_output=True, text=True, env=env,
        )  # fmt: skip
        if out.returncode:
            raise RuntimeError("open probe failed: " + out.stderr.strip().splitlines()[-1])
        sample = json.loads(out.stdout)
        sample["excl_kdf"] = sample["open"] - sample["kdf"]
        samples.append(sample)
    return {
        key: statistics.median(s[key] for s in samples)
        for key in ("import", "open", "kdf", "excl_kdf", "first_query")
    } | {"excl_kdf_max": max(s["excl_kdf"] for s in samples), "runs": runs}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--testimonies", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=1000, help="records per transaction")
    parser.add_argument("--queries", type=int, default=1000, help="lookups per query kind")
    parser.add_argument("--open-runs", type=int, default=5)
    parser.add_argument("--workdir", type=Path, default=None, help="default: system temp")
    parser.add_argument("--keep", action="store_true", help="keep the databases afterwards")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="tumar-bench-", dir=args.workdir))
    log(f"work folder {work}; {args.testimonies:,} testimonies, batches of {args.batch}")
    results: dict = {"testimonies": args.testimonies, "batch": args.batch, "insert": {}}
    results["machine"], digest_at_start = machine(), tree_digest()
    results["queries_n"], results["records"], text_bytes = args.queries, 0, 0
    for table, fields in generate(args.testimonies):
        results["records"] += 1
        text_bytes += len(fields["text"].encode()) if table == "testimony" else 0
    results["text_mb"] = text_bytes / 1e6
    try:
        sides = (
            ("sqlite3", None, False), ("sqlite3 + audit", None, True),
            ("sqlcipher", os.urandom(32), False), ("sqlcipher + audit", os.urandom(32), True),
        )  # fmt: skip
        for label, key, same_work in sides:
            path = work / f"{label.replace(' + ', '-')}.db"
            conn = open_plain(path, key, create=True)
            gc.collect()
            log(f"inserting: {label}")
            results["insert"][label] = insert_plain(
                conn, args.testimonies, args.batch, same_work, label
            )
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.close()
        folder, plain = work / "tumar", work / "sqlite3.db"
        archive, _code = Archive.create(folder, PASSPHRASE, kdf.fast_params())
        gc.collect()
        if hasattr(edtf_dates.parse, "cache_clear"):  # as in a freshly started Tumar
            edtf_dates.parse.cache_clear()
        log("inserting: tumar (Repository.insert)")
        results["insert"]["tumar"] = insert_tumar(archive, args.testimonies, args.batch)
        if hasattr(edtf_dates.parse, "cache_info"):
            results["edtf_cache"] = edtf_dates.parse.cache_info()._asdict()
        start = time.perf_counter()
        archive.close()
        results["tumar_close_s"] = time.perf_counter() - start
        results["load"] = LOAD
        results["sizes_mb"] = {
            p.stem: p.stat().st_size / 1e6 for p in [*work.glob("*.db"), folder / ARCHIVE_DB]
        }
        phases = (  # each may fail on its own (e.g. the tree changed under a long run)
            ("what-if", lambda: results["insert"].update(
                {"tumar, dates free": what_if_free_dates(work, args)})),
            ("same_rows", lambda: same_rows(folder, plain, PASSPHRASE, log)),
            ("queries", lambda: bench_queries(folder, plain, query_keys(plain, args.queries))),
            ("count", lambda: bench_count(folder, plain)),
            ("open", lambda: bench_open(folder, args.open_runs)),
            ("breakdown", lambda: breakdown(args.testimonies)),
        )  # fmt: skip
        for name, phase in phases:
            log(f"phase: {name}")
            try:
                value = phase()
                if value is not None:
                    results[name] = value
            except Exception as exc:  # noqa: BLE001 - report it and go on with the rest
                log(f"  FAILED: {type(exc).__name__}: {exc}")
                results.setdefault("errors", []).append(f"{name}: {type(exc).__name__}: {exc}")
        results["storage_changed_during_run"] = tree_digest() != digest_at_start
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(render(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
