"""Tags: one label per name whatever its case, links audited, usable as a search filter."""

from __future__ import annotations

import pytest

from tests.templates import init_copy
from tumar.app import cases, people, tags
from tumar.app.search import SearchQuery, search
from tumar.app.verify import verify_archive
from tumar.storage.archive import Archive
from tumar.storage.errors import InvalidInput, RecordNotFound
from tumar.storage.records import Tag, Tagging


def test_tags_are_created_once_and_filter_search(new_archive: Archive) -> None:
    zaisan = cases.add_case(new_archive, "Zaisan border crossing")
    zharkent = cases.add_case(new_archive, "Zharkent border crossing")
    tags.tag_record(new_archive, "Deportation risk", "case_file", zaisan.id)
    tags.tag_record(new_archive, "deportation RISK ", "case_file", zaisan.id)  # same tag, same link
    tags.tag_record(new_archive, "Задержание", "case_file", zharkent.id)
    assert [(t.name, n) for t, n in tags.list_tags(new_archive)] == [
        ("Deportation risk", 1),
        ("Задержание", 1),
    ]
    assert len(new_archive.repo.find(Tag)) == 2 and len(new_archive.repo.find(Tagging)) == 2
    hits = search(new_archive, SearchQuery("border", tag="Deportation risk"))
    assert [h.record_id for h in hits] == [zaisan.id]
    hits = search(new_archive, SearchQuery("border", tag="ЗАДЕРЖАНИЕ"))  # non-ASCII case
    assert [h.record_id for h in hits] == [zharkent.id]
    assert tags.untag_record(new_archive, "deportation risk", zaisan.id) == 1
    assert search(new_archive, SearchQuery("border", tag="Deportation risk")) == []
    assert verify_archive(new_archive).ok


def test_tagging_needs_a_live_record_of_a_taggable_kind(new_archive: Archive) -> None:
    person = people.add_person(new_archive, "Tilek Tabarak").person
    with pytest.raises(InvalidInput, match="cannot be tagged"):
        tags.tag_record(new_archive, "x", "audit_log", person.id)
    with pytest.raises(InvalidInput, match="must not be empty"):
        tags.tag_record(new_archive, "  ", "person", person.id)
    people.delete_person(new_archive, person.id)
    with pytest.raises(RecordNotFound):
        tags.tag_record(new_archive, "witness", "person", person.id)
    assert new_archive.repo.find(Tag) == []


def test_tag_cli(run_tumar, tmp_path) -> None:
    folder = tmp_path / "t.tumar"
    init_copy(folder)
    case_id = run_tumar("case", "add", "-a", folder, input="Zaisan hearing\n").stdout.strip()
    added = run_tumar("tag", "add", "--case", case_id, "-a", folder, input="hearing-watch\n")
    assert added.returncode == 0, added.stderr
    listed = run_tumar("tag", "list", "-a", folder).stdout
    assert listed.strip() == "hearing-watch  (1)"
    query = '{"query": "Zaisan", "tag": "hearing-watch"}'
    found = run_tumar("search", "--from-file", "-", "-a", folder, input=query)
    assert case_id in found.stdout
    missing = run_tumar("tag", "add", "-a", folder, input="x")
    assert missing.returncode == 64
