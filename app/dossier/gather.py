"""Reading a case out of the archive and applying the consent rules a lawyer relies on.

- consent `none`, or withdrawn: the testimony is left out, and so is every photo linked to it;
- `lawyer_only`: included only for a confidential dossier (every page then says so);
- `anonymised`: the witness becomes "Witness A" and every spelling of their names is
  replaced in all included text; people with a risk flag are anonymised whatever they
  consented to, because their relatives' safety is not theirs alone to decide;
- `public`: as is.
"""

from __future__ import annotations

import datetime as dt

from tumar.storage.archive import Archive
from tumar.storage.canonical import canonical_json, record_hash
from tumar.storage.errors import InvalidInput
from tumar.storage.records import (
    Case,
    CasePerson,
    Event,
    EventPerson,
    Media,
    MediaLink,
    Person,
    PersonName,
    Record,
    Testimony,
    TestimonyCase,
    Translation,
)
from tumar.storage.repository import to_row

from . import notes as note_rules
from .content import (
    Decision,
    DossierContent,
    DossierOptions,
    EventEntry,
    PersonEntry,
    PhotoEntry,
    Preview,
    TestimonyEntry,
    TranslationEntry,
)
from .labels import Labels, letter
from .redact import Anonymiser

EMBEDDABLE = frozenset(
    {"image/jpeg", "image/png", "image/webp", "image/tiff", "image/gif", "image/heic",
     "image/heif"}
)  # fmt: skip
_ROLE_ORDER = ("victim", "detainee", "defendant", "witness", "relative", "lawyer", "judge",
               "interviewer", "other")  # fmt: skip


def _testimony_rule(t: Testimony, options: DossierOptions) -> tuple[bool, str]:
    if t.consent_withdrawn:
        return False, "consent withdrawn"
    if t.consent_scope == "none":
        return False, "no consent to share"
    if t.consent_scope == "lawyer_only" and not options.confidential:
        return False, "consent for legal counsel only; export with --confidential to include"
    return True, f"consent: {t.consent_scope}"


