"""What kind of failure an error from the OS or SQLite is, for the CLI and the window.

Both say each kind in one sentence with what to do (app/cli/errors_text.py in English,
widgets/failure_text.py through tr()). Why a kind and not a message: the window speaks
the user's language, and a bare `OSError` reached it as "unexpected error (OSError)" on a
full USB stick, a FAT32 stick given a bundle over 4 GB, or a stick pulled out mid-write.
Only the errno or SQLite's fixed text is looked at, never record content.
"""

from __future__ import annotations

import enum
import errno

from tumar.storage.connection import is_busy, is_damage, is_disk_full, is_read_only


class Failure(enum.Enum):
    DISK_FULL = "disk-full"
    TOO_LARGE = "too-large"  # a file over the filesystem's limit (FAT32: 4 GiB)
    READ_ONLY = "read-only"
    NOT_ALLOWED = "not-allowed"  # permissions
    DRIVE_GONE = "drive-gone"  # a stick pulled out, a failing drive
    DAMAGED = "damaged"  # the archive's database
    BUSY = "busy"  # another Tumar task holds the archive


_BY_ERRNO = {
    errno.ENOSPC: Failure.DISK_FULL,
    errno.EDQUOT: Failure.DISK_FULL,
    errno.EFBIG: Failure.TOO_LARGE,
    errno.EROFS: Failure.READ_ONLY,
    errno.EACCES: Failure.NOT_ALLOWED,
    errno.EPERM: Failure.NOT_ALLOWED,
    errno.EIO: Failure.DRIVE_GONE,
    errno.ENODEV: Failure.DRIVE_GONE,
    errno.ENXIO: Failure.DRIVE_GONE,
}

#: SQLite's errors, in the order they are tested (damage first: its text says the most)
_BY_SQLITE = (
    (is_damage, Failure.DAMAGED),
    (is_disk_full, Failure.DISK_FULL),
    (is_busy, Failure.BUSY),
    (is_read_only, Failure.READ_ONLY),
)


def classify(exc: BaseException) -> Failure | None:
    """The kind of `exc`, or None when it is none of these (a bug, or an error whose own
    text is the best that can be said)."""
    if isinstance(exc, OSError) and exc.errno is not None:
        return _BY_ERRNO.get(exc.errno)
    for test, kind in _BY_SQLITE:
        if test(exc):
            return kind
    return None
