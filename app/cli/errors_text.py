"""One plain sentence for each failure that does not come as a TumarError.

SQLite and the OS raise terse errors ("database disk image is malformed", errno 28 with
no file name); the user needs to know what happened and what to do. Messages never carry
record content: only SQLite's fixed texts, error names and file paths.
"""

from __future__ import annotations

import argparse
import os

from tumar.app.failures import Failure, classify
from tumar.storage.errors import InvalidInput

DAMAGE_ADVICE = (
    "run `tumar verify ARCHIVE` to see what can still be read, then restore the archive "
    "from a backup or copy what is readable with `tumar salvage ARCHIVE NEW`"
)
#: argument names that hold paths: any bytes are fine there (the OS takes them as they are)
PATH_ARGUMENTS = {
    "archive", "path", "target", "archive_path", "paths", "dest", "file", "damaged", "new",
    "passphrase_file", "new_passphrase_file", "out", "cert", "p12", "password_file",
    "organisation_file",
}  # fmt: skip


def database_error_message(exc: BaseException) -> str:
    kind = classify(exc)
    if kind is Failure.DAMAGED:
        return f"the archive is damaged ({exc}); {DAMAGE_ADVICE}"
    if kind is Failure.DISK_FULL:
        return "The disk is full, so the change was not saved; free some space and try again"
    if kind is Failure.BUSY:
        return (
            "the archive is in use by another Tumar command (an import or a long change); "
            "try again when it has finished"
        )
    if kind is Failure.READ_ONLY:
        return (
            "the archive is read-only (a read-only disk or folder): it can be read, "
            "searched, verified and exported, but not changed"
        )
    return f"the change was not saved because of a database error ({exc})"


def os_error_message(exc: OSError) -> str:
    kind = classify(exc)
    if kind is Failure.DISK_FULL:
        return "The disk is full, so nothing was written; free some space and try again"
    if kind is Failure.READ_ONLY:
        return "The disk is read-only, so nothing was written"
    if kind is Failure.TOO_LARGE:
        return (
            "The file is too large for this drive (a FAT32 stick holds at most 4 GB in one "
            "file), so nothing was written; use a drive formatted as exFAT or ext4"
        )
    name = None
    if exc.filename is not None:
        name = os.fsencode(exc.filename).decode("utf-8", "backslashreplace")
    if kind is Failure.DRIVE_GONE:
        where = f" ({name})" if name else ""
        return (
            f"A drive stopped answering{where}: pulled out, or failing; plug it in again "
            "or use another drive"
        )
    reason = exc.strerror or type(exc).__name__
    return f"{reason}: {name}" if name is not None else reason


def _has_undecodable(value: object) -> bool:
    if isinstance(value, str):
        return any("\udc80" <= ch <= "\udcff" for ch in value)
    if isinstance(value, list | tuple):
        return any(_has_undecodable(v) for v in value)
    return False


def check_text_arguments(args: argparse.Namespace) -> None:
    """Refuse arguments that are not UTF-8 text (file names excepted) before any work."""
    for name, value in vars(args).items():
        if name not in PATH_ARGUMENTS and _has_undecodable(value):
            option = "--" + name.replace("_", "-")
            raise InvalidInput(f"The value of {option} is not UTF-8 text; type it again as UTF-8")
