"""`tumar testimony|event|note delete`: the window could delete these; the CLI now can too,
through the same services (tombstone, kept history, audited), as real processes."""

from __future__ import annotations

import json
from pathlib import Path

from tumar.storage.archive import Archive

from .cli import run_tumar
from .test_cli import PASS, archive, assert_one_line_error, form, ok  # noqa: F401


def _case_with_records(a: tuple[str, str]) -> tuple[str, str, str, str]:
    person = ok("person", "add", *a, stdin="Kaster Musakhan\n").strip()
    case = ok("case", "add", *a, stdin="Zaisan hearing\n").strip()
    event = ok("event", "add", "--case", case, "--kind", "arrest", "--from-file", "-", *a,
               **form(date="2019-10-14", place="Almaty")).strip()  # fmt: skip
    testimony = ok("testimony", "add", "--witness", person, "--case", case, "--consent",
                   "lawyer_only", *a, stdin="Мен шекарадан өттім.\n").strip()  # fmt: skip
    note = ok("note", "add", "--case", case, *a, stdin="Ask for the court file\n").strip()
    return case, event, testimony, note


def _states(folder: Path, table: str, record_id: str) -> list[int]:
    """deleted flag of every kept version, then of the current row."""
    with Archive.open(folder, PASS) as opened:
        conn = opened.records_db
        kept = [
            json.loads(r[0])["deleted"]
            for r in conn.execute(
                "SELECT data FROM record_history WHERE table_name = ? AND record_id = ? "
                "ORDER BY seq",
                (table, record_id),
            )
        ]
        (current,) = conn.execute(
            f"SELECT deleted FROM {table} WHERE id = ?",  # noqa: S608 - a fixed table name
            (record_id,),
        ).fetchone()
        audit = [
            r[0]
            for r in conn.execute(
                "SELECT action FROM audit_log WHERE table_name = ? AND record_id = ? ORDER BY seq",
                (table, record_id),
            )
        ]
    return [*kept, current, *audit]


def test_delete_testimony_event_note_keeps_history(archive: Path) -> None:  # noqa: F811
    a = ("-a", str(archive))
    case, event, testimony, note = _case_with_records(a)
    before = ok("case", "show", case, *a)
    assert "Testimonies: 1" in before and "Notes: 1" in before and "arrest" in before
    found = run_tumar("search", "-a", archive, stdin="шекарадан")
    assert found.code == 0 and "testimony" in found.out

    assert "Deleted" in ok("testimony", "delete", testimony[:8], *a)
    assert "Deleted" in ok("event", "delete", event, *a)
    assert "Deleted" in ok("note", "delete", note, *a)

    after = ok("case", "show", case, *a)
    assert "Testimonies: 0" in after and "Notes: 0" in after and "arrest" not in after
    assert ok("testimony", "list", *a) == ""
    found = run_tumar("search", "-a", archive, stdin="шекарадан")
    assert found.code == 0 and "testimony" not in found.out
    ok("note", "delete", note, *a)  # a second delete changes nothing more
    for table, record_id in (("testimony", testimony), ("event", event), ("note", note)):
        assert _states(archive, table, record_id) == [0, 1, "create", "delete"]
    assert "OK" in ok("verify", archive)


def test_delete_unknown_id_is_one_line(archive: Path) -> None:  # noqa: F811
    for kind in ("testimony", "event", "note"):
        result = run_tumar(kind, "delete", "0123456789abcdef", "-a", archive)
        assert_one_line_error(result, 1, f"No {kind}")
