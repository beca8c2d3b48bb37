"""Tags: free labels (a small thesaurus) attached to people, cases, events, testimonies, notes.

A tag is found by name, case-insensitively, and created on first use, so a team typing
"Detention" and "detention" ends up with one label.
"""

from __future__ import annotations

from tumar.storage.archive import Archive
from tumar.storage.connection import transaction
from tumar.storage.errors import InvalidInput
from tumar.storage.records import (
    Case,
    Event,
    Note,
    Person,
    Record,
    Tag,
    Tagging,
    Testimony,
)

TAGGABLE: dict[str, type[Record]] = {
    cls.TABLE: cls for cls in (Person, Case, Event, Testimony, Note)
}


def find_tag(archive: Archive, name: str) -> Tag | None:
    wanted = name.strip().casefold()
    return next((t for t in archive.repo.find(Tag) if t.name.casefold() == wanted), None)


def get_or_create_tag(archive: Archive, name: str, description: str = "") -> Tag:
    if not name.strip():
        raise InvalidInput("A tag name must not be empty")
    existing = find_tag(archive, name)
    if existing is not None:
        return existing
    return archive.repo.insert(Tag(name=name.strip(), description=description))


def tag_record(archive: Archive, name: str, table: str, record_id: str) -> Tagging:
    """Attach tag `name` to a record; attaching the same tag twice is a no-op."""
    if table not in TAGGABLE:
        raise InvalidInput(f"Records of kind {table} cannot be tagged")
    repo = archive.repo
    repo.get(TAGGABLE[table], record_id)
    with transaction(repo.conn):
        tag = get_or_create_tag(archive, name)
        for link in repo.find(Tagging, {"tag_id": tag.id, "target_id": record_id}):
            return link
        return repo.insert(Tagging(tag_id=tag.id, target_table=table, target_id=record_id))


def untag_record(archive: Archive, name: str, record_id: str) -> int:
    """Tombstone the links between tag `name` and a record; returns how many there were."""
    tag = find_tag(archive, name)
    if tag is None:
        return 0
    links = archive.repo.find(Tagging, {"tag_id": tag.id, "target_id": record_id})
    with transaction(archive.repo.conn):
        for link in links:
            archive.repo.delete(Tagging, link.id)
    return len(links)


def list_tags(archive: Archive) -> list[tuple[Tag, int]]:
    """Every tag with the number of live records it is attached to."""
    counts: dict[str, int] = {}
    for link in archive.repo.find(Tagging):
        counts[link.tag_id] = counts.get(link.tag_id, 0) + 1
    tags = sorted(archive.repo.find(Tag), key=lambda t: t.name.casefold())
    return [(t, counts.get(t.id, 0)) for t in tags]
