"""CLI commands about the archive as a whole: init, passwd, verify, deadlines, demo."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tumar.app import deadlines, lifecycle
from tumar.storage.connection import DatabaseError
from tumar.storage.errors import DatabaseCorrupt

from . import secrets
from .context import open_from_args, out

RECOVERY_WARNING = (
    "Recovery code (shown only this once; write it on paper and keep it apart from the laptop):"
)
FAST_KDF_WARNING = (
    "tumar: WARNING: fast key derivation (TUMAR_KDF_PROFILE=fast): the new key slot uses one "
    "Argon2id pass instead of about a second of work, so a stolen copy is much quicker to "
    "attack. Use it only for tests and throw-away demos; `tumar verify` will report it.\n"
)


def _warn_if_fast_kdf() -> None:
    if lifecycle.fast_kdf_profile():
        sys.stderr.write(FAST_KDF_WARNING)


def check_new_passphrase(passphrase: str) -> None:
    """zxcvbn's dictionaries load on the first call here (init, passwd), not with every command."""
    from tumar.app.passphrase_policy import check_new_passphrase as check

    check(passphrase)


def cmd_init(args: argparse.Namespace) -> int:
    passphrase = secrets.new_passphrase(args.passphrase_file)
    check_new_passphrase(passphrase)
    archive, code = lifecycle.create_archive(Path(args.path), passphrase)
    archive.close()
    _warn_if_fast_kdf()
    out(f"Created archive {args.path}")
    out(RECOVERY_WARNING)
    out(f"    {code}")
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    current = secrets.current_passphrase(args.passphrase_file)
    new = secrets.new_passphrase(args.new_passphrase_file, secrets.NEW_PASSPHRASE_ENV)
    check_new_passphrase(new)
    lifecycle.change_passphrase(Path(args.archive_path), current, new)
    _warn_if_fast_kdf()
    out("Passphrase changed. The recovery code is unchanged and still opens the archive.")
    out(
        "This does not revoke the old passphrase: any copy of the archive (or of its "
        "tumar.json) made before today still opens with it. To revoke old passphrases and "
        "recovery codes, run `tumar rekey`."
    )
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from tumar.app.verify import verify_archive, verify_unopenable  # Pillow: verify only

    secret = secrets.current_passphrase(args.passphrase_file)
    try:
        archive = lifecycle.open_archive(Path(args.target), secret)
    except (DatabaseCorrupt, DatabaseError) as exc:
        reason = str(exc) if isinstance(exc, DatabaseCorrupt) else f"archive.db is damaged ({exc})"
        report = verify_unopenable(Path(args.target), secret, reason)
    else:
        with archive:
            report = verify_archive(archive)
    for note in report.notes:
        out(f"NOTE: {note}")
    out(f"Audit entries: {report.audit_entries}")
    out(f"Records checked: {report.records_checked}")
    out(f"Audit head: #{report.head_seq} {report.head_hash}")
    out("  (write it down with the date: a later `tumar verify` must show this entry or later)")
    if report.ok:
        out("OK: audit chain, records and database integrity verified")
        return 0
    for problem in report.problems:
        out(f"FAIL: {problem}")
    out("Verification FAILED: the archive is not as Tumar wrote it (see above)")
    return 3


def cmd_deadlines(args: argparse.Namespace) -> int:
    with open_from_args(args) as archive:
        items = deadlines.upcoming(archive)
    if not items:
        out("No upcoming deadlines.")
    for d in items:
        when = "today" if d.days_left == 0 else f"in {d.days_left} days"
        out(f"{d.event.date_lower}  {when:>12}  {d.event.kind:<20} {d.case.title}")
        if d.event.description:
            out(f"{'':38}{d.event.description}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    passphrase = secrets.new_passphrase(args.passphrase_file)
    from tumar.app import demo  # builds dossier-ready sample records: only for `demo`

    summary = demo.build_demo(Path(args.path), passphrase)
    _warn_if_fast_kdf()
    out(f"Demo archive created at {summary.folder}")
    out("Built from press reports about ethnic Kazakhs who fled Xinjiang (2018-2019).")
    for table, count in summary.counts.items():
        if count:
            out(f"  {table:<16}{count}")
    out(RECOVERY_WARNING)
    out(f"    {summary.recovery_code}")
    out("Look around (same passphrase):")
    for example in ("case list", "deadlines", "people duplicates"):
        out(f"    tumar {example} -a {summary.folder}")
    out(f"    tumar search -a {summary.folder}     (then type: Tlek Tabarik)")
    return 0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("init", help="create a new encrypted archive", parents=[common])
    p.add_argument("path", help="new archive folder (must not exist or be empty)")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("passwd", help="change the passphrase", parents=[common])
    p.add_argument("archive_path", metavar="ARCHIVE")
    p.add_argument("--new-passphrase-file", help="read the new passphrase from this file")
    p.set_defaults(func=cmd_passwd)

    p = sub.add_parser("verify", help="check audit chain, records and integrity", parents=[common])
    p.add_argument("target", metavar="ARCHIVE")
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("deadlines", help="upcoming events, soonest first", parents=[common])
    p.set_defaults(func=cmd_deadlines)

    p = sub.add_parser("demo", help="create a demo archive from a public case", parents=[common])
    p.add_argument("path", help="new archive folder")
    p.set_defaults(func=cmd_demo)
