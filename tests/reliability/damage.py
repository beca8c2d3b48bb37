"""Helpers for the reliability tests: real archives, real damage (flipped bytes, zeroed
pages, truncation) and where a table's pages are.

Damage is done to the files on disk with plain file writes, exactly what a failing USB
stick or a crash does; nothing inside Tumar is replaced.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tumar.storage.archive import Archive
from tumar.storage.connection import Connection, DatabaseError
from tumar.storage.damaged import open_raw
from tumar.storage.kdf import fast_params
from tumar.storage.readable import Reader, count_readable
from tumar.storage.records import Case, Note, Person

PAGE = 4096  # archive.db
MEDIA_PAGE = 64 * 1024


def flip(path: Path, offset: int) -> None:
    with open(path, "r+b") as fh:
        fh.seek(offset)
        byte = fh.read(1)
        fh.seek(offset)
        fh.write(bytes([byte[0] ^ 0xFF]))


def zero_page(path: Path, page_number: int, page_size: int = PAGE) -> None:
    with open(path, "r+b") as fh:
        fh.seek((page_number - 1) * page_size)
        fh.write(bytes(page_size))


def build_archive(folder: Path, passphrase: str, people: int = 200) -> list[str]:
    """An archive with `people` people (long names, so they fill many pages), a case and
    a note per ten people; returns the person ids."""
    ids = []
    archive, _code = Archive.create(folder, passphrase, fast_params())
    with archive:
        case = archive.repo.insert(Case(title="Zaisan hearing", status="open"))
        for i in range(people):
            person = archive.repo.insert(Person(display_name=f"Person {i:04d} " + "x" * 150))
            ids.append(person.id)
            if i % 10 == 0:
                archive.repo.insert(Note(text=f"note about {i}", person_id=person.id))
        archive.repo.insert(Note(text="case note", case_id=case.id))
    return ids


def root_page(folder: Path, passphrase: str, name: str) -> int:
    raw = open_raw(folder, passphrase)
    conn = raw.records()
    try:
        return int(
            conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0]
        )
    finally:
        conn.close()


def readable_ids(folder: Path, passphrase: str, table: str, max_rowid: int) -> set[str]:
    """Ids of `table` that a fresh connection can read one by one (the ground truth for
    "on an undamaged page")."""
    raw = open_raw(folder, passphrase)
    found: set[str] = set()
    probe = Reader(raw.records)
    try:
        for rowid in range(1, max_rowid + 1):
            try:
                row = probe.conn.execute(
                    f"SELECT id FROM {table} WHERE rowid = ?", (rowid,)
                ).fetchone()
            except DatabaseError:
                probe.failed()
                continue
            if row is not None:
                found.add(row[0])
    finally:
        probe.close()
    return found


def leaf_page_of(folder: Path, passphrase: str, table: str, tmp: Path) -> int:
    """A page whose damage costs some, but not all, rows of `table` (found by trying)."""
    db = folder / "archive.db"
    pages = db.stat().st_size // PAGE
    for page in range(pages, 1, -1):
        copy = tmp / f"probe-{page}.tumar"
        shutil.copytree(folder, copy)
        flip(copy / "archive.db", (page - 1) * PAGE + 200)
        scan = count_readable(Reader(open_raw(copy, passphrase).records), table)
        shutil.rmtree(copy)
        if scan.read and not scan.complete:
            return page
    raise AssertionError(f"no leaf page of {table} found")


def connection_of(folder: Path, passphrase: str) -> Connection:
    return open_raw(folder, passphrase).records()
