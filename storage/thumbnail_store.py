"""Thumbnails of media content, in archive.db (table `media_thumbnail`, schema 2).

A thumbnail is derived data, not a record: no history, no audit entry, no HLC. It is keyed by
the content's SHA-256, written in the same transaction as the media record that first refers
to that content, and removed with content that no media record refers to any more.

It lives in archive.db, not next to the content in media.db: media.db uses a rollback
journal, so an import holds its write lock until the file is in, and a list of thumbnails
must stay readable meanwhile (archive.db is in WAL mode: readers never wait for a writer).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .connection import Connection, transaction


@dataclass(frozen=True)
class Thumbnail:
    sha256: str
    mime: str
    width: int
    height: int
    data: bytes


class ThumbnailStore:
    """All SQL on `media_thumbnail`; `conn` is the archive.db connection."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def put(self, thumb: Thumbnail) -> None:
        """Add or replace; joins the caller's transaction (the media record's) if open."""
        with transaction(self.conn):
            self.conn.execute(
                "INSERT OR REPLACE INTO media_thumbnail (sha256, mime, width, height, data)"
                " VALUES (?, ?, ?, ?, ?)",
                (thumb.sha256, thumb.mime, thumb.width, thumb.height, thumb.data),
            )

    def get(self, sha256: str) -> Thumbnail | None:
        row = self.conn.execute(
            "SELECT sha256, mime, width, height, data FROM media_thumbnail WHERE sha256 = ?",
            (sha256,),
        ).fetchone()
        return Thumbnail(row[0], row[1], row[2], row[3], bytes(row[4])) if row else None

    def all(self) -> Iterator[Thumbnail]:
        """Every thumbnail, one at a time (verify decodes each)."""
        for row in self.conn.execute(
            "SELECT sha256, mime, width, height, data FROM media_thumbnail ORDER BY sha256"
        ):
            yield Thumbnail(row[0], row[1], row[2], row[3], bytes(row[4]))

    def unreferenced(self) -> list[str]:
        """Hashes of thumbnails that no media record (live or deleted) refers to."""
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT sha256 FROM media_thumbnail"
                " WHERE sha256 NOT IN (SELECT sha256 FROM media) ORDER BY sha256"
            )
        ]

    def delete_unreferenced(self) -> int:
        """Remove thumbnails no media record refers to (secure_delete zeroes the pages)."""
        with transaction(self.conn):
            cur = self.conn.execute(
                "DELETE FROM media_thumbnail WHERE sha256 NOT IN (SELECT sha256 FROM media)"
            )
        return cur.rowcount
