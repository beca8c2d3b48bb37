"""A restore builds the search index in one pass (storage/fts_bulk.py, on a helper thread);
it must equal exactly what fts.rebuild makes from the same records: the same documents
under the same doc_ids, and the same entries in both FTS5 indexes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tumar.app.search import SearchQuery, search
from tumar.app.sync import bundle_io, export, restore, team
from tumar.storage import fts, fts_bulk
from tumar.storage.records import (
    Case,
    Event,
    Note,
    Person,
    PersonName,
    Testimony,
    Translation,
)

from .support import PASS, new_archive

DOCS = "SELECT * FROM search_doc ORDER BY doc_id"
# every token occurrence of both indexes: (term, doc, column, offset)
VOCABS = (
    "CREATE VIRTUAL TABLE temp.words_v USING fts5vocab(main, search_words, 'instance')",
    "CREATE VIRTUAL TABLE temp.grams_v USING fts5vocab(main, search_grams, 'instance')",
)


def _index(conn) -> tuple[list[tuple], list[tuple], list[tuple]]:
    return (
        [tuple(r) for r in conn.execute(DOCS)],
        [tuple(r) for r in conn.execute("SELECT * FROM temp.words_v ORDER BY 1, 2, 3, 4")],
        [tuple(r) for r in conn.execute("SELECT * FROM temp.grams_v ORDER BY 1, 2, 3, 4")],
    )


@pytest.mark.parametrize("span", [3, 1000])  # several spans fed to FTS5; one, at the end
def test_restored_index_equals_a_rebuild(tmp_path: Path, monkeypatch, span: int) -> None:
    monkeypatch.setattr(fts_bulk, "CHUNK", 2)  # many hand-overs, even with little data
    monkeypatch.setattr(fts_bulk, "FTS_SPAN", span)
    source, _ = new_archive(tmp_path / "src.tumar")
    repo = source.repo
    p = repo.insert(Person(display_name="Тілек Табарықұлы", notes="relatives held in Ili"))
    q = repo.insert(Person(display_name="Qaisha Aqan"))
    name = repo.insert(PersonName(person_id=p.id, name="Tilek Tabarikuly"))
    name.person_id = q.id
    repo.update(name)  # a name moved to another person: history and current differ
    gone_name = repo.insert(PersonName(person_id=p.id, name="Тлек"))
    repo.delete(PersonName, gone_name.id)
    case = repo.insert(Case(title="Border case", summary="伊犁 detention"))
    repo.insert(Event(case_id=case.id, kind="arrest", date="2019-10?", place="Қорғас"))
    dead = repo.insert(Case(title="Closed case"))
    repo.insert(Event(case_id=dead.id, kind="hearing", date="2020", place="Almaty"))
    repo.delete(Case, dead.id)  # its event has no document
    t = repo.insert(Testimony(witness_id=p.id, text="我的弟弟 was taken", recorded_at="2019~"))
    repo.insert(Translation(testimony_id=t.id, language="kk", text="інім ұсталды"))
    old = repo.insert(Translation(testimony_id=t.id, language="ru", text="брат задержан"))
    repo.delete(Translation, old.id)
    for i in range(5):
        repo.insert(Testimony(witness_id=q.id, text=f"telling {i} of the camp"))
    repo.insert(Note(text="lawyer called", person_id=q.id))
    bundle = tmp_path / "b.tumar-bundle"
    export.write_bundle(source, bundle)
    secret = bundle_io.Secret(identities=(team.keys(source).age_identity,))

    restored, _, _ = restore.restore(bundle, tmp_path / "new.tumar", PASS, secret)
    with restored:
        conn = restored.records_db
        for statement in VOCABS:
            conn.execute(statement)
        built = _index(conn)
        assert len(built[0]) == 11 and built[2]  # 2 people, 1 case, 1 event, 6 testimonies, 1 note
        fts.check(conn)
        config = "SELECT * FROM search_words_config UNION ALL SELECT * FROM search_grams_config"
        assert sorted(map(tuple, conn.execute(config))) == sorted(
            map(tuple, source.records_db.execute(config))
        )  # FTS5's settings as in a newly created archive
        fts.rebuild(conn)
        assert _index(conn) == built
        assert {h.record_id for h in search(restored, SearchQuery("Tabarikuly"))} == {q.id}
        assert {h.record_id for h in search(restored, SearchQuery("弟弟"))} == {t.id}
    source.close()
