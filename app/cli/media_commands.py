"""`tumar media import|export|list|show|link|unlink|cleanup`.

Import prints one line per file (imported, duplicate, or FAILED with the reason) and exits
1 if any file failed, so scripts notice; the files that worked stay imported either way.
"""

from __future__ import annotations

import argparse
import os
import sys

from tumar.app.jobs import CancelToken, Progress, no_progress
from tumar.app.media import catalog, links
from tumar.storage.records import Case, Media, Person, Testimony

from .context import open_from_args, out, resolve
from .output import field_lines


def _size(n: int) -> str:
    for unit in ("B", "KiB", "MiB", "GiB"):
        if n < 1024 or unit == "GiB":
            return f"{n} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return str(n)


def progress_printer() -> Progress:
    """Progress on stderr when it is a terminal; scripts and tests get clean output."""
    if not sys.stderr.isatty():
        return no_progress

    def show(done: int, total: int, text: str) -> None:
        pct = 100 * done // total if total else 100
        sys.stderr.write(f"\r{pct:3d}%  {text[-60:]:<60}")
        if done >= total and not text:
            sys.stderr.write("\n")

    return show


def cmd_import(args: argparse.Namespace) -> int:
    from tumar.app.media import importer  # Pillow and the decoders: only when importing

    with open_from_args(args, media=True) as archive:
        links = importer.Links(
            case_ids=tuple(resolve(archive, Case, i) for i in args.case or []),
            person_ids=tuple(resolve(archive, Person, i) for i in args.person or []),
            testimony_ids=tuple(resolve(archive, Testimony, i) for i in args.testimony or []),
        )
        paths = [os.fsencode(p) for p in args.paths]
        report = importer.import_files(
            archive, paths, links, progress_printer(), CancelToken(),
            keep_unreadable=args.keep_unreadable,
        )  # fmt: skip
    for result in report.results:
        if result.media is None:
            out(f"FAILED     {result.error}")
            continue
        m = result.media
        flag = "  (kept as unreadable file)" if m.unreadable else ""
        out(f"{result.status.upper():<10} {m.id}  {m.sha256}  {result.name}{flag}")
    n_ok = len(report.imported) + len(report.duplicates)
    out(f"{n_ok} of {len(report.results)} file(s) in the archive, {len(report.failed)} failed")
    return 0 if report.ok else 1


