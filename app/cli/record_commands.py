"""CLI commands for people, cases, events, testimonies and notes."""

from __future__ import annotations

import argparse

from tumar.app import cases, edits, people, testimonies
from tumar.storage.connection import transaction
from tumar.storage.errors import InvalidInput
from tumar.storage.records import Case, Event, Note, Person, Testimony

from . import forms
from .content_input import read_content, read_content_batch
from .context import open_from_args, out, resolve
from .output import field_lines


def _name_input(item: str | dict[str, str]) -> people.NameInput:
    """NAME, NAME|SCRIPT|KIND (the bar cannot appear in a name people type), or a JSON
    object {"name", "script", "kind"}."""
    if isinstance(item, dict):
        parts = [item.get("name", ""), item.get("script", ""), item.get("kind", "")]
    else:
        parts = item.split("|")
    name = parts[0].strip()
    if not name:
        raise InvalidInput("A name must not be empty")
    script = parts[1].strip() if len(parts) > 1 and parts[1].strip() else people.guess_script(name)
    kind = parts[2].strip() if len(parts) > 2 and parts[2].strip() else "alias"
    return people.NameInput(name, script, kind)


def _strings(value: object) -> list[str]:
    """A LIST field's items as strings (objects are only meaningful for names)."""
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InvalidInput("Risk flags must be a list of strings")
    return [v.strip() for v in value if v.strip()]


def _content(args: argparse.Namespace, fields, what: str, **kw) -> dict:  # noqa: ANN001
    return read_content(fields, args.from_file, what=what, **kw)


def _add_each(args: argparse.Namespace, fields, what: str, add, **kw) -> int:  # noqa: ANN001
    """One record, or each record of a JSON array (a scripted batch) in one transaction: all
    of them are added or none. Ids are printed only once everything is committed."""
    batch = read_content_batch(fields, args.from_file, what=what, **kw)
    with open_from_args(args) as archive, transaction(archive.repo.conn):
        ids = [add(archive, c) for c in batch]
    for record_id in ids:
        out(record_id)
    return 0


def person_add(args: argparse.Namespace) -> int:
    def add(archive, c: dict) -> str:  # noqa: ANN001
        return people.add_person(
            archive,
            c["display_name"],
            names=[_name_input(n) for n in c.get("names", [])],
            birth_date=c.get("birth_date"),
            sex=c.get("sex"),
            notes=c.get("notes", ""),
            risk_flags=_strings(c.get("risk_flags", [])),
        ).person.id

    return _add_each(args, forms.PERSON, "person", add, main="display_name")


def person_list(args: argparse.Namespace) -> int:
    with open_from_args(args) as archive:
        for p in people.list_people(archive, include_deleted=args.deleted):
            mark = "  (deleted)" if p.deleted else ""
            out(f"{p.id}  {p.display_name}{mark}")
    return 0


def person_show(args: argparse.Namespace) -> int:
    with open_from_args(args) as archive:
        detail = people.get_person(archive, resolve(archive, Person, args.id))
        p = detail.person
        for text in field_lines(
            [
                ("id", p.id),
                ("name", p.display_name),
                ("born", p.birth_date),
                ("sex", p.sex),
                ("risk", ", ".join(p.risk_flags)),
                ("notes", p.notes),
            ]
        ):
            out(text)
        for n in detail.names:
            out(f"  name  {n.name}  [{n.script}, {n.kind}]")
        for link in detail.cases:
            case = archive.repo.get(Case, link.case_id, include_deleted=True)
            out(f"  case  {case.title}  ({link.role})")
    return 0


def person_edit(args: argparse.Namespace) -> int:
    c = _content(args, forms.PERSON_EDIT, "person", blank="keep")
    names = [_name_input(n) for n in c.pop("names", [])]
    if "risk_flags" in c:
        c["risk_flags"] = _strings(c["risk_flags"])
    if not c and not names:
        raise InvalidInput("Nothing to change: answer at least one question or give --from-file")
    with open_from_args(args) as archive:
        person_id = resolve(archive, Person, args.id)
        if c:
            people.edit_person(archive, person_id, **c)
        for n in names:
            people.add_name(archive, person_id, n)
    out(f"Updated {person_id}")
    return 0


def case_add(args: argparse.Namespace) -> int:
    def add(archive, c: dict) -> str:  # noqa: ANN001
        return cases.add_case(
            archive,
            c["title"],
            status=args.status,
            jurisdiction=c.get("jurisdiction", ""),
            court=c.get("court", ""),
            summary=c.get("summary", ""),
        ).id

    return _add_each(args, forms.CASE, "case", add, main="title")


def case_list(args: argparse.Namespace) -> int:
    with open_from_args(args) as archive:
        for c in cases.list_cases(archive):
            out(f"{c.id}  {c.title}  [{c.status}]")
    return 0


