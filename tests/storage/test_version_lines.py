"""storage.version_lines.check_line on its own: what a bundle's version line may hold, at
each edge. (Whole hostile bundles: tests/app/sync/test_bad_bundles.py.)"""

from __future__ import annotations

from typing import Any

import pytest

from tumar.storage.records import Person
from tumar.storage.repository import to_row
from tumar.storage.version_lines import VersionRejected, check_line

HLC = "1764300000000-0001-" + "a" * 32
PARENT = "1764200000000-0000-" + "b" * 32


def _line(**changes: Any) -> dict[str, Any]:
    row = to_row(Person(display_name="Qaisha Aqan", id="p" * 36, hlc=HLC))
    row.update(changes)
    return {"t": "person", "row": row}


def _refused(line: Any) -> None:
    with pytest.raises(VersionRejected) as caught:
        check_line(line)
    assert str(caught.value) == "The bundle holds a record that does not fit this Tumar"
    assert caught.value.exit_code == 4


def test_a_line_that_fits_comes_back_as_it_is() -> None:
    line = _line()
    assert check_line(line) == ("person", line["row"], None, [])
    line |= {"parent": PARENT, "resolves": [PARENT, HLC]}
    assert check_line(line) == ("person", line["row"], PARENT, [PARENT, HLC])
    assert check_line(line | {"resolves": None})[3] == []
    assert check_line(_line(deleted=1))[1]["deleted"] == 1


@pytest.mark.parametrize(
    "line",
    [
        None,
        [],
        {"row": _line()["row"]},  # no table
        {"t": "person"},  # no row
        {"t": "nobody", "row": _line()["row"]},
        {"t": "person", "row": list(_line()["row"].items())},
        {"t": "person", "row": {k: v for k, v in _line()["row"].items() if k != "notes"}},
        {"t": "person", "row": _line()["row"] | {"extra": 1}},
        _line(hlc="yesterday"),
        _line(hlc=None),
        _line() | {"parent": "not a version"},
        _line() | {"parent": 17},
        _line(id=17),
        _line(id=None),
        _line(deleted=2),
        _line(deleted=None),
        _line(notes=["held", "released"]),
        _line(notes={"held": True}),
        _line(notes=b"bytes"),
        _line(notes=2**63),
        _line(notes=-(2**63) - 1),
        _line() | {"resolves": 5},
    ],
)
def test_what_does_not_fit_is_refused(line: Any) -> None:
    _refused(line)


def test_the_edges_of_what_fits() -> None:
    """SQLite's INTEGER range exactly; booleans, floats and NULL as JSON has them; a
    deleted flag given as a boolean is 0 or 1 too."""
    for value in (2**63 - 1, -(2**63), 0, True, 1.5, None, ""):
        assert check_line(_line(notes=value))[1]["notes"] == value
    assert check_line(_line(deleted=True))[1]["deleted"] is True
    assert check_line(_line(deleted=False))[1]["deleted"] is False


def test_a_row_holding_every_kind_of_value_at_once_fits() -> None:
    """Text, integer, float, boolean and NULL side by side: the allowed kinds exactly."""
    row = check_line(_line(notes=1.5, sex=True, birth_date=None))[1]
    assert {type(v) for v in row.values()} == {str, int, float, bool, type(None)}
