"""Usage errors from the real `tumar` process never repeat what was typed: a secret typed
where it does not belong would otherwise end up on the terminal and in any log."""

from __future__ import annotations

import pytest

from .cli import run_tumar

CASES = [
    # (argv, the one-line message must contain, values it must never show)
    (["person", "list", "--passphrase", "my", "secret", "words"], "unrecognised arguments",
     ["my secret words", "secret", "words"]),
    (["person", "list", "--passphrase", "my secret words"], "unrecognised arguments",
     ["secret"]),
    (["person", "list", "--passphrase=hunter2-words"], "unknown option --passphrase",
     ["hunter2"]),
    (["person", "list", "--passphrase"], "unknown option --passphrase", []),
    (["person", "list", "stray-secret"], "unrecognised arguments", ["stray-secret"]),
    (["person", "list", "--x", "--y"], "unrecognised arguments", ["--x", "--y"]),
    (["testimony", "add", "--consent", "secret-scope"], "invalid choice", ["secret-scope"]),
    (["search", "x", "--limit", "secret42"], "invalid int value", ["secret42"]),
    (["secret-command"], "invalid choice", ["secret-command"]),
    (["person", "list", "-a"], "expected one argument", []),
]  # fmt: skip


@pytest.mark.parametrize(("argv", "fragment", "hidden"), CASES, ids=lambda v: repr(v)[:40])
def test_usage_errors_name_no_value(argv: list[str], fragment: str, hidden: list[str]) -> None:
    result = run_tumar(*argv, passphrase="not used")
    assert result.code == 64, result
    assert result.out == ""
    lines = result.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("tumar: ") and fragment in lines[0], lines
    for value in hidden:
        assert value not in result.err
    assert "see tumar" in lines[0] or "expected" in lines[0] or "choose from" in lines[0]