def case_show(args: argparse.Namespace) -> int:
    with open_from_args(args) as archive:
        d = cases.get_case(archive, resolve(archive, Case, args.id))
    c = d.case
    for text in field_lines(
        [("id", c.id), ("title", c.title), ("status", c.status), ("court", c.court),
         ("jurisdiction", c.jurisdiction), ("summary", c.summary)]
    ):  # fmt: skip
        out(text)
    out("People:")
    for link, person in d.people:
        out(f"  {person.display_name}  ({link.role})")
    out("Timeline:")
    for e in d.timeline:
        out(f"  {e.date:<18} {e.kind:<20} {e.place}")
        if e.description:
            out(f"  {'':18} {e.description}")
    out(f"Testimonies: {len(d.testimonies)}")
    for t in d.testimonies:
        marker = "  [consent withdrawn]" if t.consent_withdrawn else ""
        out(f"  {t.id}  {t.recorded_at or '?'}  {t.consent_scope}{marker}")
    out(f"Notes: {len(d.notes)}")
    return 0


def case_edit(args: argparse.Namespace) -> int:
    changes = _content(args, forms.CASE_EDIT, "case", blank="keep")
    if args.status is not None:
        changes["status"] = args.status
    if not changes:
        raise InvalidInput("Nothing to change: answer at least one question or give --from-file")
    with open_from_args(args) as archive:
        case_id = resolve(archive, Case, args.id)
        cases.edit_case(archive, case_id, **changes)
    out(f"Updated {case_id}")
    return 0


def case_link(args: argparse.Namespace) -> int:
    with open_from_args(args) as archive:
        link = cases.link_person(
            archive,
            resolve(archive, Case, args.id),
            resolve(archive, Person, args.person),
            args.role,
        )
    out(link.id)
    return 0


def event_add(args: argparse.Namespace) -> int:
    def add(archive, c: dict) -> str:  # noqa: ANN001
        return cases.add_event(
            archive,
            resolve(archive, Case, args.case),
            args.kind,
            c["date"].strip(),
            place=c.get("place", ""),
            description=c.get("description", ""),
            source=c.get("source", ""),
            people=[resolve(archive, Person, p) for p in args.person or []],
        ).id

    return _add_each(args, forms.EVENT, "event", add)


def testimony_add(args: argparse.Namespace) -> int:
    def add(archive, c: dict) -> str:  # noqa: ANN001
        return testimonies.add_testimony(
            archive,
            resolve(archive, Person, args.witness),
            c["text"],
            case_ids=[resolve(archive, Case, i) for i in args.case or []],
            language=c.get("language", "").strip(),
            recorded_at=c.get("recorded_at"),
            recorded_where=c.get("recorded_where", ""),
            recorded_by=c.get("recorded_by", ""),
            source=c.get("source", ""),
            consent=testimonies.Consent(
                args.consent, c.get("consent_date"), c.get("consent_how", ""), False
            ),
        ).id

    return _add_each(args, forms.TESTIMONY, "testimony", add, main="text", main_file=args.file)


def testimony_translate(args: argparse.Namespace) -> int:
    c = _content(args, forms.TRANSLATION, "translation", main="text", main_file=args.file)
    with open_from_args(args) as archive:
        tr = testimonies.add_translation(
            archive, resolve(archive, Testimony, args.id), c["language"].strip(), c["text"],
            c.get("translator", ""),
        )  # fmt: skip
    out(tr.id)
    return 0


def testimony_withdraw(args: argparse.Namespace) -> int:
    with open_from_args(args) as archive:
        t = testimonies.withdraw_consent(archive, resolve(archive, Testimony, args.id))
    out(f"Consent withdrawn for {t.id}")
    return 0


def testimony_list(args: argparse.Namespace) -> int:
    with open_from_args(args) as archive:
        for t in testimonies.list_testimonies(archive):
            witness = archive.repo.get(Person, t.witness_id, include_deleted=True)
            marker = "  [consent withdrawn]" if t.consent_withdrawn else ""
            out(f"{t.id}  {t.recorded_at or '?':<12} {witness.display_name}{marker}")
    return 0


def note_add(args: argparse.Namespace) -> int:
    def add(archive, c: dict) -> str:  # noqa: ANN001
        return testimonies.add_note(
            archive,
            c["text"],
            case_id=resolve(archive, Case, args.case) if args.case else None,
            person_id=resolve(archive, Person, args.person) if args.person else None,
            testimony_id=resolve(archive, Testimony, args.testimony) if args.testimony else None,
        ).id

    return _add_each(args, forms.NOTE, "note", add, main="text", main_file=args.file)


def _delete(cls, delete, what: str = ""):  # noqa: ANN001, ANN202
    """A `delete ID` handler: resolve the id (a prefix will do), tombstone through the
    service, say that the history is kept."""

    def handler(args: argparse.Namespace) -> int:
        with open_from_args(args) as archive:
            record = delete(archive, resolve(archive, cls, args.id))
        out(f"Deleted {record.id}{what} (kept in history)")
        return 0

    return handler


person_delete = _delete(Person, people.delete_person, " with their names and notes")
case_delete = _delete(Case, cases.delete_case, " with its events and notes")
event_delete = _delete(Event, edits.delete_event)
testimony_delete = _delete(Testimony, edits.delete_testimony, " with its translations and notes")
note_delete = _delete(Note, edits.delete_note)