def cmd_export(args: argparse.Namespace) -> int:
    """Images leave without metadata, and nothing leaves against every witness's consent,
    unless --original / --force say otherwise (export_policy)."""
    from tumar.app.media import export, export_policy  # Pillow: only when exporting

    with open_from_args(args, media=True) as archive:
        media = archive.repo.get(Media, resolve(archive, Media, args.id))
        plan = export_policy.plan_export(archive, media, original=args.original, force=args.force)
        result = export.export_original(archive, media.id, args.dest, plan.strip_metadata)
    if plan.consent_overridden:
        sys.stderr.write("tumar: WARNING: exported with --force against the witnesses' consent\n")
    if not result.stripped:
        sys.stderr.write(f"tumar: WARNING: {export_policy.ORIGINAL_WARNING}\n")
    what = "image without metadata" if result.stripped else "original (SHA-256 verified)"
    out(f"Exported {what} to {result.path}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with open_from_args(args) as archive:
        items = catalog.list_media(
            archive,
            case_id=resolve(archive, Case, args.case) if args.case else None,
            person_id=resolve(archive, Person, args.person) if args.person else None,
            testimony_id=resolve(archive, Testimony, args.testimony) if args.testimony else None,
            include_deleted=args.deleted,
        )
    if not items:
        out("No media.")
    for m in items:
        marks = "".join(
            (" [GPS]" if m.has_gps else "", " [unreadable]" if m.unreadable else "",
             " (deleted)" if m.deleted else "")
        )  # fmt: skip
        out(f"{m.id}  {m.kind:<8} {_size(m.size):>10}  {m.original_name}{marks}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with open_from_args(args) as archive:
        detail = catalog.media_detail(archive, resolve(archive, Media, args.id))
        titles = []
        for link in detail.links:
            if link.case_id:
                titles.append(f"case    {archive.repo.get(Case, link.case_id, True).title}")
            if link.person_id:
                p = archive.repo.get(Person, link.person_id, True)
                titles.append(f"person  {p.display_name}")
            if link.testimony_id:
                titles.append(f"testimony {link.testimony_id}")
    m = detail.media
    gps = None
    if m.has_gps:
        alt = f", {m.gps_alt:g} m" if m.gps_alt is not None else ""
        gps = f"{m.gps_lat:.6f}, {m.gps_lon:.6f}{alt}  (sensitive; exports drop it)"
    size = f"{m.width}×{m.height}" if m.width and m.height else None
    thumb = detail.thumbnail
    for text in field_lines(
        [
            ("id", m.id), ("name", m.original_name), ("sha256", m.sha256),
            ("size", f"{m.size} bytes"), ("type", f"{m.mime} ({m.kind})"),
            ("imported", f"{m.imported_at} by replica {m.imported_by}"),
            ("unreadable", m.unreadable_reason if m.unreadable else None),
            ("camera", m.camera), ("lens", m.lens), ("captured", m.captured_at),
            ("orientation", m.orientation), ("pixels", size), ("gps", gps),
            ("duration", f"{m.duration_s:.1f} s" if m.duration_s is not None else None),
            ("codec", m.codec), ("caption", m.caption),
            ("thumbnail", f"{thumb.width}×{thumb.height} {thumb.mime}" if thumb else None),
            ("deleted", "yes" if m.deleted else None),
        ]
    ):  # fmt: skip
        out(text)
    for key, value in sorted(m.exif.items()):
        out(f"  exif  {key}: {value}")
    for title in titles:
        out(f"  linked to {title}")
    return 0


def cmd_cleanup(args: argparse.Namespace) -> int:
    from tumar.app.media.verify_media import remove_orphans

    with open_from_args(args, media=True) as archive:
        guard = archive.head_guard
        if guard is not None and guard.problem(archive.records_db) is not None:
            sys.stderr.write(
                "tumar: refusing to clean up: this archive may have been rolled back, and "
                "content without a record may be the only copy of lost evidence; back up the "
                "folder and run `tumar verify`\n"
            )
            return 3
        removed = remove_orphans(archive)
    out(f"Removed {removed} stored file(s) that no media record referred to.")
    return 0


def _link_command(link: bool):  # noqa: ANN202
    """`media link|unlink ID --case|--person|--testimony ID`: ids only on the command line."""

    def handler(args: argparse.Namespace) -> int:
        with open_from_args(args) as archive:
            media_id = resolve(archive, Media, args.id)
            kind, (_, cls) = next((k, t) for k, t in links.TARGETS.items() if getattr(args, k))
            target = resolve(archive, cls, getattr(args, kind))
            if link:
                links.link_media(archive, media_id, kind, target)
            else:
                links.unlink_media(archive, media_id, kind, target)
        if link:
            out(f"Linked {media_id} to {kind} {target}")
        else:
            out(f"Unlinked {media_id} from {kind} {target} (the media item stays; kept in history)")
        return 0

    return handler


cmd_link, cmd_unlink = _link_command(link=True), _link_command(link=False)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    media = sub.add_parser("media", help="photos, video, audio and documents")
    actions = media.add_subparsers(dest="media_command", required=True, metavar="ACTION")

    p = actions.add_parser("import", parents=[common], help="import files (hashed, encrypted)")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--case", action="append", help="link to this case (repeatable)")
    p.add_argument("--person", action="append", help="link to this person (repeatable)")
    p.add_argument("--testimony", action="append", help="link to this testimony (repeatable)")
    p.add_argument(
        "--keep-unreadable",
        action="store_true",
        help="store damaged or oversized images as plain files instead of refusing them",
    )
    p.set_defaults(func=cmd_import)

    p = actions.add_parser("export", parents=[common], help="write a stored original to a file")
    p.add_argument("id")
    p.add_argument("dest", metavar="DEST", help="new file, or an existing folder")
    p.add_argument(
        "--original",
        action="store_true",
        help="the exact original bytes, with any GPS, camera and other metadata (warns); "
        "without it images are re-encoded without metadata and other files are refused",
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="export even though every linked testimony has consent 'none' or withdrawn",
    )
    p.add_argument("--strip-metadata", action="store_true", help=argparse.SUPPRESS)  # default now
    p.set_defaults(func=cmd_export)

    p = actions.add_parser("list", parents=[common], help="list media")
    p.add_argument("--case")
    p.add_argument("--person")
    p.add_argument("--testimony")
    p.add_argument("--deleted", action="store_true", help="include deleted media")
    p.set_defaults(func=cmd_list)

    p = actions.add_parser("show", parents=[common], help="show one media item")
    p.add_argument("id")
    p.set_defaults(func=cmd_show)

    for action, func, help_text in (
        ("link", cmd_link, "link a stored media item to a case, person or testimony"),
        ("unlink", cmd_unlink, "remove one link (the media item itself stays)"),
    ):
        p = actions.add_parser(action, parents=[common], help=help_text)
        p.add_argument("id")
        target = p.add_mutually_exclusive_group(required=True)
        for kind in links.TARGETS:
            target.add_argument(f"--{kind}", metavar="ID")
        p.set_defaults(func=func)

    p = actions.add_parser(
        "cleanup", parents=[common], help="remove stored content no record refers to"
    )
    p.set_defaults(func=cmd_cleanup)
