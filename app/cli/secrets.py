"""Where the CLI gets passphrases: a no-echo prompt, a file, or an environment variable.

Never a command-line argument: arguments are visible to every user in `ps` and land in
shell history. The environment variable is for scripts and is documented as less safe
(other processes of the same user can read it).
"""

from __future__ import annotations

import getpass
import os
import sys

from tumar.app.hardening import take_env_secret
from tumar.storage.errors import InvalidInput

from .file_input import MAX_PASSPHRASE_FILE_BYTES, read_regular_file

PASSPHRASE_ENV = "TUMAR_PASSPHRASE"
NEW_PASSPHRASE_ENV = "TUMAR_NEW_PASSPHRASE"


def _read_file(path: str) -> str:
    """First line of a regular, small, UTF-8 file (FIFOs and devices are refused)."""
    data = read_regular_file(path, MAX_PASSPHRASE_FILE_BYTES, "passphrase file")
    shown = os.fsencode(path).decode("utf-8", "backslashreplace")
    try:
        text = data.decode("utf-8-sig")  # a leading BOM (Notepad) is not part of it
    except UnicodeDecodeError:
        raise InvalidInput(
            f"The passphrase file {shown} is not UTF-8 text; save it as UTF-8"
        ) from None
    secret = text.split("\n", 1)[0].rstrip("\r")
    if not secret:
        raise InvalidInput(f"The passphrase file {shown} is empty")
    return secret


_from_environment: dict[str, str] = {}  # taken out of os.environ, kept for a second run


def _from_env(name: str) -> str | None:
    """The variable's value, removed from the environment before any child process starts;
    bytes that are not UTF-8 are refused, not passed on mangled."""
    if name not in _from_environment:
        value = take_env_secret(name)
        if not value:
            return None
        _from_environment[name] = value
    value = _from_environment[name]
    if any("\udc80" <= ch <= "\udcff" for ch in value):
        raise InvalidInput(f"{name} is not UTF-8 text; set it to a UTF-8 passphrase")
    return value


_typed: dict[str, str] = {}  # answers kept for a command that runs twice (main._run)


def _prompt(text: str) -> str:
    if text in _typed:
        return _typed[text]
    if not sys.stdin.isatty():
        raise InvalidInput(
            "No passphrase given: use a terminal, --passphrase-file, or the "
            f"{PASSPHRASE_ENV} environment variable"
        )
    _typed[text] = getpass.getpass(text)
    return _typed[text]


def current_passphrase(file_option: str | None) -> str:
    if file_option:
        return _read_file(file_option)
    from_env = _from_env(PASSPHRASE_ENV)
    if from_env is not None:
        return from_env
    return _prompt("Passphrase (or recovery code): ")


def new_passphrase(file_option: str | None, env: str = PASSPHRASE_ENV) -> str:
    """A passphrase for a new key slot; typed twice when it comes from the terminal."""
    if file_option:
        return _read_file(file_option)
    from_env = _from_env(env)
    if from_env is not None:
        return from_env
    first = _prompt("New passphrase: ")
    if _prompt("Repeat the new passphrase: ") != first:
        raise InvalidInput("The two passphrases differ; nothing was changed")
    return first
