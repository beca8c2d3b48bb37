"""An interrupted restore never leaves an archive that opens with records missing, and a
finished one is durable (WAL, synchronous=FULL, its files hold everything) before it returns.

The restore loads the new archive with relaxed durability (storage/bulk_load.py); these
tests kill a real restoring process with SIGKILL at two points: while the records are
being loaded, and after they are committed but before the archive was made durable.
"""

from __future__ import annotations

import os
import select
import shutil
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

from tumar.app.sync import bundle_format, bundle_io, export, restore, team
from tumar.app.sync.errors import BundleError
from tumar.storage.archive import Archive
from tumar.storage.bulk import VersionRejected
from tumar.storage.errors import NotAnArchive
from tumar.storage.records import Person

from .support import PASS, lying_bundle, new_archive, records, replicas

# Runs restore in a child process and stops it (blocked on stdin) at the point named in
# argv[3], after telling the parent on stdout. The identity and passphrase come on stdin.
CHILD = textwrap.dedent(
    """
    import os, sys
    os.environ["TUMAR_KDF_PROFILE"] = "fast"
    from pathlib import Path
    from tumar.app.sync import bundle_io, restore
    from tumar.storage import bulk_load

    bundle, target, where = sys.argv[1], sys.argv[2], sys.argv[3]
    identity = sys.stdin.readline().strip()
    passphrase = sys.stdin.readline().rstrip("\\n")

    def stop(*_args):
        print("stopped", flush=True)
        sys.stdin.readline()  # the parent kills us while we wait here

    def progress(done, total, text):
        if where == "loading" and done == total - 1:
            stop()

    if where == "committed":
        original = bulk_load.make_durable
        def make_durable(conn, path):
            stop()
            original(conn, path)
        bulk_load.make_durable = make_durable
    secret = bundle_io.Secret(identities=(identity,))
    restore.restore(Path(bundle), Path(target), passphrase, secret, progress=progress)
    print("finished", flush=True)
    """
)


