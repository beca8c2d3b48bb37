"""`tumar` entry point: parse, harden the process, run one command, map errors to exits.

Every expected failure prints one line on stderr and exits non-zero; tracebacks would
leak paths and record content into terminals and logs, so they are never shown.
"""

from __future__ import annotations

import argparse
import sys

import sqlcipher3

from tumar.app.hardening import harden_process
from tumar.storage.errors import TumarError

from . import archive_commands, media_commands, parser_records, search_commands, tag_commands


class _Parser(argparse.ArgumentParser):
    """No abbreviations: `--passphrase SECRET` must not silently mean `--passphrase-file`."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # one line, exit 64 (usage), like other tools
        sys.stderr.write(f"tumar: {message}\n")
        raise SystemExit(64)


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "-a", "--archive", help="archive folder (or set TUMAR_ARCHIVE)", default=None
    )
    common.add_argument(
        "--passphrase-file",
        help="read the passphrase from the first line of this file (for scripts); "
        "TUMAR_PASSPHRASE also works but is less safe",
    )
    parser = _Parser(prog="tumar", description="Tumar: an encrypted archive for testimonies.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND",
                                parser_class=_Parser)  # fmt: skip
    archive_commands.register(sub, common)
    parser_records.register_records(sub, common)
    media_commands.register(sub, common)
    search_commands.register(sub, common)
    tag_commands.register(sub, common)
    return parser


def main(argv: list[str] | None = None) -> int:
    harden_process()
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except TumarError as exc:
        sys.stderr.write(f"tumar: {exc}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("tumar: interrupted; the last unfinished change was not saved\n")
        return 130
    except sqlcipher3.OperationalError as exc:
        reason = "the disk is full" if "full" in str(exc).lower() else "a database error"
        sys.stderr.write(f"tumar: the change was not saved because of {reason} ({exc})\n")
        return 1
    except OSError as exc:
        sys.stderr.write(f"tumar: {exc.strerror or exc}: {exc.filename or ''}\n")
        return 1


if __name__ == "__main__":
    sys.exit(main())
