"""CLI commands for search and names: `search`, `reindex`, `people duplicates|merge`.

Search output is one block per result: type, id, date, title (and a withdrawn-consent
marker), then the snippet with matched words between ⟦ ⟧ — or in bold on a terminal.
"""

from __future__ import annotations

import argparse
import sys

from tumar.app import duplicates, search
from tumar.storage.records import Case, Person
from tumar.storage.search_repo import MARK_CLOSE, MARK_OPEN

from . import forms
from .content_input import add_from_file_option, read_content
from .context import open_from_args, out, resolve

BOLD, RESET = "\x1b[1m", "\x1b[0m"


def _marks(snippet: str) -> str:
    if sys.stdout.isatty():
        return snippet.replace(MARK_OPEN, BOLD).replace(MARK_CLOSE, RESET)
    return snippet


def cmd_search(args: argparse.Namespace) -> int:
    ask = ("query", *forms.SEARCH_FILTERS) if args.filter else ("query",)
    c = read_content(forms.SEARCH, args.from_file, what="search", main="query", ask=ask)
    with open_from_args(args) as archive:
        query = search.SearchQuery(
            str(c["query"]),
            kinds=tuple(args.type or ()),
            case_id=resolve(archive, Case, args.case) if args.case else None,
            person_id=resolve(archive, Person, args.person) if args.person else None,
            date_from=c.get("date_from"),
            date_to=c.get("date_to"),
            tag=c.get("tag"),
            advanced=args.advanced,
            limit=args.limit,
        )
        page = search.search_page(archive, query)
    if not page.results:
        out("No matches.")
        return 0
    for r in page.results:
        marker = f"  {search.WITHDRAWN_MARK}" if r.consent_withdrawn else ""
        out(f"{r.kind:<10} {r.record_id}  {r.date or '':<12} {r.title}{marker}")
        out(f"{'':11}{_marks(r.snippet)}")
    if page.capped:
        out(
            f"(More than {page.matches} matches: these are the best of the {page.matches} most "
            "recent. Add words or filters to narrow the search.)"
        )
    return 0


def cmd_reindex(args: argparse.Namespace) -> int:
    with open_from_args(args) as archive:
        count = search.reindex(archive)
    out(f"Search index rebuilt: {count} records indexed")
    return 0


def cmd_duplicates(args: argparse.Namespace) -> int:
    with open_from_args(args) as archive:
        candidates = duplicates.find_duplicates(archive, args.min_score)
    if not candidates:
        out("No likely duplicates.")
        return 0
    for c in candidates:
        out(f"{c.score:5.1f}  {c.keep.id}  {c.keep.display_name}")
        out(f"{'':7}{c.drop.id}  {c.drop.display_name}")
        out(f"{'':7}why: {c.reason}")
    out("Merge a pair with: tumar people merge KEEP DROP")
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    with open_from_args(args) as archive:
        keep_id = resolve(archive, Person, args.keep)
        drop_id = resolve(archive, Person, args.drop)
        report = duplicates.merge_people(archive, keep_id, drop_id)
    out(f"Merged {drop_id} into {keep_id}; the merged record is kept in history.")
    for table, count in sorted(report.moved.items()):
        out(f"  moved   {table:<16}{count}")
    for table, count in sorted(report.duplicates_removed.items()):
        out(f"  doubled {table:<16}{count} (removed)")
    return 0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "search",
        parents=[common],
        help="find people, testimonies, notes, cases and events in any script",
        description="The query is typed at a prompt, piped on standard input, or given as "
        "'query' in --from-file JSON (never as an argument: it would show in the process list "
        "and in shell history). Any text is a valid query: words are matched as typed, across "
        'scripts and spellings; "quoted words" must appear together.',
    )
    p.add_argument("--type", action="append", choices=search.KINDS, help="record type; repeatable")
    p.add_argument("--case", help="only records belonging to this case (id or prefix)")
    p.add_argument("--person", help="only records about this person (id or prefix)")
    p.add_argument(
        "--filter",
        action="store_true",
        help="also ask for a tag and a date range (or give tag, date_from, date_to in JSON)",
    )
    add_from_file_option(p)
    p.add_argument(
        "--advanced", action="store_true", help="QUERY is FTS5 syntax (AND, OR, NOT, NEAR, *)"
    )
    p.add_argument("--limit", type=int, default=20, help="at most this many results (20)")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("reindex", parents=[common], help="rebuild the search index")
    p.set_defaults(func=cmd_reindex)

    people = sub.add_parser("people", help="duplicate people and merging")
    actions = people.add_subparsers(dest="people_command", required=True, metavar="ACTION")
    p = actions.add_parser("duplicates", parents=[common], help="list likely duplicate people")
    p.add_argument(
        "--min-score", type=float, default=duplicates.DEFAULT_MIN_SCORE,
        help=f"lowest score to show, 0-100 ({duplicates.DEFAULT_MIN_SCORE:.0f})",
    )  # fmt: skip
    p.set_defaults(func=cmd_duplicates)
    p = actions.add_parser("merge", parents=[common], help="merge DROP into KEEP")
    p.add_argument("keep", metavar="KEEP", help="the person to keep (id or prefix)")
    p.add_argument("drop", metavar="DROP", help="the person merged into KEEP and removed")
    p.set_defaults(func=cmd_merge)
