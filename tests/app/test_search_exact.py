"""Search results compared exactly, on small archives whose texts are chosen so that a
wrong query (a phrase split into loose words, a filter ignored, a stray token) would
return a different set of records."""

from __future__ import annotations

from tumar.app import people, testimonies
from tumar.app import search as S
from tumar.storage.archive import Archive


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
