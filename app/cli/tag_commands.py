"""CLI commands for tags: `tumar tag add|remove|list`."""

from __future__ import annotations

import argparse

from tumar.app import tags
from tumar.storage.errors import InvalidInput

from . import forms
from .content_input import add_from_file_option, read_content
from .context import open_from_args, out, resolve

TARGETS = (("case", "case_file"), ("person", "person"), ("event", "event"),
           ("testimony", "testimony"), ("note", "note"))  # fmt: skip


def _target(args: argparse.Namespace) -> tuple[str, str]:
    for option, table in TARGETS:
        value = getattr(args, option)
        if value:
            return table, value
    raise InvalidInput("Say what to tag: --case, --person, --event, --testimony or --note")


def _tag_name(args: argparse.Namespace) -> str:
    """Tag names are content: a label like "deportation-risk" says what a record is about."""
    return str(read_content(forms.TAG, args.from_file, what="tag", main="name")["name"]).strip()


def tag_add(args: argparse.Namespace) -> int:
    table, prefix = _target(args)
    name = _tag_name(args)
    with open_from_args(args) as archive:
        record_id = resolve(archive, tags.TAGGABLE[table], prefix)
        tags.tag_record(archive, name, table, record_id)
    out(f"Tagged {record_id} with '{name}'")
    return 0


def tag_remove(args: argparse.Namespace) -> int:
    table, prefix = _target(args)
    name = _tag_name(args)
    with open_from_args(args) as archive:
        record_id = resolve(archive, tags.TAGGABLE[table], prefix)
        removed = tags.untag_record(archive, name, record_id)
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
        p = group.add_parser(action, parents=[common], help=help_text + " (name asked or piped)")
        add_from_file_option(p)
        target = p.add_mutually_exclusive_group(required=True)
        for option, _table in TARGETS:
            target.add_argument(f"--{option}", metavar="ID")
        p.set_defaults(func=func)
    p = group.add_parser("list", parents=[common], help="list tags with their use counts")
    p.set_defaults(func=tag_list)
