"""Paged lists (keyset), a case's overview, record history and the merge preview."""

from __future__ import annotations

import pytest

from tumar.app import browse, cases, duplicates, history, people, tags, testimonies
from tumar.app.merge_preview import preview_merge
from tumar.storage.archive import Archive
from tumar.storage.browse_repo import ListFilter
from tumar.storage.errors import InvalidInput
from tumar.storage.records import Person, PersonName


def _all_pages(archive: Archive, request: browse.ListRequest) -> list[browse.ListRow]:
    rows: list[browse.ListRow] = []
    after = None
    while True:
        page = browse.list_page(archive, request, after)
        rows += page
        if len(page) < request.page_size:
            return rows
        after = browse.cursor_after(page[-1])


def test_keyset_pages_cover_every_row_once_in_order(new_archive: Archive) -> None:
    names = [f"Person {i:02d}" for i in (5, 3, 9, 1, 7, 2, 8, 4, 6, 0, 3)]
    for name in names:
        people.add_person(new_archive, name)
    by_name = browse.ListRequest("person", sort="name", descending=False, page_size=3)
    rows = _all_pages(new_archive, by_name)
    assert [r.title for r in rows] == sorted(names)
    assert len({r.id for r in rows}) == len(names)  # the two "Person 03" both appear
    newest = _all_pages(new_archive, browse.ListRequest("person", page_size=4))
    assert [r.title for r in newest] == list(reversed(names))


@pytest.mark.parametrize(
    ("kind", "sort"),
    [
        ("testimony", "added"), ("testimony", "recorded"), ("person", "name"),
        ("case", "title"), ("case", "updated"), ("media", "captured"), ("media", "name"),
    ],
)  # fmt: skip
def test_every_sort_order_reads_an_index_not_the_whole_table(
    new_archive: Archive, kind: str, sort: str
) -> None:
    """Without an index on the order, every page would decrypt and sort the whole table
    (seconds for 100,000 testimonies); bench/bench_browse.py measures the real thing."""
    from tumar.storage.browse_repo import query_plan

    for descending in (True, False):
        plan = query_plan(new_archive.records_db, kind, sort, descending)
        assert "TEMP B-TREE" not in plan, plan


def test_filters_text_case_and_status(new_archive: Archive) -> None:
    witness = people.add_person(new_archive, "Murager Alimuly").person
    case = cases.add_case(new_archive, "Zaisan hearing", court="Zaisan court")
    other = cases.add_case(new_archive, "Almaty 100% appeal", status="appeal")
    testimonies.add_testimony(
        new_archive, witness.id, "Border crossing in 2017", case_ids=[case.id],
        consent=testimonies.Consent("public"),
    )  # fmt: skip
    testimonies.add_testimony(new_archive, witness.id, "Other text", case_ids=[other.id])

    def titles(kind: str, **kw: object) -> list[str]:
        request = browse.ListRequest(kind, filters=ListFilter(**kw))  # type: ignore[arg-type]
        return [
            r.subtitle if kind == "testimony" else r.title for r in _all_pages(new_archive, request)
        ]

    assert titles("case", text="zaisan") == ["Zaisan hearing"]
    assert titles("case", text="100%") == ["Almaty 100% appeal"]  # % is literal
    assert titles("case", text="_") == []
    assert titles("case", status="appeal") == ["Almaty 100% appeal"]
    assert titles("testimony", case_id=case.id) == ["Border crossing in 2017"]
    assert titles("testimony", status="public") == ["Border crossing in 2017"]
    rows = browse.list_page(new_archive, browse.ListRequest("testimony"))
    assert {r.title for r in rows} == {"Murager Alimuly"}


def test_deleted_rows_are_not_listed_and_bad_sort_is_refused(new_archive: Archive) -> None:
    keep = people.add_person(new_archive, "Kept").person
    gone = people.add_person(new_archive, "Gone").person
    people.delete_person(new_archive, gone.id)
    assert [r.id for r in browse.list_page(new_archive, browse.ListRequest("person"))] == [keep.id]
    with pytest.raises(InvalidInput):
        browse.list_page(new_archive, browse.ListRequest("person", sort="id; DROP TABLE person"))
    with pytest.raises(InvalidInput):
        browse.count(new_archive, "audit_log")


def test_case_overview_has_people_events_testimonies_tags(new_archive: Archive) -> None:
    person = people.add_person(new_archive, "Kaster Musakhan").person
    case = cases.add_case(new_archive, "Zaisan")
    cases.link_person(new_archive, case.id, person.id, "defendant")
    cases.add_event(new_archive, case.id, "hearing", "2020-01-21")
    t = testimonies.add_testimony(new_archive, person.id, "Statement", case_ids=[case.id])
    testimonies.add_note(new_archive, "Ask for the file", case_id=case.id)
    tags.tag_record(new_archive, "deportation-risk", "case_file", case.id)
    overview = browse.case_overview(new_archive, case.id)
    assert [(link.role, p.display_name) for link, p in overview.detail.people] == [
        ("defendant", "Kaster Musakhan")
    ]
    assert [e.kind for e in overview.events] == ["hearing"]
    assert overview.witnesses[t.id].display_name == "Kaster Musakhan"
    assert [n.text for n in overview.notes] == ["Ask for the file"]
    assert [tag.name for tag in overview.tags] == ["deportation-risk"]


