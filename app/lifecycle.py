"""Archive lifecycle use cases: create, unlock, change passphrase.

The KDF profile comes from TUMAR_KDF_PROFILE only for tests and scripted demos ("fast"
keeps the 64 MiB memory floor but skips the ~1 s calibration); by default every new key
slot is calibrated on this machine.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from tumar.storage import archive as _archive
from tumar.storage import rekey as _rekey
from tumar.storage.archive import Archive
from tumar.storage.header import Header, read_header
from tumar.storage.kdf import KdfParams, params_for_profile

KDF_PROFILE_ENV = "TUMAR_KDF_PROFILE"


def fast_kdf_profile() -> bool:
    """True when new key slots skip calibration (the CLI warns loudly; the header records it)."""
    return os.environ.get(KDF_PROFILE_ENV) == "fast"


def state_dir() -> Path:
    """Where this computer keeps each archive's last-seen audit head (storage.last_seen):
    the user's data folder, not the archive folder, so swapping the folder cannot rewind it.
    On Linux ~/.local/share/tumar/last-seen (XDG_DATA_HOME is honoured)."""
    return platformdirs.user_data_path("tumar", appauthor=False) / "last-seen"


def kdf_params() -> KdfParams:
    return params_for_profile(os.environ.get(KDF_PROFILE_ENV))


def create_archive(folder: Path, passphrase: str) -> tuple[Archive, str]:
    """Returns the open archive and its recovery code (to be shown once, then forgotten).
    The archive's signing identity for dossiers is made here too (a few milliseconds)."""
    from .dossier import identity  # lazily: the CLI's other commands never need it

    archive, code = Archive.create(Path(folder), passphrase, kdf_params(), state_dir=state_dir())
    try:
        identity.create(archive)
    except BaseException:
        archive.close()
        raise
    return archive, code


def open_archive(folder: Path, secret: str) -> Archive:
    """`secret` is the passphrase or the recovery code."""
    return Archive.open(Path(folder), secret, state_dir=state_dir())


def change_passphrase(folder: Path, current_secret: str, new_passphrase: str) -> None:
    _archive.change_passphrase(
        Path(folder), current_secret, new_passphrase, kdf_params(), state_dir=state_dir()
    )


def rekey(folder: Path, secret: str, new_passphrase: str, on_code: Callable[[str], None]) -> str:
    """New master key, both databases rewritten, new header; `on_code` shows the new
    recovery code once, before the files change (see storage.rekey)."""
    return _rekey.rekey(
        Path(folder), secret, new_passphrase, kdf_params(), state_dir=state_dir(), on_code=on_code
    )


def new_recovery_code(folder: Path, secret: str) -> str:
    return _rekey.new_recovery_code(Path(folder), secret, kdf_params(), state_dir=state_dir())


@dataclass(frozen=True)
class UnlockedKey:
    """A header and its unwrapped master key, handed from the thread that ran the KDF to the
    thread that opens the databases. Memory only; never written anywhere."""

    folder: Path
    header: Header
    master: bytes = field(repr=False)


def unlock_key(folder: Path, secret: str) -> UnlockedKey:
    """The slow part of unlocking (Argon2id), safe to run on a worker thread: it opens no
    database, so the connections can later be made on the thread that will use them."""
    header, master = _archive.unlock_key(Path(folder), secret, state_dir=state_dir())
    return UnlockedKey(Path(folder), header, master)


def create_key(folder: Path, passphrase: str) -> tuple[UnlockedKey, str]:
    """Create an archive (both KDF runs included) and close it again on this thread; returns
    the key to reopen it elsewhere with open_with_key, and the recovery code."""
    archive, code = create_archive(folder, passphrase)
    try:
        key = UnlockedKey(archive.folder, archive.header, archive._master_key)
    finally:
        archive.close()
    return key, code


def open_with_key(key: UnlockedKey) -> Archive:
    archive = Archive.open_with_key(key.folder, key.header, key.master)
    archive.attach_guard(state_dir())
    return archive


def check_archive_folder(folder: Path) -> None:
    """Raise the one-line TumarError that says why `folder` is not an archive to unlock
    (no header, damaged or foreign header, newer format); reads only the header."""
    read_header(Path(folder))
