"""`tumar` entry point: parse, harden the process, run one command, map errors to exits.

Every expected failure prints one line on stderr and exits non-zero; tracebacks would
leak paths and record content into terminals and logs, so they are never shown.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys

import sqlcipher3

from tumar.app.hardening import harden_process
from tumar.storage.errors import SearchIndexDamaged, TumarError

from . import (
    archive_commands,
    conflict_commands,
    dossier_commands,
    key_commands,
    media_commands,
    parser_records,
    salvage_commands,
    search_commands,
    tag_commands,
)
from .errors_text import check_text_arguments, database_error_message, os_error_message
from .sync_commands import register as register_sync
from .team_commands import register as register_team
from .usage import safe_message, unrecognised


class _Parser(argparse.ArgumentParser):
    """No abbreviations: `--passphrase SECRET` must not silently mean `--passphrase-file`."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def parse_args(self, args=None, namespace=None):  # type: ignore[no-untyped-def, override]
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:  # argparse would print them all: a mistyped secret among them
            self.error(unrecognised(extras, _command_of(parsed)))
        return parsed

    def error(self, message: str) -> None:  # one line, exit 64 (usage), like other tools
        """Never repeats a value from the command line (see app/cli/usage.py)."""
        if not message.startswith(("unknown option ", "unrecognised arguments; ")):
            message = safe_message(message, self.prog)
        sys.stderr.write(f"tumar: {message}\n")
        raise SystemExit(64)


def _command_of(parsed: argparse.Namespace) -> str:
    """'tumar person list': the chosen (sub)command names, which are the program's own."""
    words = ["tumar", getattr(parsed, "command", None)]
    words += [v for k, v in sorted(vars(parsed).items()) if k.endswith("_command")]
    return " ".join(w for w in words if isinstance(w, str))


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
    key_commands.register(sub, common)
    parser_records.register_records(sub, common)
    media_commands.register(sub, common)
    search_commands.register(sub, common)
    tag_commands.register(sub, common)
    salvage_commands.register(sub, common)
    dossier_commands.register(sub, common)
    register_sync(sub, common)
    conflict_commands.register(sub, common)
    register_team(sub, common)
    return parser


#: commands whose SearchIndexDamaged is the answer, not a write to repeat
READ_ONLY_COMMANDS = {search_commands.cmd_search, search_commands.cmd_reindex}


def main(argv: list[str] | None = None) -> int:
    harden_process()
    for stream in (sys.stdout, sys.stderr):  # undecodable names print as escapes, not crash
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    args = build_parser().parse_args(argv)
    try:
        check_text_arguments(args)
        return _run(args)
    except TumarError as exc:
        return _fail(str(exc), exc.exit_code)
    except KeyboardInterrupt:
        return _fail("interrupted; the last unfinished change was not saved", 130)
    except BrokenPipeError:
        return _closed_pipe()
    except sqlcipher3.DatabaseError as exc:
        return _fail(database_error_message(exc), 1)
    except OSError as exc:
        return _fail(os_error_message(exc), 1)
    except UnicodeError:
        return _fail(
            "some text given to Tumar (an argument, a file or standard input) is not UTF-8; "
            "convert it to UTF-8 and try again",
            64,
        )
    except Exception as exc:  # noqa: BLE001 - the last resort: one line, never a traceback
        # the type only: an exception's message may hold record content
        return _fail(f"unexpected error ({type(exc).__name__}); nothing more is shown", 1)


def _run(args: argparse.Namespace) -> int:
    """The command; once more if its write met a damaged search index, which the failed
    attempt has marked stale so that the second one saves without it (storage.fts_repair).
    Input read from stdin or a prompt is kept for that second run (app.cli.file_input)."""
    try:
        return int(args.func(args) or 0)
    except SearchIndexDamaged:
        if args.func in READ_ONLY_COMMANDS:
            raise
        sys.stderr.write(
            "tumar: warning: the search index is damaged; saving without it "
            "(run `tumar reindex` to rebuild it)\n"
        )
        return int(args.func(args) or 0)


def _fail(message: str, code: int) -> int:
    try:
        sys.stderr.write(f"tumar: {message}\n")
        sys.stderr.flush()
    except (BrokenPipeError, OSError):
        pass
    return code


def _closed_pipe() -> int:
    """`tumar … | head`: the reader left; stop quietly, like other command-line tools."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the final flush at exit cannot fail
    return 141


def run() -> None:
    """Console-script entry: main() with stdout's final flush covered too."""
    code = main()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        code = _closed_pipe()
    sys.exit(code)


if __name__ == "__main__":
    run()
