"""Errors of bundles and sync: each one line that says what to do, nothing changed."""

from __future__ import annotations

from tumar.storage.errors import TumarError

#: why a bundle was refused, for a window to say in its own language (the message is the
#: English sentence the CLI prints)
DAMAGED = "damaged"  # truncated, altered, not a bundle, unreadable
WRONG_KEY = "wrong_key"  # nothing this laptop holds opens it
OTHER_ARCHIVE = "other_archive"
OWN = "own"  # this laptop's own bundle
REMOVED = "removed"  # its laptop was removed from the team
FORGED = "forged"  # signed by another key than the one pinned for its replica
CLOCK = "clock"  # stamped too far ahead
WAITING = "waiting"  # it assumes edits this laptop has not received yet
CHANGING = "changing"  # the file changed while it was read (Syncthing at work)
NEWER = "newer"  # written by a newer Tumar


class BundleError(TumarError):
    """A bundle that cannot be used: damaged, forged, foreign, too new, or unreadable."""

    exit_code = 4

    def __init__(self, message: str = "", kind: str = DAMAGED) -> None:
        super().__init__(message)
        self.kind = kind


class BundleKeyError(BundleError):
    """Neither the passphrase nor any identity we hold opens the bundle."""

    exit_code = 2

    def __init__(self, message: str = "") -> None:
        super().__init__(message, WRONG_KEY)


def changed_while_read() -> BundleError:
    """The file no longer matches what its first read found (Syncthing replaced it, or a
    copy was still being written): harmless, and the next sync merges the new file."""
    return BundleError("The bundle changed while it was being read; nothing was merged", CHANGING)
