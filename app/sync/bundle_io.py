"""Opening and writing bundle files: encryption choice, atomic write, two-pass reading.

Writing goes to a temp file in the destination folder, fsynced, then renamed: a full
disk or a cancel leaves the previous bundle (or nothing) under the final name, never half
a file. Reading opens the file twice (scan, then apply); both passes go through the
authenticated decryption, and the second checks every part against the first's manifest.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from tumar.storage.atomic import atomic_writer

from . import age_scrypt, bundle_format
from .age_x25519 import RecipientWriter, recipient_reader
from .errors import BundleError, BundleKeyError


@dataclass(frozen=True)
class Secret:
    """How to open a bundle: age identities, or a passphrase (age scrypt)."""

    identities: tuple[str, ...] = ()
    passphrase: str | None = None


@contextlib.contextmanager
def writing(dest: Path, recipients: list[str], passphrase: str | None, work_factor: int):
    """Yield a plaintext sink; the encrypted bundle replaces `dest` only on success."""
    with atomic_writer(Path(dest), streamed=True) as fh:
        sink: RecipientWriter | age_scrypt.ScryptWriter
        if passphrase is not None:
            sink = age_scrypt.ScryptWriter(fh, passphrase, work_factor)
        else:
            sink = RecipientWriter(fh, recipients)
        try:
            yield sink
            sink.finish()
        except BaseException:
            sink.abandon()
            raise


def _translate(exc: BaseException) -> BundleError:
    if isinstance(exc, BundleError):
        return exc
    return BundleError("The bundle is damaged or incomplete; copy it again from its source")


class _ReadFailed(OSError):
    """Reading the bundle itself failed (a cut-off file, a failing stick)."""


class _Reads:
    """The decrypted stream, whose read errors are marked as the bundle's: an OSError
    raised by the work done with what was read (a full disk under a restore, a helper
    process that cannot start) is that error, not "the bundle is damaged"."""

    def __init__(self, plain: BinaryIO) -> None:
        self._plain = plain

    def read(self, size: int = -1) -> bytes:
        try:
            return self._plain.read(size)
        except OSError as exc:
            raise _ReadFailed(exc.errno, exc.strerror) from exc

    def readinto(self, buffer: Any) -> int:
        try:
            return self._plain.readinto(buffer)  # type: ignore[attr-defined]
        except OSError as exc:
            raise _ReadFailed(exc.errno, exc.strerror) from exc

    def __getattr__(self, name: str) -> Any:
        return getattr(self._plain, name)


@contextlib.contextmanager
def reading(path: Path, secret: Secret) -> Iterator[BinaryIO]:
    """Yield the decrypted tar stream; any decryption failure becomes one BundleError."""
    path = Path(path)
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed below after the worker stops
    except OSError as exc:
        raise BundleError(f"Cannot read the bundle {path.name}: {exc.strerror}") from None
    plain = None
    try:
        if age_scrypt.is_scrypt(fh):
            if secret.passphrase is None:
                raise BundleKeyError("This bundle is encrypted to a passphrase; give it")
            plain = age_scrypt.passphrase_reader(fh, secret.passphrase)
        else:
            if not secret.identities:
                raise BundleKeyError(
                    "This bundle is encrypted to team keys, not to a passphrase: give "
                    "--identity FILE or the recovery code of the laptop that wrote it"
                )
            plain = recipient_reader(fh, list(secret.identities))
        try:
            yield _Reads(plain)  # type: ignore[misc]
        except (_ReadFailed, ValueError) as exc:
            raise _translate(exc) from None
    finally:
        if plain is not None:
            plain.abandon()
        fh.close()


def scan(path: Path, secret: Secret) -> bundle_format.Manifest:
    size = os.path.getsize(path)
    with reading(path, secret) as plain:
        return bundle_format.scan(plain, max_total=size)
