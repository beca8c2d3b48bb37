"""Record content for CLI commands: from a prompt, standard input or a JSON file, never argv.

Why: arguments are readable by every local user in `/proc/PID/cmdline` while a command runs
and an interactive shell writes them verbatim to its history file, so a switched-off laptop
would give away names and notes without any cryptography to break. Arguments therefore carry
only ids, paths, enumerations, numbers and flags; everything a person writes comes through
`read_content`:

* ``--from-file PATH`` (or ``-`` for standard input): one JSON object whose keys are the
  command's field keys (documented in the README). Keys that are absent are not set.
* otherwise, standard input is a terminal: the user is asked for each field (no echo of
  anything into history; an empty answer skips an optional field).
* otherwise (input is piped): the whole of standard input is the command's *main* field
  (e.g. the testimony text or the search query); other fields need ``--from-file``.

Usage from a command module::

    FIELDS = (Field("label", "Member label", required=True),)
    add_from_file_option(parser)
    values = read_content(FIELDS, args.from_file, main="label", what="member")
    label = values["label"]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TextIO

from tumar.storage.errors import InvalidInput

from .file_input import read_regular_file, read_stdin_bytes

LINE, TEXT, LIST = "line", "text", "list"
MAX_INPUT_BYTES = 64 * 1024 * 1024  # a long testimony fits; a runaway pipe does not
FROM_FILE_HELP = (
    "read the record's fields from this JSON file ('-': standard input); see README "
    "'Record content'"
)

Value = str | list[str | dict[str, str]]


@dataclass(frozen=True)
class Field:
    """One piece of record content a command accepts.

    ``kind`` is LINE (one line of text), TEXT (any number of lines) or LIST (several values:
    a JSON array of strings or flat string objects; one value per line at the prompt).
    """

    key: str
    label: str
    required: bool = False
    kind: str = LINE


def add_from_file_option(parser: argparse.ArgumentParser) -> None:
    """The one option every content-taking command has: ``--from-file PATH|-``."""
    parser.add_argument("--from-file", metavar="JSON", help=FROM_FILE_HELP)


def read_content(
    fields: Sequence[Field],
    from_file: str | None = None,
    *,
    what: str = "record",
    main: str | None = None,
    main_file: str | None = None,
    ask: Collection[str] | None = None,
    blank: str = "skip",
    _data: object = None,
) -> dict[str, Value]:
    """The fields given, keyed by ``Field.key``; raises InvalidInput (one line) on bad input.

    ``main`` names the field that plain piped standard input (or ``main_file``, a path)
    fills. ``ask`` limits which fields are asked for on a terminal (default: all).
    ``blank`` is what an empty answer at the prompt means, shown to the user ("skip" for a
    new record, "keep" when editing). Error messages name keys, never values.
    """
    by_key = {f.key: f for f in fields}
    values: dict[str, Value] = {}
    stdin_used = False
    if from_file is not None:
        stdin_used = from_file == "-"
        if _data is None:
            _data = _load_json(_read_source(from_file, "JSON"), from_file, what)
        values = _parse_object(_data, by_key, from_file, what)
    elif sys.stdin.isatty():
        from_main_file = main if main_file is not None else None
        asked = [f for f in fields if (ask is None or f.key in ask) and f.key != from_main_file]
        values = _prompt_all(asked, blank)
    if main is not None and main not in values:
        if main_file is not None:
            values[main] = _clean(by_key[main], _read_source(main_file, "text"))
        elif not stdin_used and not sys.stdin.isatty():
            text = _read_source("-", "text")
            if text.strip():
                values[main] = _clean(by_key[main], text)
    for f in fields:
        if f.required and not _given(values.get(f.key)):
            raise InvalidInput(_missing_message(f, what, main, from_file))
    return values


def read_content_batch(
    fields: Sequence[Field], from_file: str | None = None, *, what: str = "record", **kw: object
) -> list[dict[str, Value]]:
    """Like read_content, but `--from-file` may also hold a JSON array of objects: a scripted
    batch, checked in full (every key, every required field) before the caller writes any.
    Array items must carry every required field themselves (nothing comes from stdin)."""
    if from_file is None:
        return [read_content(fields, None, what=what, **kw)]  # type: ignore[arg-type]
    data = _load_json(_read_source(from_file, "JSON"), from_file, what)
    if not isinstance(data, list):
        return [read_content(fields, from_file, what=what, _data=data, **kw)]  # type: ignore[arg-type]
    if not data:
        raise InvalidInput(f"The {what} JSON array is empty; nothing was changed")
    if kw.get("main_file") is not None:
        raise InvalidInput(f"With a JSON array, give each {what}'s text inside it, not with --file")
    by_key = {f.key: f for f in fields}
    batch = []
    for number, item in enumerate(data, 1):
        label = f"{what} {number} of {len(data)}"
        values = _parse_object(item, by_key, from_file, label)
        for f in fields:
            if f.required and not _given(values.get(f.key)):
                raise InvalidInput(f"The {label} has no '{f.key}'; add it (nothing was changed)")
        batch.append(values)
    return batch


def _given(value: object) -> bool:
    return bool(value.strip()) if isinstance(value, str) else bool(value)


def _missing_message(f: Field, what: str, main: str | None, from_file: str | None) -> str:
    if from_file is not None:
        return f"The {what} JSON has no '{f.key}'; add it (nothing was changed)"
    if f.key == main:
        return (
            f"Give the {f.label.lower()} on standard input, in a terminal, or as '{f.key}' "
            "with --from-file JSON (nothing was changed)"
        )
    return (
        f"The {what} needs '{f.key}': run this in a terminal to be asked, or give it "
        "with --from-file JSON (nothing was changed)"
    )


def _read_source(source: str, kind: str) -> str:
    """UTF-8 text (a leading BOM is dropped) from a path or '-' (standard input)."""
    name = "standard input" if source == "-" else source
    try:
        if source == "-":
            raw = read_stdin_bytes(MAX_INPUT_BYTES)
        else:  # regular files only: /dev/zero or a FIFO would fill memory or block forever
            raw = read_regular_file(source, MAX_INPUT_BYTES + 1, f"{kind} file")
    except OSError as exc:
        raise InvalidInput(f"Cannot read {name}: {exc.strerror or exc}") from None
    if len(raw) > MAX_INPUT_BYTES:
        raise InvalidInput(f"The {kind} in {name} is larger than 64 MiB; split it")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(f"The {kind} in {name} is not UTF-8 text; save it as UTF-8") from None


def _load_json(text: str, source: str, what: str) -> object:
    name = "standard input" if source == "-" else source
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput(
            f"The {what} JSON in {name} is not valid JSON (line {exc.lineno}, column {exc.colno})"
        ) from None


def _parse_object(
    data: object, by_key: dict[str, Field], source: str, what: str
) -> dict[str, Value]:
    name = "standard input" if source == "-" else source
    if not isinstance(data, dict):
        raise InvalidInput(f"The {what} JSON in {name} must be one object {{...}}")
    unknown = sorted(k for k in data if k not in by_key)
    if unknown:
        allowed = ", ".join(by_key)
        raise InvalidInput(
            f"The {what} JSON has unknown key(s) {', '.join(map(repr, unknown))}; "
            f"allowed: {allowed}"
        )
    values: dict[str, Value] = {}
    for key, value in data.items():
        if value is None:
            continue
        values[key] = _check_type(by_key[key], value, what)
    return values


def _check_type(f: Field, value: object, what: str) -> Value:
    if f.kind != LIST:
        if not isinstance(value, str):
            raise InvalidInput(f"In the {what} JSON, '{f.key}' must be a string")
        return value
    if not isinstance(value, list) or not all(_list_item(item) for item in value):
        raise InvalidInput(
            f"In the {what} JSON, '{f.key}' must be a list of strings (or of objects "
            "with string values)"
        )
    return value


def _list_item(item: object) -> bool:
    if isinstance(item, str):
        return True
    return isinstance(item, dict) and all(
        isinstance(k, str) and isinstance(v, str) for k, v in item.items()
    )


def _clean(f: Field, text: str) -> Value:
    if f.kind == TEXT:
        return text
    if f.kind == LIST:
        return [line.strip() for line in text.splitlines() if line.strip()]
    return text.strip()


def _prompt_all(fields: Sequence[Field], blank: str) -> dict[str, Value]:
    values: dict[str, Value] = {}
    for f in fields:
        value = _prompt(f, blank, sys.stdin, sys.stderr)
        if _given(value):
            values[f.key] = value
    return values


def _prompt(f: Field, blank: str, tty_in: TextIO, tty_out: TextIO) -> Value:
    """Ask on the terminal; prompts go to stderr so stdout stays clean for ids."""
    hint = "" if f.required else f" (Enter to {blank})"
    if f.kind == LINE:
        tty_out.write(f"{f.label}{hint}: ")
        tty_out.flush()
        return tty_in.readline().strip()
    end = "an empty line" if f.kind == LIST else "a line with only a dot, or Ctrl-D"
    tty_out.write(f"{f.label}{hint}; end with {end}:\n")
    tty_out.flush()
    lines: list[str] = []
    while True:
        line = tty_in.readline()
        if not line:
            break
        stripped = line.rstrip("\r\n")
        if (f.kind == LIST and not stripped.strip()) or (f.kind == TEXT and stripped == "."):
            break
        lines.append(stripped.strip() if f.kind == LIST else stripped)
    if f.kind == LIST:
        return lines
    return "\n".join(lines) + ("\n" if lines else "")
