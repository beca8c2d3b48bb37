"""Search through the service, over the real demo archive and small real archives.

Table-driven across spellings and scripts: every spelling in a row must find the same
person; texts in one script are found by queries in another. A hypothesis property checks
that any text at all is a valid query.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tumar.app import cases, people, testimonies
from tumar.app import search as S
from tumar.app.demo import load_demo_data, populate
from tumar.storage import search_repo
from tumar.storage.archive import Archive
from tumar.storage.errors import InvalidInput
from tumar.storage.kdf import fast_params
from tumar.storage.records import Tag, Tagging
from tumar.storage.search_repo import MARK_CLOSE, MARK_OPEN

PASS = "correct horse battery staple"
TODAY = dt.date(2026, 11, 24)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    """The demo archive, plus a person known only by a Cyrillic name and a Chinese text."""
    archive, _ = Archive.create(tmp_path_factory.mktemp("demo") / "d.tumar", PASS, fast_params())
    populate(archive, load_demo_data(), TODAY)
    erlan = people.add_person(archive, "Ерлан Жұмабай").person
    testimonies.add_testimony(
        archive,
        erlan.id,
        "Ол Қорғас арқылы өтті, Жаркентте ұсталды. Ürümqi. ٴۇرىمجى. "
        "他被关押在伊犁哈萨克自治州的再教育营。",
        recorded_at="2018-05",
        language="kk",
    )
    yield archive
    archive.close()


def names_found(archive: Archive, text: str) -> list[str]:
    return [r.title for r in S.search(archive, S.SearchQuery(text, kinds=("person",)))]


# (person as displayed, spellings that must each find them first)
SPELLINGS = [
    ("Tilek Tabarak", ["Tilek Tabarak", "Tlek Tabarik", "Tilek Tabarikuly", "Тілек Табарақ",
                       "تىلەك تاباراق", "TILEK TABARAK", "Tılek Tabaraq", "Тлек Табарык"]),
    ("Kaster Musakhan", ["Kaster Musakhan", "Qaster Musakhanuly", "Қастер Мұсахан",
                         "Қастер Мұсаханұлы", "قاستەر مۇساحان", "Kaster Musakhanov",
                         "Qaster Musahan"]),
    ("Qaisha Aqan", ["Qaisha Aqan", "Kaisha Akan", "Қайша Ақан", "قايشا اقان", "Qaişa Aqan"]),
    ("Murager Alimuly", ["Murager Alimuly", "Мұрагер Әлімұлы", "مۇراگەر ٴالىمۇلى",
                         "Murager Alimov"]),
    ("Sayragul Sauytbay", ["Sairagul Sawytbay", "Сайрагүл Сауытбай", "سايراگۇل ساۋىتباي"]),
    ("Serikzhan Bilash", ["Serikjan Bilash", "Серікжан Біләш", "Serıkjan Bılaş"]),
    ("Bagashar Malik", ["Бағашар Мәлік", "Baghashar Malik", "Bağaşar Mälik"]),
    ("Bauyrzhan Azanov", ["Бауыржан Азанов", "Bauirjan Azanov", "Bauyrjan Azan"]),
    ("Ерлан Жұмабай", ["Yerlan Zhumabai", "Erlan Jumabay", "ерлан жұмабай", "ەرلان جۇماباي"]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("expected", "spelling"),
    [pytest.param(e, s, id=f"{e}<-{s}") for e, spellings in SPELLINGS for s in spellings],
)
def test_names_match_across_scripts_and_spellings(
    demo: Archive, expected: str, spelling: str
) -> None:
    found = names_found(demo, spelling)
    assert found and found[0] == expected, found


# (query, words that must be highlighted in the Kazakh/Chinese testimony's snippet)
TEXT_QUERIES = [
    ("Zharkent", "Жаркентте"),  # Latin query, Cyrillic text, inflected
    ("Жаркент", "Жаркентте"),
    ("Korgas", "Қорғас"),  # q/k, ğ/g across scripts
    ("ҚОРҒАС", "Қорғас"),  # Kazakh capitals fold to lower case
    ("қорғас", "Қорғас"),
    ("Urumqi", "Ürümqi"),  # diacritics folded
    ("Urimji", "ٴۇرىمجى"),  # Arabic-script Kazakh from Latin
    ("伊犁", "伊犁"),  # 2 characters: below a trigram
    ("犁", "犁"),  # 1 character
    ("哈萨克", "哈萨克"),  # exactly one trigram
    ("伊犁哈萨克自治州", "伊犁哈萨克自治州"),
    ("营", "营"),  # last character of the text
]


@pytest.mark.parametrize(("query", "marked"), TEXT_QUERIES)
def test_text_found_in_any_script(demo: Archive, query: str, marked: str) -> None:
    results = S.search(demo, S.SearchQuery(query, kinds=("testimony",)))
    mine = [r for r in results if r.title == "Testimony by Ерлан Жұмабай [kk]"]
    assert len(mine) == 1, [r.title for r in results]
    assert f"{MARK_OPEN}{marked}{MARK_CLOSE}" in mine[0].snippet


@pytest.mark.parametrize("query", ["乌鲁木齐", "京", "Zzyzx", "Tabarak Musakhan"])
def test_absent_things_are_not_found(demo: Archive, query: str) -> None:
    assert S.search(demo, S.SearchQuery(query, kinds=("testimony", "person"))) == []


def test_name_search_finds_texts_with_other_spellings(demo: Archive) -> None:
    """'Tlek Tabarik' is nowhere in the texts, but the person's other spellings are."""
    results = S.search(demo, S.SearchQuery("Tlek Tabarik", limit=50))
    kinds = {r.kind for r in results}
    assert {"person", "case", "testimony", "event"} <= kinds
    case = next(r for r in results if r.kind == "case")
    assert f"{MARK_OPEN}Tilek{MARK_CLOSE} {MARK_OPEN}Tabarak{MARK_CLOSE}" in case.snippet