class _Gatherer:
    def __init__(self, archive: Archive, options: DossierOptions, today: dt.date) -> None:
        self.archive = archive
        self.repo = archive.repo
        self.options = options
        self.today = today
        self.labels = Labels(options.lang)
        self.anon = Anonymiser()
        self.label_of: dict[str, str] = {}
        self.decisions: list[Decision] = []
        self.hashes: dict[str, tuple[str, str, int]] = {}

    def note(self, action: str, kind: str, record_id: str, what: str, reason: str) -> None:
        self.decisions.append(Decision(action, kind, record_id, what, reason))

    def keep_hash(self, kind: str, record: Record) -> str:
        """The hash the audit chain holds for this version of the record, so a manifest line
        can be matched to the archive's history."""
        row = to_row(record)
        digest = record_hash(record.TABLE, row)
        size = len(canonical_json({"table": record.TABLE, "row": row}))
        self.hashes[record.id] = (kind, digest, size)
        return digest

    def person_name(self, person_id: str) -> str:
        if person_id in self.label_of:
            return self.label_of[person_id]
        person = self.repo.get(Person, person_id, include_deleted=True)
        return self.anon.redact(person.display_name)

    def run(self) -> DossierContent:
        repo, opts = self.repo, self.options
        case = repo.get(Case, opts.case_id)
        links = repo.find(CasePerson, {"case_id": case.id})
        people: dict[str, Person] = {}
        roles: dict[str, list[str]] = {}
        for link in links:
            person = repo.get(Person, link.person_id, include_deleted=True)
            if person.deleted:
                continue
            people[person.id] = person
            roles.setdefault(person.id, []).append(link.role)
        if opts.person_id:
            focus = repo.get(Person, opts.person_id)
            people.setdefault(focus.id, focus)
        testimonies = []
        for link in repo.find(TestimonyCase, {"case_id": case.id}):
            t = repo.get(Testimony, link.testimony_id, include_deleted=True)
            if t.deleted or (opts.person_id and t.witness_id != opts.person_id):
                continue
            testimonies.append(t)
        testimonies.sort(key=lambda t: (t.recorded_at or "", t.id))
        included, excluded = [], []
        for t in testimonies:
            ok, reason = _testimony_rule(t, opts)
            (included if ok else excluded).append((t, reason))
            if not ok:
                continue  # naming someone whose testimony is withheld would reveal it
            if t.witness_id not in people:
                people[t.witness_id] = repo.get(Person, t.witness_id, include_deleted=True)
            roles.setdefault(t.witness_id, [])
            if "witness" not in roles[t.witness_id]:
                roles[t.witness_id].append("witness")
        if opts.person_id:
            keep = {opts.person_id} | {t.witness_id for t, _ in included}
            people = {pid: p for pid, p in people.items() if pid in keep}
        self._anonymise(people, roles, included)
        content = DossierContent(
            options=opts,
            case_title=self.anon.redact(case.title),
            case_status=case.status,
            court=self.anon.redact(case.court),
            jurisdiction=self.anon.redact(case.jurisdiction),
            summary=self.anon.redact(case.summary),
        )
        self.keep_hash("case", case)
        content.people = self._people(people, roles)
        content.events = self._events(case.id)
        content.deadlines = [
            (e, (dt.date.fromisoformat(e.date_lower) - self.today).days)
            for e in content.events
            if e.date_lower and e.date_lower >= self.today.isoformat()
        ]
        excluded_media = self._excluded_media([t for t, _ in excluded])
        for t, reason in excluded:
            self.note("left out", "testimony", t.id, f"by {self.person_name(t.witness_id)}",
                      reason)  # fmt: skip
            note_rules.testimony_notes(self, t, included=False)
        content.left_out_count = len(excluded)
        content.testimonies = [self._testimony(t, reason, excluded_media) for t, reason in included]
        content.case_photos = self._case_photos(case.id, excluded_media, content.testimonies)
        content.notes = note_rules.case_notes(self, case.id)
        content.decisions = self.decisions
        content.record_hashes = self.hashes
        return content

    def _anonymise(self, people: dict[str, Person], roles: dict[str, list[str]],
                   included: list[tuple[Testimony, str]]) -> None:  # fmt: skip
        anonymous_witnesses = {t.witness_id for t, _ in included if t.consent_scope == "anonymised"}
        order = sorted(people.values(), key=lambda p: (self._role_rank(roles.get(p.id, [])), p.id))
        count = 0
        for person in order:
            risk = bool(person.risk_flags)
            if not risk and person.id not in anonymous_witnesses:
                continue
            witness = person.id in {t.witness_id for t, _ in included} or "witness" in roles.get(
                person.id, []
            )
            label = self.labels.anon_label(letter(count), witness)
            count += 1
            self.label_of[person.id] = label
            spellings = [person.display_name] + [
                n.name for n in self.repo.find(PersonName, {"person_id": person.id})
            ]
            self.anon.protect(label, spellings)
            why = (
                f"risk flag ({', '.join(person.risk_flags)})"
                if risk
                else "testimony consent: anonymised"
            )
            self.note("anonymised", "person", person.id,
                      f"{person.display_name} → {label}", why)  # fmt: skip

    @staticmethod
    def _role_rank(roles: list[str]) -> int:
        return min((_ROLE_ORDER.index(r) for r in roles if r in _ROLE_ORDER), default=99)

    def _people(self, people: dict[str, Person], roles: dict[str, list[str]]) -> list[PersonEntry]:
        out = []
        order = sorted(
            people.values(),
            key=lambda p: (self._role_rank(roles.get(p.id, [])), self.person_name(p.id)),
        )
        for p in order:
            anonymised = p.id in self.label_of
            names = (
                []
                if anonymised
                else [(n.name, n.script, n.kind)
                      for n in self.repo.find(PersonName, {"person_id": p.id})]
            )  # fmt: skip
            out.append(
                PersonEntry(
                    record_id=p.id,
                    label=self.person_name(p.id),
                    names=names,
                    roles=sorted(set(roles.get(p.id, [])), key=_ROLE_ORDER.index),
                    anonymised=anonymised,
                    birth_date=None if anonymised else p.birth_date,
                    notes=note_rules.person_notes(self, p),
                )
            )
            if not anonymised:
                self.note("included", "person", p.id, p.display_name, "in the case")
        return out

    def _events(self, case_id: str) -> list[EventEntry]:
        events = self.repo.find(Event, {"case_id": case_id})
        events.sort(key=lambda e: (e.date_lower or "9999", e.date_upper or "9999", e.id))
        out = []
        for e in events:
            linked = [link.person_id for link in self.repo.find(EventPerson, {"event_id": e.id})]
            if self.options.person_id and self.options.person_id not in linked:
                continue
            self.keep_hash("event", e)
            out.append(
                EventEntry(
                    record_id=e.id,
                    date=e.date,
                    date_lower=e.date_lower,
                    kind=e.kind,
                    place=self.anon.redact(e.place),
                    description=self.anon.redact(e.description),
                    source=self.anon.redact(e.source),
                    people=[self.person_name(pid) for pid in linked],
                )
            )
        return out

    def _excluded_media(self, excluded: list[Testimony]) -> set[str]:
        ids: set[str] = set()
        for t in excluded:
            for link in self.repo.find(MediaLink, {"testimony_id": t.id}):
                ids.add(link.media_id)
        return ids

    def _photo(self, media_id: str, excluded: set[str], context: str) -> PhotoEntry | None:
        media = self.repo.get(Media, media_id, include_deleted=True)
        if media.deleted:
            return None
        name = self.anon.redact(media.original_name)
        if media_id in excluded:
            self.note("left out", "media", media.id, name,
                      "linked to a testimony that is left out")  # fmt: skip
            return None
        self.keep_hash("media", media)
        embeddable = media.mime in EMBEDDABLE and not media.unreadable
        self.note("included", "media", media.id, name, context)
        return PhotoEntry(media, self.anon.redact(media.caption), name, embeddable)

    def _testimony(self, t: Testimony, reason: str, excluded: set[str]) -> TestimonyEntry:
        witness = self.person_name(t.witness_id)
        translations = [
            TranslationEntry(tr.id, tr.language, self.anon.redact(tr.translator),
                             self.anon.redact(tr.text))
            for tr in self.repo.find(Translation, {"testimony_id": t.id})
        ]  # fmt: skip
        for tr in self.repo.find(Translation, {"testimony_id": t.id}):
            self.keep_hash("translation", tr)
        photos = []
        for link in self.repo.find(MediaLink, {"testimony_id": t.id}):
            photo = self._photo(link.media_id, excluded, "linked to an included testimony")
            if photo and photo.media.id not in {p.media.id for p in photos}:
                photos.append(photo)
        digest = self.keep_hash("testimony", t)
        redacted = t.witness_id in self.label_of
        self.note("redacted" if redacted else "included", "testimony", t.id,
                  f"by {witness}", reason)  # fmt: skip
        return TestimonyEntry(
            record_id=t.id,
            witness=witness,
            text=self.anon.redact(t.text),
            language=t.language,
            recorded_at=t.recorded_at,
            recorded_where=self.anon.redact(t.recorded_where),
            recorded_by=self.anon.redact(t.recorded_by),
            consent_scope=t.consent_scope,
            consent_date=t.consent_date,
            translations=translations,
            photos=photos,
            record_hash=digest,
            notes=note_rules.testimony_notes(self, t, included=True),
        )

    def _case_photos(self, case_id: str, excluded: set[str],
                     testimonies: list[TestimonyEntry]) -> list[PhotoEntry]:  # fmt: skip
        shown = {p.media.id for t in testimonies for p in t.photos}
        ids = [link.media_id for link in self.repo.find(MediaLink, {"case_id": case_id})]
        if self.options.person_id:
            ids = [
                link.media_id
                for link in self.repo.find(MediaLink, {"person_id": self.options.person_id})
            ]
        out = []
        for media_id in dict.fromkeys(ids):
            if media_id in shown:
                continue
            photo = self._photo(media_id, excluded, "linked to the case")
            if photo:
                out.append(photo)
        return out


def gather(
    archive: Archive, options: DossierOptions, today: dt.date | None = None
) -> DossierContent:
    if options.lang not in ("en", "ru", "kk"):
        raise InvalidInput(f"Unknown dossier language '{options.lang}'; use en, ru or kk")
    return _Gatherer(archive, options, today or dt.date.today()).run()


def preview_of(content: DossierContent) -> Preview:
    """The decisions, grouped as the person exporting needs to read them."""
    d = content.decisions
    return Preview(
        included=[x for x in d if x.action in ("included", "redacted")],
        left_out=[x for x in d if x.action == "left out"],
        anonymised=[x for x in d if x.action in ("anonymised", "redacted")],
        photos=sum(1 for p in content.all_photos if p.embeddable),
        confidential=content.options.confidential,
    )
