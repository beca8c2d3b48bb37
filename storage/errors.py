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


class DatabaseDamaged(TumarError):
    """A page of a database cannot be read (flipped bytes, zeroed page, truncation)."""


class MediaUnavailable(TumarError):
    """media.db is missing or damaged: records still work, media content does not."""


class ArchiveBusy(TumarError):
    """Another Tumar command holds a lock (e.g. an import holds media.db)."""


class ArchiveReadOnly(TumarError):
    """The archive's folder or files cannot be written: it is opened for reading only."""


class DiskFull(TumarError):
    pass


class SearchIndexDamaged(TumarError):
    """The search index (derived data) is damaged or out of date; `tumar reindex` fixes it."""

    def __init__(self, stale: bool = False) -> None:
        super().__init__(
            "The search index is out of date after damage was found in it; "
            "run `tumar reindex` to rebuild it"
            if stale
            else "The search index is damaged; run `tumar reindex` to rebuild it"
        )
