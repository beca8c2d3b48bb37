"""A merge keeps the search index exactly what a rebuild from the records would give.

Merging batches new records and their search documents (storage/fts_batch.py); this
checks the index after a merge of new people (several versions of one record in the same
bundle, names moved between people), testimonies with translations, notes and deletions.
"""

from __future__ import annotations

from pathlib import Path

from tumar.app.search import SearchQuery, search
from tumar.app.sync import export, merge, team
from tumar.storage import fts
from tumar.storage.records import Note, Person, PersonName, Testimony, Translation

from .support import join, new_archive

DOCS = (
    "SELECT kind, record_id, title, body, keys, nkeys, cjk, date, date_lower, date_upper,"
    " withdrawn FROM search_doc ORDER BY record_id"
)


def test_merged_search_documents_equal_a_rebuild(tmp_path: Path) -> None:
    a, _ = new_archive(tmp_path / "a.tumar")
    old = a.repo.insert(Person(display_name="Old person"))
    b = join(a, tmp_path, "b")
    team.add_member(a, team.keys(b).recipient, "B")
    repo = a.repo
    p = repo.insert(Person(display_name="Тілек Табарықұлы"))
    p.notes = "relatives held in Ili"
    repo.update(p)  # two versions of a record new to B, in one bundle
    name = repo.insert(PersonName(person_id=p.id, name="Tilek Tabarikuly"))
    q = repo.insert(Person(display_name="Qaisha Aqan"))
    name.person_id = q.id
    repo.update(name)  # a name moved from one new person to another
    t = repo.insert(Testimony(witness_id=p.id, text="我的弟弟 was taken at the border"))
    repo.insert(Translation(testimony_id=t.id, language="kk", text="інім шекарада ұсталды"))
    repo.insert(Note(text="gone soon", person_id=q.id))
    gone = repo.insert(Note(text="deleted before the sync", person_id=q.id))
    repo.delete(Note, gone.id)
    repo.update_fields(Person, old.id, {"display_name": "Renamed person"})
    bundle = tmp_path / "a.tumar-bundle"
    export.write_bundle(a, bundle)

    report = merge.merge(b, bundle)

    assert report.applied is not None and report.applied.records.added >= 7
    conn = b.records_db
    merged = [tuple(r) for r in conn.execute(DOCS)]
    assert merged == [tuple(r) for r in a.records_db.execute(DOCS)]
    fts.check(conn)
    fts.rebuild(conn)
    assert merged == [tuple(r) for r in conn.execute(DOCS)]
    assert {h.record_id for h in search(b, SearchQuery("Tabarikuly"))} == {q.id}
    assert {h.record_id for h in search(b, SearchQuery("шекарада"))} == {t.id}
    a.close()
    b.close()
