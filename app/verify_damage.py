"""The part of `tumar verify` that looks at the files themselves: damaged pages, what can
still be read of each table, the search index, media.db's state and a pending WAL.

A damaged page must not end verify in a traceback: each check catches the database's
refusal and turns it into a sentence naming the file, the table and how many of its rows
are still readable (storage.readable), so the user knows what a restore or a salvage
would bring back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from tumar.storage import fts
from tumar.storage.connection import Connection, DatabaseError
from tumar.storage.errors import TumarError
from tumar.storage.readable import Reader, count_readable, table_names

DAMAGE_HINT = "restore from a backup, or copy what is readable with `tumar salvage`"
Opener = Callable[[], Connection]
T = TypeVar("T")


def _on_fresh(opener: Opener, check: Callable[[Connection], T]) -> T | str:
    """Each check on its own connection: meeting a damaged page spoils the connection."""
    try:
        conn = opener()
    except (TumarError, DatabaseError) as exc:
        return str(exc)
    try:
        return check(conn)
    finally:
        conn.close()


def integrity(conn: Connection, name: str) -> tuple[str | None, set[int]]:
    """(None when SQLite's integrity check passes, else one sentence; pages in no table)."""
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check(100)").fetchall()]
    except DatabaseError as exc:
        return f"{name} is damaged: its integrity check could not run ({exc})", set()
    findings = [r for r in rows if r not in ("ok", "*** in database main ***")]
    unused = {int(r.split()[1].rstrip(":")) for r in findings if _unused_page(r)}
    real = [r for r in findings if not _unused_page(r)]
    if not real:
        return None, unused  # pages a rebuilt search index left behind (storage.fts_repair)
    # only the first real finding: after one damaged page SQLCipher fails every later
    # read on the same connection, so further lines would name pages that are fine
    return f"{name} failed SQLite's integrity check: {real[0].replace(chr(10), ' ')[:300]}", unused


def _unused_page(line: str) -> bool:
    return line.startswith("Page ") and line.endswith(": never used")


def readable_tables(opener: Opener, name: str) -> list[str]:
    """One sentence per table with rows on damaged pages (or none readable at all)."""
    reader = Reader(opener)
    try:
        tables = table_names(reader)
        if tables is None:
            return [f"{name}: its list of tables is on a damaged page; nothing can be read"]
        problems = []
        for table in tables:
            scan = count_readable(reader, table)
            if not scan.complete:
                problems.append(f"{name}: {scan.describe()}; {DAMAGE_HINT}")
        return problems
    except (TumarError, DatabaseError) as exc:
        return [f"{name} cannot be read any further ({exc}); {DAMAGE_HINT}"]
    finally:
        reader.close()


def search_index(conn: Connection) -> str | None:
    try:
        fts.check(conn)
    except DatabaseError as exc:
        return f"the search index is damaged ({exc}); `tumar reindex` rebuilds it"
    return None


def search_index_problem(writable_opener: Opener) -> str | None:
    """FTS5's own check of the index (phrased as an INSERT, so a writable connection)."""
    return _on_fresh(writable_opener, search_index)


def authentication(conn: Connection, name: str) -> tuple[str | None, list[int]]:
    """SQLCipher's check of every page's HMAC, used or not: (problem, damaged pages)."""
    try:
        rows = [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
    except DatabaseError as exc:
        return f"{name}: its pages could not be checked ({exc})", []
    pages = [int(r.rsplit(" ", 1)[-1]) for r in rows if r.startswith("HMAC verification failed")]
    if not rows:
        return None, []
    if not pages:
        return f"{name}: {rows[0]}", []
    shown = ", ".join(map(str, pages[:10])) + (" …" if len(pages) > 10 else "")
    problem = f"{name}: {len(pages)} page(s) are damaged (page {shown} fail their authentication)"
    return problem, pages


def database_findings(opener: Opener, name: str, notes: list[str] | None = None) -> list[str]:
    """Every page's authentication, SQLite's integrity check and, when either fails, what
    each table still gives. Damaged pages that no table uses any more (a search index
    rebuilt after damage leaves them) are a note, not a failure."""
    auth = _on_fresh(opener, lambda conn: authentication(conn, name))
    check = _on_fresh(opener, lambda conn: integrity(conn, name))
    auth_problem, bad_pages = auth if isinstance(auth, tuple) else (auth, [])
    check_problem, unused = check if isinstance(check, tuple) else (check, set())
    if auth_problem and bad_pages and set(bad_pages) <= unused and not check_problem:
        if notes is not None:
            notes.append(
                f"{name}: {len(bad_pages)} damaged page(s) hold nothing any more (left when "
                "the search index was rebuilt); the disk may be failing, keep backups"
            )
        auth_problem = None
    problems = [p for p in (auth_problem, check_problem) if p]
    if not problems:
        return []
    return [*problems, *readable_tables(opener, name)]