def test_history_newest_first_with_field_changes(new_archive: Archive) -> None:
    person = people.add_person(new_archive, "Qaisha Aqan", birth_date="1989~").person
    people.edit_person(new_archive, person.id, birth_date="1990~", notes="moved")
    people.add_name(new_archive, person.id, people.NameInput("Қайша Ақан", "Cyrl", "alias"))
    entries = history.record_history(new_archive, "person", person.id)
    assert [(e.table, e.action) for e in entries] == [
        ("person_name", "create"), ("person", "update"),
        ("person_name", "create"), ("person", "create"),
    ]  # fmt: skip
    update = entries[1]
    assert {(c.field, c.before, c.after) for c in update.changes} == {
        ("birth_date", "1989~", "1990~"),
        ("notes", "", "moved"),
    }
    created = {c.field: c.after for c in entries[-1].changes}
    assert created["display_name"] == "Qaisha Aqan"
    with pytest.raises(InvalidInput):
        history.record_history(new_archive, "nonsense", person.id)


def test_history_shows_consent_withdrawal(new_archive: Archive) -> None:
    witness = people.add_person(new_archive, "W").person
    t = testimonies.add_testimony(
        new_archive, witness.id, "Text", consent=testimonies.Consent("lawyer_only")
    )
    testimonies.withdraw_consent(new_archive, t.id)
    newest = history.record_history(new_archive, "testimony", t.id)[0]
    assert [(c.field, c.before, c.after) for c in newest.changes] == [("consent_withdrawn", 0, 1)]


def test_merge_preview_matches_the_merge_and_writes_nothing(new_archive: Archive) -> None:
    keep = people.add_person(
        new_archive, "Tilek Tabarak", names=[people.NameInput("Тілек Табарақ", "Cyrl", "legal")]
    ).person
    drop = people.add_person(
        new_archive, "Tlek Tabarik", names=[people.NameInput("Тілек Табарақ", "Cyrl", "legal")],
        birth_date="1985",
    ).person  # fmt: skip
    case = cases.add_case(new_archive, "Zaisan")
    cases.link_person(new_archive, case.id, drop.id, "witness")
    testimonies.add_testimony(new_archive, drop.id, "What I saw")
    seq_before = new_archive.records_db.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
    preview = preview_merge(new_archive, keep.id, drop.id)
    assert new_archive.records_db.execute("SELECT max(seq) FROM audit_log").fetchone()[0] == (
        seq_before
    )
    moves = {(m.table, m.description, m.action) for m in preview.moves}
    assert moves == {
        ("person_name", "Tlek Tabarik", "move"),
        ("person_name", "Тілек Табарақ", "fold"),
        ("case_person", "Zaisan (witness)", "move"),
        ("testimony", "What I saw", "move"),
    }
    fields = {f.field: f for f in preview.fields}
    assert fields["birth_date"].merged == "1985"
    assert fields["testimonies"].merged == "1"
    report = duplicates.merge_people(new_archive, keep.id, drop.id)
    assert sum(report.moved.values()) == preview.count("move")
    assert sum(report.duplicates_removed.values()) == preview.count("fold")
    names = {n.name for n in new_archive.repo.find(PersonName, {"person_id": keep.id})}
    assert names == {"Tilek Tabarak", "Тілек Табарақ", "Tlek Tabarik"}
    assert new_archive.repo.get(Person, keep.id).birth_date == "1985"


def test_deadline_board_groups_overdue_this_week_later(new_archive: Archive) -> None:
    import datetime as dt

    from tumar.app.deadline_board import board

    today = dt.date(2026, 11, 24)
    case = cases.add_case(new_archive, "Zaisan")
    for kind, date in [
        ("hearing", "2026-11-20"),  # 4 days ago: overdue
        ("arrest", "2026-11-20"),  # a past arrest is history, not a deadline
        ("hearing", "2019-01-01"),  # long past
        ("hearing", "2026-11-26"),  # this week
        ("certificate_expires", "2026-12-05"),  # later but within 14 days
        ("hearing", "2027-03"),  # later
    ]:
        cases.add_event(new_archive, case.id, kind, date)
    result = board(new_archive, today)
    assert [(d.event.date, d.days_left) for d in result.overdue] == [("2026-11-20", -4)]
    assert [d.days_left for d in result.this_week] == [2]
    assert [d.event.date for d in result.later] == ["2026-12-05", "2027-03"]
    assert result.due_soon == 3


def test_people_rows_show_and_filter_by_other_spellings(new_archive: Archive) -> None:
    people.add_person(
        new_archive, "Qaisha Aqan", names=[people.NameInput("Қайша Ақан", "Cyrl", "legal")]
    )
    people.add_person(new_archive, "Someone Else")
    request = browse.ListRequest("person", sort="name", descending=False)
    rows = browse.list_page(new_archive, request)
    assert [(r.title, r.subtitle) for r in rows] == [
        ("Qaisha Aqan", "Қайша Ақан"), ("Someone Else", ""),
    ]  # fmt: skip
    by_cyrillic = browse.ListRequest("person", filters=ListFilter(text="Қайша"))
    assert [r.title for r in browse.list_page(new_archive, by_cyrillic)] == ["Qaisha Aqan"]
