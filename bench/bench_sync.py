"""Backup, restore and merge benchmark (issue 12); prints ratios and goals, asserts nothing.

    python -m bench.bench_sync                        # 100,000 testimonies + 1 GiB media
    python -m bench.bench_sync --testimonies 5000 --media-mb 256   # quicker
    python -m bench.bench_sync --source /var/tmp/src100k.tumar --steps restore
        # build the source archive once (kept at that path), then reuse it on later runs

* backup: `tumar backup` of the whole archive vs stock `age -r` encrypting the same
  plaintext bytes (the bundle's tar, decrypted to a scratch file) in the same run; peak RSS
  of a fresh process doing only the backup (goal < 150 MB with the 64 MiB KDF profile).
* restore: the full backup into a new archive, records applied per second (goal ≥ 15,000),
  and the same rows and index loaded by plain sqlite3 on one thread (bench/restore_floor.py:
  what any restore on top of SQLite must do, on this machine, in the same run).
* merge: a sync bundle carrying 10,000 new records into a replica (goal < 5 s), and the
  same bundle again (a no-op, goal < 0.5 s).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import restore_floor
from tumar.app.sync import bundle_io, export, merge, restore, team
from tumar.storage import kdf, sync_store
from tumar.storage.archive import Archive
from tumar.storage.connection import transaction
from tumar.storage.media_store import MediaStore
from tumar.storage.records import BY_TABLE, Media, Person

PASS = "bench passphrase 1"


def log(text: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {text}", flush=True)


def build(folder: Path, testimonies: int, media_mb: int) -> None:
    # imported here: the word pools would inflate the backup child's peak RSS
    from bench.gen_data import batches, generate

    archive, _ = Archive.create(folder, PASS, kdf.fast_params())
    with archive:
        for batch in batches(generate(testimonies), 2000):
            with transaction(archive.records_db):
                for table, fields in batch:
                    archive.repo.insert(BY_TABLE[table](**fields))
        store = MediaStore(archive.media_db)
        block = os.urandom(1 << 20)
        for i in range(max(1, media_mb // 16)):  # 16 MiB files, all different
            data = bytearray(block * 16)
            data[:8] = i.to_bytes(8, "big")
            blob = store.write_bytes(bytes(data))
            archive.repo.insert(
                Media(
                    sha256=blob.sha256, size=blob.size, mime="video/mp4", kind="video",
                    original_name=f"clip{i}.mp4", imported_at="2026-01-01T00:00:00+00:00",
                    imported_by=archive.replica_id,
                )
            )  # fmt: skip


def child_backup(folder: Path, out: Path) -> None:
    with Archive.open(folder, PASS) as archive:
        start, cpu = time.perf_counter(), time.process_time()
        export.write_bundle(archive, out)
        spent, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"{spent:.3f} {peak_rss_mb():.1f} {cpu:.3f}")


def peak_rss_mb() -> float:
    """This process's own peak (VmHWM). Not getrusage's ru_maxrss: on Linux that survives
    fork + exec, so a child started by a parent that has just built 1 GiB of media reported
    the parent's size (the 179 MB first recorded for this benchmark)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def goal(ok: bool) -> str:
    return "ok" if ok else "MISS"


