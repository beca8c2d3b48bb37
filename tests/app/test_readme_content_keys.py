"""The README's "Record content" table and example say exactly what the CLI accepts."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.templates import init_copy
from tumar.app.cli import forms

README = Path(__file__).resolve().parents[2] / "README.md"


def _section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("### Record content")
    return text[start : text.index("\n## ", start)]


def test_table_lists_every_key_of_every_command() -> None:
    rows = [line for line in _section().splitlines() if line.startswith("| `")]
    documented: dict[str, set[str]] = {}
    for row in rows:
        commands_cell, keys_cell = row.split(" | ")[:2]
        keys = set(re.findall(r"`([a-z_]+)`", keys_cell)) - {"name", "script", "kind"}
        keys |= {"name"} if "**`name`**" in keys_cell else set()
        for command in re.findall(r"`([a-z ]+?)(?: ID)?`", commands_cell):
            documented[command.strip()] = keys
    expected = {command: {f.key for f in fields} for command, fields in forms.ALL.items()}
    assert documented == expected


def test_example_json_adds_a_person(run_tumar, tmp_path: Path) -> None:
    example = re.search(r"```json\n(.*?)```", _section(), re.S)
    assert example is not None
    data = json.loads(example.group(1))
    folder = tmp_path / "a.tumar"
    init_copy(folder)
    added = run_tumar("person", "add", "--from-file", "-", "-a", folder, input=json.dumps(data))
    assert added.returncode == 0, added.stderr
    shown = run_tumar("person", "show", added.stdout.strip(), "-a", folder).stdout
    assert data["display_name"] in shown and "Қастер Мұсахан  [Cyrl, transliteration]" in shown
