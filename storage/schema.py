"""Schema migrations keyed by PRAGMA user_version, all pending ones in one transaction.

A crash mid-migration leaves the old schema intact (user_version is part of the same
transaction); a database newer than this code is refused rather than half-understood.
"""

from __future__ import annotations

from types import ModuleType

from .connection import Connection, transaction
from .errors import SchemaTooNew
from .migrations import (
    m0001_initial,
    m0002_media,
    m0003_search,
    m0006_signing_identity,
    m0007_sync,
    m0008_browse_indexes,
    media_m0001_chunks,
)

ARCHIVE_MIGRATIONS: tuple[ModuleType, ...] = (
    m0001_initial,
    m0002_media,
    m0003_search,
    m0006_signing_identity,
    m0007_sync,
    m0008_browse_indexes,
)
MEDIA_MIGRATIONS: tuple[ModuleType, ...] = (media_m0001_chunks,)


def latest(migrations: tuple[ModuleType, ...]) -> int:
    return migrations[-1].VERSION


def current_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_not_newer(conn: Connection, migrations: tuple[ModuleType, ...], name: str) -> int:
    version = current_version(conn)
    if version > latest(migrations):
        raise SchemaTooNew(
            f"{name} has schema version {version}, newer than this Tumar understands "
            f"({latest(migrations)}); update Tumar to open it"
        )
    return version


def migrate(conn: Connection, migrations: tuple[ModuleType, ...], name: str) -> int:
    version = check_not_newer(conn, migrations, name)
    pending = [m for m in migrations if m.VERSION > version]
    if not pending:
        return version
    with transaction(conn):
        for module in pending:
            module.apply(conn)
            conn.execute(f"PRAGMA user_version = {int(module.VERSION)}")
    return latest(migrations)
