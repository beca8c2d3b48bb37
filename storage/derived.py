"""Checks and derived columns applied to every record before it is written.

Derived values (date bounds, folded name keys) are recomputed from the record's own
fields on every write, so they can never disagree with what the user entered, whether
the write came from the CLI, the GUI or a sync bundle.
"""

from __future__ import annotations

from . import edtf_dates, namefold
from .errors import InvalidInput
from .records import (
    CASE_STATUSES,
    CONSENT_SCOPES,
    EVENT_KINDS,
    NAME_KINDS,
    ROLES,
    SCRIPTS,
    Case,
    CasePerson,
    Event,
    Note,
    Person,
    PersonName,
    Record,
    Testimony,
)


def _one_of(value: str, allowed: tuple[str, ...], what: str) -> None:
    if value not in allowed:
        raise InvalidInput(f"'{value}' is not a valid {what}; choose one of: {', '.join(allowed)}")


def _not_blank(value: str, what: str) -> None:
    if not value or not value.strip():
        raise InvalidInput(f"{what} must not be empty")


def _optional_date(value: str | None) -> str | None:
    return edtf_dates.parse(value)[0] if value not in (None, "") else None


def prepare(record: Record) -> None:
    """Validate `record` in place and fill its derived fields; raises InvalidInput."""
    if isinstance(record, Person):
        _not_blank(record.display_name, "A person's display name")
        record.birth_date = _optional_date(record.birth_date)
    elif isinstance(record, PersonName):
        _not_blank(record.name, "A name")
        _one_of(record.script, SCRIPTS, "script")
        _one_of(record.kind, NAME_KINDS, "name kind")
        record.folded = namefold.fold_name(record.name)
        record.name_key = namefold.name_key(record.name)
    elif isinstance(record, Case):
        _not_blank(record.title, "A case title")
        _one_of(record.status, CASE_STATUSES, "case status")
    elif isinstance(record, CasePerson):
        _one_of(record.role, ROLES, "role")
    elif isinstance(record, Event):
        _one_of(record.kind, EVENT_KINDS, "event kind")
        record.date, record.date_lower, record.date_upper = edtf_dates.parse(record.date)
    elif isinstance(record, Testimony):
        _not_blank(record.text, "A testimony's text")
        _one_of(record.consent_scope, CONSENT_SCOPES, "consent scope")
        record.recorded_at = _optional_date(record.recorded_at)
        record.consent_date = _optional_date(record.consent_date)
    elif isinstance(record, Note):
        _not_blank(record.text, "A note")
        if not (record.case_id or record.person_id or record.testimony_id):
            raise InvalidInput("A note must belong to a case, a person or a testimony")
