"""Every failure the archive can report, each with one plain sentence for the user.

The CLI prints `str(error)` as is, so messages must read well on their own and never
contain secrets (passphrases, keys) or record content.
"""

from __future__ import annotations


class TumarError(Exception):
    """Base for errors Tumar expects and explains; anything else is a bug."""

    exit_code = 1


class WrongPassphrase(TumarError):
    exit_code = 2

    def __init__(self) -> None:
        super().__init__("The passphrase does not open this archive")


class NotAnArchive(TumarError):
    """The folder holds no Tumar header at all."""


class HeaderCorrupt(TumarError):
    """tumar.json exists but cannot be trusted to describe an archive."""


class UnsupportedFormat(TumarError):
    """Written by a newer Tumar: refusing is safer than guessing."""


class KdfParametersRejected(TumarError):
    """Key-derivation settings outside the caps (a hostile header could stall unlock)."""


class DatabaseCorrupt(TumarError):
    """A database file is missing, not SQLCipher, or not keyed by this archive."""


class SchemaTooNew(TumarError):
    """The database schema is newer than this Tumar knows."""


class ArchiveExists(TumarError):
    """init never writes over anything."""


class RecordNotFound(TumarError):
    pass


class InvalidInput(TumarError):
    """A value the user typed does not fit the record model (bad date, unknown role...)."""


class ArchiveLocked(TumarError):
    pass
