"""Where the CLI gets passphrases: a no-echo prompt, a file, or an environment variable.

Never a command-line argument: arguments are visible to every user in `ps` and land in
shell history. The environment variable is for scripts and is documented as less safe
(other processes of the same user can read it).
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from tumar.storage.errors import InvalidInput

PASSPHRASE_ENV = "TUMAR_PASSPHRASE"
NEW_PASSPHRASE_ENV = "TUMAR_NEW_PASSPHRASE"


def _read_file(path: str) -> str:
    try:
        with open(Path(path), encoding="utf-8") as fh:
            line = fh.readline()
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(
            f"Cannot read the passphrase file {path}: {exc.strerror or exc}"
        ) from None
    secret = line.rstrip("\r\n")
    if not secret:
        raise InvalidInput(f"The passphrase file {path} is empty")
    return secret


def _prompt(text: str) -> str:
    if not sys.stdin.isatty():
        raise InvalidInput(
            "No passphrase given: use a terminal, --passphrase-file, or the "
            f"{PASSPHRASE_ENV} environment variable"
        )
    return getpass.getpass(text)


def current_passphrase(file_option: str | None) -> str:
    if file_option:
        return _read_file(file_option)
    if os.environ.get(PASSPHRASE_ENV):
        return os.environ[PASSPHRASE_ENV]
    return _prompt("Passphrase (or recovery code): ")


def new_passphrase(file_option: str | None, env: str = PASSPHRASE_ENV) -> str:
    """A passphrase for a new key slot; typed twice when it comes from the terminal."""
    if file_option:
        return _read_file(file_option)
    if os.environ.get(env):
        return os.environ[env]
    first = _prompt("New passphrase: ")
    if _prompt("Repeat the new passphrase: ") != first:
        raise InvalidInput("The two passphrases differ; nothing was changed")
    return first
