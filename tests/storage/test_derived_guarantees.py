"""derived.prepare: every record kind's checks and derived columns, with exact messages.

Pure and fast (no database): the same function guards the CLI, the GUI and sync bundles.
"""

from __future__ import annotations

import pytest

from tumar.storage import edtf_dates, namefold
from tumar.storage.derived import prepare
from tumar.storage.errors import InvalidInput
from tumar.storage.records import (
    Case,
    CasePerson,
    Event,
    Note,
    Person,
    PersonName,
    Testimony,
)

P = "01900000-0000-7000-8000-000000000001"

REFUSED = [
    (Person(display_name=""), "A person's display name must not be empty"),
    (Person(display_name="  \t"), "A person's display name must not be empty"),
    (Person(display_name="A", birth_date="soon"), "'soon' is not a date"),
    (PersonName(person_id=P, name=" "), "A name must not be empty"),
    (PersonName(person_id=P, name="Aru", script="Latin"),
     "'Latin' is not a valid script; choose one of: Latn, Cyrl, Arab, Hans, Hant, Other"),
    (PersonName(person_id=P, name="Aru", kind="nick"), "'nick' is not a valid name kind;"),
    (Case(title=""), "A case title must not be empty"),
    (Case(title="Zaisan", status="done"), "'done' is not a valid case status;"),
    (CasePerson(case_id=P, person_id=P, role="boss"), "'boss' is not a valid role;"),
    (Event(case_id=P, kind="party", date="2020"), "'party' is not a valid event kind;"),
    (Event(case_id=P, kind="hearing", date="soon"), "'soon' is not a date"),
    (Testimony(witness_id=P, text=" "), "A testimony's text must not be empty"),
    (Testimony(witness_id=P, text="x", consent_scope="all"), "'all' is not a valid consent scope;"),
    (Testimony(witness_id=P, text="x", recorded_at="later"), "'later' is not a date"),
    (Testimony(witness_id=P, text="x", consent_date="later"), "'later' is not a date"),
    (Note(text="", case_id=P), "A note must not be empty"),
    (Note(text="x"), "A note must belong to a case, a person or a testimony"),
]  # fmt: skip


@pytest.mark.parametrize(("record", "message"), REFUSED, ids=lambda v: str(v)[:40])
def test_refused_with_a_message_that_says_what(record, message: str) -> None:
    with pytest.raises(InvalidInput) as info:
        prepare(record)
    assert str(info.value).startswith(message), str(info.value)


def test_accepted_records_get_their_derived_columns() -> None:
    person = Person(display_name="Aru", birth_date="")
    prepare(person)
    assert person.birth_date is None
    person = Person(display_name="Aru", birth_date="1989~")
    prepare(person)
    assert person.birth_date == "1989~"
    name = PersonName(person_id=P, name="Қайша Ақан", script="Cyrl", kind="transliteration")
    prepare(name)
    assert name.folded == namefold.fold_name("Қайша Ақан") == "kaisha akan"
    assert name.name_key == namefold.name_key("Қайша Ақан") != ""
    event = Event(case_id=P, kind="hearing", date="2019-10?")
    prepare(event)
    assert (event.date, event.date_lower, event.date_upper) == edtf_dates.parse("2019-10?")
    assert (event.date_lower, event.date_upper) == ("2019-10-01", "2019-10-31")
    told = Testimony(witness_id=P, text="x", recorded_at="2018-05", consent_date="")
    prepare(told)
    assert (told.recorded_at, told.consent_date) == ("2018-05", None)
    told = Testimony(witness_id=P, text="x", consent_scope="public", consent_date="2020-01-21")
    prepare(told)
    assert told.consent_date == "2020-01-21"
    for subject in ("case_id", "person_id", "testimony_id"):
        prepare(Note(text="x", **{subject: P}))
    prepare(Case(title="Zaisan", status="appeal"))
    prepare(CasePerson(case_id=P, person_id=P, role="lawyer"))
