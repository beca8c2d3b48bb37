"""Reading small text inputs (record text, passphrase files, stdin) safely.

A path given for text may be anything: /dev/zero would fill memory, a FIFO would block
forever. Only regular files are read, never more than a cap, as bytes: callers decode them
as UTF-8 without newline translation (a CRLF in a testimony stays CRLF: it is evidence).
"""

from __future__ import annotations

import os
import stat
import sys

from tumar.storage.errors import InvalidInput

MAX_TEXT_BYTES = 64 * 1024 * 1024
MAX_PASSPHRASE_FILE_BYTES = 64 * 1024


def _shown(path: str | bytes) -> str:
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def read_regular_file(path: str | bytes, limit: int, what: str) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; anything else is refused."""
    shown = _shown(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise InvalidInput(f"Cannot read the {what} {shown}: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InvalidInput(f"The {what} {shown} is not a regular file; give a file")
        if info.st_size > limit:
            raise InvalidInput(f"The {what} {shown} is larger than {limit // 1024} KiB")
        try:
            data = fh.read(limit + 1)
        except OSError as exc:
            raise InvalidInput(f"Cannot read the {what} {shown}: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise InvalidInput(f"The {what} {shown} is larger than {limit // 1024} KiB")
    return data


_stdin_read: list[tuple[object, bytes]] = []  # (stdin, bytes): for a command run twice


def read_stdin_bytes(limit: int = MAX_TEXT_BYTES) -> bytes:
    """Up to `limit` + 1 bytes of standard input, read once per process and kept, so a
    command repeated after a damaged search index (app.cli.main._run) sees the same input."""
    if _stdin_read and _stdin_read[0][0] is sys.stdin:
        return _stdin_read[0][1]
    data = sys.stdin.buffer.read(limit + 1)
    _stdin_read[:] = [(sys.stdin, data)]
    return data
