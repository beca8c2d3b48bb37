"""A restore builds its search index once, at the end (storage/fts_bulk.py): the restored
archive's own connection then goes on writing to that index; the build reports progress
and can be cancelled; a refused or cancelled restore leaves no folder and no thread."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from tumar.app.jobs import CancelToken, JobCancelled
from tumar.app.search import SearchQuery, search
from tumar.app.sync import bundle_io, export, restore, team
from tumar.storage import fts, fts_bulk
from tumar.storage.bulk import VersionRejected
from tumar.storage.records import Note, Person, Testimony

from .support import PASS, lying_bundle, new_archive


def _builders() -> list[threading.Thread]:
    return [
        t for t in threading.enumerate() if t.name.startswith(("tumar-search", "tumar-restore"))
    ]


@pytest.fixture
def source(tmp_path: Path):
    archive, _ = new_archive(tmp_path / "src.tumar")
    witness = archive.repo.insert(Person(display_name="Qaisha Aqan"))
    for i in range(30):
        archive.repo.insert(Testimony(witness_id=witness.id, text=f"telling {i} of the camp"))
    yield archive
    archive.close()


def test_restored_archive_keeps_writing_to_the_copied_index(source, tmp_path: Path) -> None:
    bundle = tmp_path / "b.tumar-bundle"
    export.write_bundle(source, bundle)
    secret = bundle_io.Secret(identities=(team.keys(source).age_identity,))
    target = tmp_path / "new.tumar"
    restored, _, _ = restore.restore(bundle, target, PASS, secret)
    with restored:
        assert sorted(p.name for p in target.iterdir()) == ["archive.db", "media.db", "tumar.json"]
        assert not _builders()
        witness = restored.repo.find(Person)[0]
        note = restored.repo.insert(Note(text="the lawyer called: zebrafish", person_id=witness.id))
        fts.check(restored.records_db)  # index and documents agree after a write
        assert len(search(restored, SearchQuery("camp", limit=100))) == 30
        assert [h.record_id for h in search(restored, SearchQuery("zebrafish"))] == [note.id]


def test_refused_restore_stops_the_builder(source, tmp_path: Path) -> None:
    def drop_a_column(items: list[dict]) -> None:
        del items[-1]["row"]["text"]  # refused when the last records part is checked

    bundle = lying_bundle(source, tmp_path / "lie.tumar-bundle", drop_a_column)
    target = tmp_path / "new.tumar"
    secret = bundle_io.Secret(identities=(team.keys(source).age_identity,))
    with pytest.raises(VersionRejected):
        restore.restore(bundle, target, PASS, secret)
    assert not target.exists()
    assert not _builders()


def _backup(source, tmp_path: Path) -> tuple[Path, bundle_io.Secret]:
    bundle = tmp_path / "b.tumar-bundle"
    export.write_bundle(source, bundle)
    return bundle, bundle_io.Secret(identities=(team.keys(source).age_identity,))


def test_the_index_build_reports_progress(source, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(fts_bulk, "CHUNK", 4)  # several reports even with little data
    bundle, secret = _backup(source, tmp_path)
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int, text: str) -> None:
        if text == "Indexing for search":
            seen.append((done, total))

    restored, _, _ = restore.restore(bundle, tmp_path / "new.tumar", PASS, secret, progress)
    restored.close()
    assert len(seen) > 3 and seen[-1] == (31, 31)  # 1 person + 30 testimonies
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_a_restore_cancelled_while_indexing_leaves_nothing(
    source, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(fts_bulk, "CHUNK", 4)
    bundle, secret = _backup(source, tmp_path)
    cancel = CancelToken()

    def progress(done: int, total: int, text: str) -> None:
        if text == "Indexing for search" and done >= 8:
            cancel.cancel()

    target = tmp_path / "new.tumar"
    with pytest.raises(JobCancelled):
        restore.restore(bundle, target, PASS, secret, progress, cancel)
    assert not target.exists()
    assert not _builders()
