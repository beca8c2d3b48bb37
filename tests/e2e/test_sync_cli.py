"""The sync commands as a user runs them: team, backup with rotation, restore, sync, conflicts."""

from __future__ import annotations

import time
from pathlib import Path

import pyrage

from tests.templates import init_copy
from tumar.app.sync import bundle_io, conflicts, export, folder, restore, team
from tumar.app.verify import verify_archive
from tumar.storage.archive import Archive
from tumar.storage.hlc import Clock
from tumar.storage.kdf import fast_params
from tumar.storage.records import Case, Person, Testimony

from .cli import PASSPHRASE as PASS
from .cli import run_tumar


def _add_person(archive: Path, name: str) -> None:
    """Through the Python API: this test is about sync, not about how `person add` reads."""
    with Archive.open(archive, PASS) as opened:
        opened.repo.insert(Person(display_name=name))


def _init(path: Path) -> str:
    return init_copy(path, PASS)  # the recovery code `tumar init` printed


def test_team_commands_read_the_label_from_stdin(tmp_path: Path) -> None:
    archive = tmp_path / "a.tumar"
    _init(archive)
    key = run_tumar("team", "key", "-a", archive)
    assert key.code == 0 and key.out.startswith("age1")
    other = str(pyrage.x25519.Identity.generate().to_public())
    added = run_tumar("team", "add-member", other, "-a", archive, stdin="Aigerim's laptop\n")
    assert added.code == 0, added.err
    listed = run_tumar("team", "list", "-a", archive)
    assert "Aigerim's laptop" in listed.out and other in listed.out
    removed = run_tumar("team", "remove", other, "-a", archive)
    assert removed.code == 0 and "afterwards" not in removed.err
    bad = run_tumar("team", "add-member", "age1bogus", "-a", archive, stdin="x\n")
    assert bad.code != 0 and len(bad.err.strip().splitlines()) == 1


def test_backup_rotation_and_restore(tmp_path: Path) -> None:
    archive = tmp_path / "a.tumar"
    code = _init(archive)
    _add_person(archive, "Qaisha Aqan")
    backups = tmp_path / "backups"
    backups.mkdir()
    for _ in range(3):
        result = run_tumar("backup", backups, "--keep", "2", "-a", archive)
        assert result.code == 0, result.err
    names = sorted(p.name for p in backups.iterdir())
    assert len(names) <= 2 and all(n.startswith("tumar-backup-") for n in names)
    assert not any("Qaisha" in n for n in names)
    code_file = tmp_path / "code.txt"
    code_file.write_text(code + "\n")
    restored = run_tumar(
        "restore", backups / names[-1], tmp_path / "r.tumar", "--bundle-passphrase-file", code_file
    )
    assert restored.code == 0, restored.err
    with Archive.open(tmp_path / "r.tumar", PASS) as opened:
        assert [p.display_name for p in opened.repo.find(Person)] == ["Qaisha Aqan"]
    again = run_tumar(
        "restore", backups / names[-1], archive, "--bundle-passphrase-file", code_file
    )
    assert again.code != 0 and len(again.err.strip().splitlines()) == 1


def test_backup_makes_a_missing_backup_folder_but_not_a_missing_stick(tmp_path: Path) -> None:
    """README's `tumar backup /media/stick/backups --keep 5` on a fresh stick: the folder is
    made; a path whose parent is missing (stick not plugged in) is refused, nothing made."""
    archive = tmp_path / "a.tumar"
    _init(archive)
    backups = tmp_path / "stick" / "backups"
    missing = run_tumar("backup", backups, "--keep", "5", "-a", archive)
    assert missing.code != 0 and "stick" in missing.err
    assert len(missing.err.strip().splitlines()) == 1 and not backups.parent.exists()
    backups.parent.mkdir()
    made = run_tumar("backup", backups, "--keep", "5", "-a", archive)
    assert made.code == 0, made.err
    assert [p.name.startswith("tumar-backup-") for p in backups.iterdir()] == [True]
    slashed = run_tumar("backup", f"{tmp_path / 'other'}/", "-a", archive)
    assert slashed.code == 0 and len(list((tmp_path / "other").iterdir())) == 1
    plain = run_tumar("backup", tmp_path / "one.tumar-bundle", "-a", archive)
    assert plain.code == 0 and (tmp_path / "one.tumar-bundle").is_file()


def test_backup_rotation_also_clears_an_interrupted_backups_temp(tmp_path: Path) -> None:
    from tests.storage.test_atomic_streamed import _dead_pid

    archive = tmp_path / "a.tumar"
    _init(archive)
    with Archive.open(archive, PASS) as opened:
        short = opened.replica_id[:8]
    backups = tmp_path / "backups"
    backups.mkdir()
    stale = backups / f".tumar-backup-20260101-000000-{short}.tumar-bundle.tmp-{_dead_pid()}"
    foreign = backups / f".tumar-backup-20260101-000000-0badc0de.tumar-bundle.tmp-{_dead_pid()}"
    for path in (stale, foreign):
        path.write_bytes(b"age-encryption.org/v1 half a backup")
    result = run_tumar("backup", backups, "--keep", "2", "-a", archive)
    assert result.code == 0, result.err
    assert f"removed {stale.name}, left by an interrupted backup" in result.out
    assert not stale.exists() and foreign.exists()
    named = tmp_path / f".weekly.tumar-bundle.tmp-{_dead_pid()}"  # a backup to a file name
    named.write_bytes(b"age-encryption.org/v1 half a backup")
    result = run_tumar("backup", tmp_path / "weekly.tumar-bundle", "-a", archive)
    assert result.code == 0 and not named.exists(), result.err


