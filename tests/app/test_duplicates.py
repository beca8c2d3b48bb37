"""Duplicate people: proposed pairs on the demo archive, and merging them for real."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlcipher3

from tests.templates import Templates
from tumar.app import cases, duplicates, people, search, testimonies
from tumar.app.demo import load_demo_data, populate
from tumar.app.verify import verify_archive
from tumar.storage import audit
from tumar.storage.archive import Archive
from tumar.storage.errors import InvalidInput, RecordNotFound
from tumar.storage.records import (
    CasePerson,
    EventPerson,
    Note,
    Person,
    PersonName,
    Tag,
    Tagging,
    Testimony,
)

TODAY = dt.date(2026, 11, 24)


def _populate(archive: Archive) -> None:
    populate(archive, load_demo_data(), TODAY)


@pytest.fixture
def demo(tmp_path: Path, templates: Templates) -> Iterator[Archive]:
    """The demo archive, open: this test's own copy of one populated once per session."""
    template = templates.get(
        "duplicates-demo", lambda made: populate(made, load_demo_data(), TODAY)
    )
    archive = template.open_copy(tmp_path / "demo.tumar")
    try:
        yield archive
    finally:
        archive.close()


def person_id(archive: Archive, display_name: str) -> str:
    return next(p.id for p in people.list_people(archive) if p.display_name == display_name)


def pairs(archive: Archive, min_score: float = duplicates.DEFAULT_MIN_SCORE) -> dict:
    return {
        frozenset((c.keep.display_name, c.drop.display_name)): c
        for c in duplicates.find_duplicates(archive, min_score)
    }


def test_demo_people_are_all_different(demo: Archive) -> None:
    assert pairs(demo) == {}


# (demo person, the same person entered again separately, names given)
VARIANTS = [
    ("Tilek Tabarak", "Tlek Tabarik", []),
    ("Tilek Tabarak", "Тілек Табарықұлы", []),
    ("Kaster Musakhan", "Qaster Musakhanuly", []),
    ("Kaster Musakhan", "K. Musakhan", ["قاستەر مۇساحانۇلى"]),
    ("Qaisha Aqan", "Kaisha Akan", []),
    ("Murager Alimuly", "Мурагер Алимов", []),
    ("Sayragul Sauytbay", "Sairagul Sawytbay", []),
]


@pytest.mark.parametrize(("original", "again", "more"), VARIANTS)
def test_seed_case_variants_are_paired(
    demo: Archive, original: str, again: str, more: list[str]
) -> None:
    people.add_person(demo, again, names=[people.NameInput(n, "Arab", "alias") for n in more])
    found = pairs(demo)
    pair = found.get(frozenset((original, again)))
    assert pair is not None, list(found)
    assert pair.score >= duplicates.DEFAULT_MIN_SCORE
    assert pair.keep.display_name == original  # the older record is proposed to keep
    assert "“" in pair.reason and "”" in pair.reason
    assert len(found) == 1


def test_clearly_different_people_are_not_paired(demo: Archive) -> None:
    people.add_person(demo, "Kaster Alimov")  # shares a given name with Musakhan
    people.add_person(demo, "Murat Musakhanov")  # shares a family name
    found = pairs(demo)
    assert frozenset(("Kaster Musakhan", "Murager Alimuly")) not in found
    assert found == {}
    everything = pairs(demo, min_score=0)
    assert frozenset(("Kaster Musakhan", "Murager Alimuly")) not in everything
    # they are candidates (a shared name) that score below the line, not unseen
    below = {frozenset(("Kaster Musakhan", "Murat Musakhanov")),
             frozenset(("Kaster Musakhan", "Kaster Alimov")),
             frozenset(("Murager Alimuly", "Kaster Alimov"))}  # fmt: skip
    assert set(everything) == below
    assert all(0 < everything[p].score < duplicates.DEFAULT_MIN_SCORE for p in below)


def test_birth_dates_and_cases_are_evidence(demo: Archive) -> None:
    zaisan = next(c for c in cases.list_cases(demo) if "Zaisan" in c.title)
    same = people.add_person(demo, "Qaster Musakhanuly", birth_date="1989~").person
    cases.link_person(demo, zaisan.id, same.id, "defendant")
    pair = pairs(demo)[frozenset(("Kaster Musakhan", "Qaster Musakhanuly"))]
    assert "same birth date 1989~" in pair.reason
    assert "both in case “Kaster Musakhan and Murager Alimuly" in pair.reason
    other = people.add_person(demo, "Tlek Tabarik", birth_date="1950").person
    assert frozenset(("Tilek Tabarak", "Tlek Tabarik")) in pairs(demo, 0)
    plain = pairs(demo, 0)[frozenset(("Tilek Tabarak", "Tlek Tabarik"))].score
    people.edit_person(demo, person_id(demo, "Tilek Tabarak"), birth_date="1985")
    worse = pairs(demo, 0)[frozenset(("Tilek Tabarak", "Tlek Tabarik"))]
    assert worse.score == plain - duplicates.DIFFERENT_BIRTH_PENALTY
    assert "different birth dates" in worse.reason
    assert other.id in {worse.keep.id, worse.drop.id}


