"""Scripted batches: `--from-file` with a JSON array adds every record, or none."""

from __future__ import annotations

import json
from pathlib import Path

from tests.templates import init_copy

from .cli import PASSPHRASE, run_tumar
from .test_cli import assert_one_line_error, ok


def test_array_adds_every_record_in_order(tmp_path: Path) -> None:
    folder = tmp_path / "a.tumar"
    init_copy(folder, PASSPHRASE)
    people = [{"display_name": "Қайша Ақан", "names": ["Qaisha Aqan"]},
              {"display_name": "Tilek Tabarak", "birth_date": "1989~"}]  # fmt: skip
    ids = ok("person", "add", "--from-file", "-", "-a", folder, stdin=json.dumps(people)).split()
    assert len(ids) == 2
    listed = ok("person", "list", "-a", folder)
    assert f"{ids[0]}  Қайша Ақан" in listed and f"{ids[1]}  Tilek Tabarak" in listed
    case = ok("case", "add", "-a", folder, stdin="Zaisan").strip()
    events = [{"date": "2019-10-14", "place": "Almaty"}, {"date": "2020-01-21"}]
    batch = tmp_path / "events.json"
    batch.write_text(json.dumps(events), encoding="utf-8")
    ok("event", "add", "--case", case, "--kind", "hearing", "--from-file", batch, "-a", folder)
    assert "2019-10-14" in ok("case", "show", case, "-a", folder)


def test_one_bad_record_adds_none(tmp_path: Path) -> None:
    folder = tmp_path / "a.tumar"
    init_copy(folder, PASSPHRASE)
    bad_date = [{"display_name": "First Person"}, {"display_name": "Second", "birth_date": "soon"}]
    add = ("person", "add", "--from-file", "-", "-a", folder)
    result = run_tumar(*add, stdin=json.dumps(bad_date))
    assert_one_line_error(result, 1, "not a date")
    assert ok("person", "list", "-a", folder) == ""
    missing = [{"display_name": "First Person"}, {"notes": "no name"}]
    result = run_tumar(*add, stdin=json.dumps(missing))
    assert_one_line_error(result, 1, "person 2 of 2 has no 'display_name'")
    assert "First" not in result.err
    assert ok("person", "list", "-a", folder) == ""
