"""CLI for the team roster and this laptop's bundle keys (`tumar team …`).

A member's label (whose laptop it is) is record content: it is read from a prompt, piped
standard input or a JSON file (`--from-file`), never from the command line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tumar.app.sync import team

from .content_input import Field, add_from_file_option, read_content
from .context import open_from_args, out

LABEL_FIELDS = (Field("label", "Label (whose laptop this is)"),)
EXPORT_WARNING = (
    "WARNING: this file opens every bundle this laptop writes. Keep it offline, like the "
    "recovery code; delete it once it is stored safely."
)


def cmd_key(args: argparse.Namespace) -> int:
    with open_from_args(args) as archive:
        keys = team.keys(archive)
    out(keys.recipient)
    if keys.recovery_recipient is None:
        sys.stderr.write(
            "tumar: note: open this archive once with its recovery code so that the code can "
            "also open its bundles\n"
        )
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    values = read_content(LABEL_FIELDS, args.from_file, what="member", main="label")
    with open_from_args(args) as archive:
        member = team.add_member(archive, args.recipient, str(values.get("label", "")))
    out(f"Added team member {member.id}; bundles written from now on are encrypted to it.")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with open_from_args(args) as archive:
        keys = team.keys(archive)
        members = team.members(archive)
    out(f"{keys.recipient}  (this laptop)")
    for member in members:
        out(f"{member.recipient}  {member.label}")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    with open_from_args(args) as archive:
        team.remove_member(archive, args.recipient)
    out(team.REMOVAL_NOTE)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    sys.stderr.write(EXPORT_WARNING + "\n")
    with open_from_args(args) as archive:
        team.export_identity(archive, Path(args.file))
    out(f"Identity written to {args.file} (stock `age -d -i {args.file}` opens bundles)")
    return 0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    team_parser = sub.add_parser("team", help="team keys and members")
    team_sub = team_parser.add_subparsers(dest="team_command", required=True, metavar="ACTION")
    p = team_sub.add_parser("key", help="print this laptop's age recipient", parents=[common])
    p.set_defaults(func=cmd_key)
    p = team_sub.add_parser("add-member", help="add a laptop (label asked)", parents=[common])
    p.add_argument("recipient", metavar="RECIPIENT", help="the other laptop's age1… key")
    add_from_file_option(p)
    p.set_defaults(func=cmd_add)
    p = team_sub.add_parser("list", help="list the team's laptops", parents=[common])
    p.set_defaults(func=cmd_list)
    p = team_sub.add_parser("remove", help="remove a laptop from the team", parents=[common])
    p.add_argument("recipient", metavar="RECIPIENT")
    p.set_defaults(func=cmd_remove)
    p = team_sub.add_parser(
        "export-identity", help="write this laptop's secret age identity", parents=[common]
    )
    p.add_argument("file", metavar="FILE", help="new file (owner-only)")
    p.set_defaults(func=cmd_export)