def test_identity_restore_and_sync_with_conflicts(tmp_path: Path) -> None:
    a = tmp_path / "a.tumar"
    _init(a)
    _add_person(a, "Tilek")
    ident = tmp_path / "id.txt"
    exported = run_tumar("team", "export-identity", ident, "-a", a)
    assert exported.code == 0 and "WARNING" in exported.err
    bundle = tmp_path / "full.tumar-bundle"
    assert run_tumar("backup", bundle, "-a", a).code == 0
    b = tmp_path / "b.tumar"
    assert run_tumar("restore", bundle, b, "--identity", ident).code == 0
    b_key = run_tumar("team", "key", "-a", b).out.strip()
    assert run_tumar("team", "add-member", b_key, "-a", a, stdin="B\n").code == 0
    share = tmp_path / "share"
    share.mkdir()
    for archive in (a, b):
        result = run_tumar("sync", share, "-a", archive)
        assert result.code == 0, result.err
    dry = run_tumar("sync", share, "--dry-run", "-a", a)
    assert dry.code == 0 and "Dry run" in dry.out and "added 0" in dry.out
    assert run_tumar("conflicts", "-a", a).out.strip() == "No open conflicts."


def test_conflicts_with_deletions_settle_from_the_command_line(tmp_path: Path) -> None:
    """Edit vs delete and delete vs delete: `conflicts resolve` settles both (a deleted
    testimony comes back, a double deletion is re-stated), and verify still passes.
    The two laptops are set up through the Python API (the commands above cover that)."""
    a_path, share = tmp_path / "a.tumar", tmp_path / "share"
    share.mkdir()
    a, _code = Archive.create(a_path, PASS, fast_params())
    witness = a.repo.insert(Person(display_name="Tilek"))
    ids = [a.repo.insert(Testimony(witness_id=witness.id, text=t)).id for t in "xy"]
    export.write_bundle(a, tmp_path / "full.tumar-bundle")
    secret = bundle_io.Secret(identities=(team.keys(a).age_identity,))
    b, _code, _ = restore.restore(
        tmp_path / "full.tumar-bundle", tmp_path / "b.tumar", PASS, secret
    )
    team.add_member(a, team.keys(b).recipient, "B")
    b.repo.clock = Clock(b.replica_id, wall=lambda: int(time.time() * 1000) + 60_000)

    def sync_both() -> None:
        for _ in range(2):
            for archive in (a, b):
                folder.sync(archive, share)

    sync_both()
    a.repo.update_fields(Testimony, ids[0], {"text": "kept on A"})
    a.repo.delete(Testimony, ids[1])
    for tid in ids:  # B's clock runs a minute ahead: its deletions win
        b.repo.delete(Testimony, tid)
    sync_both()
    a.close()
    listed = run_tumar("conflicts", "-a", a_path).out.strip().splitlines()
    assert len(listed) == 2, listed
    number = {line.split()[2]: line.split()[0].lstrip("#") for line in listed}
    for tid, keep in ((ids[0], "mine"), (ids[1], "theirs")):
        result = run_tumar("conflicts", "resolve", number[tid], "--keep", keep, "-a", a_path)
        assert result.code == 0 and "settled" in result.out, result.err
    assert run_tumar("conflicts", "-a", a_path).out.strip() == "No open conflicts."
    a = Archive.open(a_path, PASS)
    sync_both()
    for archive in (a, b):
        edited = archive.repo.get(Testimony, ids[0])
        gone = archive.repo.get(Testimony, ids[1], include_deleted=True)
        assert (edited.text, gone.deleted) == ("kept on A", True)
        for tid in ids:  # the original, A's version and B's tombstone are all kept
            assert len(archive.repo.history(Testimony, tid)) >= 3
        assert "kept on A" in {v.text for v in archive.repo.history(Testimony, ids[0])}
        assert not conflicts.open_conflicts(archive)
        assert verify_archive(archive).ok, verify_archive(archive).problems
        archive.close()


