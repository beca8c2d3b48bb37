"""audit.py where the re-run after the verify-speed rework found it loose: a kept version
missing behind a delete (not only behind an update) is named, and `last_entry_time` (what
`verify` compares an orphan's age with) reads the newest entry's time."""

from __future__ import annotations

import datetime as dt

from tumar.storage import audit
from tumar.storage.archive import Archive
from tumar.storage.records import Person


def test_a_version_replaced_by_a_delete_must_be_kept(new_archive: Archive) -> None:
    repo, conn = new_archive.repo, new_archive.records_db
    person = repo.insert(Person(display_name="Ayan"))  # entry #1
    repo.delete(Person, person.id)  # entry #2 keeps the version it replaced
    assert audit.verify(conn).problems == []
    conn.execute("DROP TRIGGER IF EXISTS record_history_no_delete")
    conn.execute("DELETE FROM record_history WHERE record_id = ?", (person.id,))
    assert audit.verify(conn).problems == [
        f"the version of person {person.id} replaced by audit entry #2 (delete) is missing "
        "from its history (deleted outside Tumar)"
    ]


def test_last_entry_time(new_archive: Archive) -> None:
    conn = new_archive.records_db
    assert audit.last_entry_time(conn) is None  # a new archive has no entries yet
    repo = new_archive.repo
    repo.insert(Person(display_name="Ayan"))
    repo.insert(Person(display_name="Berik"))
    newest = conn.execute("SELECT at FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()[0]
    stamp = audit.last_entry_time(conn)
    assert stamp == dt.datetime.fromisoformat(newest) and stamp.tzinfo is not None
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET at = 'not a time' WHERE seq = 2")
    assert audit.last_entry_time(conn) is None  # unreadable: no age can be judged
