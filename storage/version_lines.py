"""A bundle's version lines, checked against the record model before anything is written.

Shared by both ways a bundle is applied (storage/bulk.py: a merge, and a restore's helper
process through storage/bulk_fresh.py): a line that does not fit is refused with one
error, never stored in a different form than it came (JSON text for a list, a rounded
REAL for a huge integer).
"""

from __future__ import annotations

from typing import Any

from .errors import TumarError
from .hlc import Timestamp
from .records import BY_TABLE

#: each table's column names, to check a bundle's rows against (computed once)
_COLUMNS = {table: frozenset(cls.columns()) for table, cls in BY_TABLE.items()}
#: the types a column value may have in a bundle (JSON's scalars)
_PLAIN = frozenset({str, int, float, bool, type(None)})
#: SQLite's INTEGER: a larger int would be stored as an inexact REAL, or not at all
_INT_RANGE = range(-(2**63), 2**63)


class VersionRejected(TumarError):
    exit_code = 4


def check_line(line: Any) -> tuple[str, dict[str, Any], str | None, list[str]]:
    """(table, row, parent version, versions it resolves) of a bundle's version line."""
    try:
        table, row, parent = line["t"], line["row"], line.get("parent")
        resolves = list(line.get("resolves") or [])
        if not isinstance(row, dict) or row.keys() != _COLUMNS[table]:
            raise ValueError
        Timestamp.parse(row["hlc"])
        if parent is not None:
            Timestamp.parse(parent)
        if not isinstance(row["id"], str) or row["deleted"] not in (0, 1):
            raise ValueError
        kinds = set(map(type, row.values()))
        if not kinds <= _PLAIN:  # no lists or objects as values
            raise ValueError
        if int in kinds and not all(v in _INT_RANGE for v in row.values() if type(v) is int):
            raise ValueError
    except (KeyError, TypeError, ValueError, AttributeError):
        raise VersionRejected("The bundle holds a record that does not fit this Tumar") from None
    return table, row, parent, resolves