def test_phrase_and_ranking(demo: Archive) -> None:
    phrase = S.search(demo, S.SearchQuery('"press conference"', limit=50))
    assert phrase and all("press conference" in r.snippet.replace(MARK_OPEN, "").replace(
        MARK_CLOSE, "").lower() for r in phrase)  # fmt: skip
    loose = S.search(demo, S.SearchQuery("conference press", limit=50))
    assert {r.record_id for r in phrase} <= {r.record_id for r in loose}
    scores = [r.score for r in loose]
    assert scores == sorted(scores)


NASTY = [
    '"', '""', '"""', "(", ")", "()", "AND", "OR", "NOT", "a AND", "AND b", "NOT NOT",
    "NEAR(", "NEAR(a b, 2)", "*", "-", "-a", ":", "title:", "body:x", "{title}", "^", "^a",
    "🙂", "🙂 Zaisan", "\x00", "\u200f", "\ufeff", "'", "a'b", "\\", "%", "_", "%_\\",
    "Zaisan*", '"Zaisan', 'Zaisan"', '" OR "', "x" * 5000, " ", "", "\n\t",
    "٭", "ـ", "\u0301", "\ud800", "伊", "(伊犁)", "a" + "\u0301" * 30,
]  # fmt: skip


def plain_words(text: str) -> str:
    """The text with everything but letters, digits and marks turned into spaces."""
    text = unicodedata.normalize("NFC", text.encode("utf-8", "replace").decode())
    return "".join(c if unicodedata.category(c)[0] in "LNM" else " " for c in text)


@pytest.mark.parametrize("text", NASTY)
def test_nasty_queries_find_what_their_plain_words_find(demo: Archive, text: str) -> None:
    found = [r.record_id for r in S.search(demo, S.SearchQuery(text, limit=100))]
    expected = [r.record_id for r in S.search(demo, S.SearchQuery(plain_words(text), limit=100))]
    assert sorted(found) == sorted(expected)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text())
def test_any_unicode_query_never_raises(demo: Archive, text: str) -> None:
    for result in S.search(demo, S.SearchQuery(text, limit=5)):
        assert result.kind in S.KINDS


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text())
def test_advanced_queries_fail_only_with_a_clear_message(demo: Archive, text: str) -> None:
    try:
        S.search(demo, S.SearchQuery(text, advanced=True, limit=5))
    except InvalidInput as exc:
        assert "--advanced" in str(exc)


def test_advanced_syntax(demo: Archive) -> None:
    both = S.search(demo, S.SearchQuery("Zaisan AND hearing", advanced=True, limit=50))
    without = S.search(demo, S.SearchQuery("Zaisan NOT hearing", advanced=True, limit=50))
    assert both and without
    assert not {r.record_id for r in both} & {r.record_id for r in without}
    with pytest.raises(InvalidInput, match="not valid FTS5 syntax"):
        S.search(demo, S.SearchQuery("Zaisan AND (", advanced=True))
    # the same text without --advanced is just words
    assert S.search(demo, S.SearchQuery("Zaisan AND (")) is not None


