"""CLI commands for tags: `tumar tag add|remove|list`."""

from __future__ import annotations

import argparse

from tumar.app import tags
from tumar.storage.errors import InvalidInput

from .context import open_from_args, out, resolve

TARGETS = (("case", "case_file"), ("person", "person"), ("event", "event"),
           ("testimony", "testimony"), ("note", "note"))  # fmt: skip


def _target(args: argparse.Namespace) -> tuple[str, str]:
    for option, table in TARGETS:
        value = getattr(args, option)
        if value:
            return table, value
    raise InvalidInput("Say what to tag: --case, --person, --event, --testimony or --note")


def tag_add(args: argparse.Namespace) -> int:
    table, prefix = _target(args)
    with open_from_args(args) as archive:
        record_id = resolve(archive, tags.TAGGABLE[table], prefix)
        tags.tag_record(archive, args.name, table, record_id)
    out(f"Tagged {record_id} with '{args.name.strip()}'")
    return 0


def tag_remove(args: argparse.Namespace) -> int:
    table, prefix = _target(args)
    with open_from_args(args) as archive:
        record_id = resolve(archive, tags.TAGGABLE[table], prefix)
        removed = tags.untag_record(archive, args.name, record_id)
    out(f"Removed {removed} tag link(s) from {record_id}")
    return 0


def tag_list(args: argparse.Namespace) -> int:
    with open_from_args(args) as archive:
        for tag, count in tags.list_tags(archive):
            out(f"{tag.name}  ({count})")
    return 0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    group = sub.add_parser("tag", help="free labels on records").add_subparsers(
        dest="tag_command", required=True, metavar="ACTION"
    )
    for action, func, help_text in (
        ("add", tag_add, "attach a tag (created on first use)"),
        ("remove", tag_remove, "detach a tag"),
    ):
        p = group.add_parser(action, parents=[common], help=help_text)
        p.add_argument("name")
        target = p.add_mutually_exclusive_group(required=True)
        for option, _table in TARGETS:
            target.add_argument(f"--{option}", metavar="ID")
        p.set_defaults(func=func)
    p = group.add_parser("list", parents=[common], help="list tags with their use counts")
    p.set_defaults(func=tag_list)
