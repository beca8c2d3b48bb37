"""What a dossier holds after the consent rules ran: plain data, already redacted.

Renderers and the manifest see only these dataclasses, never the archive, so nothing that
the rules left out can reach the PDF by accident.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tumar.storage.records import Media


@dataclass(frozen=True)
class DossierOptions:
    case_id: str
    person_id: str | None = None
    confidential: bool = False
    include_location: bool = False
    lang: str = "en"


@dataclass(frozen=True)
class Decision:
    """One line of the preview: what happens to an item, and why."""

    action: str  # "included", "left out", "anonymised", "redacted"
    kind: str  # "testimony", "media", "person", ...
    record_id: str
    what: str  # a short description for the person exporting (never printed in the PDF)
    reason: str


@dataclass(frozen=True)
class PersonEntry:
    record_id: str
    label: str
    names: list[tuple[str, str, str]]  # (name, script, kind); empty when anonymised
    roles: list[str]
    anonymised: bool
    birth_date: str | None
    notes: list[str]  # the person's own notes field and notes attached to them, redacted


@dataclass(frozen=True)
class EventEntry:
    record_id: str
    date: str
    date_lower: str | None
    kind: str
    place: str
    description: str
    source: str
    people: list[str]


@dataclass(frozen=True)
class PhotoEntry:
    media: Media
    caption: str
    name: str  # original file name, redacted
    embeddable: bool


@dataclass(frozen=True)
class TranslationEntry:
    record_id: str
    language: str
    translator: str
    text: str


@dataclass(frozen=True)
class TestimonyEntry:
    record_id: str
    witness: str
    text: str
    language: str
    recorded_at: str | None
    recorded_where: str
    recorded_by: str
    consent_scope: str
    consent_date: str | None
    translations: list[TranslationEntry]
    photos: list[PhotoEntry]
    record_hash: str
    notes: list[str] = field(default_factory=list)  # notes attached to it, redacted


@dataclass
class DossierContent:
    options: DossierOptions
    case_title: str
    case_status: str
    court: str
    jurisdiction: str
    summary: str
    people: list[PersonEntry] = field(default_factory=list)
    events: list[EventEntry] = field(default_factory=list)
    deadlines: list[tuple[EventEntry, int]] = field(default_factory=list)
    testimonies: list[TestimonyEntry] = field(default_factory=list)
    case_photos: list[PhotoEntry] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    left_out_count: int = 0
    decisions: list[Decision] = field(default_factory=list)
    record_hashes: dict[str, tuple[str, str, int]] = field(default_factory=dict)

    @property
    def all_photos(self) -> list[PhotoEntry]:
        photos = list(self.case_photos)
        for testimony in self.testimonies:
            photos.extend(testimony.photos)
        return photos

    @property
    def needs_confidential_mark(self) -> bool:
        return self.options.confidential and any(
            t.consent_scope == "lawyer_only" for t in self.testimonies
        )


@dataclass
class Preview:
    """What `--dry-run` prints and the dialog shows before anything is written."""

    included: list[Decision]
    left_out: list[Decision]
    anonymised: list[Decision]
    photos: int
    confidential: bool

    def lines(self) -> list[str]:
        out = []
        for title, items in (
            ("Included", self.included),
            ("Left out", self.left_out),
            ("Anonymised / redacted", self.anonymised),
        ):
            out.append(f"{title} ({len(items)}):")
            out.extend(f"  {d.kind:<10} {d.record_id[:13]}  {d.what} — {d.reason}" for d in items)
        if self.confidential:
            out.append("Every page will be marked 'Confidential — for legal counsel'.")
        return out


@dataclass(frozen=True)
class ExportMeta:
    """Facts about the export itself, printed on the cover and custody page and put in the
    manifest; the same values are what `tumar dossier verify` reports."""

    exported_at: str
    archive_id: str
    replica_id: str
    organisation: str
    subject: str
    fingerprint: str
    audit_seq: int
    audit_head: str
    version: str

    @property
    def exported_display(self) -> str:
        """ "2026-11-27 09:48:43 UTC": the export time as a reader expects to see it."""
        return f"{self.exported_at.replace('T', ' ').rstrip('Z')} UTC"
