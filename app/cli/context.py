"""Shared CLI plumbing: which archive, unlocking it, printing."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from tumar.app.lifecycle import open_archive
from tumar.storage.archive import Archive
from tumar.storage.errors import InvalidInput, MediaUnavailable
from tumar.storage.records import Record

from . import secrets

ARCHIVE_ENV = "TUMAR_ARCHIVE"


def out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def archive_path(args: argparse.Namespace) -> Path:
    path = getattr(args, "archive", None) or os.environ.get(ARCHIVE_ENV)
    if not path:
        raise InvalidInput(f"Which archive? Give --archive PATH or set {ARCHIVE_ENV}")
    return Path(path)


def warn(message: str) -> None:
    sys.stderr.write(f"tumar: warning: {message}\n")


def open_from_args(args: argparse.Namespace, *, media: bool = False) -> Archive:
    """Unlock the archive. Warnings (unusable media, a WAL that could not be folded) are
    printed once on stderr; with `media=True` unusable media are the command's error."""
    path = archive_path(args)
    archive = open_archive(path, secrets.current_passphrase(args.passphrase_file))
    for message in archive.warnings:
        warn(message)
    archive.on_warning = warn
    if archive.media_problem:
        if media:
            archive.close()
            raise MediaUnavailable(archive.media_problem)
        warn(archive.media_problem)
    return archive


def resolve(archive: Archive, cls: type[Record], text: str) -> str:
    return archive.repo.resolve_prefix(cls, text)
