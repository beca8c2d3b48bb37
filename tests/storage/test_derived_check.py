"""storage.derived_check: the search documents rebuilt from whole-table reads must equal the
write path's own (fts.build_doc), and every rewritten, missing or extra document is named.

Real archive, real Repository writes; tampering is plain SQL with the key, as an attacker
holding it would do.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.templates import Templates
from tumar.storage import audit, derived_check, fts
from tumar.storage.archive import Archive
from tumar.storage.derived_check import _expected, same_values, search_doc_problems
from tumar.storage.records import (
    Case,
    Event,
    Note,
    Person,
    PersonName,
    Testimony,
    Translation,
)
from tumar.storage.search_text import FoldCache


def _fill(archive: Archive) -> dict[str, str]:
    """Every kind of document, and the cases where building one needs another table."""
    repo = archive.repo
    aru = repo.insert(Person(display_name="Aru Tabarak", notes="Жаркент, Qorğas"))
    repo.insert(PersonName(person_id=aru.id, name="Ару Табарақ", script="Cyrl"))
    gone_name = repo.insert(PersonName(person_id=aru.id, name="Aruzhan", script="Latn"))
    repo.delete(PersonName, gone_name.id)
    berik = repo.insert(Person(display_name="Berik"))
    moved = repo.insert(PersonName(person_id=berik.id, name="Berik Qasym"))
    moved.person_id = aru.id
    repo.update(moved)
    gone = repo.insert(Person(display_name="Dana"))
    repo.delete(Person, gone.id)
    case = repo.insert(Case(title="Zaisan", summary="Detention in 伊犁", court="Almaty"))
    event = repo.insert(Event(case_id=case.id, kind="hearing", date="2019-10?", place="Almaty"))
    closed = repo.insert(Case(title="Closed case"))
    orphan = repo.insert(Event(case_id=closed.id, kind="arrest", date="2018", place="Ghulja"))
    repo.delete(Case, closed.id)
    told = repo.insert(
        Testimony(witness_id=aru.id, text="They took my passport in 伊犁哈萨克.",
                  recorded_at="2018-05", recorded_where="Үрімжі")
    )  # fmt: skip
    for language, text in (("ru", "Забрали мой паспорт."), ("kk", "Төлқұжатымды алды.")):
        repo.insert(Translation(testimony_id=told.id, language=language, text=text))
    dropped = repo.insert(Translation(testimony_id=told.id, language="en", text="withdrawn"))
    repo.delete(Translation, dropped.id)
    plain = repo.insert(Testimony(witness_id=berik.id, text="No date, no place."))
    note = repo.insert(Note(text="Call back on Friday", case_id=case.id))
    ids = {
        "person": aru.id, "empty person": berik.id, "deleted person": gone.id,
        "case": case.id, "event": event.id, "orphan event": orphan.id, "testimony": told.id,
        "plain testimony": plain.id, "note": note.id,
    }  # fmt: skip
    return ids


@pytest.fixture
def filled(tmp_path: Path, templates: Templates) -> Iterator[tuple[Archive, dict[str, str]]]:
    """An open archive `_fill` wrote: this test's own copy of one filled once."""
    template = templates.get("derived-check", _fill)
    archive = template.open_copy(tmp_path / "test.tumar")
    try:
        yield archive, template.extra
    finally:
        archive.close()


def test_bulk_documents_equal_the_write_paths(filled) -> None:
    archive, ids = filled
    conn = archive.records_db
    built = {doc.record_id: (table, doc) for table, doc in _expected(conn, FoldCache())}
    expected = {
        record_id: fts.build_doc(conn, kind, record_id)
        for kind in fts.KINDS
        for (record_id,) in conn.execute(f"SELECT id FROM {fts.TABLE_OF_KIND[kind]}")  # noqa: S608
    }
    expected = {k: v for k, v in expected.items() if v is not None}
    assert {k: doc for k, (_, doc) in built.items()} == expected
    assert {table for table, _ in built.values()} == {
        "person", "case_file", "event", "testimony", "note",
    }  # fmt: skip
    assert ids["deleted person"] not in built and ids["orphan event"] not in built
    body = built[ids["testimony"]][1].body
    assert body.index("Забрали") < body.index("Төлқұжатымды") and "withdrawn" not in body
    assert "Berik Qasym" in built[ids["person"]][1].body
    assert "Berik Qasym" not in built[ids["empty person"]][1].body
    assert search_doc_problems(conn) == []


COLUMN_CHANGES = [
    ("testimony", "body", "'The witness retracted everything.'"),
    ("testimony", "keys", "keys || ' invented'"),
    ("testimony", "cjk", "''"),
    ("testimony", "date", "'2017'"),
    ("testimony", "date_lower", "NULL"),
    ("testimony", "withdrawn", "1"),
    ("plain testimony", "date", "''"),  # '' is not NULL
    ("person", "title", "'Someone else'"),
    ("person", "nkeys", "''"),
    ("event", "date_upper", "'2030-01-01'"),
    ("case", "kind", "'note'"),
    ("note", "body", "body || ' '"),
]


