"""Fault suite: flip one byte at many offsets of both databases and check the promises.

For every offset, on a fresh copy of one real archive:
- no command ends in a traceback (`verify`, `person list`, `salvage` run through the real
  CLI entry point, `main()`, in this process to keep the suite fast);
- `verify` exits 3 (SQLCipher authenticates every byte of every page, so each flip is
  damage that must be found);
- `salvage` copies every person and note that can still be read on its own (the ground
  truth: a point lookup by rowid on a fresh connection), and the new archive verifies.

Default run: 8 offsets in archive.db and 4 in media.db (well under a minute). Set
TUMAR_FAULT_OFFSETS=N for N offsets per database (e.g. 200 for a long run).
"""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

import pytest

from tests.app.media_support import random_file
from tests.conftest import PASSPHRASE
from tests.reliability.damage import PAGE, flip, readable_ids
from tumar.app.cli import main
from tumar.app.media.importer import Links, import_files
from tumar.storage.archive import Archive
from tumar.storage.kdf import fast_params
from tumar.storage.records import Case, Note, Person, Testimony

NEW_PASS = "salvaged archive passphrase"
COUNT = int(os.environ.get("TUMAR_FAULT_OFFSETS", "0"))
RECORDS_OFFSETS = COUNT or 8
MEDIA_OFFSETS = COUNT or 4


def _build(folder: Path, tmp: Path) -> None:
    made, _code = Archive.create(folder, PASSPHRASE, fast_params())
    with made:
        case = made.repo.insert(Case(title="Zaisan hearing", status="open"))
        for i in range(120):
            person = made.repo.insert(Person(display_name=f"Person {i:03d} " + "y" * 120))
            if i % 4 == 0:
                made.repo.insert(Note(text=f"note {i} " + "z" * 300, person_id=person.id))
        witness = made.repo.insert(Person(display_name="Witness"))
        made.repo.insert(
            Testimony(witness_id=witness.id, text="t " * 3000, consent_scope="lawyer_only")
        )
        for n in range(3):
            path = random_file(tmp / f"m{n}.bin", 150_000, seed=n + 7)
            import_files(made, [path], Links(case_ids=(case.id,)))


@pytest.fixture(scope="module")
def intact(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("fault")
    folder = base / "intact.tumar"
    _build(folder, base)
    return folder


def _offsets(path: Path, count: int, page: int, seed: int) -> list[int]:
    """`count` offsets spread over the file: page 1 and the last page always included."""
    size = path.stat().st_size
    rng = random.Random(seed)
    picks = {50, size - 10}
    step = max(1, size // max(1, count - 2))
    for start in range(0, size, step):
        picks.add(min(size - 1, start + rng.randrange(min(step, page))))
    return sorted(picks)[:count] if len(picks) > count else sorted(picks)


def _cli(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main.main([str(a) for a in args])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out, captured.err


def _check(folder: Path, tmp: Path, capsys, max_rowid: int) -> None:
    code, out, err = _cli(capsys, "verify", folder)
    assert code == 3, out + err
    code, out, err = _cli(capsys, "person", "list", "-a", folder)
    assert code in (0, 1)
    assert len(err.strip().splitlines()) <= 2, err  # the error, or a media warning
    new = tmp / "salvaged.tumar"
    code, out, err = _cli(capsys, "salvage", folder, new)
    assert code in (0, 3), out + err
    if "LOST: archive.db cannot be opened" in out:  # its first page (the salt) is gone
        assert code == 3
        return
    people = readable_ids(folder, PASSPHRASE, "person", max_rowid)
    notes = readable_ids(folder, PASSPHRASE, "note", max_rowid)
    with Archive.open(new, NEW_PASS) as salvaged:
        got_people = {p.id for p in salvaged.repo.find(Person, include_deleted=True)}
        got_notes = salvaged.repo.find(Note, include_deleted=True)
    assert got_people == people
    lost_parent = {n for n in notes if n not in {x.id for x in got_notes}}
    for note_id in lost_parent:  # only a note whose person was lost may be missing
        assert note_id in out  # named in the report
    secret = tmp / "new-passphrase.txt"
    secret.write_text(NEW_PASS + "\n")
    code, out, err = _cli(capsys, "verify", new, "--passphrase-file", secret)
    assert code == 0, out
    shutil.rmtree(new)


@pytest.mark.parametrize("index", range(RECORDS_OFFSETS))
def test_flipped_byte_in_archive_db(intact, tmp_path, capsys, monkeypatch, index) -> None:
    monkeypatch.setenv("TUMAR_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("TUMAR_NEW_PASSPHRASE", NEW_PASS)
    monkeypatch.setenv("TUMAR_KDF_PROFILE", "fast")
    offset = _offsets(intact / "archive.db", RECORDS_OFFSETS, PAGE, seed=1)[index]
    folder = tmp_path / "damaged.tumar"
    shutil.copytree(intact, folder)
    flip(folder / "archive.db", offset)
    _check(folder, tmp_path, capsys, max_rowid=200)


@pytest.mark.parametrize("index", range(MEDIA_OFFSETS))
def test_flipped_byte_in_media_db(intact, tmp_path, capsys, monkeypatch, index) -> None:
    monkeypatch.setenv("TUMAR_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("TUMAR_NEW_PASSPHRASE", NEW_PASS)
    monkeypatch.setenv("TUMAR_KDF_PROFILE", "fast")
    offset = _offsets(intact / "media.db", MEDIA_OFFSETS, 64 * 1024, seed=2)[index]
    folder = tmp_path / "damaged.tumar"
    shutil.copytree(intact, folder)
    flip(folder / "media.db", offset)
    _check(folder, tmp_path, capsys, max_rowid=200)
