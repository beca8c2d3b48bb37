"""Damaged pages in archive.db: verify says FAILED and what it could not read, every other
command prints one line pointing to verify and backups, salvage keeps the rest.

Each test damages a real archive on disk (a flipped byte in one 4 KiB page) and drives
the real `tumar` command in a child process.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.page_hmac import page_hmac_of
from tests.reliability.damage import (
    PAGE,
    build_archive,
    flip,
    leaf_page_of,
    readable_ids,
    root_page,
    zero_page,
)
from tumar.storage.archive import unlock_key
from tumar.storage.connection import PAGE_HMAC

NEW_PASS = "another long passphrase"


@pytest.fixture(scope="module")
def intact(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    folder = tmp_path_factory.mktemp("intact") / "intact.tumar"
    from tests.conftest import PASSPHRASE

    return folder, build_archive(folder, PASSPHRASE, people=200)


@pytest.fixture(scope="module")
def person_leaf(intact, tmp_path_factory: pytest.TempPathFactory) -> int:
    """A leaf page of `person` in the intact archive, searched for once: the search is
    deterministic on the same bytes, so every test's copy has it at the same page."""
    from tests.conftest import PASSPHRASE

    return leaf_page_of(intact[0], PASSPHRASE, "person", tmp_path_factory.mktemp("probe"))


@pytest.fixture
def damaged(intact, person_leaf: int, tmp_path: Path) -> tuple[Path, list[str], int]:
    """A copy of the intact archive with one leaf page of `person` damaged."""
    import shutil

    folder, ids = intact
    copy = tmp_path / "damaged.tumar"
    shutil.copytree(folder, copy)
    flip(copy / "archive.db", (person_leaf - 1) * PAGE + 300)
    return copy, ids, person_leaf


def assert_one_line(result, *words: str) -> None:
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0], lines[0]


def test_verify_fails_and_names_what_it_cannot_read(damaged, run_tumar) -> None:
    folder, ids, _page = damaged
    result = run_tumar("verify", folder)
    assert result.returncode == 3, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "FAILED" in result.stdout
    line = next(x for x in result.stdout.splitlines() if "table person:" in x)
    readable = int(line.split("table person: ")[1].split(" row(s) readable")[0])
    assert 0 < readable < len(ids)
    assert "damaged pages" in line


def test_other_commands_print_one_line_pointing_to_verify(damaged, run_tumar) -> None:
    folder, _ids, _page = damaged
    result = run_tumar("person", "list", "-a", folder)
    assert result.returncode == 1
    assert_one_line(result, "damaged", "tumar verify", "backup")


def test_salvage_copies_every_record_on_undamaged_pages(damaged, run_tumar, tmp_path) -> None:
    folder, ids, _page = damaged
    readable = readable_ids(folder, "correct horse battery staple", "person", len(ids) + 10)
    assert 0 < len(readable) < len(ids)
    new = tmp_path / "salvaged.tumar"
    result = run_tumar("salvage", folder, new, env={"TUMAR_NEW_PASSPHRASE": NEW_PASS})
    assert result.returncode == 3, result.stdout + result.stderr
    lost = set(ids) - readable
    assert f"LOST: {len(lost)} person record(s)" in result.stdout
    for record_id in sorted(lost)[:20]:
        assert record_id in result.stdout
    listed = run_tumar("person", "list", "-a", new, env={"TUMAR_PASSPHRASE": NEW_PASS})
    assert {line.split()[0] for line in listed.stdout.splitlines()} == readable
    check = run_tumar("verify", new, env={"TUMAR_PASSPHRASE": NEW_PASS})
    assert check.returncode == 0, check.stdout


def test_salvage_of_an_intact_archive_loses_nothing(intact, run_tumar, tmp_path) -> None:
    folder, ids = intact
    new = tmp_path / "copy.tumar"
    result = run_tumar("salvage", folder, new, env={"TUMAR_NEW_PASSPHRASE": NEW_PASS})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Nothing was lost." in result.stdout
    listed = run_tumar("person", "list", "-a", new, env={"TUMAR_PASSPHRASE": NEW_PASS})
    assert len(listed.stdout.splitlines()) == len(ids)


def test_search_index_damage_does_not_block_writes_and_reindex_rebuilds(
    intact, run_tumar, tmp_path, passphrase
) -> None:
    import shutil

    folder = tmp_path / "index.tumar"
    shutil.copytree(intact[0], folder)
    zero_page(folder / "archive.db", root_page(folder, passphrase, "search_words_data"))
    added = run_tumar("person", "add", "-a", folder, input="Tilek Tabarikuly")
    assert added.returncode == 0, added.stderr
    assert "Traceback" not in added.stderr and "search index" in added.stderr
    found = run_tumar("search", "-a", folder, input="Tabarikuly")
    assert found.returncode == 1
    assert_one_line(found, "tumar reindex")
    assert run_tumar("verify", folder).returncode == 3
    rebuilt = run_tumar("reindex", "-a", folder)
    assert rebuilt.returncode == 0, rebuilt.stderr
    found = run_tumar("search", "-a", folder, input="Tabarikuly")
    assert added.stdout.strip() in found.stdout
    check = run_tumar("verify", folder)
    assert check.returncode == 0, check.stdout
    # the rewrite that dropped the damaged pages wrote the file in its own page format
    assert page_hmac_of(folder, "archive.db", unlock_key(folder, passphrase)[1]) == PAGE_HMAC


def test_truncated_archive_db_is_damage_not_a_traceback(intact, run_tumar, tmp_path) -> None:
    import shutil

    folder = tmp_path / "cut.tumar"
    shutil.copytree(intact[0], folder)
    db = folder / "archive.db"
    with open(db, "r+b") as fh:
        fh.truncate(db.stat().st_size // 2)
    listed = run_tumar("person", "list", "-a", folder)
    assert listed.returncode == 1
    assert_one_line(listed, "damaged")
    result = run_tumar("verify", folder)
    assert result.returncode == 3 and "FAILED" in result.stdout