def test_filters(demo: Archive) -> None:
    zaisan = next(c for c in cases.list_cases(demo) if "Zaisan" in c.title)
    by_case = S.search(demo, S.SearchQuery("court", case_id=zaisan.id, limit=100))
    assert by_case
    for r in by_case:
        if r.kind == "event":
            assert "Zaisan" in r.title
    musakhan = next(p for p in people.list_people(demo) if p.display_name == "Kaster Musakhan")
    everyone = S.search(demo, S.SearchQuery("statements", kinds=("testimony",), limit=100))
    assert "Testimony by Murager Alimuly [en]" in {r.title for r in everyone}
    by_person = S.search(
        demo, S.SearchQuery("statements", kinds=("testimony",), person_id=musakhan.id, limit=100)
    )
    assert by_person and {r.title for r in by_person} == {"Testimony by Kaster Musakhan [en]"}
    about = S.search(demo, S.SearchQuery("Musakhan", person_id=musakhan.id, limit=100))
    assert {"person", "testimony", "event", "case"} <= {r.kind for r in about}
    only = S.search(demo, S.SearchQuery("Zharkent", kinds=("event",), limit=100))
    assert only and {r.kind for r in only} == {"event"}
    dated = S.search(
        demo, S.SearchQuery("court", date_from="2020-01-06", date_to="2020-01-16", limit=100)
    )
    assert dated
    for r in dated:
        assert r.date and "2020-01-06" <= r.date[:10] <= "2020-01-16"
    with pytest.raises(InvalidInput):
        S.search(demo, S.SearchQuery("court", kinds=("media",)))
    with pytest.raises(InvalidInput):
        S.search(demo, S.SearchQuery("court", date_from="yesterday"))


def test_tag_filter(new_archive: Archive) -> None:
    w = people.add_person(new_archive, "Dina Omarov").person
    kept = testimonies.add_testimony(new_archive, w.id, "camp near Tacheng")
    testimonies.add_testimony(new_archive, w.id, "camp near Altay")
    tag = new_archive.repo.insert(Tag(name="Forced labour"))
    new_archive.repo.insert(Tagging(tag_id=tag.id, target_table="testimony", target_id=kept.id))
    found = S.search(new_archive, S.SearchQuery("camp", tag="forced labour"))
    assert [r.record_id for r in found] == [kept.id]
    assert S.search(new_archive, S.SearchQuery("camp", tag="other")) == []


def test_update_delete_and_withdrawn_consent(new_archive: Archive) -> None:
    w = people.add_person(new_archive, "Gulnar Sadyk").person
    t = testimonies.add_testimony(new_archive, w.id, "They sent him to Tacheng.")
    assert [r.record_id for r in S.search(new_archive, S.SearchQuery("Tacheng"))] == [t.id]
    t.text = "They sent him to Ghulja."
    new_archive.repo.update(t)
    assert S.search(new_archive, S.SearchQuery("Tacheng")) == []
    [hit] = S.search(new_archive, S.SearchQuery("Ghulja"))
    assert hit.record_id == t.id and not hit.consent_withdrawn
    testimonies.withdraw_consent(new_archive, t.id)
    [hit] = S.search(new_archive, S.SearchQuery("Ghulja"))
    assert hit.consent_withdrawn
    new_archive.repo.delete(type(t), t.id)
    assert S.search(new_archive, S.SearchQuery("Ghulja")) == []
    people.delete_person(new_archive, w.id)
    assert S.search(new_archive, S.SearchQuery("Gulnar Sadyk")) == []


def test_notes_are_found_with_their_subject(new_archive: Archive) -> None:
    w = people.add_person(new_archive, "Aizhan Kenzhe").person
    testimonies.add_note(new_archive, "Relatives still detained in Ili", person_id=w.id)
    [hit] = S.search(new_archive, S.SearchQuery("detained"))
    assert hit.kind == "note" and hit.title == "Note on Aizhan Kenzhe"
    assert f"{MARK_OPEN}detained{MARK_CLOSE}" in hit.snippet


def test_reindex_gives_identical_results(demo: Archive) -> None:
    queries = ["Tlek Tabarik", "court", '"press conference"', "伊犁", "Zharkent", "Әлімұлы"]
    before = [S.search(demo, S.SearchQuery(q, limit=100)) for q in queries]
    assert S.reindex(demo) > 0
    assert [S.search(demo, S.SearchQuery(q, limit=100)) for q in queries] == before


def test_ranking_is_capped_and_says_so(
    new_archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = people.add_person(new_archive, "Murat Nurbek").person
    for i in range(6):
        testimonies.add_testimony(new_archive, w.id, f"camp number {i}")
    assert not S.search_page(new_archive, S.SearchQuery("camp")).capped
    monkeypatch.setattr(search_repo, "RANK_CAP", 4)
    page = S.search_page(new_archive, S.SearchQuery("camp"))
    assert page.capped and len(page.results) == 4


def test_reindex_job_reports_progress_and_cancels(new_archive: Archive, tmp_path: Path) -> None:
    from tumar.app.jobs import CancelToken, JobCancelled, run_sync

    people.add_person(new_archive, "Ardak Ermek")
    seen: list[tuple[int, int]] = []
    count = run_sync(S.reindex_job(new_archive), lambda d, t, _: seen.append((d, t)))
    assert count == 1 and seen[-1] == (seen[-1][1], seen[-1][1])
    token = CancelToken()
    token.cancel()
    with pytest.raises(JobCancelled):
        run_sync(S.reindex_job(new_archive), cancel=token)
    assert names_found(new_archive, "Ardak Ermek") == ["Ardak Ermek"]
