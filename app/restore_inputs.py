"""What a restore needs from a person, shared by `tumar restore` and the window's restore
screen: the target folder rule, the secret that opens the bundle (its passphrase, the old
laptop's recovery code, or an exported identity file), and a restore that hands back a key
instead of an open archive.

The window runs the restore on a worker thread, and SQLCipher connections belong to the
thread that opened them; so the archive restore() opens is closed on that thread and the
window reopens it on its own from the key (as lifecycle.create_key does for a new archive).
Refusals come back as a kind, not as English text, so each screen can say them in its
language; anything else is raised as usual.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from pathlib import Path

from tumar.app.jobs import CancelToken, Progress, no_progress
from tumar.app.lifecycle import UnlockedKey
from tumar.app.sync import bundle_io, restore
from tumar.app.sync.errors import BundleError, BundleKeyError
from tumar.storage.connection import is_disk_full
from tumar.storage.errors import ArchiveExists, DiskFull, InvalidInput
from tumar.storage.replica_keys import recovery_identity

IDENTITY_PREFIX = "AGE-SECRET-KEY-1"

# Why a restore was refused (nothing was made: restore deletes a folder it started)
WRONG_KEY = "wrong_key"  # the passphrase, code or identity does not open the bundle
NOT_BACKUP = "not_backup"  # a sync bundle: it holds only what a peer had not seen
DAMAGED = "damaged"  # truncated, tampered with, foreign, newer format, unreadable
FOLDER_TAKEN = "folder_taken"  # the target exists and is not an empty folder
DISK_FULL = "disk_full"


def folder_is_free(folder: Path) -> bool:
    """A restore goes only into a folder that does not exist yet or is empty."""
    folder = Path(folder)
    return not folder.exists() or (folder.is_dir() and not any(folder.iterdir()))


def check_new_folder(folder: Path) -> None:
    if not folder_is_free(folder):
        raise InvalidInput(f"{folder} already exists; restore only into a new folder")


def secret_from_text(given: str) -> bundle_io.Secret:
    """One field takes either the bundle's passphrase or the recovery code of the laptop
    that wrote it: a text shaped like a recovery code is tried as both."""
    derived = recovery_identity(given)
    return bundle_io.Secret(identities=(derived,) if derived else (), passphrase=given)


def read_identity_file(path: Path) -> tuple[str, ...]:
    """The age identities in a file written by `tumar team export-identity` (or age-keygen)."""
    try:
        lines = Path(path).read_text(encoding="ascii").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"Cannot read the identity file {path}: {exc}") from None
    found = tuple(line.strip() for line in lines if line.strip().startswith(IDENTITY_PREFIX))
    if not found:
        raise InvalidInput(f"{path} holds no age identity (a line starting {IDENTITY_PREFIX})")
    return found


@dataclass(frozen=True)
class RestoreResult:
    """Either `key` and `code` (the new archive, closed; its recovery code to show once),
    or `refused`, one of the kinds above."""

    key: UnlockedKey | None = None
    code: str = ""
    refused: str = ""


def refusal(exc: BaseException) -> str:
    """The kind of a restore failure a person can act on, or "" for anything else."""
    if isinstance(exc, BundleKeyError):
        return WRONG_KEY
    if isinstance(exc, ArchiveExists):
        return FOLDER_TAKEN
    if isinstance(exc, DiskFull) or is_disk_full(exc):
        return DISK_FULL
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return DISK_FULL
    if isinstance(exc, BundleError):
        return DAMAGED
    return ""


def restore_to_key(
    bundle: Path,
    folder: Path,
    new_passphrase: str,
    secret: bundle_io.Secret,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> RestoreResult:
    """Check the bundle (it opens, it is a full backup), then restore it into `folder`.
    The check comes first so a wrong secret or a sync bundle is refused before any folder
    is made (progress says 0 of 0 meanwhile; then the restore's own steps)."""
    cancel = cancel or CancelToken()
    bundle, folder = Path(bundle), Path(folder)
    if not folder_is_free(folder):
        return RestoreResult(refused=FOLDER_TAKEN)
    progress(0, 0, "Checking the backup")
    try:
        manifest = bundle_io.scan(bundle, secret)
    except OSError as exc:  # the file vanished or cannot be read (a pulled USB stick)
        return RestoreResult(refused=refusal(exc) or DAMAGED)
    except BaseException as exc:
        if kind := refusal(exc):
            return RestoreResult(refused=kind)
        raise
    if manifest.data.get("kind") != "full":
        return RestoreResult(refused=NOT_BACKUP)
    cancel.raise_if_cancelled()
    try:
        archive, code, _applied = restore.restore(
            bundle, folder, new_passphrase, secret, progress=progress, cancel=cancel,
            manifest=manifest,
        )  # fmt: skip
    except BaseException as exc:
        if kind := refusal(exc):
            return RestoreResult(refused=kind)
        raise
    try:
        key = UnlockedKey(archive.folder, archive.header, archive._master_key)
    finally:
        archive.close()
    return RestoreResult(key=key, code=code)
