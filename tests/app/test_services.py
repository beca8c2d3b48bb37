"""Use cases over a real archive: people with names, cases, testimonies, deadlines, demo."""

from __future__ import annotations

import datetime as dt

from tumar.app import cases, deadlines, demo, people, testimonies
from tumar.app.verify import verify_archive
from tumar.storage.archive import Archive
from tumar.storage.records import PersonName, Testimony


def test_person_with_names_in_several_scripts(new_archive: Archive) -> None:
    detail = people.add_person(
        new_archive,
        "Qaisha Aqan",
        names=[people.NameInput("Қайша Ақан", "Cyrl", "transliteration"),
               people.NameInput("Kaisha Akan", "Latn", "alias")],
    )  # fmt: skip
    assert [(n.name, n.script, n.kind) for n in detail.names] == [
        ("Qaisha Aqan", "Latn", "legal"),
        ("Қайша Ақан", "Cyrl", "transliteration"),
        ("Kaisha Akan", "Latn", "alias"),
    ]
    people.delete_person(new_archive, detail.person.id)
    assert new_archive.repo.find(PersonName, {"person_id": detail.person.id}) == []


def test_case_detail_timeline_sorted_by_vague_dates(new_archive: Archive) -> None:
    person = people.add_person(new_archive, "Kaster Musakhan").person
    case = cases.add_case(new_archive, "Zaisan")
    cases.link_person(new_archive, case.id, person.id, "defendant")
    cases.link_person(new_archive, case.id, person.id, "defendant")  # idempotent
    for date in ("2020-01-21", "2019-10?", "2013-03/2017-11", "2019-10-14"):
        cases.add_event(new_archive, case.id, "other", date, people=[person.id])
    detail = cases.get_case(new_archive, case.id)
    assert [e.date for e in detail.timeline] == [
        "2013-03/2017-11", "2019-10?", "2019-10-14", "2020-01-21",
    ]  # fmt: skip
    assert [(link.role, p.display_name) for link, p in detail.people] == [
        ("defendant", "Kaster Musakhan")
    ]


def test_testimony_consent_withdrawal_is_kept_in_history(new_archive: Archive) -> None:
    witness = people.add_person(new_archive, "Murager Alimuly").person
    case = cases.add_case(new_archive, "Zaisan")
    t = testimonies.add_testimony(
        new_archive, witness.id, "Summary of public statements.", case_ids=[case.id],
        consent=testimonies.Consent("lawyer_only", "2019-10-14", "spoken, recorded"),
    )  # fmt: skip
    testimonies.add_translation(new_archive, t.id, "ru", "Краткое изложение.", "Demo")
    testimonies.withdraw_consent(new_archive, t.id)
    detail = testimonies.get_testimony(new_archive, t.id)
    assert detail.testimony.consent_withdrawn and detail.case_ids == [case.id]
    assert [tr.language for tr in detail.translations] == ["ru"]
    history = new_archive.repo.history(Testimony, t.id)
    assert [h.consent_withdrawn for h in history] == [False]


def test_deadlines_from_future_events_only(new_archive: Archive) -> None:
    today = dt.date(2026, 11, 24)
    case = cases.add_case(new_archive, "Hearings")
    for date in ("2026-11-23", "2026-11-24", "2027-01", "2026-12-03", "2020~"):
        cases.add_event(new_archive, case.id, "hearing", date)
    items = deadlines.upcoming(new_archive, today)
    assert [(d.event.date, d.days_left) for d in items] == [
        ("2026-11-24", 0), ("2026-12-03", 9), ("2027-01", 38),
    ]  # fmt: skip
    cases.delete_case(new_archive, case.id)
    assert deadlines.upcoming(new_archive, today) == []


def test_demo_archive_contents(new_archive: Archive) -> None:
    demo.populate(new_archive, demo.load_demo_data(), dt.date(2026, 11, 24))
    counts = new_archive.repo.count()
    assert counts["person"] == 11 and counts["case_file"] == 2
    assert counts["testimony"] >= 3
    names = {n.name for n in new_archive.repo.find(PersonName)}
    assert {"Kaster Musakhan", "Qaster Musakhanuly", "Tlek Tabarik"} <= names
    assert any(n.script == "Cyrl" for n in new_archive.repo.find(PersonName))
    for t in new_archive.repo.find(Testimony):
        assert t.consent_scope == "public"
        assert t.consent_how == "statements made publicly to the press"
        assert t.text.startswith("Summary") and t.source
    assert deadlines.upcoming(new_archive, dt.date(2026, 11, 24))
    assert verify_archive(new_archive).ok
