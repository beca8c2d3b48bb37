"""Placeholder: filled in by the media work."""

VERSION = 2

STATEMENTS: list[str] = []


def apply(conn) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
