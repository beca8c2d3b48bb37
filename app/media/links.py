"""Linking a stored media item to a case, person or testimony after its import, and unlinking.

A photo filed under the wrong case must be movable without re-importing it. Unlinking is a
tombstone like every deletion (the link row stays, its last state goes to history, the audit
log records it, sync carries it): the media item and its content are never touched, so an
unlink can always be undone by linking again.
"""

from __future__ import annotations

from tumar.storage.archive import Archive
from tumar.storage.connection import transaction
from tumar.storage.errors import InvalidInput
from tumar.storage.records import Case, Media, MediaLink, Person, Record, Testimony

#: the link column for each kind of target
TARGETS: dict[str, tuple[str, type[Record]]] = {
    "case": ("case_id", Case),
    "person": ("person_id", Person),
    "testimony": ("testimony_id", Testimony),
}


def _target(kind: str) -> tuple[str, type[Record]]:
    if kind not in TARGETS:
        raise InvalidInput(f"Media can be linked to a case, a person or a testimony, not {kind}")
    return TARGETS[kind]


def link_media(archive: Archive, media_id: str, kind: str, target_id: str) -> MediaLink:
    """A live link from the media item to the record; an existing one is returned as is."""
    column, cls = _target(kind)
    repo = archive.repo
    with transaction(repo.conn):
        repo.get(Media, media_id)  # live media only: a deleted item gets no new links
        repo.get(cls, target_id)
        existing = repo.find(MediaLink, {"media_id": media_id, column: target_id})
        if existing:
            return existing[0]
        return repo.insert(MediaLink(media_id=media_id, **{column: target_id}))


def unlink_media(archive: Archive, media_id: str, kind: str, target_id: str) -> list[MediaLink]:
    """Tombstone every live link between the media item and the record (import links once
    per target, but two laptops may each have added one before a sync)."""
    column, _ = _target(kind)
    repo = archive.repo
    with transaction(repo.conn):
        links = repo.find(MediaLink, {"media_id": media_id, column: target_id})
        if not links:
            raise InvalidInput(f"Media {media_id} is not linked to {kind} {target_id}")
        return [repo.delete(MediaLink, link.id) for link in links]
