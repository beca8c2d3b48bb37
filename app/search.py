"""Search service: any text a user types finds people, testimonies, notes, cases and events.

Why a service between the CLI/GUI and storage: the same rules must hold wherever a search
comes from — user text is never FTS5 syntax unless asked for (`advanced`), names match
across scripts and spellings, deleted records never appear (they have no index entry), and
a testimony whose consent was withdrawn is still found (a lawyer must know it exists) but
is marked so nobody quotes it by mistake.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from tumar.storage import edtf_dates, fts, fts_repair, search_repo
from tumar.storage.archive import Archive
from tumar.storage.connection import DatabaseError, is_damage
from tumar.storage.errors import InvalidInput, SearchIndexDamaged
from tumar.storage.search_repo import MARK_CLOSE, MARK_OPEN, Filters, Hit

from . import search_query as sq
from .jobs import CancelToken, Job, Progress
from .search_snippet import Needles, make_snippet
from .tags import find_tag

#: snippets mark matched words with these (re-exported for the CLI and GUI)
MARKS = (MARK_OPEN, MARK_CLOSE)

KINDS = fts.KINDS
MAX_LIMIT = 500
WITHDRAWN_MARK = "[consent withdrawn]"


@dataclass(frozen=True)
class SearchQuery:
    """What to look for. `text` may be anything; the filters narrow the results."""

    text: str
    kinds: tuple[str, ...] = ()
    case_id: str | None = None
    person_id: str | None = None
    date_from: str | None = None  # EDTF; its earliest day counts
    date_to: str | None = None  # EDTF; its latest day counts
    tag: str | None = None
    advanced: bool = False  # `text` is raw FTS5 syntax
    limit: int = 20
    offset: int = 0


@dataclass(frozen=True)
class SearchResult:
    kind: str  # person | testimony | note | case | event
    record_id: str
    title: str
    snippet: str  # matched words between MARK_OPEN and MARK_CLOSE
    date: str | None  # EDTF as entered (recording date, event date, note day)
    consent_withdrawn: bool
    score: float  # lower is better (bm25)


def _filters(query: SearchQuery) -> Filters:
    kinds = tuple(dict.fromkeys(query.kinds))
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise InvalidInput(
            f"'{unknown[0]}' is not a record type to search; choose from {', '.join(KINDS)}"
        )
    date_from = edtf_dates.parse(query.date_from)[1] if query.date_from else None
    date_to = edtf_dates.parse(query.date_to)[2] if query.date_to else None
    if date_from and date_to and date_from > date_to:
        raise InvalidInput("The search date range ends before it starts")
    return Filters(
        kinds=kinds,
        case_id=query.case_id or None,
        person_id=query.person_id or None,
        date_from=date_from,
        date_to=date_to,
        tag=(query.tag or "").strip() or None,
    )


def _with_spellings(
    archive: Archive, terms: list[sq.Term], words: str | None
) -> tuple[str | None, list[str]]:
    """If the query is a known person's name in some spelling, also find texts that
    mention that person under any of their other recorded spellings (returned too, folded,
    so snippets can mark them)."""
    keys = sq.name_query_keys(terms)
    if not words or not keys:
        return words, []
    conn = archive.records_db
    names = search_repo.folded_names(conn, search_repo.people_by_name_keys(conn, keys))
    spelled = sq.spelling_expression(names)
    return (f"({words}) OR {spelled}", names) if spelled else (words, [])


@dataclass(frozen=True)
class SearchPage:
    results: list[SearchResult]
    matches: int  # matches that were ranked
    capped: bool  # more matched than were ranked: the best of the most recent are shown


def search(archive: Archive, query: SearchQuery) -> list[SearchResult]:
    """Results best first. Never raises for any `query.text` in simple mode; in advanced
    mode a malformed expression raises InvalidInput with a plain explanation."""
    return search_page(archive, query).results


def _grams(archive: Archive, terms: list[sq.Term]) -> tuple[str | None, tuple[str, ...], bool]:
    """Trigram expression and LIKE substrings for the CJK parts; False if nothing can match."""
    parts = [sq.quote(run) for run in sq.trigram_runs(terms)]
    like: list[str] = []
    for run in sq.short_cjk(terms):
        grams = search_repo.short_cjk_grams(archive.records_db, run)
        if grams is None:
            like.append(run)
        elif not grams:
            return None, (), False
        else:
            parts.append(f"({grams})")
    return (" AND ".join(parts) or None), tuple(like), True


def search_page(archive: Archive, query: SearchQuery) -> SearchPage:
    """`search` with how many matches there were and whether ranking was capped.

    A stale or damaged index (derived data) says so and points to `tumar reindex`."""
    if not archive.repo.search_enabled:
        raise SearchIndexDamaged(stale=True)
    try:
        return _search_page(archive, query)
    except DatabaseError as exc:
        if is_damage(exc):
            raise SearchIndexDamaged() from None
        raise


def _search_page(archive: Archive, query: SearchQuery) -> SearchPage:
    filters = _filters(query)
    if filters.tag:  # NOCASE in SQL folds ASCII only; resolve the stored spelling here
        stored = find_tag(archive, filters.tag)
        filters = replace(filters, tag=stored.name if stored else filters.tag)
    limit = max(1, min(MAX_LIMIT, int(query.limit)))
    offset = max(0, int(query.offset))
    conn = archive.records_db
    terms = sq.parse(query.text)
    spellings: list[str] = []
    if query.advanced:
        expression = sq.clean(query.text).strip()
        if not expression:
            return SearchPage([], 0, False)
        page = search_repo.search(
            conn, words=expression, grams=None, filters=filters, limit=limit, offset=offset,
            raw=True,
        )  # fmt: skip
    else:
        grams, like, possible = _grams(archive, terms)
        if not possible:
            return SearchPage([], 0, False)
        words, spellings = _with_spellings(archive, terms, sq.words_expression(terms))
        page = search_repo.search(
            conn,
            words=words,
            grams=grams,
            like=like,
            filters=filters,
            limit=limit,
            offset=offset,
        )
    needles = Needles.of(terms, query.advanced, spellings)
    results = [_result(archive, hit, needles) for hit in page.hits]
    return SearchPage(results, page.matches, page.capped)


def _title(archive: Archive, hit: Hit) -> str:
    info = search_repo.context(archive.records_db, hit.kind, hit.record_id)
    if hit.kind == "testimony":
        language = f" [{info['language']}]" if info.get("language") else ""
        return f"Testimony by {info.get('witness', 'unknown witness')}{language}"
    if hit.kind == "event":
        return f"{hit.title.capitalize()} — {info.get('case_title', '')}".rstrip(" —")
    if hit.kind == "note":
        about = info.get("case_title") or info.get("person") or info.get("witness")
        return f"Note on {about}" if about else "Note"
    return hit.title


def _result(archive: Archive, hit: Hit, needles: Needles) -> SearchResult:
    return SearchResult(
        kind=hit.kind,
        record_id=hit.record_id,
        title=_title(archive, hit),
        snippet=make_snippet(hit.body, needles),
        date=hit.date,
        consent_withdrawn=hit.withdrawn,
        score=hit.score,
    )


# ---- rebuilding the index -------------------------------------------------------------


def reindex(archive: Archive, progress: Progress | None = None) -> int:
    """Rebuild the whole index from scratch (also when its pages are damaged); returns the
    number of documents."""
    count = fts_repair.rebuild_from_scratch(
        archive.records_db, archive.reconnect, archive.rewrite_records, progress
    )
    archive.repo.search_enabled = True
    return count


def reindex_job(archive: Archive) -> Job[int]:
    """`reindex` as a background job: cancelling rolls back, keeping the old index."""

    def job(progress: Progress, cancel: CancelToken) -> int:
        def report(done: int, total: int, text: str) -> None:
            cancel.raise_if_cancelled()
            progress(done, total, text)

        return reindex(archive, report)

    return job
