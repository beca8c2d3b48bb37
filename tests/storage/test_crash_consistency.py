"""SIGKILL a writer mid-stream, again and again, on one archive: nothing reported is lost.

A child process (crash_writer.py) commits a mix of records (people with names, cases,
events, long testimonies, updates, tombstones) and prints each id right after COMMIT.
The parent kills it with SIGKILL at a random moment (after a random number of commits,
a random short time into writing, or during start-up), then reopens the archive and
checks that both databases pass SQLite's integrity check, every reported id is there
(deleted ones as tombstones, every reported update as a kept version) and the audit
chain verifies. Set TUMAR_CRASH_SEED to replay a failing run's choices (the timing of
a kill cannot be replayed exactly).
"""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from tumar.app.verify import verify_archive
from tumar.storage.archive import Archive
from tumar.storage.errors import RecordNotFound
from tumar.storage.kdf import fast_params
from tumar.storage.records import BY_TABLE

WRITER = Path(__file__).with_name("crash_writer.py")
ROUNDS = 24
TIMEOUT_S = 30.0  # only ever reached when something is broken
MAX_COMMITS = 60
MAX_WRITE_S = 0.3
ARCHIVE_FILES = {"tumar.json", "archive.db", "media.db"}


class LineReader:
    """Complete lines from a child's stdout, read with select() and a deadline."""

    def __init__(self, proc: subprocess.Popen) -> None:
        self.fd = proc.stdout.fileno()
        self.buffer = b""
        self.lines: list[str] = []
        self.eof = False

    def _read_once(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not ready:
            return False
        chunk = os.read(self.fd, 1 << 16)
        if not chunk:
            self.eof = True
            return False
        self.buffer += chunk
        *complete, self.buffer = self.buffer.split(b"\n")
        self.lines += [line.decode("utf-8") for line in complete]
        return True

    def read_until(self, deadline: float, min_lines: int | None = None) -> None:
        """Stop at the deadline, at EOF, or once `min_lines` lines have arrived."""
        while not self.eof and (min_lines is None or len(self.lines) < min_lines):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            self._read_once(remaining)

    def drain(self, timeout: float = 10.0) -> None:
        """Everything up to EOF; a trailing partial line (killed mid-print) is dropped."""
        self.read_until(time.monotonic() + timeout)


def kill_plan(rng: random.Random) -> tuple[str, float]:
    """When to kill: after N reported commits, a random time into writing, or at start-up
    (while the writer may still be unlocking the archive)."""
    mode = rng.choices(("commits", "time", "startup"), weights=(5, 4, 1))[0]
    if mode == "commits":
        return mode, rng.randint(1, MAX_COMMITS)
    return mode, rng.uniform(0.0, MAX_WRITE_S)


def run_round(folder: Path, passphrase: str, rng: random.Random, log: Path) -> dict:
    """One writer lifetime; returns what it reported and how it ended."""
    env = {**os.environ, "TUMAR_PASSPHRASE": passphrase, "PYTHONUNBUFFERED": "1"}
    child_seed = rng.randrange(2**32)
    mode, amount = kill_plan(rng)
    with open(log, "wb") as err:
        proc = subprocess.Popen(
            [sys.executable, str(WRITER), str(folder), str(child_seed)],
            stdout=subprocess.PIPE,
            stderr=err,
            env=env,
        )
        try:
            reader = LineReader(proc)
            start = time.monotonic()
            if mode == "startup":
                reader.read_until(start + amount, min_lines=2)
            elif mode == "commits":  # READY + N lines
                reader.read_until(start + TIMEOUT_S, min_lines=1 + int(amount))
            else:  # from the first commit on, for a random time
                reader.read_until(start + TIMEOUT_S, min_lines=2)
                reader.read_until(time.monotonic() + amount)
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=TIMEOUT_S)
            wal = folder / "archive.db-wal"
            wal_left = wal.exists() and wal.stat().st_size > 0
            reader.drain()
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            proc.stdout.close()
    ready = reader.lines[:1] == ["READY"]
    return {
        "ready": ready or mode == "startup",
        "returncode": proc.returncode,
        "lines": reader.lines[1:] if ready else reader.lines,
        "wal_left": wal_left,
        "plan": f"{mode} {amount:.3g}, child seed {child_seed}",
        "stderr": log.read_text(errors="replace")[-2000:],
    }


def check_archive(folder: Path, passphrase: str, reported: dict, where: str) -> int:
    """Reopen after a crash and check everything the writers ever reported."""
    with Archive.open(folder, passphrase) as archive:
        for name, conn in (("archive.db", archive.records_db), ("media.db", archive.media_db)):
            result = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            assert result == ["ok"], f"{where}: {name} integrity_check: {result}"
        for (table, record_id), actions in reported.items():
            cls = BY_TABLE[table]
            try:
                record = archive.repo.get(cls, record_id, include_deleted=True)
            except RecordNotFound:
                raise AssertionError(f"{where}: committed {table} {record_id} is gone") from None
            if actions["delete"]:  # (a delete killed before its print may still be there)
                assert record.deleted, f"{where}: deleted {table} {record_id} is back"
            kept = len(archive.repo.history(cls, record_id))
            changes = actions["update"] + actions["delete"]
            assert kept >= changes, (
                f"{where}: {table} {record_id} reported {changes} changes, {kept} kept versions"
            )
        report = verify_archive(archive)
        assert report.ok, f"{where}: verify failed: {report.problems[:5]}"
        entries = report.audit_entries
    leftovers = {p.name for p in folder.iterdir()}
    assert leftovers == ARCHIVE_FILES, f"{where}: after a clean close the folder has {leftovers}"
    return entries


def test_sigkill_mid_write_loses_nothing_reported(tmp_path: Path, passphrase: str) -> None:
    seed = int(os.environ.get("TUMAR_CRASH_SEED") or random.randrange(2**32))
    rng = random.Random(seed)
    folder = tmp_path / "crash.tumar"
    Archive.create(folder, passphrase, fast_params())[0].close()

    reported: dict[tuple[str, str], Counter] = {}
    total_lines = rounds_with_wal = last_entries = 0
    for n in range(1, ROUNDS + 1):
        where = f"[TUMAR_CRASH_SEED={seed} round {n}/{ROUNDS}]"
        try:
            result = run_round(folder, passphrase, rng, tmp_path / f"writer-{n}.log")
            where = f"[TUMAR_CRASH_SEED={seed} round {n}/{ROUNDS}: {result['plan']}]"
            assert result["ready"], f"{where} writer never got ready:\n{result['stderr']}"
            assert result["returncode"] == -signal.SIGKILL, (
                f"{where} writer ended by itself ({result['returncode']}):\n{result['stderr']}"
            )
            for line in result["lines"]:
                action, table, record_id = line.split()
                assert action in ("create", "update", "delete") and table in BY_TABLE, line
                reported.setdefault((table, record_id), Counter())[action] += 1
            total_lines += len(result["lines"])
            rounds_with_wal += result["wal_left"]
            entries = check_archive(folder, passphrase, reported, where)
            # every reported write appended one audit entry, and the chain only grows
            assert entries >= last_entries + len(result["lines"]), where
            last_entries = entries
        except Exception as exc:  # e.g. the archive no longer opens: still say which seed
            exc.add_note(where)
            raise

    # the test is only worth something if writers really died in the middle of work
    assert total_lines >= 5 * ROUNDS, f"seed {seed}: only {total_lines} writes in all"
    assert rounds_with_wal >= ROUNDS // 4, f"seed {seed}: WAL left behind in {rounds_with_wal}"
