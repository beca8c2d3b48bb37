"""`verify` walks every imported audit chain in full and names a tampered entry."""

from __future__ import annotations

from pathlib import Path

from tumar.app.verify import verify_archive
from tumar.storage.records import Person

from .support import join, new_archive


def test_tampered_imported_chain_fails_verify(tmp_path: Path) -> None:
    source, _ = new_archive(tmp_path / "a.tumar")
    with source:
        source.repo.insert(Person(display_name="Someone"))
        restored = join(source, tmp_path, "b")
    with restored:
        assert verify_archive(restored).ok
        conn = restored.records_db
        conn.execute("DROP TRIGGER audit_chain_no_update")  # what an attacker with the key can do
        conn.execute("UPDATE audit_chain SET action = 'update' WHERE seq = 1")
        problems = verify_archive(restored).problems
    assert any("imported audit entry #1" in p and "altered" in p for p in problems)
