"""`tumar rekey`, `tumar recovery-code new` and `tumar head`: revoking secrets and pinning
history.

`passwd` only re-wraps the master key; these replace it (rekey) or the recovery slot, and
`head` prints the audit head that people write down (dossiers and bundles carry it too).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tumar.app import lifecycle
from tumar.storage.last_seen import LastSeenUnreadable, current_head

from . import secrets
from .archive_commands import RECOVERY_WARNING
from .context import open_from_args, out


def _show_code(code: str) -> None:
    out(RECOVERY_WARNING)
    out(f"    {code}")


def cmd_rekey(args: argparse.Namespace) -> int:
    current = secrets.current_passphrase(args.passphrase_file)
    new = secrets.new_passphrase(args.new_passphrase_file, secrets.NEW_PASSPHRASE_ENV)
    out("Changing the archive's master key; the old recovery code stops working.")
    lifecycle.rekey(Path(args.archive_path), current, new, on_code=_show_code)
    out(
        "Done: both databases are encrypted under a new key. Old passphrases, old recovery "
        "codes and old copies of tumar.json no longer open this archive (copies of the whole "
        "folder made earlier still open with the old secrets: destroy them)."
    )
    return 0


def cmd_recovery_new(args: argparse.Namespace) -> int:
    current = secrets.current_passphrase(args.passphrase_file)
    code = lifecycle.new_recovery_code(Path(args.archive_path), current)
    out("The old recovery code no longer opens this archive's header.")
    _show_code(code)
    out(
        "A copy of the header made earlier still opens with the old code; if that code may "
        "be in the wrong hands, run `tumar rekey` instead."
    )
    return 0


def cmd_head(args: argparse.Namespace) -> int:
    args.archive = args.target
    with open_from_args(args) as archive:
        head = current_head(archive.records_db)
        out(f"Audit head: #{head.seq} {head.entry_hash}")
        guard = archive.head_guard
        if guard is None:
            return 0
        if args.accept:
            guard.write(head)
            out("Recorded as the head this computer has seen for this archive.")
            return 0
        problem = guard.problem(archive.records_db)
        try:
            seen = guard.read()
        except LastSeenUnreadable:
            seen = None
        if seen is not None:
            out(f"Last seen on this computer: #{seen.seq} {seen.entry_hash} ({seen.seen_at})")
    if problem is not None:
        out(f"FAIL: {problem}")
        return 3
    return 0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "rekey",
        parents=[common],
        help="new master key, passphrase and recovery code (revokes the old ones)",
    )
    p.add_argument("archive_path", metavar="ARCHIVE")
    p.add_argument("--new-passphrase-file", help="read the new passphrase from this file")
    p.set_defaults(func=cmd_rekey)

    p = sub.add_parser("recovery-code", help="issue a new recovery code")
    actions = p.add_subparsers(dest="recovery_command", required=True, metavar="ACTION")
    q = actions.add_parser("new", parents=[common], help="replace the recovery code")
    q.add_argument("archive_path", metavar="ARCHIVE")
    q.set_defaults(func=cmd_recovery_new)

    p = sub.add_parser(
        "head", parents=[common], help="print the audit head (to write down) and check it"
    )
    p.add_argument("target", metavar="ARCHIVE")
    p.add_argument(
        "--accept",
        action="store_true",
        help="record the archive's current head as seen (after restoring an older copy on purpose)",
    )
    p.set_defaults(func=cmd_head)
