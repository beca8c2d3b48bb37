"""`tumar dossier export|verify` and `tumar identity show|export|import|new`.

Arguments carry only ids, paths and flags. The organisation name (record content) comes
from a prompt, standard input or a file; a PKCS#12 password from a no-echo prompt, a file
or TUMAR_P12_PASSWORD (removed from the environment once read) — never from argv.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from tumar.app.dossier import identity
from tumar.app.jobs import CancelToken
from tumar.storage.atomic import atomic_write_bytes
from tumar.storage.errors import InvalidInput
from tumar.storage.records import Case, Person

from .context import open_from_args, out, resolve
from .media_commands import progress_printer

P12_PASSWORD_ENV = "TUMAR_P12_PASSWORD"


def cmd_export(args: argparse.Namespace) -> int:
    # imported here: ReportLab and pyHanko take a second to import, which every other
    # command (and every test that runs the CLI) would otherwise pay
    from tumar.app.dossier.content import DossierOptions
    from tumar.app.dossier.export import check_destination, export_job, preview

    if not args.dry_run:
        check_destination(Path(args.out))  # before the passphrase is asked for
    with open_from_args(args) as archive:
        options = DossierOptions(
            case_id=resolve(archive, Case, args.case),
            person_id=resolve(archive, Person, args.person) if args.person else None,
            confidential=args.confidential,
            include_location=args.include_location,
            lang=args.lang,
        )
        if args.dry_run:
            for line in preview(archive, options).lines():
                out(line)
            out("Dry run: nothing was written.")
            return 0
        result = export_job(archive, options, Path(args.out))(progress_printer(), CancelToken())
    out(f"Wrote signed dossier {result.path} ({result.size} bytes, {result.photos} photo(s))")
    out(f"Certificate fingerprint (SHA-256): {identity.format_fingerprint(result.fingerprint)}")
    left = len(result.preview.left_out)
    if left:
        out(f"{left} item(s) left out by consent rules; see --dry-run for the list")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from tumar.app.dossier.verify import verify_file  # pyHanko: see cmd_export

    report = verify_file(args.file)
    if report.signer:
        out(f"Signer: {report.signer}")
    if report.fingerprint:
        out(f"Certificate fingerprint (SHA-256): {identity.format_fingerprint(report.fingerprint)}")
    if report.exported_at:
        out(f"Exported at: {report.exported_at}")
    if report.signed_at:
        out(f"Signed at: {report.signed_at}")
    if report.archive_id:
        out(f"Archive: {report.archive_id}")
    if report.audit_head.strip("# "):
        out(f"Audit head: {report.audit_head}")
    if report.ok:
        out(f"VALID: signature intact, whole file signed, manifest matches ({report.items} items)")
        out("Trust: compare the fingerprint with the one the signing organisation published.")
        return 0
    for problem in report.problems:
        out(f"INVALID: {problem}")
    return 3


def _show(ident: identity.Identity) -> None:
    out(f"Organisation: {ident.organisation}")
    out(f"Subject: {ident.subject}")
    out(f"Source: {ident.source} ({ident.created_at})")
    out(f"Valid until: {ident.not_after}")
    out(f"Certificate fingerprint (SHA-256): {identity.format_fingerprint(ident.fingerprint)}")


def cmd_identity_show(args: argparse.Namespace) -> int:
    with open_from_args(args) as archive:
        _show(identity.ensure(archive))
    return 0


def cmd_identity_export(args: argparse.Namespace) -> int:
    target = Path(args.cert)
    if target.exists():
        raise InvalidInput(f"{target} already exists; choose another name (nothing was written)")
    with open_from_args(args) as archive:
        ident = identity.ensure(archive)
    atomic_write_bytes(target, ident.cert_pem, 0o644)
    out(f"Wrote the certificate (public, no key) to {target}")
    return 0


def _p12_password(file_option: str | None) -> str:
    if file_option:
        try:
            with open(file_option, encoding="utf-8") as fh:
                return fh.readline().rstrip("\r\n")
        except (OSError, UnicodeDecodeError) as exc:
            raise InvalidInput(f"Cannot read the password file {file_option}: {exc}") from None
    if P12_PASSWORD_ENV in os.environ:
        return os.environ.pop(P12_PASSWORD_ENV)
    if not sys.stdin.isatty():
        raise InvalidInput(
            f"No PKCS#12 password given: use a terminal, --password-file or {P12_PASSWORD_ENV}"
        )
    return getpass.getpass("PKCS#12 password: ")


def cmd_identity_import(args: argparse.Namespace) -> int:
    try:
        data = Path(args.p12).read_bytes()
    except OSError as exc:
        raise InvalidInput(f"Cannot read {args.p12}: {exc.strerror or exc}") from None
    password = _p12_password(args.password_file)
    with open_from_args(args) as archive:
        ident = identity.import_pkcs12(archive, data, password)
    out("Imported; dossiers are now signed with this certificate (the old identity is kept).")
    _show(ident)
    return 0


def _organisation(file_option: str | None) -> str:
    if file_option:
        try:
            return Path(file_option).read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise InvalidInput(f"Cannot read {file_option}: {exc}") from None
    if not sys.stdin.isatty():
        return sys.stdin.readline().strip()
    return input("Organisation name (shown on every dossier): ").strip()


def cmd_identity_new(args: argparse.Namespace) -> int:
    with open_from_args(args) as archive:
        name = _organisation(args.organisation_file)
        if not name:
            raise InvalidInput("An organisation name is needed (nothing was changed)")
        ident = identity.create(archive, name)
    out("New signing identity made (the previous one is kept for earlier dossiers).")
    _show(ident)
    return 0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    dossier = sub.add_parser("dossier", help="signed PDF dossiers for lawyers")
    dsub = dossier.add_subparsers(dest="dossier_command", required=True, metavar="ACTION",
                                  parser_class=type(dossier))  # fmt: skip
    p = dsub.add_parser("export", parents=[common], help="export a case as a signed PDF")
    p.add_argument("case", help="case id (or its first characters)")
    p.add_argument("out", help="the new PDF file")
    p.add_argument("--person", help="only what concerns this person in the case")
    p.add_argument(
        "--confidential",
        action="store_true",
        help="include lawyer-only testimonies; every page is marked confidential",
    )
    p.add_argument(
        "--include-location",
        action="store_true",
        help="keep GPS and other EXIF in embedded photos (left out by default)",
    )
    p.add_argument(
        "--lang",
        choices=("en", "ru", "kk"),
        default="en",
        help="language of the dossier's labels (content stays as written)",
    )
    p.add_argument(
        "--dry-run",
        action="store_true",
        help="print what would be included, left out and anonymised; write nothing",
    )
    p.set_defaults(func=cmd_export)  # fmt: skip
    v = dsub.add_parser("verify", help="check a dossier's signature and manifest (no archive)")
    v.add_argument("file")
    v.set_defaults(func=cmd_verify)

    ident = sub.add_parser("identity", help="the archive's signing identity for dossiers")
    isub = ident.add_subparsers(dest="identity_command", required=True, metavar="ACTION",
                                parser_class=type(ident))  # fmt: skip
    s = isub.add_parser("show", parents=[common], help="show the signing certificate")
    s.set_defaults(func=cmd_identity_show)
    e = isub.add_parser("export", parents=[common], help="write the certificate (PEM)")
    e.add_argument("cert", help="new file for the certificate, e.g. tumar-signer.pem")
    e.set_defaults(func=cmd_identity_export)
    i = isub.add_parser("import", parents=[common], help="sign with an organisation's PKCS#12")
    i.add_argument("p12", help="the .p12/.pfx file")
    i.add_argument("--password-file", help=f"first line is the password (or {P12_PASSWORD_ENV})")
    i.set_defaults(func=cmd_identity_import)
    n = isub.add_parser(
        "new",
        parents=[common],
        help="new key and certificate; organisation name from prompt or stdin",
    )
    n.add_argument("--organisation-file", help="read the organisation name from this file")
    n.set_defaults(func=cmd_identity_new)  # fmt: skip
