"""Archive lifecycle use cases: create, unlock, change passphrase.

The KDF profile comes from TUMAR_KDF_PROFILE only for tests and scripted demos ("fast"
keeps the 64 MiB memory floor but skips the ~1 s calibration); by default every new key
slot is calibrated on this machine.
"""

from __future__ import annotations

import os
from pathlib import Path

from tumar.storage import archive as _archive
from tumar.storage.archive import Archive
from tumar.storage.kdf import KdfParams, params_for_profile

KDF_PROFILE_ENV = "TUMAR_KDF_PROFILE"


def kdf_params() -> KdfParams:
    return params_for_profile(os.environ.get(KDF_PROFILE_ENV))


def create_archive(folder: Path, passphrase: str) -> tuple[Archive, str]:
    """Returns the open archive and its recovery code (to be shown once, then forgotten)."""
    return Archive.create(Path(folder), passphrase, kdf_params())


def open_archive(folder: Path, secret: str) -> Archive:
    """`secret` is the passphrase or the recovery code."""
    return Archive.open(Path(folder), secret)


def change_passphrase(folder: Path, current_secret: str, new_passphrase: str) -> None:
    _archive.change_passphrase(Path(folder), current_secret, new_passphrase, kdf_params())