@pytest.mark.parametrize(("which", "column", "value"), COLUMN_CHANGES)
def test_each_rewritten_column_is_named(filled, which: str, column: str, value: str) -> None:
    archive, ids = filled
    conn = archive.records_db
    changed = conn.execute(
        f"UPDATE search_doc SET {column} = {value} WHERE record_id = ?",  # noqa: S608
        (ids[which],),
    ).rowcount
    assert changed == 1
    problems = search_doc_problems(conn)
    assert len(problems) == 1, problems
    assert problems[0].startswith("the search document of ") and ids[which] in problems[0]


def test_missing_and_extra_documents_are_named(filled) -> None:
    archive, ids = filled
    conn = archive.records_db
    conn.execute("DELETE FROM search_doc WHERE record_id = ?", (ids["note"],))
    for planted in ("deleted person", "orphan event"):
        conn.execute(
            "INSERT INTO search_doc (kind, record_id, body) VALUES ('person', ?, 'planted')",
            (ids[planted],),
        )
    problems = search_doc_problems(conn)
    assert problems == [
        f"note {ids['note']} is missing from the search index",
        f"the search index has a document for {ids['deleted person']}, no live record",
        f"the search index has a document for {ids['orphan event']}, no live record",
    ]


def test_many_problems_are_capped(filled, monkeypatch: pytest.MonkeyPatch) -> None:
    archive, _ = filled
    monkeypatch.setattr(derived_check, "MAX_REPORTED", 2)
    archive.records_db.execute("UPDATE search_doc SET title = title || '!'")
    problems = search_doc_problems(archive.records_db)
    assert len(problems) == 3 and problems[-1] == "… and 5 more search-index problems"


def test_same_values_keeps_values_apart() -> None:
    distinct = [
        ("ab", "c"), ("a", "bc"), ("abc",), (None,), ("",), ("None",), (1,), ("1",), (True,),
        (1.0,), (None, None), (), ("\udcff",), ("\ufffd",), (b"1",),
    ]  # fmt: skip
    for i, one in enumerate(distinct):
        for j, other in enumerate(distinct):
            assert same_values(one, other) == (i == j), (one, other)
    assert same_values(("ab", None, 0), ("ab", None, 0))


def _move_to_end(conn, record_id: str) -> None:
    """The same stored row, given a new doc_id after every other (as a refresh would)."""
    row = conn.execute("SELECT * FROM search_doc WHERE record_id = ?", (record_id,)).fetchone()
    values = {k: row[k] for k in row.keys() if k != "doc_id"}
    conn.execute("DELETE FROM search_doc WHERE record_id = ?", (record_id,))
    conn.execute(
        f"INSERT INTO search_doc ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
        tuple(values.values()),
    )


@pytest.mark.parametrize("lookahead", [0, 1, 1000])
def test_documents_out_of_order_are_still_compared(
    filled, monkeypatch: pytest.MonkeyPatch, lookahead: int
) -> None:
    """Rows met out of doc_id order (beyond the look-ahead, or pushed out of it) are
    fetched by id: no false alarm, and a rewritten one is still named."""
    archive, ids = filled
    conn = archive.records_db
    monkeypatch.setattr(derived_check, "LOOKAHEAD", lookahead)
    _move_to_end(conn, ids["person"])
    _move_to_end(conn, ids["testimony"])
    assert search_doc_problems(conn) == []
    conn.execute("UPDATE search_doc SET body = 'invented' WHERE record_id = ?", (ids["testimony"],))
    conn.execute("DELETE FROM search_doc WHERE record_id = ?", (ids["plain testimony"],))
    problems = search_doc_problems(conn)
    assert problems == [
        f"the search document of testimony {ids['testimony']} differs from the record "
        "(search results and snippets would show other text); "
        "`tumar reindex` rebuilds the index from the records",
        f"testimony {ids['plain testimony']} is missing from the search index",
    ]


def test_values_moved_between_columns_are_named(filled) -> None:
    archive, ids = filled
    conn = archive.records_db
    # the person's folded and coarse keys swapped: the same characters, other columns
    conn.execute(
        "UPDATE search_doc SET keys = nkeys, nkeys = keys WHERE record_id = ?", (ids["person"],)
    )
    problems = search_doc_problems(conn)
    assert len(problems) == 1 and ids["person"] in problems[0], problems


def test_documents_fed_by_the_audit_walk_equal_the_check_alone(filled) -> None:
    """verify feeds the check the rows its audit walk reads (BY_TABLE order, id order):
    every finding is the same as when the check reads the tables itself."""
    archive, ids = filled
    conn = archive.records_db
    _move_to_end(conn, ids["person"])
    conn.execute("UPDATE search_doc SET keys = 'x' WHERE record_id = ?", (ids["event"],))
    conn.execute("DELETE FROM search_doc WHERE record_id = ?", (ids["note"],))
    conn.execute(
        "INSERT INTO search_doc (kind, record_id, body) VALUES ('person', ?, 'planted')",
        (ids["deleted person"],),
    )
    alone = search_doc_problems(conn)
    assert len(alone) == 3 and ids["event"] in alone[0], alone
    reader = archive.reader()
    try:
        check = derived_check.SearchDocCheck(reader)
        assert audit.verify(conn, check.visit).problems == []
        assert check.problems() == alone
    finally:
        reader.close()