def helper_processes(parent: int) -> list[int]:
    """The restore helpers (storage/restore_helper.py) `parent` has started."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except (OSError, ValueError):
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == parent and b"spawn_main" in cmdline:
            found.append(int(entry.name))
    return found


def ends_within(pid: int, seconds: float) -> bool:
    """Whether process `pid` (not our child) has ended or ends within `seconds`."""
    try:
        fd = os.pidfd_open(pid)
    except ProcessLookupError:
        return True
    try:
        return bool(select.select([fd], [], [], seconds)[0])
    finally:
        os.close(fd)


def _backup(tmp: Path) -> tuple[list[Archive], tuple[Path, str]]:
    source, _ = new_archive(tmp / "src.tumar")
    for i in range(30):
        source.repo.insert(Person(display_name=f"Witness {i}", notes="held " * 20))
    bundle = tmp / "b.tumar-bundle"
    export.write_bundle(source, bundle)
    return [source], (bundle, team.keys(source).age_identity)


@pytest.fixture
def backup(tmp_path: Path) -> Iterator[tuple[Path, str, Archive]]:
    """An archive, its full backup and the identity that opens it: this test's own copies
    of ones made once per session (support.replicas)."""
    made = replicas("restore-crash-backup", _backup)
    [source] = made.open_copies(tmp_path)
    template_bundle, identity = made.extra
    bundle = Path(shutil.copyfile(template_bundle, tmp_path / "b.tumar-bundle"))
    yield bundle, identity, source
    source.close()


@pytest.mark.parametrize("where", ["loading", "committed"])
def test_killed_restore_leaves_no_archive(
    backup: tuple[Path, str, Archive], tmp_path: Path, where: str
) -> None:
    bundle, identity, _source = backup
    target = tmp_path / "new.tumar"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(bundle), str(target), where],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert child.stdin is not None and child.stdout is not None
        child.stdin.write(f"{identity}\n{PASS}\n")
        child.stdin.flush()
        line = child.stdout.readline()
        assert line.strip() == "stopped", (line, child.stderr.read() if child.stderr else "")
        assert (target / "archive.db").exists()  # the load had started writing
        helpers = helper_processes(child.pid)
        assert len(helpers) == (1 if where == "loading" else 0)  # ended with the load
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=60) == -signal.SIGKILL
        for helper in helpers:  # it holds decrypted records: it must not outlive the restore
            assert ends_within(helper, 30), "the restore's helper outlived it"
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert not (target / "tumar.json").exists()
    with pytest.raises(NotAnArchive):
        Archive.open(target, PASS)


def test_restored_archive_is_durable_when_restore_returns(
    backup: tuple[Path, str, Archive], tmp_path: Path
) -> None:
    bundle, identity, source = backup
    target = tmp_path / "new.tumar"
    secret = bundle_io.Secret(identities=(identity,))
    restored, _code, _ = restore.restore(bundle, target, PASS, secret)
    try:
        conn = restored.records_db
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        # what is on disk now, while the restored archive is still open (as after a power
        # cut right after restore reported success), is the whole archive
        copy = tmp_path / "copy.tumar"
        shutil.copytree(target, copy)
        with Archive.open(copy, PASS) as reopened:
            assert records(reopened) == records(source)
    finally:
        restored.close()


@pytest.mark.parametrize(
    "lie",
    [
        "malformed",
        "stale current",
        "list value",
        "object value",
        "NaN value",
        "lone surrogate",
        "huge integer",
    ],  # fmt: skip
)
def test_refused_versions_leave_no_folder(
    backup: tuple[Path, str, Archive], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lie: str
) -> None:
    """A version refused while the parts are prepared on the helper thread (after several
    parts were written) fails the restore with its one-line error and deletes the folder."""
    _bundle, identity, source = backup
    monkeypatch.setattr(bundle_format, "PART_BYTES", 2000)  # many parts

    def lying(items: list[dict]) -> None:
        last = items[-1]
        if lie == "malformed":
            del last["row"]["notes"]
        elif lie == "list value":  # SQLite could store it as JSON text: refused instead
            last["row"]["notes"] = ["held", "released"]
        elif lie == "object value":
            last["row"]["notes"] = {"held": True}
        elif lie == "NaN value":  # not JSON; SQLite would have stored NULL
            last["row"]["notes"] = float("nan")
        elif lie == "huge integer":  # SQLite would have stored an inexact REAL
            last["row"]["notes"] = 2**70
        elif lie == "lone surrogate":  # valid JSON, but not text (see below)
            last["row"]["notes"] = "held SURROGATE released"
        else:  # a kept version newer than the current row
            items.insert(0, {**last, "row": {**last["row"], "hlc": "9" + last["row"]["hlc"][1:]},
                             "current": False})  # fmt: skip

    # our writer cannot encode a lone surrogate; a hostile one writes its escape
    dumps = bundle_format.json.dumps
    fake_json = SimpleNamespace(
        dumps=lambda *a, **k: dumps(*a, **k).replace("SURROGATE", "\\ud800"),
        loads=bundle_format.json.loads,
    )
    monkeypatch.setattr(bundle_format, "json", fake_json)
    bundle = lying_bundle(source, tmp_path / "lie.tumar-bundle", lying)
    monkeypatch.undo()
    target = tmp_path / "new.tumar"
    secret = bundle_io.Secret(identities=(identity,))
    if lie in ("NaN value", "lone surrogate"):  # not JSON, not text: the part is unreadable
        with pytest.raises(BundleError, match="unreadable part"):
            restore.restore(bundle, target, PASS, secret)
    else:
        with pytest.raises(VersionRejected) as refused:
            restore.restore(bundle, target, PASS, secret)
        assert "refused" in str(refused.value) or "does not fit" in str(refused.value)
    assert not target.exists()


# `tumar restore` (its real main()) stopped while the search index is built, when the
# helper process is alive and idle, until the parent sends Ctrl-C to the whole group.
CTRL_C_CHILD = textwrap.dedent(
    """
    import os, sys
    os.environ["TUMAR_KDF_PROFILE"] = "fast"
    from tumar.app.cli.main import main
    from tumar.storage import fts_bulk

    original = fts_bulk.build_all
    def build_all(*args, **kwargs):
        print("stopped", flush=True)
        sys.stdin.readline()  # Ctrl-C arrives while we wait here
        return original(*args, **kwargs)
    fts_bulk.build_all = build_all
    sys.exit(main(sys.argv[1:]))
    """
)


def test_ctrl_c_during_a_restore_is_one_line(
    backup: tuple[Path, str, Archive], tmp_path: Path
) -> None:
    """Ctrl-C reaches every process of the terminal's group: the helper printed
    "Process SpawnProcess-1: Traceback …" under the restore's own one-line message."""
    bundle, identity, _source = backup
    identity_file = tmp_path / "identity.txt"
    identity_file.write_text(identity + "\n", encoding="utf-8")
    target = tmp_path / "new.tumar"
    child = subprocess.Popen(
        [sys.executable, "-c", CTRL_C_CHILD, "restore", str(bundle), str(target),
         "--identity", str(identity_file)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "TUMAR_PASSPHRASE": PASS}, start_new_session=True,
    )  # fmt: skip
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip() == "stopped", (line, child.stderr.read() if child.stderr else "")
        assert len(helper_processes(child.pid)) == 1
        os.killpg(child.pid, signal.SIGINT)  # what the terminal does on Ctrl-C
        _out, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == 130
    assert err.strip().splitlines() == [
        "tumar: interrupted; the last unfinished change was not saved"
    ], err
    assert not target.exists()