def test_merge_moves_everything_and_keeps_history(demo: Archive) -> None:
    repo = demo.repo
    keep_id = person_id(demo, "Kaster Musakhan")
    zaisan = next(c for c in cases.list_cases(demo) if "Zaisan" in c.title)
    zharkent = next(c for c in cases.list_cases(demo) if "Zharkent" in c.title)
    drop = people.add_person(
        demo,
        "Qaster Musakhanuly",
        names=[people.NameInput("Қастер Мұсахан", "Cyrl", "transliteration"),
               people.NameInput("Kaster Musahanov", "Latn", "alias")],
        birth_date="1989~",
        notes="Met at the Almaty office.",
        risk_flags=["relatives_detained"],
    ).person  # fmt: skip
    cases.link_person(demo, zaisan.id, drop.id, "defendant")  # keep has the same link
    cases.link_person(demo, zharkent.id, drop.id, "relative")  # new for keep
    event = cases.add_event(demo, zharkent.id, "other", "2021-10", people=[drop.id])
    told = testimonies.add_testimony(demo, drop.id, "I crossed near Zaisan in October.")
    note = testimonies.add_note(demo, "Ask about his brother", person_id=drop.id)
    tag = repo.insert(Tag(name="asylum"))
    repo.insert(Tagging(tag_id=tag.id, target_table="person", target_id=drop.id))
    chain_before = audit.verify(demo.records_db).entries

    report = duplicates.merge_people(demo, keep_id, drop.id)

    assert repo.get(Person, drop.id, include_deleted=True).deleted
    with pytest.raises(RecordNotFound):
        repo.get(Person, drop.id)
    names = [n.name for n in repo.find(PersonName, {"person_id": keep_id})]
    assert names.count("Қастер Мұсахан") == 1  # identical names are not doubled
    assert "Kaster Musahanov" in names and "Qaster Musakhanuly" in names
    assert repo.find(PersonName, {"person_id": drop.id}) == []
    roles = {(link.case_id, link.role) for link in repo.find(CasePerson, {"person_id": keep_id})}
    assert (zaisan.id, "defendant") in roles and (zharkent.id, "relative") in roles
    assert len([r for r in roles if r == (zaisan.id, "defendant")]) == 1
    assert repo.find(CasePerson, {"person_id": drop.id}) == []
    assert repo.find(EventPerson, {"event_id": event.id})[0].person_id == keep_id
    assert repo.get(Testimony, told.id).witness_id == keep_id
    assert repo.get(Note, note.id).person_id == keep_id
    assert repo.find(Tagging, {"target_id": keep_id})[0].tag_id == tag.id
    kept = repo.get(Person, keep_id)
    assert kept.birth_date == "1989~" and "relatives_detained" in kept.risk_flags
    assert "Met at the Almaty office." in kept.notes
    assert report.duplicates_removed.get("case_person") == 1
    assert report.moved["testimony"] == 1 and report.moved["note"] == 1

    # history: every moved record keeps its previous version
    assert repo.history(Testimony, told.id)[-1].witness_id == drop.id
    assert "Almaty office" not in repo.history(Person, keep_id)[-1].notes
    # the audit log says a merge happened, for both people, and still verifies
    entries = demo.records_db.execute(
        "SELECT action, record_id FROM audit_log WHERE seq > ? ORDER BY seq", (chain_before,)
    ).fetchall()
    assert [tuple(e) for e in entries[-2:]] == [("merge", drop.id), ("merge", keep_id)]
    assert verify_archive(demo).ok, verify_archive(demo).problems

    # search: the dropped person is gone, the kept one answers to every name
    found = search.search(demo, search.SearchQuery("Kaster Musahanov", kinds=("person",)))
    assert [r.record_id for r in found][:1] == [keep_id]
    assert drop.id not in {r.record_id for r in search.search(demo, search.SearchQuery(
        "Qaster Musakhanuly", limit=100))}  # fmt: skip
    by_person = search.search(demo, search.SearchQuery("Zaisan October", person_id=keep_id))
    assert told.id in {r.record_id for r in by_person}
    assert pairs(demo) == {}


def table_rows(archive: Archive) -> dict[str, list[tuple]]:
    conn = archive.records_db
    sql = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search%'"
    tables = [r[0] for r in conn.execute(sql)]
    return {t: sorted(map(tuple, conn.execute(f"SELECT * FROM {t}"))) for t in tables}  # noqa: S608


def test_merge_is_all_or_nothing(demo: Archive) -> None:
    keep_id = person_id(demo, "Tilek Tabarak")
    drop = people.add_person(demo, "Tlek Tabarik").person
    told = testimonies.add_testimony(demo, drop.id, "statement")
    before = table_rows(demo)
    # a real SQLite failure at the very last step of a merge (a connection-local trigger,
    # nothing written to the archive file)
    demo.records_db.execute(
        "CREATE TEMP TRIGGER fail_merge BEFORE INSERT ON main.audit_log"
        " WHEN NEW.action = 'merge' BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    )
    with pytest.raises(sqlcipher3.DatabaseError, match="disk full"):
        duplicates.merge_people(demo, keep_id, drop.id)
    demo.records_db.execute("DROP TRIGGER temp.fail_merge")
    assert table_rows(demo) == before
    assert not demo.repo.get(Person, drop.id).deleted
    assert demo.repo.get(Testimony, told.id).witness_id == drop.id
    assert [n.name for n in demo.repo.find(PersonName, {"person_id": drop.id})] == ["Tlek Tabarik"]
    assert verify_archive(demo).ok


def test_merge_refuses_nonsense(demo: Archive) -> None:
    keep_id = person_id(demo, "Tilek Tabarak")
    with pytest.raises(InvalidInput):
        duplicates.merge_people(demo, keep_id, keep_id)
    gone = people.add_person(demo, "Tlek Tabarik").person
    people.delete_person(demo, gone.id)
    with pytest.raises(RecordNotFound):
        duplicates.merge_people(demo, keep_id, gone.id)
