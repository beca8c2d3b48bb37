"""Placeholder: filled in by the search work."""

VERSION = 3

STATEMENTS: list[str] = []


def apply(conn) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
