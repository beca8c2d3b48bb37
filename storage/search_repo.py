"""The SQL of search: run a prepared FTS5 expression with filters, rank, snippets.

The caller (app/search.py) turns what the user typed into safe FTS5 expressions; this
module only executes them. Why two steps per search: the first query finds and
scores matches reading only the index (never the document text, which would drag every
matching document's pages through decryption); the second reads the text of one page of
results. Snippets are made from that text by app/search_snippet.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlcipher3 import OperationalError

from .connection import Connection
from .errors import InvalidInput
from .fts import KINDS

#: marks around highlighted words in snippets; chosen because they do not occur in prose
MARK_OPEN, MARK_CLOSE = "\u27e6", "\u27e7"
ELLIPSIS = "…"
#: at most this many matches are ranked (the most recent); see search()
RANK_CAP = 2000
#: a 1-2 character CJK query starting more trigrams than this is matched with LIKE
MAX_SHORT_GRAMS = 256


@dataclass(frozen=True)
class Filters:
    """Every filter is optional; dates are ISO days (overlap with the record's bounds)."""

    kinds: tuple[str, ...] = ()
    case_id: str | None = None
    person_id: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    tag: str | None = None


@dataclass(frozen=True)
class Hit:
    kind: str
    record_id: str
    title: str
    body: str
    date: str | None
    withdrawn: bool
    score: float


@dataclass(frozen=True)
class Page:
    hits: list[Hit]
    matches: int  # matches ranked (at most RANK_CAP)
    capped: bool  # there may be more matches than were ranked


_CASE_FILTER = """(
    (d.kind = 'case' AND d.record_id = :case_id)
 OR (d.kind = 'event' AND EXISTS (SELECT 1 FROM event e
        WHERE e.id = d.record_id AND e.case_id = :case_id))
 OR (d.kind = 'testimony' AND EXISTS (SELECT 1 FROM testimony_case tc
        WHERE tc.testimony_id = d.record_id AND tc.case_id = :case_id AND tc.deleted = 0))
 OR (d.kind = 'note' AND EXISTS (SELECT 1 FROM note n WHERE n.id = d.record_id
        AND (n.case_id = :case_id OR n.testimony_id IN (SELECT tc.testimony_id
             FROM testimony_case tc WHERE tc.case_id = :case_id AND tc.deleted = 0))))
 OR (d.kind = 'person' AND EXISTS (SELECT 1 FROM case_person cp
        WHERE cp.person_id = d.record_id AND cp.case_id = :case_id AND cp.deleted = 0)))"""

_PERSON_FILTER = """(
    (d.kind = 'person' AND d.record_id = :person_id)
 OR (d.kind = 'testimony' AND EXISTS (SELECT 1 FROM testimony t
        WHERE t.id = d.record_id AND t.witness_id = :person_id))
 OR (d.kind = 'note' AND EXISTS (SELECT 1 FROM note n WHERE n.id = d.record_id
        AND (n.person_id = :person_id OR n.testimony_id IN (SELECT t.id FROM testimony t
             WHERE t.witness_id = :person_id AND t.deleted = 0))))
 OR (d.kind = 'event' AND EXISTS (SELECT 1 FROM event_person ep
        WHERE ep.event_id = d.record_id AND ep.person_id = :person_id AND ep.deleted = 0))
 OR (d.kind = 'case' AND EXISTS (SELECT 1 FROM case_person cp
        WHERE cp.case_id = d.record_id AND cp.person_id = :person_id AND cp.deleted = 0)))"""

_TAG_FILTER = """EXISTS (SELECT 1 FROM tagging tg JOIN tag g ON g.id = tg.tag_id
    WHERE tg.target_table = (CASE d.kind WHEN 'case' THEN 'case_file' ELSE d.kind END)
      AND tg.target_id = d.record_id AND tg.deleted = 0 AND g.deleted = 0
      AND g.name = :tag COLLATE NOCASE)"""


def _filter_sql(filters: Filters, params: dict[str, Any]) -> list[str]:
    clauses: list[str] = []
    if filters.kinds:
        names = []
        for i, kind in enumerate(k for k in filters.kinds if k in KINDS):
            params[f"kind{i}"] = kind
            names.append(f":kind{i}")
        clauses.append(f"d.kind IN ({', '.join(names) or 'NULL'})")
    if filters.case_id:
        params["case_id"] = filters.case_id
        clauses.append(_CASE_FILTER)
    if filters.person_id:
        params["person_id"] = filters.person_id
        clauses.append(_PERSON_FILTER)
    if filters.date_from or filters.date_to:
        clauses.append("d.date IS NOT NULL")
    if filters.date_from:
        params["date_from"] = filters.date_from
        clauses.append("COALESCE(d.date_upper, d.date_lower, '9999-12-31') >= :date_from")
    if filters.date_to:
        params["date_to"] = filters.date_to
        clauses.append("COALESCE(d.date_lower, d.date_upper, '0001-01-01') <= :date_to")
    if filters.tag:
        params["tag"] = filters.tag
        clauses.append(_TAG_FILTER)
    return clauses


def like_pattern(text: str) -> str:
    """A LIKE pattern matching `text` literally anywhere (%, _ and \\ escaped)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def short_cjk_grams(conn: Connection, text: str, most: int = MAX_SHORT_GRAMS) -> str | None:
    """A trigram expression for a 1-2 character CJK query: every indexed trigram that
    starts with `text` (the CJK column is padded, so every character starts one).

    Returns "" when no trigram starts with it (nothing can match) and None when more than
    `most` do — a very common character, which is then matched with LIKE instead (matches
    are dense, so a recent-first scan fills a page quickly)."""
    rows = conn.execute(
        "SELECT term FROM search_grams_vocab WHERE term >= ? AND term < ? LIMIT ?",
        (text, text + "\U0010ffff", most + 1),
    ).fetchall()
    if len(rows) > most:
        return None
    return " OR ".join('"' + r[0].replace('"', '""') + '"' for r in rows)


def search(
    conn: Connection,
    *,
    words: str | None,
    grams: str | None,
    like: tuple[str, ...] = (),
    filters: Filters = Filters(),
    limit: int = 20,
    offset: int = 0,
    raw: bool = False,
) -> Page:
    """Documents matching all of: `words` (search_words MATCH), `grams` (search_grams
    MATCH) and every `like` substring of their CJK text; best first.

    Ranking cost grows with the number of matches, so at most RANK_CAP matches are ranked:
    the most recent ones (highest doc_id). `Page.capped` says when there were more.
    `raw=True` marks `words` as typed by a user in FTS5 syntax: a malformed expression
    then becomes InvalidInput with FTS5's reason instead of a database error."""
    try:
        return _search(conn, words, grams, like, filters, limit, offset)
    except OperationalError as exc:
        if not raw:
            raise
        raise InvalidInput(
            f"The advanced search expression is not valid FTS5 syntax ({exc}); "
            "search without --advanced to look for the words as typed"
        ) from None


def _candidates(
    conn: Connection,
    words: str | None,
    grams: str | None,
    like: tuple[str, ...],
    filters: Filters,
) -> list[tuple[int, float]]:
    """(doc_id, score) of up to RANK_CAP matches, most recent first."""
    params: dict[str, Any] = {"cap": RANK_CAP}
    clauses = _filter_sql(filters, params)
    for i, text in enumerate(like):
        params[f"like{i}"] = like_pattern(text)
        clauses.append(f"d.cjk <> '' AND d.cjk LIKE :like{i} ESCAPE '\\'")
    if words:
        table, params["expr"] = "search_words", words
        if grams:
            params["grams"] = grams
            clauses.append(
                "f.rowid IN (SELECT rowid FROM search_grams WHERE search_grams MATCH :grams)"
            )
    elif grams:
        table, params["expr"] = "search_grams", grams
    elif like:
        sql = (
            "SELECT d.doc_id, 0.0 FROM search_doc d WHERE " + " AND ".join(clauses)
            + " ORDER BY d.doc_id DESC LIMIT :cap"
        )  # fmt: skip
        return [(int(r[0]), float(r[1])) for r in conn.execute(sql, params)]
    else:
        return []
    join = " JOIN search_doc d ON d.doc_id = f.rowid" if clauses else ""
    where = " AND ".join([f"{table} MATCH :expr", *clauses])
    sql = (
        f"SELECT f.rowid, f.rank FROM {table} f{join} WHERE {where}"
        " ORDER BY f.rowid DESC LIMIT :cap"
    )
    return [(int(r[0]), float(r[1])) for r in conn.execute(sql, params)]


def _search(
    conn: Connection,
    words: str | None,
    grams: str | None,
    like: tuple[str, ...],
    filters: Filters,
    limit: int,
    offset: int,
) -> Page:
    found = _candidates(conn, words, grams, like, filters)
    found.sort(key=lambda hit: (hit[1], -hit[0]))
    page = dict(found[offset : offset + limit])
    if not page:
        return Page([], len(found), len(found) >= RANK_CAP)
    marks = ", ".join("?" for _ in page)
    rows = conn.execute(
        "SELECT doc_id, kind, record_id, title, body, date, withdrawn FROM search_doc"
        f" WHERE doc_id IN ({marks})",
        list(page),
    ).fetchall()
    hits = [
        Hit(
            kind=r["kind"],
            record_id=r["record_id"],
            title=r["title"],
            body=r["body"],
            date=r["date"],
            withdrawn=bool(r["withdrawn"]),
            score=page[r["doc_id"]],
        )
        for r in rows
    ]
    hits.sort(key=lambda h: (h.score, h.kind, h.record_id))
    return Page(hits, len(found), len(found) >= RANK_CAP)


def people_by_name_keys(conn: Connection, nkeys_expression: str, limit: int = 5) -> list[str]:
    """Ids of people whose name keys match an `nkeys` expression (best first)."""
    rows = conn.execute(
        "SELECT d.record_id FROM search_words f JOIN search_doc d ON d.doc_id = f.rowid"
        " WHERE search_words MATCH ? AND d.kind = 'person' ORDER BY f.rank LIMIT ?",
        (nkeys_expression, int(limit)),
    ).fetchall()
    return [r[0] for r in rows]


def folded_names(conn: Connection, person_ids: list[str]) -> list[str]:
    """Distinct folded spellings of the live names of these people."""
    if not person_ids:
        return []
    marks = ", ".join("?" for _ in person_ids)
    rows = conn.execute(
        f"SELECT DISTINCT folded FROM person_name WHERE deleted = 0 AND person_id IN ({marks})"
        " ORDER BY folded",
        person_ids,
    ).fetchall()
    return [r[0] for r in rows if r[0]]


def context(conn: Connection, kind: str, record_id: str) -> dict[str, str]:
    """What a result line needs besides the document: witness, case title, language."""
    one = conn.execute
    if kind == "testimony":
        row = one(
            "SELECT p.display_name AS witness, t.language FROM testimony t"
            " JOIN person p ON p.id = t.witness_id WHERE t.id = ?",
            (record_id,),
        ).fetchone()
    elif kind == "event":
        row = one(
            "SELECT c.title AS case_title FROM event e JOIN case_file c ON c.id = e.case_id"
            " WHERE e.id = ?",
            (record_id,),
        ).fetchone()
    elif kind == "note":
        row = one(
            "SELECT c.title AS case_title, p.display_name AS person, w.display_name AS witness"
            " FROM note n LEFT JOIN case_file c ON c.id = n.case_id"
            " LEFT JOIN person p ON p.id = n.person_id"
            " LEFT JOIN testimony t ON t.id = n.testimony_id"
            " LEFT JOIN person w ON w.id = t.witness_id WHERE n.id = ?",
            (record_id,),
        ).fetchone()
    else:
        row = None
    return {k: v for k, v in dict(row).items() if v} if row is not None else {}


def document_count(conn: Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM search_doc").fetchone()[0])
