"""Paged lists and a case's whole picture, for the window (and any other reader).

Why a service over storage.browse_repo: the window asks for "the next 200 testimonies
after this one, newest first, in this case" and must never load a whole table; this is
the one place that turns such a request into a keyset query and validates it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tumar.storage import browse_repo
from tumar.storage.archive import Archive
from tumar.storage.browse_repo import Cursor, ListFilter, ListRow
from tumar.storage.errors import InvalidInput
from tumar.storage.records import Event, Media, Note, Person, Tag, Tagging, Testimony

from . import cases
from .media.catalog import list_media

__all__ = ["Cursor", "ListFilter", "ListRow", "ListRequest", "CaseOverview"]

KINDS = browse_repo.KINDS
DEFAULT_PAGE = 200


@dataclass(frozen=True)
class ListRequest:
    kind: str
    sort: str = "added"
    descending: bool = True
    filters: ListFilter = field(default_factory=ListFilter)
    page_size: int = DEFAULT_PAGE


def sort_keys(kind: str) -> tuple[str, ...]:
    if kind not in KINDS:
        raise InvalidInput(f"'{kind}' is not a kind of record that can be listed")
    return browse_repo.sort_keys(kind)


def list_page(archive: Archive, request: ListRequest, after: Cursor | None = None) -> list[ListRow]:
    """One page of rows following `after` (None: the first page)."""
    if request.sort not in sort_keys(request.kind):
        raise InvalidInput(
            f"A {request.kind} list can be sorted by {', '.join(sort_keys(request.kind))}"
        )
    return browse_repo.list_page(
        archive.records_db,
        request.kind,
        sort=request.sort,
        descending=request.descending,
        after=after,
        limit=request.page_size,
        filters=request.filters,
    )


def cursor_after(row: ListRow) -> Cursor:
    return Cursor(row.sort_value, row.id)


def count(archive: Archive, kind: str) -> int:
    sort_keys(kind)
    return browse_repo.count_live(archive.records_db, kind)


@dataclass
class CaseOverview:
    """Everything the case page shows beside the case itself."""

    detail: cases.CaseDetail
    witnesses: dict[str, Person]  # testimony id -> witness
    media: list[Media]
    tags: list[Tag]

    @property
    def events(self) -> list[Event]:
        return self.detail.timeline

    @property
    def testimonies(self) -> list[Testimony]:
        return self.detail.testimonies

    @property
    def notes(self) -> list[Note]:
        return self.detail.notes


def tags_of(archive: Archive, table: str, record_id: str) -> list[Tag]:
    repo = archive.repo
    links = repo.find(Tagging, {"target_table": table, "target_id": record_id})
    tags = [repo.get(Tag, link.tag_id, include_deleted=True) for link in links]
    return sorted((t for t in tags if not t.deleted), key=lambda t: t.name.casefold())


def case_overview(archive: Archive, case_id: str) -> CaseOverview:
    detail = cases.get_case(archive, case_id)
    repo = archive.repo
    witnesses = {
        t.id: repo.get(Person, t.witness_id, include_deleted=True) for t in detail.testimonies
    }
    return CaseOverview(
        detail,
        witnesses,
        list_media(archive, case_id=case_id),
        tags_of(archive, "case_file", case_id),
    )
