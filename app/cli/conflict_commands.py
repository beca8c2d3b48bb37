"""`tumar conflicts`: list, show and settle edits made on two laptops at once.

`show` prints what the window's conflicts dialog shows (app.conflict_view): the record by
its name, which side this laptop holds, and only the fields that differ, so someone on
the command line can choose `--keep mine` or `--keep theirs` knowing what each keeps.
Record content goes to stdout, never into argv.
"""

from __future__ import annotations

import argparse

from tumar.app import conflict_view
from tumar.app.sync import conflicts
from tumar.app.text_diff import Piece
from tumar.storage.errors import InvalidInput

from .context import open_from_args, out

#: how a record kind is named in the output (the table names are not for people)
_KIND = {"case_file": "case", "person_name": "name of a person", "team_member": "team member"}


def _side(label: str, side: conflict_view.Side) -> str:
    label = f"{label}:"
    if not side.held:
        return f"  {label:8} not on this laptop yet"
    who = "this laptop" if side.made_here else "another laptop"
    what = "deleted the record on" if side.deleted else "edited on"
    return f"  {label:8} {who}, {what} {side.edited_at}".rstrip()


def _value(value: object) -> str:
    if value is None or value == "":
        return "(empty)"
    return str(value).replace("\n", "\n             ")


def _marked(pieces: list[Piece]) -> str:
    return "".join(f"[[{p.text}]]" if p.changed else p.text for p in pieces)


def _show(view: conflict_view.ConflictView) -> None:
    kind = _KIND.get(view.table, view.table.replace("_", " "))
    named = f' "{view.title}"' if view.title else ""
    out(f"Conflict #{view.id}: {kind}{named}, found {view.found_at}")
    out(_side("mine", view.mine))
    out(_side("theirs", view.theirs))
    if view.mine.held and not view.mine.made_here and not view.theirs.made_here:
        out("  (neither version was made on this laptop: mine is the version it shows now)")
    marked = False
    for change in view.differences:
        out(f"  {change.field}")
        mine, theirs = _value(change.mine), _value(change.theirs)
        marks = conflict_view.word_marks(view, change)
        if marks is not None:  # a long text: the differing words between [[ and ]]
            mine, theirs = _value(_marked(marks[0])), _value(_marked(marks[1]))
            marked = True
        out(f"    mine:    {mine}")
        out(f"    theirs:  {theirs}")
    if marked:
        out("  (between [[ and ]]: the words in which the versions differ)")
    if view.mine.deleted != view.theirs.deleted and view.goes_with_it:
        kinds = ", ".join(_KIND.get(k, k.replace("_", " ")) for k in view.goes_with_it)
        out(f"  keeping the deletion also deletes its {kinds} (kept in history)")
    out(f"Settle it: tumar conflicts resolve {view.id} --keep mine   (or theirs)")


def cmd_conflicts(args: argparse.Namespace) -> int:
    with open_from_args(args) as archive:
        if args.action == "resolve":
            if not args.keep:
                raise InvalidInput("Say which version to keep: --keep mine|theirs|VERSION")
            hlc = conflicts.resolve(archive, args.conflict_id, args.keep)
            out(f"Conflict #{args.conflict_id} settled; new version {hlc}")
            return 0
        items = conflicts.open_conflicts(archive)
        if args.action == "show":
            chosen = [c for c in items if c.id == args.conflict_id]
            if not chosen:
                raise InvalidInput(
                    f"No open conflict #{args.conflict_id}; `tumar conflicts` lists them"
                )
            _show(conflict_view.describe(archive, chosen[0]))
            return 0
    if not items:
        out("No open conflicts.")
    for c in items:
        out(f"#{c.id}  {c.table} {c.record_id}  kept {c.winner_hlc}  other {c.loser_hlc}")
    return 0


def _entry(args: argparse.Namespace) -> int:
    if args.action is not None and args.conflict_id is None:
        raise InvalidInput(f"Give the conflict number: tumar conflicts {args.action} ID")
    return cmd_conflicts(args)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("conflicts", help="list, show or settle concurrent edits", parents=[common])
    p.add_argument(
        "action",
        nargs="?",
        choices=["show", "resolve"],
        help="show: what differs in one conflict; resolve: settle it",
    )
    p.add_argument("conflict_id", nargs="?", type=int, metavar="ID")
    p.add_argument("--keep", help="mine, theirs, or a VERSION (HLC) to keep")
    p.set_defaults(func=_entry)
