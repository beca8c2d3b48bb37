"""The search index in storage: kept in step with every write, rebuildable, encrypted.

Real archives (SQLCipher), real Repository writes; the index is read back through SQL and
FTS5's own integrity check, so a drift between records and index fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tumar.storage import fts, schema, search_repo
from tumar.storage.archive import Archive
from tumar.storage.connection import transaction
from tumar.storage.kdf import fast_params
from tumar.storage.records import Note, Person, PersonName, Testimony, Translation

PASS = "correct horse battery staple"


def doc(archive: Archive, record_id: str) -> dict | None:
    row = archive.records_db.execute(
        "SELECT * FROM search_doc WHERE record_id = ?", (record_id,)
    ).fetchone()
    return dict(row) if row is not None else None


def matches(archive: Archive, expression: str) -> set[str]:
    rows = archive.records_db.execute(
        "SELECT d.record_id FROM search_words JOIN search_doc d ON d.doc_id = search_words.rowid"
        " WHERE search_words MATCH ?",
        (expression,),
    ).fetchall()
    return {r[0] for r in rows}


def all_docs(archive: Archive) -> list[tuple]:
    rows = archive.records_db.execute(
        "SELECT kind, record_id, title, body, keys, nkeys, cjk, date, date_lower, date_upper,"
        " withdrawn FROM search_doc ORDER BY record_id"
    ).fetchall()
    return [tuple(r) for r in rows]


@pytest.fixture
def archive(new_archive: Archive) -> Archive:
    return new_archive


def person(archive: Archive, *names: str) -> Person:
    p = archive.repo.insert(Person(display_name=names[0]))
    for name in names:
        archive.repo.insert(PersonName(person_id=p.id, name=name))
    return p


def test_testimony_text_and_translations_are_one_document(archive: Archive) -> None:
    witness = person(archive, "Tilek Tabarak")
    t = archive.repo.insert(Testimony(witness_id=witness.id, text="They took my passport."))
    tr = archive.repo.insert(
        Translation(testimony_id=t.id, language="ru", text="Забрали мой паспорт.")
    )
    assert matches(archive, '"паспорт"') == {t.id}
    assert "Забрали" in doc(archive, t.id)["body"]
    archive.repo.delete(Translation, tr.id)
    assert matches(archive, '"паспорт"') == set()
    assert matches(archive, '"passport"') == {t.id}
    fts.check(archive.records_db)


def test_update_replaces_and_tombstone_removes(archive: Archive) -> None:
    witness = person(archive, "Qaisha Aqan")
    t = archive.repo.insert(Testimony(witness_id=witness.id, text="first version camp"))
    t.text = "second version prison"
    archive.repo.update(t)
    assert matches(archive, '"camp"') == set()
    assert matches(archive, '"prison"') == {t.id}
    archive.repo.delete(Testimony, t.id)
    assert doc(archive, t.id) is None
    assert matches(archive, '"prison"') == set()
    fts.check(archive.records_db)


def test_person_document_holds_every_name_folded_and_keyed(archive: Archive) -> None:
    p = person(archive, "Tilek Tabarak", "Тілек Табарақ", "تىلەك تاباراق")
    d = doc(archive, p.id)
    assert d["title"] == "Tilek Tabarak"
    assert "Тілек Табарақ" in d["body"] and "تىلەك تاباراق" in d["body"]
    assert set(d["keys"].split()) >= {"tilek", "tabarak"}
    assert set(d["nkeys"].split()) == {"tlk", "tbrk"}
    assert matches(archive, 'nkeys : ("tlk" AND "tbrk")') == {p.id}


def test_moving_a_name_updates_both_people(archive: Archive) -> None:
    a = person(archive, "Kaster Musakhan")
    b = person(archive, "Murager Alimuly")
    extra = archive.repo.insert(PersonName(person_id=b.id, name="Qaster Musakhanuly"))
    assert "Qaster" in doc(archive, b.id)["body"]
    extra.person_id = a.id
    archive.repo.update(extra)
    assert "Qaster" in doc(archive, a.id)["body"]
    assert "Qaster" not in doc(archive, b.id)["body"]
    fts.check(archive.records_db)


def test_deleted_person_has_no_document(archive: Archive) -> None:
    p = person(archive, "Bekzat Maksutkhan")
    archive.repo.delete(Person, p.id)
    assert doc(archive, p.id) is None
    # a name written for a deleted person does not bring the document back
    archive.repo.insert(PersonName(person_id=p.id, name="Бекзат Мақсұтхан"))
    assert doc(archive, p.id) is None
    fts.check(archive.records_db)


def test_failed_transaction_leaves_index_untouched(archive: Archive) -> None:
    witness = person(archive, "Serikzhan Bilash")
    with pytest.raises(RuntimeError), transaction(archive.records_db):
        archive.repo.insert(Testimony(witness_id=witness.id, text="rolled back words"))
        raise RuntimeError("power cut")
    assert matches(archive, '"rolled"') == set()
    fts.check(archive.records_db)


def test_cjk_text_goes_to_the_trigram_index_padded(archive: Archive) -> None:
    witness = person(archive, "Sayragul Sauytbay")
    t = archive.repo.insert(Testimony(witness_id=witness.id, text="Camp in 伊犁哈萨克 region."))
    d = doc(archive, t.id)
    assert d["cjk"] == "伊犁哈萨克  "
    conn = archive.records_db
    hits = conn.execute(
        "SELECT rowid FROM search_grams WHERE search_grams MATCH '\"萨克\"' OR"
        " search_grams MATCH '\"哈萨克\"'"
    ).fetchall()
    assert [h[0] for h in hits] == [d["doc_id"]]
    # 1-2 characters: the vocabulary gives every trigram they start, even at the end
    assert search_repo.short_cjk_grams(conn, "克") == '"克  "'
    assert '"伊犁哈"' in search_repo.short_cjk_grams(conn, "伊犁")
    assert search_repo.short_cjk_grams(conn, "京") == ""
    assert search_repo.short_cjk_grams(conn, "犁", most=0) is None


def test_rebuild_gives_the_same_documents(archive: Archive) -> None:
    a = person(archive, "Kaster Musakhan", "Қастер Мұсахан")
    t = archive.repo.insert(
        Testimony(witness_id=a.id, text="Жаркент, 伊犁. Qorğas", recorded_at="2019-10?")
    )
    archive.repo.insert(Translation(testimony_id=t.id, language="en", text="Zharkent"))
    archive.repo.insert(Note(text="Check the Zaisan court", person_id=a.id))
    gone = archive.repo.insert(Note(text="deleted note", testimony_id=t.id))
    archive.repo.delete(Note, gone.id)
    before = all_docs(archive)
    assert len(before) == 3
    assert fts.rebuild(archive.records_db) == 3
    assert all_docs(archive) == before
    fts.check(archive.records_db)


def test_rebuild_rolls_back_when_cancelled(archive: Archive) -> None:
    person(archive, "Dina Omarov")
    before = all_docs(archive)

    def cancel(done: int, total: int, text: str) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        fts.rebuild(archive.records_db, cancel)
    assert all_docs(archive) == before
    fts.check(archive.records_db)


def test_dates_of_documents(archive: Archive) -> None:
    w = person(archive, "Nurlan Akan")
    exact = archive.repo.insert(Testimony(witness_id=w.id, text="a", recorded_at="2019-10-14"))
    month = archive.repo.insert(Testimony(witness_id=w.id, text="b", recorded_at="2019-10"))
    vague = archive.repo.insert(Testimony(witness_id=w.id, text="c", recorded_at="2019-10?"))
    assert (doc(archive, exact.id)["date_lower"], doc(archive, exact.id)["date_upper"]) == (
        "2019-10-14",
        "2019-10-14",
    )
    assert (doc(archive, month.id)["date_lower"], doc(archive, month.id)["date_upper"]) == (
        "2019-10-01",
        "2019-10-31",
    )
    assert doc(archive, vague.id)["date"] == "2019-10?"
    assert doc(archive, vague.id)["date_lower"] == "2019-10-01"


def test_old_archive_is_indexed_when_migrated(tmp_path: Path) -> None:
    """An archive written before search existed gets its records indexed on open."""
    folder = tmp_path / "old.tumar"
    archive, _ = Archive.create(folder, PASS, fast_params())
    p = person(archive, "Murager Alimuly", "Мұрагер Әлімұлы")
    conn = archive.records_db
    with transaction(conn):
        for name in ("search_grams_vocab", "search_grams", "search_words"):
            conn.execute(f"DROP TABLE {name}")
        conn.execute("DROP VIEW search_cjk")
        conn.execute("DROP TABLE search_doc")
        conn.execute("PRAGMA user_version = 2")
    archive.close()
    with Archive.open(folder, PASS) as reopened:
        assert schema.current_version(reopened.records_db) == schema.latest(
            schema.ARCHIVE_MIGRATIONS
        )
        assert matches(reopened, '"әлімұлы"') == {p.id}
        fts.check(reopened.records_db)


def test_index_is_not_readable_on_disk(tmp_path: Path) -> None:
    """The index lives inside the encrypted archive.db; no other file appears."""
    folder = tmp_path / "disk.tumar"
    archive, _ = Archive.create(folder, PASS, fast_params())
    marker = "Zzyzxplaintextmarker"
    w = person(archive, marker)
    archive.repo.insert(Testimony(witness_id=w.id, text=f"{marker} 伊犁哈萨克自治州"))
    fts.rebuild(archive.records_db)
    archive.close()
    assert sorted(p.name for p in folder.iterdir()) == ["archive.db", "media.db", "tumar.json"]
    for path in folder.iterdir():
        data = path.read_bytes()
        assert marker.encode() not in data
        assert marker.lower().encode() not in data
        assert "伊犁".encode() not in data


def test_deleting_a_case_takes_its_timeline_out(archive: Archive) -> None:
    from tumar.storage.records import Case, Event

    case = archive.repo.insert(Case(title="Zaisan border crossing"))
    event = archive.repo.insert(
        Event(case_id=case.id, kind="hearing", date="2020-01-21", place="Zaisan court")
    )
    assert matches(archive, '"court"') == {event.id}
    archive.repo.delete(Case, case.id)
    assert matches(archive, '"court"') == set()
    assert matches(archive, '"zaisan"') == set()
    fts.check(archive.records_db)
