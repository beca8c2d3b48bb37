"""bench_records' printed summary (figures, ratios, goals) and its per-record cost split."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import platform
import sqlite3
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import sqlcipher3

from bench.gen_data import TABLES, generate
from tumar.storage import audit, edtf_dates
from tumar.storage.archive import Archive
from tumar.storage.canonical import record_hash
from tumar.storage.records import BY_TABLE
from tumar.storage.repository import to_row, utc_now

GOAL_RATIO, GOAL_OPEN_S = 1.3, 0.5


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def render(r: dict) -> str:
    """The whole summary; a section whose phase failed is left out (errors are listed)."""
    out: list[str] = []
    for section in (_head, _inserts, _queries, _open, _costs, _tail):
        try:
            out += section(r)
        except KeyError:  # that phase did not finish; its error is listed at the end
            continue
    return "\n".join(out)


def _head(r: dict) -> list[str]:
    m = r["machine"]
    dirty = f" + {len(m['modified'])} changed/new files (see JSON)" if m["modified"] else ""
    return [
        "",
        f"== Tumar storage benchmark: {r['testimonies']:,} testimonies, {r['records']:,} "
        f"records (batches of {r['batch']}), testimony text {r['text_mb']:.0f} MB ==",
        f"{m['date']}  {m['cpu']}, {m['nproc']} CPUs, {m['memory']}  Python {m['python']}",
        f"sqlite3 {m['sqlite3']}, SQLCipher {m['sqlcipher']}, commit {m['commit']}{dirty}",
        "",
    ]


NAMES = {
    "sqlite3": "sqlite3, bare INSERTs",
    "sqlite3 + audit": "sqlite3, same work (+audit row)",
    "sqlcipher": "sqlcipher raw key, bare INSERTs",
    "sqlcipher + audit": "sqlcipher raw key, same work",
    "tumar": "Tumar Repository.insert",
    "tumar, dates free": "what-if: Tumar, dates free (*)",
}


def _inserts(r: dict) -> list[str]:
    ins, n, mb = r["insert"], r["records"], r["text_mb"]
    out = [
        "INSERT  (timed: each batch's transaction; preparing the data is not timed)",
        f"  {'side':<34}{'seconds':>9}{'records/s':>11}{'text MB/s':>11}   other jobs",
    ]
    for key, label in NAMES.items():
        if key in ins:
            secs, load = ins[key], r.get("load", {}).get(key)
            out.append(
                f"  {label:<34}{secs:>9.1f}{n / secs:>11,.0f}{mb / secs:>11.1f}"
                + (f"   max load {load:.1f}" if load is not None else "")
            )
    ratio = ins["tumar"] / ins["sqlite3"]
    out += [
        "  (*) NOT the real path: edtf_dates.parse answered from a prefilled cache",
        "",
        "  time ratios (x = times slower)",
        f"    Tumar / sqlite3 bare             {ratio:6.2f}x   goal <= {GOAL_RATIO}x  "
        f"{verdict(ratio <= GOAL_RATIO)}",
        f"    Tumar / sqlite3 same work        {ins['tumar'] / ins['sqlite3 + audit']:6.2f}x"
        "   (same rows written: record + audit entry)",
        f"    sqlcipher / sqlite3, bare        {ins['sqlcipher'] / ins['sqlite3']:6.2f}x"
        "   (encryption alone)",
        f"    sqlcipher / sqlite3, same work   "
        f"{ins['sqlcipher + audit'] / ins['sqlite3 + audit']:6.2f}x   (encryption alone)",
        f"    Tumar / sqlcipher same work      {ins['tumar'] / ins['sqlcipher + audit']:6.2f}x"
        "   (Tumar's Python write path, FTS included, over the same SQL)",
    ]
    if "tumar, dates free" in ins:
        free = ins["tumar, dates free"]
        out += [
            f"    what-if / sqlite3 bare           {free / ins['sqlite3']:6.2f}x",
            f"    what-if / sqlite3 same work      {free / ins['sqlite3 + audit']:6.2f}x",
        ]
    if "edtf_cache" in r:
        c = r["edtf_cache"]
        out.append(
            f"  edtf_dates.parse cache in the Tumar pass: {c['hits']:,} hits, "
            f"{c['misses']:,} misses (maxsize {c['maxsize']})"
        )
    out += [f"  Archive.close after the inserts (WAL checkpoint): {r['tumar_close_s']:.2f} s", ""]
    return out


def _queries(r: dict) -> list[str]:
    out = [
        f"INDEXED QUERIES  ms/query over {r['queries_n']} lookups; fresh connection per "
        "kind: cold pass, then warm pass",
        f"  {'query':<32}{'sqlite3':>9}{'Tumar':>9}{'ratio':>7}{'':>6}"
        f"{'sqlite3':>9}{'Tumar':>9}{'ratio':>7}{'':>6}{'rows':>9}{'API':>8}",
        f"  {'':<32}{'cold':>9}{'cold':>9}{'':>13}{'warm':>9}{'warm':>9}{'':>13}{'':>9}{'warm':>8}",
    ]
    for q in r["queries"]:
        cold = q["tumar_cold"] / q["sqlite3_cold"]
        warm = q["tumar_warm"] / q["sqlite3_warm"]
        api = f"{q['api_warm']:8.3f}" if q.get("api_warm") is not None else f"{'-':>8}"
        out.append(
            f"  {q['query']:<32}{q['sqlite3_cold']:>9.3f}{q['tumar_cold']:>9.3f}{cold:>6.2f}x"
            f"{verdict(cold <= GOAL_RATIO):>6}{q['sqlite3_warm']:>9.3f}{q['tumar_warm']:>9.3f}"
            f"{warm:>6.2f}x{verdict(warm <= GOAL_RATIO):>6}{q['tumar_rows']:>9,}{api}"
        )
    out.append("  (API = the same lookup through Repository.get/find, Tumar warm)")
    if "count" in r:
        c = r["count"]
        out.append(
            f"  not indexed, repo.count() on testimony (full scan), ms: sqlite3 cold "
            f"{c['sqlite3_cold']:.0f} / warm {c['sqlite3_warm']:.0f}; Tumar cold "
            f"{c['tumar_cold']:.0f} / warm {c['tumar_warm']:.0f}"
        )
    return [*out, ""]


def _open(r: dict) -> list[str]:
    o = r["open"]
    return [
        f"OPEN + UNLOCK  Archive.open in a fresh process, median of {o['runs']} runs",
        f"  Archive.open total                  {o['open']:7.3f} s",
        f"  of which KDF (Argon2id, fast params) {o['kdf']:7.3f} s",
        f"  open excluding the KDF              {o['excl_kdf']:7.3f} s   goal < {GOAL_OPEN_S} s  "
        f"{verdict(o['excl_kdf'] < GOAL_OPEN_S)}   (worst run {o['excl_kdf_max']:.3f} s)",
        f"  importing tumar.storage.archive     {o['import']:7.3f} s   (not part of the goal)",
        f"  first query after open (50 rows)    {o['first_query']:7.3f} s",
        "",
    ]


def _costs(r: dict) -> list[str]:
    ins, n, b = r["insert"], r["records"], r["breakdown"]
    real_us, free_us = ins["tumar"] / n * 1e6, ins["tumar, dates free"] / n * 1e6
    return [
        "WHERE TUMAR'S INSERT TIME GOES  (per record, averaged over the data mix)",
        f"  Repository.insert, all in              {real_us:8.0f} us",
        f"  of which EDTF date parsing             {real_us - free_us:8.0f} us   "
        "(real pass minus what-if pass)",
        f"  everything else (what-if)              {free_us:8.0f} us   "
        f"(sqlcipher same work: {ins['sqlcipher + audit'] / n * 1e6:.0f} us)",
        f"  of which record + audit hashes         {b['hash_us']:8.0f} us   "
        f"(sample of {b['sample']:,} records)",
        f"  one uncached edtf parse                {b['edtf_parse_us']:8.0f} us   "
        f"({b['dates_per_record']:.2f} date fields per record)",
        "",
    ]


def _tail(r: dict) -> list[str]:
    sizes = sorted(r.get("sizes_mb", {}).items())
    out = ["FILES  " + ", ".join(f"{k} {v:.0f} MB" for k, v in sizes)]
    if "same_rows" in r:
        out.append("SAME ROWS ON BOTH SIDES  " + ("yes" if r["same_rows"] else "NO (see log)"))
    if r.get("storage_changed_during_run"):
        out.append("WARNING  storage/ changed during the run: phases may have run different code")
    out += [f"FAILED  {e}" for e in r.get("errors", [])]
    return out


# ---- where Tumar's per-record time goes ------------------------------------------------------
def breakdown(n: int, every: int = 40) -> dict:
    """On a sample of the same data: the two audit hashes per record, how many EDTF dates a
    record carries on average, and what one edtf_dates.parse call costs."""
    records = [BY_TABLE[t](**f) for i, (t, f) in enumerate(generate(n)) if i % every == 0]
    start = time.perf_counter()
    for record in records:
        row = to_row(record)
        fields = {"seq": 1, "at": utc_now(), "record_hash": record_hash(record.TABLE, row)}
        audit.entry_hash(fields, audit.GENESIS)
    hash_s = time.perf_counter() - start
    dates = sum(
        1
        for record in records
        for name in ("date", "birth_date", "recorded_at", "consent_date")
        if getattr(record, name, None)
    )
    forms = ("2019-10-14", "2019-10", "2019-10?", "2019~", "2013-03/2017-11") * 40
    parse = getattr(edtf_dates.parse, "__wrapped__", edtf_dates.parse)  # past Tumar's cache
    start = time.perf_counter()
    for text in forms:
        parse(text)
    return {
        "sample": len(records),
        "hash_us": hash_s / len(records) * 1e6,
        "dates_per_record": dates / len(records),
        "edtf_parse_us": (time.perf_counter() - start) / len(forms) * 1e6,
    }


def same_rows(folder: Path, plain: Path, passphrase: str, log: Callable[[str], None]) -> bool:
    """Every generated table holds the same rows on both sides, envelope times and HLC aside."""
    ok = True
    with Archive.open(folder, passphrase) as archive, sqlite3.connect(plain) as conn:
        for table in TABLES:
            skip = ("created_at", "updated_at", "hlc")
            cols = ", ".join(c for c in BY_TABLE[table].columns() if c not in skip)
            sql = f"SELECT {cols} FROM {table} ORDER BY id"
            theirs = (tuple(r) for r in archive.records_db.execute(sql))
            for mine, other in zip(conn.execute(sql), theirs, strict=True):
                if tuple(mine) != other:
                    log(f"  MISMATCH in {table}: {mine[0]}")
                    ok = False
                    break
    return ok


def tree_digest() -> str:
    """Other people edit storage/ while a long run goes on; this tells if that happened."""
    digest = hashlib.sha256()
    for path in sorted((Path(__file__).resolve().parent.parent / "storage").rglob("*.py")):
        digest.update(str(path).encode() + path.read_bytes())
    return digest.hexdigest()


def machine() -> dict:
    """Where and on what this run happened (read-only look at git, no state change)."""
    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
         if line.startswith("model name")), platform.processor() or "unknown",
    ) if Path("/proc/cpuinfo").exists() else platform.processor()  # fmt: skip
    mem = "?"
    if Path("/proc/meminfo").exists():
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f"{kib / 1024 / 1024:.1f} GiB"
    root = Path(__file__).resolve().parent.parent

    def git(*args: str) -> str:
        try:
            return subprocess.run(
                ["git", *args], cwd=root, capture_output=True, text=True, check=True
            ).stdout.rstrip("\n")
        except (OSError, subprocess.CalledProcessError):
            return "?"

    status = git("status", "--porcelain", "--untracked-files=all").splitlines()
    dirty = [line[3:] for line in status if not line[3:].startswith("bench/")]
    conn = sqlcipher3.connect(":memory:")
    cipher = conn.execute("PRAGMA cipher_version").fetchone()[0]
    conn.close()
    return {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "cpu": cpu, "nproc": os.cpu_count(), "memory": mem,
        "python": platform.python_version(), "platform": platform.platform(),
        "sqlite3": sqlite3.sqlite_version,
        "sqlcipher": f"{cipher} (SQLite {sqlcipher3.sqlite_version})",
        "commit": git("rev-parse", "--short", "HEAD"), "modified": dirty,
    }  # fmt: skip
