"""The SQL of browsing: one page of a sorted, filtered list, fetched by keyset.

Why keyset and not OFFSET: a window scrolled to row 90,000 of a testimony list must not
make SQLite walk (and SQLCipher decrypt) the 90,000 rows before it. Each page continues
after the last row's (sort value, id), so every page costs the same. The default orders
follow indexes (ids are time-ordered UUIDv7, so "newest first" is the primary key read
backwards) and the first page of 100,000 testimonies reads only the rows it shows.

Columns and sort expressions come from the fixed tables below, never from the caller.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .connection import Connection

KINDS = ("case", "person", "testimony", "media", "note")
MAX_PAGE = 1000
SNIPPET_CHARS = 160


@dataclass(frozen=True)
class ListRow:
    """One line of a list: enough to draw it, nothing that needs a second query."""

    kind: str
    id: str
    title: str
    subtitle: str
    date: str | None  # EDTF or ISO time as stored
    status: str  # case status, consent scope, media kind; "" when none
    flag: bool  # consent withdrawn / has GPS / risk flags set
    sort_value: str  # cursor part: the row's value of the sort expression


@dataclass(frozen=True)
class Cursor:
    sort_value: str
    id: str


@dataclass(frozen=True)
class ListFilter:
    text: str = ""  # substring of the title or subtitle, case-insensitive for ASCII
    case_id: str | None = None  # linked to this case
    status: str | None = None  # exact status value


@dataclass(frozen=True)
class _Spec:
    source: str  # FROM … (alias r for the record table)
    title: str
    subtitle: str
    date: str
    status: str
    flag: str
    sorts: dict[str, str]  # sort key -> SQL expression (never NULL)
    case_link: str  # SQL condition "linked to :case_id"


_SPECS: dict[str, _Spec] = {
    "case": _Spec(
        source="case_file r",
        title="r.title",
        subtitle="trim(r.court || CASE WHEN r.court <> '' AND r.jurisdiction <> ''"
        " THEN ' · ' ELSE '' END || r.jurisdiction)",
        date="r.updated_at",
        status="r.status",
        flag="0",
        sorts={"added": "r.id", "title": "lower(r.title)", "updated": "r.updated_at"},
        case_link="r.id = :case_id",
    ),
    "person": _Spec(
        source="person r",
        title="r.display_name",
        # the person's other spellings: what a reader scanning the list recognises them by
        subtitle="coalesce((SELECT group_concat(n.name, ' · ') FROM person_name n"
        " WHERE n.person_id = r.id AND n.deleted = 0 AND n.name <> r.display_name), '')",
        date="r.birth_date",
        status="''",
        flag="r.risk_flags NOT IN ('[]', '')",
        sorts={"added": "r.id", "name": "lower(r.display_name)"},
        case_link="EXISTS (SELECT 1 FROM case_person cp WHERE cp.person_id = r.id"
        " AND cp.case_id = :case_id AND cp.deleted = 0)",
    ),
    "testimony": _Spec(
        source="testimony r LEFT JOIN person w ON w.id = r.witness_id",
        title="coalesce(w.display_name, '')",
        subtitle=f"substr(r.text, 1, {SNIPPET_CHARS})",
        date="r.recorded_at",
        status="r.consent_scope",
        flag="r.consent_withdrawn",
        sorts={"added": "r.id", "recorded": "coalesce(r.recorded_at, '')"},
        case_link="EXISTS (SELECT 1 FROM testimony_case tc WHERE tc.testimony_id = r.id"
        " AND tc.case_id = :case_id AND tc.deleted = 0)",
    ),
    "media": _Spec(
        source="media r",
        title="r.original_name",
        subtitle="r.mime",
        date="coalesce(r.captured_at, r.imported_at)",
        status="r.kind",
        flag="r.has_gps",
        sorts={
            "added": "r.id",
            "name": "lower(r.original_name)",
            "captured": "coalesce(r.captured_at, r.imported_at)",
        },
        case_link="EXISTS (SELECT 1 FROM media_link ml WHERE ml.media_id = r.id"
        " AND ml.case_id = :case_id AND ml.deleted = 0)",
    ),
    "note": _Spec(
        source="note r",
        title=f"substr(r.text, 1, {SNIPPET_CHARS})",
        subtitle="''",
        date="r.created_at",
        status="CASE WHEN r.case_id IS NOT NULL THEN 'case' WHEN r.person_id IS NOT NULL"
        " THEN 'person' ELSE 'testimony' END",
        flag="0",
        sorts={"added": "r.id"},
        case_link="r.case_id = :case_id",
    ),
}


def sort_keys(kind: str) -> tuple[str, ...]:
    return tuple(_SPECS[kind].sorts)


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def list_page(
    conn: Connection,
    kind: str,
    *,
    sort: str = "added",
    descending: bool = True,
    after: Cursor | None = None,
    limit: int = 200,
    filters: ListFilter | None = None,
) -> list[ListRow]:
    """Up to `limit` live rows of `kind` following `after` in the chosen order."""
    sql, params = _query(kind, sort, descending, after, limit, filters)
    return [
        ListRow(kind, r[0], r[1] or "", r[2] or "", r[3], r[4] or "", bool(r[5]), str(r[6]))
        for r in conn.execute(sql, params)
    ]


def query_plan(conn: Connection, kind: str, sort: str, descending: bool = True) -> str:
    """SQLite's plan for a first page (tests check that no sort of the whole table is needed)."""
    sql, params = _query(kind, sort, descending, Cursor("", ""), 10, None)
    rows = conn.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()
    return "\n".join(str(r[-1]) for r in rows)


def _query(
    kind: str,
    sort: str,
    descending: bool,
    after: Cursor | None,
    limit: int,
    filters: ListFilter | None,
) -> tuple[str, dict[str, Any]]:
    if kind not in _SPECS:
        raise ValueError(f"unknown list kind {kind}")
    spec = _SPECS[kind]
    if sort not in spec.sorts:
        raise ValueError(f"{kind} lists cannot be sorted by {sort}")
    filters = filters or ListFilter()
    key = spec.sorts[sort]
    params: dict[str, Any] = {"limit": max(1, min(MAX_PAGE, int(limit)))}
    where = ["r.deleted = 0"]
    if filters.text.strip():
        where.append(
            f"({spec.title} LIKE :text ESCAPE '\\' OR {spec.subtitle} LIKE :text ESCAPE '\\')"
        )
        params["text"] = _like(filters.text.strip())
    if filters.case_id:
        where.append(spec.case_link)
        params["case_id"] = filters.case_id
    if filters.status:
        where.append(f"{spec.status} = :status")
        params["status"] = filters.status
    op, order = ("<", "DESC") if descending else (">", "ASC")
    if after is not None:
        if key == "r.id":
            where.append(f"r.id {op} :after_id")
        else:
            where.append(f"({key}, r.id) {op} (:after_value, :after_id)")
            params["after_value"] = after.sort_value
        params["after_id"] = after.id
    sql = (
        f"SELECT r.id, {spec.title}, {spec.subtitle}, {spec.date}, {spec.status},"
        f" {spec.flag}, {key} FROM {spec.source} WHERE {' AND '.join(where)}"
        f" ORDER BY {key} {order}, r.id {order} LIMIT :limit"
    )
    return sql, params


def count_live(conn: Connection, kind: str) -> int:
    """Live rows of a kind (cheap for the small tables; used for navigation badges)."""
    table = _SPECS[kind].source.split()[0]
    return int(conn.execute(f"SELECT count(*) FROM {table} WHERE deleted = 0").fetchone()[0])
