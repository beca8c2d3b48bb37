"""Usage-error messages that never repeat what was typed.

Why this exists: argparse puts argument values into its messages ("unrecognized arguments:
--passphrase my secret words", "invalid choice: 'x'"), and a mistyped secret or record text
would then be printed to the terminal, and to any log that captures stderr. These messages
keep only what the program itself defines (option names, argument names, the choices) and
name an unknown option only when it is plainly an option name standing alone.
"""

from __future__ import annotations

import re

_OPTION_NAME = re.compile(r"--?[A-Za-z][A-Za-z0-9-]*")
_SAFE_DETAILS = (
    "expected one argument",
    "expected at least one argument",
    "expected at most one argument",
    "not allowed with argument ",
)
_CHOOSE_FROM = " (choose from "


def unrecognised(extras: list[str], command: str) -> str:
    """Message for arguments no parser took. Everything after an unknown option may be its
    value (a secret typed where it does not belong), so only a lone option name is shown."""
    see = f"see {command} --help"
    if len(extras) == 1:
        name = extras[0].partition("=")[0]
        if _OPTION_NAME.fullmatch(name):
            return f"unknown option {name}; {see}"
    return f"unrecognised arguments; {see}"


def safe_message(message: str, command: str) -> str:
    """argparse's `message` without any value taken from the command line."""
    see = f"see {command} --help"
    if message.startswith("the following arguments are required: ") or message.startswith(
        "one of the arguments "
    ):
        return message  # names of arguments only
    if message.startswith("unrecognized arguments"):
        return f"unrecognised arguments; {see}"
    head, sep, detail = message.partition(": ")
    if not (message.startswith("argument ") and sep):
        return f"invalid command line; {see}"
    if detail.startswith("invalid choice") and _CHOOSE_FROM in detail:
        return f"{head}: invalid choice{_CHOOSE_FROM}{detail.rpartition(_CHOOSE_FROM)[2]}"
    if detail.startswith("invalid choice"):
        return f"{head}: invalid choice; {see}"
    if detail.startswith("invalid ") and " value: " in detail:
        return f"{head}: {detail.partition(': ')[0]}; {see}"
    if detail.startswith(_SAFE_DETAILS) or re.fullmatch(r"expected \d+ arguments", detail):
        return f"{head}: {detail}"
    return f"{head}: invalid value; {see}"
