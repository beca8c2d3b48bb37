"""The record model: one dataclass per table, shared by repositories, services and sync.

Every record has the same envelope (id, created/updated time, HLC, tombstone) so that
history, audit and merge treat all kinds alike. Fields marked `derived` are computed by
storage on every write (date bounds, folded name keys) and never trusted from input.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, ClassVar

SCRIPTS = ("Latn", "Cyrl", "Arab", "Hans", "Hant", "Other")
NAME_KINDS = ("legal", "alias", "transliteration", "patronymic")
ROLES = (
    "witness", "victim", "detainee", "defendant", "relative", "lawyer", "judge",
    "interviewer", "other",
)  # fmt: skip
EVENT_KINDS = (
    "border_crossing", "detention", "arrest", "hearing", "postponement", "sentence",
    "release", "deportation_order", "certificate_issued", "certificate_expires",
    "relative_detained", "other",
)  # fmt: skip
CASE_STATUSES = ("open", "closed", "appeal", "monitoring")
CONSENT_SCOPES = ("none", "lawyer_only", "anonymised", "public")


@dataclass(kw_only=True)
class Record:
    TABLE: ClassVar[str] = ""
    DERIVED: ClassVar[tuple[str, ...]] = ()
    JSON_FIELDS: ClassVar[tuple[str, ...]] = ()
    BOOL_FIELDS: ClassVar[tuple[str, ...]] = ()

    id: str = ""
    created_at: str = ""
    updated_at: str = ""
    hlc: str = ""
    deleted: bool = False

    @classmethod
    def columns(cls) -> list[str]:
        return [f.name for f in fields(cls)]

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.columns()}


ENVELOPE = ("id", "created_at", "updated_at", "hlc", "deleted")


@dataclass(kw_only=True)
class Person(Record):
    TABLE = "person"
    JSON_FIELDS = ("risk_flags",)
    display_name: str
    birth_date: str | None = None
    sex: str | None = None
    notes: str = ""
    risk_flags: list[str] = field(default_factory=list)


@dataclass(kw_only=True)
class PersonName(Record):
    TABLE = "person_name"
    DERIVED = ("folded", "name_key")
    person_id: str
    name: str
    script: str = "Latn"
    kind: str = "legal"
    folded: str = ""
    name_key: str = ""


@dataclass(kw_only=True)
class Case(Record):
    TABLE = "case_file"
    title: str
    status: str = "open"
    jurisdiction: str = ""
    court: str = ""
    summary: str = ""


@dataclass(kw_only=True)
class CasePerson(Record):
    TABLE = "case_person"
    case_id: str
    person_id: str
    role: str


@dataclass(kw_only=True)
class Event(Record):
    TABLE = "event"
    DERIVED = ("date_lower", "date_upper")
    case_id: str
    kind: str
    date: str
    date_lower: str | None = None
    date_upper: str | None = None
    place: str = ""
    description: str = ""
    source: str = ""


@dataclass(kw_only=True)
class EventPerson(Record):
    TABLE = "event_person"
    event_id: str
    person_id: str


@dataclass(kw_only=True)
class Testimony(Record):
    TABLE = "testimony"
    BOOL_FIELDS = ("consent_withdrawn",)
    witness_id: str
    text: str
    language: str = ""
    recorded_at: str | None = None
    recorded_where: str = ""
    recorded_by: str = ""
    source: str = ""
    consent_scope: str = "none"
    consent_date: str | None = None
    consent_how: str = ""
    consent_withdrawn: bool = False


@dataclass(kw_only=True)
class TestimonyCase(Record):
    TABLE = "testimony_case"
    testimony_id: str
    case_id: str


@dataclass(kw_only=True)
class Translation(Record):
    TABLE = "translation"
    testimony_id: str
    language: str
    text: str
    translator: str = ""


@dataclass(kw_only=True)
class Note(Record):
    TABLE = "note"
    text: str
    case_id: str | None = None
    person_id: str | None = None
    testimony_id: str | None = None


@dataclass(kw_only=True)
class Tag(Record):
    TABLE = "tag"
    name: str
    description: str = ""


@dataclass(kw_only=True)
class Tagging(Record):
    TABLE = "tagging"
    tag_id: str
    target_table: str
    target_id: str


@dataclass(kw_only=True)
class Media(Record):
    """One stored file: what it is, where it came from, what its metadata said.

    The bytes live in media.db under `sha256`; this record holds only text and numbers so
    the audit chain can hash it. `imported_by` is the importing replica's id (the laptop's
    copy of the archive, the same id that signs its HLC stamps). `width`/`height` are as
    displayed, i.e. after the EXIF orientation. GPS is kept because it can be evidence, but
    `has_gps` marks the record sensitive and exports leave SENSITIVE_FIELDS out unless asked.
    `unreadable` marks a damaged or refused image the user chose to keep as a plain file.
    """

    TABLE = "media"
    JSON_FIELDS = ("exif",)
    BOOL_FIELDS = ("unreadable", "has_gps")
    SENSITIVE_FIELDS: ClassVar[tuple[str, ...]] = ("gps_lat", "gps_lon", "gps_alt")
    FLOAT_FIELDS: ClassVar[tuple[str, ...]] = ("gps_lat", "gps_lon", "gps_alt", "duration_s")
    sha256: str
    size: int
    mime: str
    kind: str
    original_name: str
    imported_at: str
    imported_by: str
    unreadable: bool = False
    unreadable_reason: str = ""
    exif: dict[str, Any] = field(default_factory=dict)
    camera: str | None = None
    lens: str | None = None
    captured_at: str | None = None
    orientation: int | None = None
    has_gps: bool = False
    gps_lat: float | None = None
    gps_lon: float | None = None
    gps_alt: float | None = None
    width: int | None = None
    height: int | None = None
    duration_s: float | None = None
    codec: str | None = None
    caption: str = ""

    def __post_init__(self) -> None:
        # REAL columns give back floats: an int here would hash differently after a
        # round trip through the database and break audit verification.
        for name in self.FLOAT_FIELDS:
            value = getattr(self, name)
            if value is not None:
                setattr(self, name, float(value))
        if isinstance(self.exif, list):  # the repository's default for an empty JSON column
            self.exif = {}


@dataclass(kw_only=True)
class MediaLink(Record):
    """Places a media item belongs to; one target per link, so unlinking is one tombstone."""

    TABLE = "media_link"
    media_id: str
    case_id: str | None = None
    person_id: str | None = None
    testimony_id: str | None = None


@dataclass(kw_only=True)
class TeamMember(Record):
    """A laptop bundles are encrypted to: its age recipient and a label (record content)."""

    TABLE = "team_member"
    recipient: str
    label: str = ""


RECORD_TYPES: tuple[type[Record], ...] = (
    Person, PersonName, Case, CasePerson, Event, EventPerson, Testimony, TestimonyCase,
    Translation, Note, Tag, Tagging, Media, MediaLink, TeamMember,
)  # fmt: skip
BY_TABLE: dict[str, type[Record]] = {cls.TABLE: cls for cls in RECORD_TYPES}