def _timed_backup(src: Path, bundle: Path) -> tuple[float, float, float]:
    """(wall s, peak RSS MB, CPU s) of one `tumar backup`'s work in a fresh process."""
    done = subprocess.run(
        [sys.executable, "-m", "bench.bench_sync", "--child-backup", str(src), str(bundle)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    wall, rss, cpu = map(float, done.stdout.split())
    return wall, rss, cpu


def _timed_age(plain: Path, out: Path, recipient: str) -> tuple[float, float]:
    """(wall s, CPU s) of stock `age -r` encrypting `plain` into `out`."""
    start, before = time.perf_counter(), _children_cpu()
    subprocess.run(["age", "-r", recipient, "-o", str(out), str(plain)], check=True)
    return time.perf_counter() - start, _children_cpu() - before


def backup_step(
    src: Path, bundle: Path, secret: bundle_io.Secret, recipient: str, rounds: int
) -> None:
    """`rounds` backups and `age` runs, alternating; the ratio of their medians. Both write
    a GiB through this VM's page cache, whose cost varies 2-5x from run to run (age alone:
    1.2-2.7 s wall, 0.4 s of it its own CPU), so one pair of runs says little."""
    log(f"backup (fresh process) and stock age, alternating, {rounds} rounds")
    plain, out = bundle.with_suffix(".tar"), bundle.with_suffix(".age")
    backups, ages = [], []
    for _ in range(rounds):
        # neither side pays for the other's (or an earlier run's) dirty pages: unsynced
        # GiBs made single runs take 3-10x longer (a backup once 28 s instead of 2.6 s)
        os.sync()
        backups.append(_timed_backup(src, bundle))
        if not plain.exists():  # the bundle's own bytes, for age
            with bundle_io.reading(bundle, secret) as reader, open(plain, "wb") as fh:
                shutil.copyfileobj(reader, fh, 1 << 20)
        os.sync()
        ages.append(_timed_age(plain, out, recipient))
        out.unlink()
    size_mb = plain.stat().st_size / 2**20
    plain.unlink()
    for (backup_s, _rss, backup_cpu), (age_s, age_cpu) in zip(backups, ages, strict=True):
        print(
            f"         backup {backup_s:6.2f} s (CPU {backup_cpu:5.2f} s)   "
            f"age {age_s:6.2f} s (CPU {age_cpu:5.2f} s)   ratio {age_s / backup_s:.2f}x"
        )
    backup_s = statistics.median(b[0] for b in backups)
    age_s = statistics.median(a[0] for a in ages)
    ratio = age_s / backup_s
    print(
        f"backup   {backup_s:7.2f} s  {size_mb / backup_s:7.1f} MiB/s   "
        f"age {age_s:6.2f} s  ratio {ratio:.2f}x (goal >= 0.8x: {goal(ratio >= 0.8)})"
        f"  plaintext {size_mb:.0f} MiB; medians of {rounds}"
    )
    rss_mb = max(b[1] for b in backups)
    print(f"         peak RSS {rss_mb:.0f} MB (goal < 150 MB: {goal(rss_mb < 150)})", flush=True)


def _children_cpu() -> float:
    """CPU seconds of ended child processes (the restore's helper is ended by then)."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def restore_step(
    bundle: Path, target: Path, secret: bundle_io.Secret, timed: bool
) -> tuple[Archive, float]:
    log("restore")
    start, cpu, main_cpu = time.perf_counter(), time.process_time(), time.thread_time()
    children = _children_cpu()
    restored, _code, applied = restore.restore(bundle, target, PASS, secret)
    restore_s = time.perf_counter() - start
    helper_cpu = _children_cpu() - children
    if timed:
        rate = applied.records.touched / restore_s
        print(
            f"restore  {restore_s:7.2f} s  {rate:9,.0f} versions/s "
            f"({applied.records.touched} versions, {applied.audit_entries} audit entries, "
            f"{len(applied.media_added)} media; goal >= 15,000/s: {goal(rate >= 15_000)})",
            flush=True,
        )
        # CPU seconds: this process (all threads), its main thread alone (it owns the
        # connection: the critical path on a quiet machine), and the restore's helper
        # process (storage/restore_helper.py: parsing, hashing, search documents)
        print(
            f"         CPU {time.process_time() - cpu:.1f} s, main thread "
            f"{time.thread_time() - main_cpu:.1f} s, helper process {helper_cpu:.1f} s, "
            f"load {os.getloadavg()[0]:.1f}",
            flush=True,
        )
    return restored, restore_s


def floor_step(restored: Path, restore_s: float, work: Path) -> None:
    """The same rows and index through plain sqlite3 on one thread (bench/restore_floor.py)."""
    log("restore floor: plain sqlite3")
    rows_s, index_s, commit_s = restore_floor.measure(restored, PASS, work)
    floor_s = rows_s + index_s + commit_s
    print(f"         {restore_floor.report(rows_s, index_s, commit_s)}")
    print(f"         restore / plain sqlite3 floor: {restore_s / floor_s:.2f}x", flush=True)


def merge_step(src: Path, restored: Archive, work: Path, count: int) -> None:
    log(f"merge of {count} new records")
    writer = work / "writer.tumar"  # a copy: the new records must not grow a kept --source
    shutil.copytree(src, writer)
    with Archive.open(writer, PASS) as archive:
        with transaction(archive.records_db):
            for i in range(count):
                archive.repo.insert(Person(display_name=f"Bench person {i}"))
        floors = export.Floors(
            sync_store.watermarks(restored.records_db),
            sync_store.chain_heads(restored.records_db, restored.replica_id),
        )
        team.add_member(archive, team.keys(restored).recipient, "bench")
        small = work / "sync.tumar-bundle"
        export.write_bundle(archive, small, floors=floors)
    start = time.perf_counter()
    first = merge.merge(restored, small)
    merge_s = time.perf_counter() - start
    start = time.perf_counter()
    second = merge.merge(restored, small)
    again_s = time.perf_counter() - start
    assert first.applied and first.applied.records.added >= count
    assert second.already_merged
    goal_s = 5 * count / 10_000
    print(
        f"merge    {merge_s:7.2f} s  for {count} records "
        f"(goal < {goal_s:.1f} s pro rata: {goal(merge_s < goal_s)})"
    )
    print(f"again    {again_s:7.2f} s  no-op (goal < 0.5 s: {goal(again_s < 0.5)})", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--testimonies", type=int, default=100_000)
    parser.add_argument("--media-mb", type=int, default=1024)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--merge-records", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3, help="backup/age pairs to run")
    parser.add_argument(
        "--source", type=Path, help="source archive: built here if missing, kept afterwards"
    )
    parser.add_argument(
        "--steps", default="backup,restore,merge", help="comma-separated subset to run"
    )
    parser.add_argument("--child-backup", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_backup:
        child_backup(*args.child_backup)
        return 0
    steps = set(args.steps.split(","))
    os.environ["TUMAR_KDF_PROFILE"] = "fast"
    work = Path(tempfile.mkdtemp(prefix="tumar-bench-sync-", dir=args.workdir))
    try:
        src = args.source or work / "src.tumar"
        if not src.exists():
            log(f"building {args.testimonies} testimonies + {args.media_mb} MiB media")
            build(src, args.testimonies, args.media_mb)
            os.sync()  # the build's writeback must not slow the timed steps down
        with Archive.open(src, PASS) as archive:
            keys = team.keys(archive)
            records = sum(archive.repo.count().values())
            secret = bundle_io.Secret(identities=(keys.age_identity,))
            bundle = work / "full.tumar-bundle"
            if "backup" not in steps:
                export.write_bundle(archive, bundle)
        print(f"\n== Tumar sync benchmark: {src}, {records} records ==", flush=True)
        if "backup" in steps:
            backup_step(src, bundle, secret, keys.recipient, args.rounds)
        if steps & {"restore", "merge"}:
            target = work / "restored.tumar"
            restored, restore_s = restore_step(bundle, target, secret, "restore" in steps)
            with restored:
                if "merge" in steps:
                    merge_step(src, restored, work, args.merge_records)
            if "restore" in steps:
                floor_step(target, restore_s, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
