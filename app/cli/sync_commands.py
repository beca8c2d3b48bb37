"""CLI for bundles: backup, restore, merge, sync, conflicts (see README "Backup and sync")."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from tumar.app import restore_inputs
from tumar.app.sync import backups, bundle_io, export, folder, merge, restore
from tumar.app.sync.errors import BundleKeyError
from tumar.storage.errors import InvalidInput

from . import secrets
from .context import open_from_args, out
from .media_commands import progress_printer

BUNDLE_PASSPHRASE_ENV = "TUMAR_BUNDLE_PASSPHRASE"


def _bundle_passphrase(args: argparse.Namespace, *, new: bool) -> str:
    """The bundle's passphrase: a file, TUMAR_BUNDLE_PASSPHRASE (removed once read), or a
    no-echo prompt (typed twice for a new bundle)."""
    if args.bundle_passphrase_file:
        return secrets._read_file(args.bundle_passphrase_file)
    if os.environ.get(BUNDLE_PASSPHRASE_ENV):
        return os.environ.pop(BUNDLE_PASSPHRASE_ENV)
    if new:
        first = secrets._prompt("Bundle passphrase: ")
        if secrets._prompt("Repeat the bundle passphrase: ") != first:
            raise InvalidInput("The two passphrases differ; nothing was written")
        return first
    return secrets._prompt("Bundle passphrase or the source laptop's recovery code: ")


def _backup_folder(out_arg: str, keep: int | None) -> None:
    """A backup folder named with --keep (or with a trailing slash) is made if it is not
    there yet: a fresh stick has no `backups` folder, and the README's first command
    should not fail on it. Only the last level: a missing stick is not papered over."""
    dest = Path(out_arg)
    if dest.exists() or (keep is None and not out_arg.endswith(("/", os.sep))):
        return
    try:
        dest.mkdir()
    except FileNotFoundError:
        raise InvalidInput(
            f"{dest.parent} does not exist; plug in the stick or make that folder first"
        ) from None
    except OSError as exc:
        raise InvalidInput(
            f"Cannot make the folder {dest} ({exc.strerror}); nothing was written"
        ) from None


def cmd_backup(args: argparse.Namespace) -> int:
    if args.keep is not None and args.keep < 1:
        raise InvalidInput("--keep needs a number of backups of at least 1")
    with open_from_args(args) as archive:
        _backup_folder(str(args.out), args.keep)
        dest = Path(args.out)
        if dest.is_dir():
            dest = dest / backups.backup_name(archive.replica_id)
        elif args.keep is not None:
            raise InvalidInput("--keep needs OUT to be a folder")
        elif dest.exists():
            raise InvalidInput(f"{dest} already exists; give a new file name or a folder")
        phrase = _bundle_passphrase(args, new=True) if args.passphrase else None
        manifest = export.write_bundle(archive, dest, passphrase=phrase, progress=_shown())
        removed = backups.rotate(dest.parent, archive.replica_id, args.keep or 0)
        cleared = backups.clear_interrupted(dest.parent, archive.replica_id, dest.name)
    counts = manifest["counts"]
    out(f"Backup written: {dest}")
    out(f"  {counts['records']} record versions, {counts['audit']} audit entries, "
        f"{counts['media']} media files")  # fmt: skip
    for path in removed:
        out(f"  removed old backup {path.name}")
    for path in cleared:
        out(f"  removed {path.name}, left by an interrupted backup")
    return 0


def _shown():
    """A terminal sees a long backup or restore move (stderr, and only when it is a tty)."""
    show = progress_printer()

    def progress(done: int, total: int, text: str) -> None:
        show(done, total, text)
        if done >= total and sys.stderr.isatty():
            sys.stderr.write("\n")

    return progress


def cmd_restore(args: argparse.Namespace) -> int:
    target = Path(args.new_archive)
    restore_inputs.check_new_folder(target)
    if args.identity:
        secret = bundle_io.Secret(identities=restore_inputs.read_identity_file(args.identity))
    else:
        secret = restore_inputs.secret_from_text(_bundle_passphrase(args, new=False))
    manifest = bundle_io.scan(Path(args.bundle), secret)  # it opens before we ask for more
    passphrase = secrets.new_passphrase(args.passphrase_file)
    archive, code, applied = restore.restore(
        Path(args.bundle), target, passphrase, secret, progress=_shown(), manifest=manifest
    )
    with archive:
        counts = archive.repo.count()
    out(f"Restored into {target} (a new replica of the same archive)")
    out(f"  {sum(counts.values())} records, {applied.records.kept} kept versions, "
        f"{len(applied.media_added)} media files")  # fmt: skip
    out("Recovery code of the new archive (shown only this once; keep it on paper):")
    out(f"    {code}")
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    with open_from_args(args) as archive:
        manifest = bundle_io.scan(Path(args.bundle), merge.own_secret(archive))
        if merge.check_manifest(archive, manifest):  # said before anything is merged
            out(f"Note: replica {str(manifest['source_replica'])[:8]} was never seen here")
        report = merge.merge(archive, Path(args.bundle), dry_run=args.dry_run, manifest=manifest)
    for line in report.lines():
        out(line)
    if args.dry_run:
        out("Dry run: nothing was changed")
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    with open_from_args(args) as archive:
        report = folder.sync(archive, Path(args.folder), dry_run=args.dry_run)
    for result in report.merged:
        for line in result.lines():
            out(line)
    for skipped in report.skipped:
        out(f"Skipped {skipped.line}")
    if args.dry_run:
        out("Dry run: nothing was changed or written")
    elif report.written:
        out(f"Wrote {report.bundle}")
    else:
        out("Nothing new to write")
    return 0


def _bundle_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--bundle-passphrase-file",
        help=f"read the bundle passphrase from this file (or set {BUNDLE_PASSPHRASE_ENV})",
    )


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("backup", help="write an encrypted full backup bundle", parents=[common])
    p.add_argument("out", metavar="OUT", help="a folder (name chosen for you) or a new file")
    p.add_argument("--passphrase", action="store_true", help="encrypt to a passphrase (asked for)")
    p.add_argument("--keep", type=int, help="keep only the N newest backups in OUT")
    _bundle_options(p)
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="restore a backup into a NEW archive", parents=[common])
    p.add_argument("bundle", metavar="BUNDLE")
    p.add_argument("new_archive", metavar="NEW_ARCHIVE")
    p.add_argument("--identity", help="age identity file (from team export-identity)")
    _bundle_options(p)
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("merge", help="merge one team bundle", parents=[common])
    p.add_argument("bundle", metavar="BUNDLE")
    p.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")
    p.set_defaults(func=cmd_merge)

    p = sub.add_parser("sync", help="merge the others' bundles and write ours", parents=[common])
    p.add_argument("folder", metavar="FOLDER", help="the shared folder (USB stick, Syncthing)")
    p.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")
    p.set_defaults(func=cmd_sync)


__all__ = ["BundleKeyError", "register"]
