"""EDTF dates read back in words, as the dossier timeline and the date-field preview show them."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tumar.app.edtf_words import InvalidInput, describe
from tumar.storage import edtf_dates

CASES = [
    # text, English, Russian, Kazakh
    ("2019-10-14", "14 October 2019", "14 октября 2019 г.", "2019 жылғы 14 қазан"),
    ("2019-10", "October 2019", "октябрь 2019 г.", "2019 жылғы қазан"),
    ("2019", "2019", "2019 г.", "2019 ж."),
    ("2019-10?", "October 2019?", "октябрь 2019 г.?", "2019 жылғы қазан?"),
    ("2019~", "about 2019", "примерно 2019 г.", "шамамен 2019 ж."),
    ("2019%", "about 2019?", "примерно 2019 г.?", "шамамен 2019 ж.?"),
    (
        "2013-03/2017-11",
        "March 2013 – November 2017",
        "март 2013 г. – ноябрь 2017 г.",
        "2013 жылғы наурыз – 2017 жылғы қараша",
    ),
    ("2013/2017", "2013–2017", "2013–2017 гг.", "2013–2017 жж."),
    ("2017-21", "spring 2017", "весна 2017 г.", "2017 жылдың көктемі"),
    ("2017-22", "summer 2017", "лето 2017 г.", "2017 жылдың жазы"),
    ("2017-23", "autumn 2017", "осень 2017 г.", "2017 жылдың күзі"),
    ("2017-24", "winter 2017", "зима 2017 г.", "2017 жылдың қысы"),
    ("2017-33", "Q1 2017", "1-й квартал 2017 г.", "2017 жылдың 1-тоқсаны"),
    (
        "2019-10-14/",
        "14 October 2019 – (end unknown)",
        "14 октября 2019 г. – (конец неизвестен)",
        "2019 жылғы 14 қазан – (соңы белгісіз)",
    ),
    (
        "2019/..",
        "2019 – (ongoing)",
        "2019 г. – (по настоящее время)",
        "2019 ж. – (осы күнге дейін)",
    ),
    (
        "/2020",
        "(start unknown) – 2020",
        "(начало неизвестно) – 2020 г.",
        "(басы белгісіз) – 2020 ж.",
    ),
    (
        "../2020-01",
        "(open start) – January 2020",
        "(начало открыто) – январь 2020 г.",
        "(басы ашық) – 2020 жылғы қаңтар",
    ),
    (
        "2020-01-XX",
        "January 2020 (day unknown)",
        "январь 2020 г. (день неизвестен)",
        "2020 жылғы қаңтар (күні белгісіз)",
    ),
    ("2019-XX", "2019 (month unknown)", "2019 г. (месяц неизвестен)", "2019 ж. (айы белгісіз)"),
    ("2019-10-1X", "10–19 October 2019", "10–19 октября 2019 г.", "2019 жылғы 10–19 қазан"),
    ("201X", "the 2010s", "2010-е гг.", "2010 жылдар"),
    ("XXXX", "year unknown", "год неизвестен", "жылы белгісіз"),
    ("[2019,2020]", "2019 or 2020", "2019 г. или 2020 г.", "2019 ж. немесе 2020 ж."),
    (
        "[2019-10-01..2019-10-14]",
        "one date in 1 October 2019 – 14 October 2019",
        "одна дата в период 1 октября 2019 г. – 14 октября 2019 г.",
        "2019 жылғы 1 қазан – 2019 жылғы 14 қазан аралығындағы бір күн",
    ),
    (
        "{2019,2020-05}",
        "2019 and May 2020",
        "2019 г. и май 2020 г.",
        "2019 ж. және 2020 жылғы мамыр",
    ),
    ("[..2019]", "2019 or earlier", "2019 г. или раньше", "2019 ж. немесе одан ертерек"),
    ("[2019..]", "2019 or later", "2019 г. или позже", "2019 ж. немесе одан кейін"),
    (
        "2019-10-14?/2019-11~",
        "14 October 2019? – about November 2019",
        "14 октября 2019 г.? – примерно ноябрь 2019 г.",
        "2019 жылғы 14 қазан? – шамамен 2019 жылғы қараша",
    ),
]


@pytest.mark.parametrize(("text", "en", "ru", "kk"), CASES)
def test_dates_read_as_people_say_them(text: str, en: str, ru: str, kk: str) -> None:
    assert describe(text) == en
    assert describe(text, "en") == en
    assert describe(text, "ru") == ru
    assert describe(text, "kk") == kk


def test_unworded_shapes_fall_back_to_the_days_they_can_mean() -> None:
    assert describe("1XXX") == "between 1000 and 1999"
    # a year beyond the calendar stays as typed rather than being clamped to 9999
    assert describe("Y170000002") == "Y170000002"


def test_language_codes_are_forgiving() -> None:
    assert describe("2019-10", "ru_RU") == "октябрь 2019 г."
    assert describe("2019-10", "KK") == "2019 жылғы қазан"
    assert describe("2019-10", "de") == "October 2019"
    assert describe("  2019-10  ", "en") == "October 2019"


def test_empty_is_empty_and_nonsense_is_the_archive_error() -> None:
    assert describe("") == ""
    assert describe("   ") == ""
    for bad in ("last autumn", "2019-13", "2019-02-30", "2020/2019", "[2019"):
        with pytest.raises(InvalidInput, match="not a date|ends before"):
            describe(bad)


_DATES = st.builds(
    lambda y, m, d, q: (
        f"{y:04d}" + (f"-{m:02d}" if m else "") + (f"-{d:02d}" if m and d else "") + q
    ),
    st.integers(1000, 2100),
    st.one_of(st.none(), st.integers(1, 12), st.integers(21, 24)),
    st.one_of(st.none(), st.integers(1, 28)),
    st.sampled_from(["", "?", "~", "%"]),
)


@settings(max_examples=60, deadline=None)
@given(_DATES, st.sampled_from(["en", "ru", "kk"]))
def test_every_accepted_date_has_words_that_keep_its_year(text: str, lang: str) -> None:
    try:
        edtf_dates.parse(text)
    except InvalidInput:
        assume(False)  # seasons take no day and no qualifier
    words = describe(text, lang)
    assert text[:4] in words
    assert ("?" in words) == ("?" in text or "%" in text)