def test_conflicts_show_says_what_each_choice_keeps(tmp_path: Path) -> None:
    """`conflicts show N`: the record by name, each side's value of the fields that differ;
    `--keep theirs` then keeps exactly the value shown as theirs."""
    a_path, share = tmp_path / "a.tumar", tmp_path / "share"
    share.mkdir()
    a, _code = Archive.create(a_path, PASS, fast_params())
    case = a.repo.insert(Case(title="Zaisan hearing", court="District court"))
    export.write_bundle(a, tmp_path / "full.tumar-bundle")
    secret = bundle_io.Secret(identities=(team.keys(a).age_identity,))
    b, _code, _ = restore.restore(
        tmp_path / "full.tumar-bundle", tmp_path / "b.tumar", PASS, secret
    )
    team.add_member(a, team.keys(b).recipient, "B")
    a.repo.update_fields(Case, case.id, {"court": "Room 4, district court"})
    b.repo.update_fields(Case, case.id, {"court": "Regional court"})
    for _ in range(2):
        for archive in (a, b):
            folder.sync(archive, share)
    a.close()
    b.close()
    (number,) = [
        line.split()[0].lstrip("#")
        for line in run_tumar("conflicts", "-a", a_path).out.splitlines()
    ]
    shown = run_tumar("conflicts", "show", number, "-a", a_path)
    assert shown.code == 0, shown.err
    lines = shown.out.splitlines()
    assert lines[0].startswith(f'Conflict #{number}: case "Zaisan hearing"'), lines
    assert "mine:    Room 4, district court" in shown.out and "theirs:  Regional court" in shown.out
    assert "this laptop, edited" in shown.out and "another laptop, edited" in shown.out
    assert "title" not in shown.out  # only the fields that differ
    for bad in (("show",), ("show", "99")):
        refused = run_tumar("conflicts", *bad, "-a", a_path)
        assert refused.code != 0 and len(refused.err.strip().splitlines()) == 1, refused.err
    kept = run_tumar("conflicts", "resolve", number, "--keep", "theirs", "-a", a_path)
    assert kept.code == 0, kept.err
    with Archive.open(a_path, PASS) as opened:
        assert opened.repo.get(Case, case.id).court == "Regional court"


def test_conflicts_show_brackets_the_changed_words_of_a_long_text(tmp_path: Path) -> None:
    a_path, share = tmp_path / "a.tumar", tmp_path / "share"
    share.mkdir()
    a, _code = Archive.create(a_path, PASS, fast_params())
    witness = a.repo.insert(Person(display_name="Tilek"))
    text = "They took him from the market at night and drove north for hours. "
    tid = a.repo.insert(Testimony(witness_id=witness.id, text=text)).id
    export.write_bundle(a, tmp_path / "full.tumar-bundle")
    secret = bundle_io.Secret(identities=(team.keys(a).age_identity,))
    b, _code, _ = restore.restore(
        tmp_path / "full.tumar-bundle", tmp_path / "b.tumar", PASS, secret
    )
    team.add_member(a, team.keys(b).recipient, "B")
    a.repo.update_fields(Testimony, tid, {"text": text.replace("at night", "at dawn")})
    b.repo.update_fields(Testimony, tid, {"text": text.replace("north", "east")})
    for _ in range(2):
        for archive in (a, b):
            folder.sync(archive, share)
    a.close()
    b.close()
    shown = run_tumar("conflicts", "show", "1", "-a", a_path)
    assert shown.code == 0, shown.err
    lines = shown.out.splitlines()  # a field's values are indented under its name
    mine = next(line for line in lines if line.startswith("    mine:"))
    theirs = next(line for line in lines if line.startswith("    theirs:"))
    assert "[[dawn]]" in mine and "[[north]]" in mine and "[[night]]" in theirs
    assert "[[east]]" in theirs and "(between [[ and ]]" in shown.out


def test_a_backup_too_large_for_the_drive_says_what_to_do(tmp_path: Path) -> None:
    """A FAT32 stick holds at most 4 GB in one file: a larger backup met EFBIG and printed
    "File too large: /media/stick/.tumar-backup-….tmp-…". The same limit made small here
    with RLIMIT_FSIZE, which fails writes past it with the very same error."""
    import resource
    import signal
    import subprocess
    import sys

    from tests.templates import cli_env

    archive = tmp_path / "a.tumar"
    _init(archive)
    with Archive.open(archive, PASS) as opened:
        person = opened.repo.insert(Person(display_name="Witness"))
        words = " ".join(str(i * 7919) for i in range(300_000))  # ≈ 2.6 MB, does not compress
        opened.repo.insert(Testimony(witness_id=person.id, text=words))
    stick = tmp_path / "stick"
    stick.mkdir()

    def fat32_like() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the error, not the signal
        resource.setrlimit(resource.RLIMIT_FSIZE, (1 << 20, resource.RLIM_INFINITY))

    done = subprocess.run(
        [sys.executable, "-m", "tumar.app.cli.main", "backup", str(stick), "-a", str(archive)],
        input="", capture_output=True, text=True, env=cli_env(PASS), preexec_fn=fat32_like,
        timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert done.stderr.strip().splitlines() == [
        "tumar: The file is too large for this drive (a FAT32 stick holds at most 4 GB in one "
        "file), so nothing was written; use a drive formatted as exFAT or ext4"
    ]
    assert list(stick.iterdir()) == []
