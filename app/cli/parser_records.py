"""Argument parsers for the record commands (handlers live in record_commands)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from tumar.storage.records import (
    CASE_STATUSES,
    CONSENT_SCOPES,
    EVENT_KINDS,
    ROLES,
)

from . import record_commands as rc
from .content_input import add_from_file_option

TEXT_FILE_HELP = "read the text from this UTF-8 file ('-': standard input)"


def _group(
    sub: argparse._SubParsersAction, name: str, help_text: str
) -> argparse._SubParsersAction:
    parser = sub.add_parser(name, help=help_text)
    return parser.add_subparsers(dest=f"{name}_command", required=True, metavar="ACTION")


def _delete(
    group: argparse._SubParsersAction,
    common: argparse.ArgumentParser,
    func: Callable[[argparse.Namespace], int],
    help_text: str,
) -> None:
    """`delete ID`: a tombstone through the same service the window uses; history is kept."""
    p = group.add_parser("delete", parents=[common], help=help_text)
    p.add_argument("id")
    p.set_defaults(func=func)


def register_records(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    person = _group(sub, "person", "people and their names")
    p = person.add_parser("add", parents=[common], help="add a person (asked, or --from-file)")
    add_from_file_option(p)
    p.set_defaults(func=rc.person_add)
    p = person.add_parser("list", parents=[common], help="list people")
    p.add_argument("--deleted", action="store_true", help="include deleted people")
    p.set_defaults(func=rc.person_list)
    p = person.add_parser("show", parents=[common], help="show one person")
    p.add_argument("id")
    p.set_defaults(func=rc.person_show)
    _delete(person, common, rc.person_delete, "delete (tombstone) with their names and notes")
    p = person.add_parser("edit", parents=[common], help="change a person (asked, or --from-file)")
    p.add_argument("id")
    add_from_file_option(p)
    p.set_defaults(func=rc.person_edit)

    case = _group(sub, "case", "cases, their people and timeline")
    p = case.add_parser("add", parents=[common], help="add a case (asked, or --from-file)")
    p.add_argument("--status", default="open", choices=CASE_STATUSES)
    add_from_file_option(p)
    p.set_defaults(func=rc.case_add)
    p = case.add_parser("list", parents=[common], help="list cases")
    p.set_defaults(func=rc.case_list)
    p = case.add_parser(
        "show", parents=[common], help="show a case with people, timeline, testimonies"
    )
    p.add_argument("id")
    p.set_defaults(func=rc.case_show)
    _delete(case, common, rc.case_delete, "delete (tombstone) a case with its events and notes")
    p = case.add_parser("edit", parents=[common], help="change a case (asked, or --from-file)")
    p.add_argument("id")
    p.add_argument("--status", choices=CASE_STATUSES)
    add_from_file_option(p)
    p.set_defaults(func=rc.case_edit)
    p = case.add_parser("link", parents=[common], help="add a person to a case with a role")
    p.add_argument("id")
    p.add_argument("person")
    p.add_argument("--role", required=True, choices=ROLES)
    p.set_defaults(func=rc.case_link)

    event = _group(sub, "event", "events on a case's timeline")
    p = event.add_parser("add", parents=[common], help="add an event (a future date is a deadline)")
    p.add_argument("--case", required=True)
    p.add_argument("--kind", required=True, choices=EVENT_KINDS)
    p.add_argument("--person", action="append", help="person involved (repeatable)")
    add_from_file_option(p)
    p.set_defaults(func=rc.event_add)
    _delete(event, common, rc.event_delete, "delete (tombstone) an event")

    testimony = _group(sub, "testimony", "testimonies, translations, consent")
    p = testimony.add_parser("add", parents=[common], help="add a testimony (text from file/stdin)")
    p.add_argument("--witness", required=True)
    p.add_argument("--case", action="append")
    p.add_argument("--file", help=TEXT_FILE_HELP)
    p.add_argument("--consent", required=True, choices=CONSENT_SCOPES)
    add_from_file_option(p)
    p.set_defaults(func=rc.testimony_add)
    p = testimony.add_parser("translate", parents=[common], help="add a translation")
    p.add_argument("id")
    p.add_argument("--file", help=TEXT_FILE_HELP)
    add_from_file_option(p)
    p.set_defaults(func=rc.testimony_translate)
    p = testimony.add_parser("withdraw-consent", parents=[common], help="mark consent withdrawn")
    p.add_argument("id")
    p.set_defaults(func=rc.testimony_withdraw)
    p = testimony.add_parser("list", parents=[common], help="list testimonies")
    p.set_defaults(func=rc.testimony_list)
    _delete(testimony, common, rc.testimony_delete, "delete with translations and notes")

    note = _group(sub, "note", "case notes")
    p = note.add_parser("add", parents=[common], help="add a note to a case, person or testimony")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--case")
    target.add_argument("--person")
    target.add_argument("--testimony")
    p.add_argument("--file", help=TEXT_FILE_HELP)
    add_from_file_option(p)
    p.set_defaults(func=rc.note_add)
    _delete(note, common, rc.note_delete, "delete (tombstone) a note")
