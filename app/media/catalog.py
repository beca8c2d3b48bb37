"""Reading media records and their links: what `tumar media list/show` and the GUI display.

Kept apart from the import job so that listing never pulls in the image decoders. Everything
here reads archive.db only (thumbnails included), so it works while an import holds media.db.
"""

from __future__ import annotations

from dataclasses import dataclass

from tumar.storage.archive import Archive
from tumar.storage.records import Media, MediaLink
from tumar.storage.thumbnail_store import Thumbnail, ThumbnailStore


@dataclass
class MediaDetail:
    media: Media
    links: list[MediaLink]
    thumbnail: Thumbnail | None


def list_media(
    archive: Archive,
    *,
    case_id: str | None = None,
    person_id: str | None = None,
    testimony_id: str | None = None,
    include_deleted: bool = False,
) -> list[Media]:
    """All media, or those linked to the given case/person/testimony, oldest first."""
    where = {
        k: v
        for k, v in (("case_id", case_id), ("person_id", person_id), ("testimony_id", testimony_id))
        if v
    }
    items = archive.repo.find(Media, include_deleted=include_deleted)
    if not where:
        return items
    linked = set.intersection(
        *(
            {link.media_id for link in archive.repo.find(MediaLink, {k: v})}
            for k, v in where.items()
        )
    )
    return [m for m in items if m.id in linked]


def media_detail(archive: Archive, media_id: str) -> MediaDetail:
    media = archive.repo.get(Media, media_id, include_deleted=True)
    links = archive.repo.find(MediaLink, {"media_id": media.id})
    return MediaDetail(media, links, ThumbnailStore(archive.records_db).get(media.sha256))
