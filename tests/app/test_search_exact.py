"""Search results compared exactly, on small archives whose texts are chosen so that a
wrong query (a phrase split into loose words, a filter ignored, a stray token) would
return a different set of records."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tumar.app import cases, people, testimonies
from tumar.app import search as S
from tumar.storage.archive import Archive
from tumar.storage.kdf import fast_params

PASS = "correct horse battery staple"


def ids(archive: Archive, text: str, **filters: object) -> set[str]:
    return {r.record_id for r in S.search(archive, S.SearchQuery(text, limit=100, **filters))}


def note(archive: Archive, text: str) -> str:
    subject = people.add_person(archive, "Aigerim Bolat").person
    return testimonies.add_note(archive, text, person_id=subject.id).id


def test_quoted_phrase_needs_adjacent_words(new_archive: Archive) -> None:
    apart = note(new_archive, "The conference in Zaisan was covered by the press.")
    adjacent = note(new_archive, "At the press conference the lawyers spoke.")
    assert ids(new_archive, '"press conference"') == {adjacent}
    assert ids(new_archive, "press conference") == {apart, adjacent}


def test_quoted_phrase_in_another_spelling_needs_adjacent_words(new_archive: Archive) -> None:
    """The folded (cross-script) alternative of a phrase is a phrase too."""
    w = people.add_person(new_archive, "Aidos Serik").person
    apart = testimonies.add_testimony(new_archive, w.id, "Жаркент полициясы ... Қорғас бекеті.").id
    adjacent = testimonies.add_testimony(new_archive, w.id, "Ол Жаркент Қорғас жолында ұсталды.").id
    # folded words are indexed sorted (storage/search_text.py), so a cross-script phrase
    # may find nothing; it must never find the text where the words are apart
    assert ids(new_archive, '"Zharkent Korgas"') <= {adjacent}
    assert ids(new_archive, '"Жаркент Қорғас"') == {adjacent}
    assert ids(new_archive, "Zharkent Korgas") == {apart, adjacent}


def test_quoted_phrase_in_a_latin_variant_spelling(new_archive: Archive) -> None:
    apart = note(new_archive, "Korgas was closed; later Jarkent too.")
    adjacent = note(new_archive, "They met on the Jarkent Korgas road.")
    assert ids(new_archive, '"Zharkent Korgas"') == {adjacent}
    assert ids(new_archive, "Zharkent Korgas") == {apart, adjacent}


@pytest.fixture(scope="module")
def two_cases(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Archive, dict]]:
    """Every kind of record mentions Ghulja, once on each of two cases."""
    archive, _ = Archive.create(tmp_path_factory.mktemp("cases") / "c.tumar", PASS, fast_params())
    made: dict[str, dict[str, str]] = {}
    for side in ("A", "B"):
        case = cases.add_case(archive, f"Ghulja hearing {side}")
        person = people.add_person(archive, f"Ghulja Aman{side.lower()}").person
        cases.link_person(archive, case.id, person.id, "defendant")
        event = cases.add_event(
            archive, case.id, "hearing", "2020-01-21", people=[person.id],
            description=f"Ghulja court {side}",
        )  # fmt: skip
        told = testimonies.add_testimony(
            archive, person.id, f"Taken to Ghulja {side}", case_ids=[case.id]
        )
        case_note = testimonies.add_note(archive, f"Ghulja file {side}", case_id=case.id)
        told_note = testimonies.add_note(archive, f"Ghulja detail {side}", testimony_id=told.id)
        person_note = testimonies.add_note(archive, f"Ghulja kin {side}", person_id=person.id)
        made[side] = {"case": case.id, "person": person.id, "event": event.id,
                      "testimony": told.id, "case_note": case_note.id,
                      "told_note": told_note.id, "person_note": person_note.id}  # fmt: skip
    yield archive, made
    archive.close()


def test_case_filter_keeps_every_kind_of_record_of_that_case(two_cases) -> None:
    archive, made = two_cases
    a = made["A"]
    assert ids(archive, "Ghulja") == set(a.values()) | set(made["B"].values())
    assert ids(archive, "Ghulja", case_id=a["case"]) == {
        a["case"],
        a["person"],
        a["event"],
        a["testimony"],
        a["case_note"],
        a["told_note"],
    }
    by_kind = {
        "case": {a["case"]}, "person": {a["person"]}, "event": {a["event"]},
        "testimony": {a["testimony"]}, "note": {a["case_note"], a["told_note"]},
    }  # fmt: skip
    for kind, wanted in by_kind.items():
        assert ids(archive, "Ghulja", case_id=a["case"], kinds=(kind,)) == wanted, kind


def test_person_filter_keeps_every_kind_of_record_of_that_person(two_cases) -> None:
    archive, made = two_cases
    a = made["A"]
    assert ids(archive, "Ghulja", person_id=a["person"]) == {
        a["case"],
        a["person"],
        a["event"],
        a["testimony"],
        a["person_note"],
        a["told_note"],
    }


# (what was typed, the plain query it must behave exactly like)
SAME_AS = [
    ("Ghulja*", "Ghulja"), ('"Ghulja', "Ghulja"), ('Ghulja"', "Ghulja"), ("(Ghulja)", "Ghulja"),
    ("Ghulja \u0301", "Ghulja"), ("\u0301\u0301 Ghulja \u0308", "Ghulja"),
    ("🙂 Ghulja", "Ghulja"), ("title:Ghulja", "title Ghulja"), ("Ghulja -court", "Ghulja court"),
    ("Ghulja AND court", "Ghulja and court"), ("Ghulja OR Taken", "Ghulja or Taken"),
    ("NEAR(Ghulja court)", "near Ghulja court"), ("Ghulja NOT court", "Ghulja not court"),
    ("^Ghulja", "Ghulja"), ("{title}:Ghulja", "title Ghulja"), ("Ghulja\x00", "Ghulja"),
    ("GHULJA", "ghulja"), ("Ghul\u200bja", "Ghul ja"),
]  # fmt: skip


@pytest.mark.parametrize(("typed", "plain"), SAME_AS)
def test_typed_syntax_is_only_words(two_cases, typed: str, plain: str) -> None:
    archive, _ = two_cases
    assert ids(archive, typed) == ids(archive, plain)


def test_typed_syntax_finds_what_its_words_find(two_cases) -> None:
    archive, made = two_cases
    assert ids(archive, "Ghulja") and ids(archive, "Ghulja \u0301") == ids(archive, "Ghulja")
    assert ids(archive, '"Ghulja court"') == {made["A"]["event"], made["B"]["event"]}
    assert ids(archive, "Ghulja AND court") == set()  # AND is a word, and no text has it
    for nothing in ("\u0301", "\u0301\u0308", '"', "()", "*", "AND", ":", "🙂"):
        assert ids(archive, nothing) == set(), repr(nothing)
