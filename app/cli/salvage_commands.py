"""`tumar salvage DAMAGED NEW`: copy what a damaged archive still holds into a new one.

The new archive gets a passphrase the way `init` does (prompt twice, --new-passphrase-file
or TUMAR_NEW_PASSPHRASE) and a new recovery code. The report names everything that could
not be copied; the exit status is 0 when nothing was lost, 3 when something was (like a
failed `verify`), so scripts notice.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tumar.app import lifecycle
from tumar.storage.damaged import open_raw
from tumar.storage.salvage import SalvageReport, salvage

from . import secrets
from .archive_commands import RECOVERY_WARNING
from .context import out

SHOW_IDS = 20


def _ids(ids: list[str]) -> str:
    more = f" and {len(ids) - SHOW_IDS} more" if len(ids) > SHOW_IDS else ""
    return ", ".join(ids[:SHOW_IDS]) + more


def print_report(report: SalvageReport) -> None:
    for table, count in report.copied.items():
        if count:
            out(f"copied    {table:<16}{count}")
    out(f"copied    {'media content':<16}{report.media_copied}")
    for problem in report.files:
        out(f"LOST: {problem}")
    for scan in report.scans.values():
        if not scan.complete:
            out(f"LOST: {scan.describe()}")
    for table, ids in report.not_recovered.items():
        out(f"LOST: {len(ids)} {table} record(s) named in the audit log: {_ids(ids)}")
    for orphan in report.orphans:
        out(f"LOST: {orphan}")
    for media in report.media_lost:
        out(f"LOST: {media}: its content cannot be read back with its SHA-256")
    if report.history_versions:
        out(
            f"NOTE: {report.history_versions} earlier version(s) kept in the damaged archive's "
            "history were not copied; the new archive's history starts here"
        )


def cmd_salvage(args: argparse.Namespace) -> int:
    secret = secrets.current_passphrase(args.passphrase_file)
    raw = open_raw(Path(args.target), secret)
    new = secrets.new_passphrase(args.new_passphrase_file, secrets.NEW_PASSPHRASE_ENV)
    target, code = lifecycle.create_archive(Path(args.path), new)
    with target:
        report = salvage(raw, target)
    print_report(report)
    out(f"Created archive {args.path} from what {args.target} still holds")
    out(RECOVERY_WARNING)
    out(f"    {code}")
    if report.complete:
        out("Nothing was lost.")
        return 0
    out("Some records or media could not be copied (see LOST above); keep the damaged archive.")
    return 3


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "salvage", parents=[common],
        help="copy every readable record and media item of a damaged archive into a new one",
    )  # fmt: skip
    p.add_argument("target", metavar="DAMAGED", help="the damaged archive (only read)")
    p.add_argument("path", metavar="NEW", help="new archive folder (must not exist or be empty)")
    p.add_argument("--new-passphrase-file", help="read the new archive's passphrase from here")
    p.set_defaults(func=cmd_salvage)
