"""No command-line argument of `tumar` can carry record content.

Arguments are readable by every local user in /proc/PID/cmdline and land in shell history,
so names, notes, titles, places, dates, tags and search text must come from a prompt, stdin
or a JSON file. This walks the real argparse parser: every subcommand, option and positional.
An argument passes only if it takes no value (a flag), is limited to fixed choices (an
enumeration), is a number, or is named in ALLOWED (ids and paths). Anything new fails here
until someone decides, on purpose, that it cannot carry content.
"""

from __future__ import annotations

import argparse

from tumar.app.cli.main import build_parser

# dest -> why it cannot carry record content
ALLOWED = {
    "help": "prints help",
    "archive": "path of the archive folder",
    "passphrase_file": "path (the passphrase itself is never an argument)",
    "new_passphrase_file": "path",
    "path": "path of a new archive folder",
    "archive_path": "path of an archive folder",
    "target": "path of an archive folder",
    "paths": "paths of files to import",
    "dest": "path to export to",
    "file": "path of a UTF-8 text file",
    "from_file": "path of a JSON file with the record content",
    "id": "record id (or prefix)",
    "keep": "person id",
    "drop": "person id",
    "case": "case id",
    "person": "person id",
    "testimony": "testimony id",
    "event": "event id",
    "note": "note id",
    "witness": "person id",
    "out": "path of the new dossier PDF, or of a backup folder / new bundle file",
    "cert": "path to write the signing certificate to",
    "p12": "path of a PKCS#12 file",
    "password_file": "path (the PKCS#12 password itself is never an argument)",
    "organisation_file": "path of a file holding the organisation name",
    "bundle": "path of a bundle file",
    "new_archive": "path of a new archive folder",
    "bundle_passphrase_file": "path (the bundle passphrase is never an argument)",
    "identity": "path of an age identity file",
    "folder": "path of the sync folder",
    "recipient": "an age public key (age1…); its label is read like content",
}


def _walk(parser: argparse.ArgumentParser, path: str):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from _walk(child, f"{path} {name}")
        else:
            yield path, action


def _can_carry_content(action: argparse.Action) -> bool:
    if action.nargs == 0:  # store_true, store_const, count, help, version
        return False
    if action.choices is not None:  # an enumeration
        return False
    if action.type in (int, float):
        return False
    return action.dest not in ALLOWED


def test_every_argument_is_an_id_path_enum_number_or_flag() -> None:
    offenders = [
        f"{path}: {'/'.join(action.option_strings) or action.dest}"
        for path, action in _walk(build_parser(), "tumar")
        if _can_carry_content(action)
    ]
    assert offenders == [], "arguments that could carry record content: " + ", ".join(offenders)


def test_walk_sees_every_command() -> None:
    """The walk must reach the commands that take content, or the test above proves nothing."""
    paths = {path for path, _ in _walk(build_parser(), "tumar")}
    for command in ("person add", "person edit", "case add", "case edit", "event add",
                    "testimony add", "testimony translate", "note add", "search", "tag add",
                    "tag remove", "media export"):  # fmt: skip
        assert f"tumar {command}" in paths
