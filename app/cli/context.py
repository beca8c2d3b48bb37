"""Shared CLI plumbing: which archive, unlocking it, printing."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from tumar.app.lifecycle import open_archive
from tumar.storage.archive import Archive
from tumar.storage.errors import InvalidInput
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


def open_from_args(args: argparse.Namespace) -> Archive:
    path = archive_path(args)
    return open_archive(path, secrets.current_passphrase(args.passphrase_file))


def resolve(archive: Archive, cls: type[Record], text: str) -> str:
    return archive.repo.resolve_prefix(cls, text)
