"""Search benchmark: query latency, index build time, index size, per-write index cost.

Run from the repository root:  python -m bench.bench_search [--testimonies 100000]

Records from bench/gen_data.py are loaded with plain INSERTs of the exact rows the
Repository would store (derived columns included, no audit chain: search does not read
it), because loading 100k testimonies through Repository.insert is bench_records' job and
takes most of its 20 minutes. The index is then built by the real `reindex`
(tumar.app.search.reindex -> storage/fts.rebuild), timed. Queries go through the real
service (tumar.app.search.search: parsing, name expansion, ranking, snippets, titles).
Figures go to stdout and, with --results, to a Markdown file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `bench` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sqlcipher3  # noqa: E402

from bench import gen_data  # noqa: E402
from tumar.app import search, testimonies  # noqa: E402
from tumar.storage import derived, edtf_dates, fts, kdf  # noqa: E402
from tumar.storage.archive import Archive  # noqa: E402
from tumar.storage.connection import transaction  # noqa: E402
from tumar.storage.records import BY_TABLE  # noqa: E402
from tumar.storage.repository import to_row, utc_now  # noqa: E402

PASSPHRASE = "bench passphrase, not secret"
GOAL_P95_MS = 50.0


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def load(archive: Archive, n: int, batch: int = 5000) -> dict[str, int]:
    """Insert the generated records as the Repository would store them (untimed setup).

    EDTF parsing (~10 ms a call) is memoised for the load only, as bench_records does;
    the real parser is back in place before anything is timed."""
    real_parse = edtf_dates.parse
    edtf_dates.parse = functools.cache(real_parse)
    try:
        return _load(archive, n, batch)
    finally:
        edtf_dates.parse = real_parse


def _load(archive: Archive, n: int, batch: int) -> dict[str, int]:
    conn, counts, now, pending = archive.records_db, {}, utc_now(), []
    sql: dict[str, str] = {}

    def flush() -> None:
        with transaction(conn):
            for table, row in pending:
                conn.execute(sql[table], list(row.values()))
        pending.clear()

    for seq, (table, fields) in enumerate(gen_data.generate(n), 1):
        record = BY_TABLE[table](**fields)
        derived.prepare(record)
        record.created_at = record.updated_at = now
        record.hlc = f"{seq:013d}-0000-{'b' * 32}"
        row = to_row(record)
        if table not in sql:
            sql[table] = (
                f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})"
            )
        pending.append((table, row))
        counts[table] = counts.get(table, 0) + 1
        if len(pending) >= batch:
            flush()
    if pending:
        flush()
    return counts


def used_bytes(conn) -> int:
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    free = conn.execute("PRAGMA freelist_count").fetchone()[0]
    return (int(pages) - int(free)) * int(conn.execute("PRAGMA page_size").fetchone()[0])


def _substrings(word: str, rng: random.Random) -> str:
    if len(word) <= 2:
        return word
    size = rng.choice([2, 3, 3, 4])
    start = rng.randrange(0, max(1, len(word) - size + 1))
    return word[start : start + size]


def _variant(name: str, rng: random.Random) -> str:
    """Another spelling of a Latin name: q/k, kh/h, zh/j, a vowel dropped or changed."""
    swaps = [("Q", "K"), ("q", "k"), ("kh", "h"), ("Zh", "J"), ("zh", "j"), ("y", "i")]
    for old, new in rng.sample(swaps, k=3):
        name = name.replace(old, new)
    words = name.split()
    if rng.random() < 0.5 and len(words[0]) > 4:  # "Tilek" -> "Tlek"
        words[0] = words[0][0] + words[0][2:]
    return " ".join(words)


def queries(rng: random.Random) -> list[tuple[str, str]]:
    """200 (kind, text): single words, names in other spellings, CJK substrings, phrases."""
    out: list[tuple[str, str]] = []
    alphabetic = gen_data.LATIN + gen_data.CYRILLIC + gen_data.ARABIC
    for _ in range(50):
        out.append(("word", rng.choice([w for w in alphabetic if len(w) > 3])))
    for _ in range(60):
        given, family = rng.choice(gen_data.GIVEN), rng.choice(gen_data.FAMILY)
        form = rng.choice(["latin-variant", "cyrillic", "arabic", "latin-uly"])
        if form == "latin-variant":
            text = _variant(f"{given[0]} {family[0]}", rng)
        elif form == "cyrillic":
            text = f"{given[1]} {family[1]}"
        elif form == "arabic":
            text = f"{given[2]} {family[2]}"
        else:
            text = f"{given[0]} {family[0]}uly"
        out.append(("name", text))
    for _ in range(50):
        out.append(("chinese", _substrings(rng.choice(gen_data.CHINESE), rng)))
    for _ in range(40):
        words = rng.choice([gen_data.LATIN, gen_data.CYRILLIC, gen_data.ARABIC])
        start = rng.randrange(len(words) - 3)
        out.append(("phrase", '"' + " ".join(words[start : start + rng.choice([2, 3])]) + '"'))
    rng.shuffle(out)
    return out


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def run_queries(archive: Archive, items: list[tuple[str, str]]) -> tuple[list[float], dict]:
    times: list[float] = []
    by_kind: dict[str, list[float]] = {}
    hits: dict[str, list[int]] = {}
    for kind, text in items:
        start = time.perf_counter()
        results = search.search(archive, search.SearchQuery(text, limit=20))
        ms = (time.perf_counter() - start) * 1000
        times.append(ms)
        by_kind.setdefault(kind, []).append(ms)
        hits.setdefault(kind, []).append(len(results))
    return times, {"by_kind": by_kind, "hits": hits}


def write_cost(archive: Archive, rounds: int = 5, count: int = 40) -> tuple[float, float]:
    """ms per testimony insert through the Repository, with and without the index hook
    (alternating rounds, so drift in machine load hits both alike)."""
    witness = archive.records_db.execute("SELECT id FROM person LIMIT 1").fetchone()[0]
    text = " ".join(gen_data.LATIN[:200]) + " " + "".join(gen_data.CHINESE[:40])
    real = fts.on_record_written
    spent = {True: 0.0, False: 0.0}
    for _ in range(rounds):
        for hooked in (True, False):
            fts.on_record_written = real if hooked else (lambda *a, **k: None)  # what-if
            try:
                start = time.perf_counter()
                for _ in range(count):
                    testimonies.add_testimony(archive, witness, text, consent=testimonies.Consent())
                spent[hooked] += time.perf_counter() - start
            finally:
                fts.on_record_written = real
    per = rounds * count
    return spent[True] * 1000 / per, spent[False] * 1000 / per


def machine() -> str:
    cpu = "unknown"
    if Path("/proc/cpuinfo").exists():
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = ""
    if Path("/proc/meminfo").exists():
        mem = f", {int(Path('/proc/meminfo').read_text().split()[1]) / 1024 / 1024:.1f} GiB RAM"
    conn = sqlcipher3.connect(":memory:")
    cipher = conn.execute("PRAGMA cipher_version").fetchone()[0]
    conn.close()
    return (
        f"{cpu}, {os.cpu_count()} CPUs{mem}; Python {platform.python_version()}; "
        f"SQLCipher {cipher} (SQLite {sqlcipher3.sqlite_version}); {platform.platform()}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--testimonies", type=int, default=100_000)
    parser.add_argument("--workdir", default=None)
    parser.add_argument("--results", default=None, help="write a Markdown report here")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="tumar-bench-search-", dir=args.workdir))
    started = time.perf_counter()
    try:
        archive, _code = Archive.create(work / "bench.tumar", PASSPHRASE, kdf.fast_params())
        with archive:
            log(f"loading {args.testimonies} testimonies (plain INSERTs of repository rows)")
            counts = load(archive, args.testimonies)
            conn = archive.records_db
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            data_bytes = used_bytes(conn)
            text_bytes = conn.execute(
                "SELECT sum(length(CAST(text AS BLOB))) FROM testimony"
            ).fetchone()[0]
            log("reindex (timed)")
            marks: dict[str, float] = {}

            def progress(done: int, total: int, text: str) -> None:
                marks.setdefault(text, time.perf_counter())

            start = time.perf_counter()
            docs = search.reindex(archive, progress)
            build_s = time.perf_counter() - start
            docs_s = marks.get("Building the search index", start) - start
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            index_bytes = used_bytes(conn) - data_bytes
            content = conn.execute(
                "SELECT sum(length(CAST(title || body || keys || nkeys || cjk AS BLOB)))"
                " FROM search_doc"
            ).fetchone()[0]
        # a fresh connection: the first pass reads and decrypts pages from scratch
        with Archive.open(work / "bench.tumar", PASSPHRASE) as archive:
            items = queries(random.Random(gen_data.SEED))
            log("queries: first pass on a new connection (cold page cache)")
            cold, _ = run_queries(archive, items)
            log("queries: second pass (warm page cache)")
            warm, detail = run_queries(archive, items)
            log("per-write index cost")
            with_index, without = write_cost(archive)
            load_avg = os.getloadavg()[0]
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    total_min = (time.perf_counter() - started) / 60
    lines = report(
        args.testimonies, counts, data_bytes, text_bytes, docs, (build_s, docs_s), index_bytes,
        content,
        cold, warm, detail, with_index, without, total_min, load_avg,
    )  # fmt: skip
    print("\n".join(lines))
    if args.results:
        Path(args.results).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


NOTES = [
    "",
    "## What the figures mean",
    "",
    "- Latency is the whole service call (`tumar.app.search.search`): query parsing, the",
    "  person-name widening, ranking, reading one page of text, snippets and titles.",
    "- Queries: 50 single words (Latin, Cyrillic, Arabic script), 60 names in another",
    "  spelling or script than the one stored (`Kairat Baimuhan`, `Қайрат Баймұхан`,",
    "  `Tilek Tabarakuly`…), 50 Chinese substrings of 1-4 characters, 40 quoted phrases.",
    "  The generator's vocabulary is small, so most words occur in most testimonies: a",
    "  worst case for ranking. At most `RANK_CAP` (2000) matches are ranked — the most",
    "  recent; `tumar search` says so when a query matched more.",
    "- Index size: pages in use after `reindex` minus pages in use before (no VACUUM).",
    "  It includes `search_doc`, which holds the indexed text once for both FTS5 tables",
    "  (external content), plus the unicode61 and trigram indexes.",
    "- The trigram index covers only CJK runs. Indexing all text as trigrams was measured",
    "  once with the same generator (10k testimonies, 31 MB of text): 50 MB of trigram",
    "  index instead of 7 MB, i.e. ~1.6x the text size, for infix search that alphabetic",
    "  scripts do not need (they are matched by word prefix and folded spelling).",
    "- Write cost: `add_testimony` through the Repository on the indexed archive,",
    "  alternating rounds with the index hook and with it replaced by a no-op (what-if).",
]


def report(
    n, counts, data_bytes, text_bytes, docs, build, index_bytes, content, cold, warm,
    detail, with_index, without, total_min, load,
) -> list[str]:  # fmt: skip
    mb = 1024 * 1024
    build_s, docs_s = build
    ok = "met" if pct(warm, 0.95) < GOAL_P95_MS else "MISSED"
    lines = [
        "# Search benchmark results",
        "",
        f"- Date: {dt.date.today().isoformat()}",
        f"- Machine: {machine()}",
        f"- Data: {n:,} testimonies from bench/gen_data.py, {sum(counts.values()):,} records "
        f"({', '.join(f'{k} {v:,}' for k, v in counts.items())}); testimony text "
        f"{text_bytes / mb:.0f} MiB",
        f"- Whole run: {total_min:.1f} min (`python -m bench.bench_search --testimonies {n}`);"
        f" 1-minute load average at the end: {load:.2f}",
        "",
        "## Index",
        "",
        "| figure | value |",
        "| --- | --- |",
        f"| documents indexed | {docs:,} |",
        f"| build time (`tumar reindex`) | {build_s:.1f} s |",
        f"| of which building documents in Python (folding words) | {docs_s:.1f} s |",
        f"| data size before the index (used pages) | {data_bytes / mb:.0f} MiB |",
        f"| index size (search_doc + both FTS5 tables) | {index_bytes / mb:.0f} MiB |",
        f"| index size / data size | {index_bytes / data_bytes:.2f} |",
        f"| of which document text (search_doc) | ~{content / mb:.0f} MiB |",
        f"| testimony insert through Repository, with index hook | {with_index:.2f} ms |",
        f"| same, index hook disabled (what-if) | {without:.2f} ms |",
        "",
        f"## Query latency ({len(warm)} queries through `tumar.app.search.search`, limit 20)",
        "",
        f"Goal: p95 < {GOAL_P95_MS:.0f} ms (warm) — **{ok}**.",
        "",
        "| queries | n | p50 ms | p95 ms | max ms | median hits |",
        "| --- | --- | --- | --- | --- | --- |",
        f"| all, warm | {len(warm)} | {pct(warm, 0.5):.1f} | {pct(warm, 0.95):.1f} | "
        f"{max(warm):.1f} | |",
        f"| all, cold (first pass, new connection) | {len(cold)} | {pct(cold, 0.5):.1f} | "
        f"{pct(cold, 0.95):.1f} | {max(cold):.1f} | |",
    ]
    for kind, times in sorted(detail["by_kind"].items()):
        hits = statistics.median(detail["hits"][kind])
        lines.append(
            f"| {kind}, warm | {len(times)} | {pct(times, 0.5):.1f} | {pct(times, 0.95):.1f} | "
            f"{max(times):.1f} | {hits:g} |"
        )
    return lines + NOTES


if __name__ == "__main__":
    sys.exit(main())
