"""The restore's helper process (storage/restore_helper.py): its death is one error and no
archive, and a restore works from any script (multiprocessing must not re-run __main__).
A killed restore taking its helper with it: tests/app/sync/test_restore_crash.py."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tumar.app.sync import bundle_format, bundle_io, export, restore, team
from tumar.app.sync.errors import BundleError
from tumar.app.verify import verify_archive
from tumar.storage import restore_helper
from tumar.storage.archive import Archive
from tumar.storage.records import Person
from tumar.storage.restore_helper import HelperStopped, RestoreHelper

from .support import PASS, new_archive, records

# A restore from a plain script, with no `if __name__ == "__main__"` guard; the identity
# and the new passphrase come on stdin.
RESTORE_SCRIPT = textwrap.dedent(
    """
    import os, sys
    os.environ["TUMAR_KDF_PROFILE"] = "fast"
    from pathlib import Path
    from tumar.app.sync import bundle_io, restore
    identity = sys.stdin.readline().strip()
    passphrase = sys.stdin.readline().rstrip("\\n")
    secret = bundle_io.Secret(identities=(identity,))
    archive, _code, applied = restore.restore(
        Path(sys.argv[1]), Path(sys.argv[2]), passphrase, secret
    )
    archive.close()
    print("restored", applied.records.touched)
    """
)


@pytest.fixture
def many_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    source, _ = new_archive(tmp_path / "src.tumar")
    for i in range(60):
        source.repo.insert(Person(display_name=f"Witness {i}", notes="held " * 20))
    monkeypatch.setattr(bundle_format, "PART_BYTES", 2000)  # many records parts
    bundle = tmp_path / "b.tumar-bundle"
    export.write_bundle(source, bundle)
    monkeypatch.undo()
    yield source, bundle, bundle_io.Secret(identities=(team.keys(source).age_identity,))
    source.close()


def test_a_dead_helper_is_one_error_and_leaves_no_folder(
    many_parts, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _source, bundle, secret = many_parts
    prepare, calls = RestoreHelper.prepare, []

    def dies_on_the_third_part(self: RestoreHelper, lines):
        calls.append(1)
        if len(calls) == 3:
            os.kill(self.pid, signal.SIGKILL)  # as the system's out-of-memory killer would
        return prepare(self, lines)

    monkeypatch.setattr(RestoreHelper, "prepare", dies_on_the_third_part)
    target = tmp_path / "new.tumar"
    with pytest.raises(HelperStopped, match="helper process stopped.*nothing was restored"):
        restore.restore(bundle, target, PASS, secret)
    assert len(calls) >= 3
    assert not target.exists()


def test_restore_runs_from_a_script_without_a_main_guard(many_parts, tmp_path: Path) -> None:
    """ "spawn" would run this script again in the helper (and so restore twice, or fail at
    once); restore_helper starts it with an empty __main__."""
    source, bundle, secret = many_parts
    script = tmp_path / "unguarded.py"
    script.write_text(RESTORE_SCRIPT, encoding="utf-8")
    target = tmp_path / "new.tumar"
    done = subprocess.run(
        [sys.executable, str(script), str(bundle), str(target)],
        input=f"{secret.identities[0]}\n{PASS}\n", capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["restored", "60"]
    restored, _code, _ = restore.restore(bundle, tmp_path / "again.tumar", PASS, secret)
    with restored:
        assert records(restored) == records(source)


def test_the_helper_ends_when_closed(tmp_path: Path) -> None:
    from tumar.storage.bulk import Chain

    helper = RestoreHelper(
        Chain("2026-11-27T00:00:00.000+00:00", "d" * 32, "import", 0, ""), "d" * 32
    )
    pid = helper.pid
    assert pid != os.getpid()
    helper.close()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    assert restore_helper._state is None  # the chain lived in the helper only


def test_a_restore_where_no_process_can_be_started(many_parts, tmp_path: Path) -> None:
    """multiprocessing needs a writable /dev/shm for its locks; a snap's confinement or a
    locked-down container denies it. The restore then runs its helper's work on a thread:
    it used to fail there, saying the bundle was damaged. Here /dev/shm is a read-only
    tmpfs in a mount namespace of the child's own (root and util-linux's unshare, as on
    CI; skipped elsewhere)."""
    import shutil

    source, bundle, secret = many_parts
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        pytest.skip("needs root and unshare for a private read-only /dev/shm")
    script = tmp_path / "restore_here.py"
    script.write_text(RESTORE_SCRIPT, encoding="utf-8")
    target = tmp_path / "new.tumar"
    # a new tmpfs in a private namespace: the host's /dev/shm is not touched
    shell = 'mount -t tmpfs -o ro,size=16k tmpfs /dev/shm && exec "$@"'
    done = subprocess.run(
        ["unshare", "-m", "--propagation", "private", "sh", "-c", shell, "sh",
         sys.executable, str(script), str(bundle), str(target)],
        input=f"{secret.identities[0]}\n{PASS}\n", capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    if done.returncode != 0 and "mount" in done.stderr and "tumar" not in done.stderr:
        pytest.skip(f"cannot mount in a namespace here: {done.stderr.strip()}")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["restored", "60"]
    with Archive.open(target, PASS) as restored:
        assert records(restored) == records(source)
        assert verify_archive(restored).ok  # this replica's chain vouches for every row


def test_an_error_of_the_work_is_not_called_a_damaged_bundle(many_parts) -> None:
    """Only failures to read the bundle say it is damaged; a full disk under the restore
    is a full disk."""
    import errno

    _source, bundle, secret = many_parts
    with pytest.raises(OSError) as caught, bundle_io.reading(bundle, secret) as plain:
        plain.read(100)
        raise OSError(errno.ENOSPC, "No space left on device")
    assert not isinstance(caught.value, BundleError) and caught.value.errno == errno.ENOSPC
