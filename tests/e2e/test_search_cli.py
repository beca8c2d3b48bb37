"""`tumar search`, `tumar reindex`, `tumar people duplicates|merge` as real processes."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def demo(run_tumar, tmp_path: Path) -> Path:
    folder = tmp_path / "demo.tumar"
    result = run_tumar("demo", folder)
    assert result.returncode == 0, result.stderr
    return folder


def ok(run_tumar, *args: str | Path) -> str:
    result = run_tumar(*args)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def test_search_any_spelling_with_snippet_and_type(run_tumar, demo: Path) -> None:
    out = ok(run_tumar, "search", "-a", demo, "Tlek", "Tabarik")
    assert "person" in out and "Tilek Tabarak" in out
    assert "⟦Tilek⟧ ⟦Tabarak⟧" in out  # not a terminal: plain markers
    out = ok(run_tumar, "search", "-a", demo, "Қастер Мұсахан", "--type", "testimony")
    lines = [line for line in out.splitlines() if not line.startswith(" ")]
    assert lines and all(line.startswith("testimony") for line in lines)
    assert "Testimony by Kaster Musakhan" in out


@pytest.mark.parametrize("text", ['"', "(", "AND", "NOT", "*", ":", "🙂", "-x"])
def test_any_text_is_a_valid_query(run_tumar, demo: Path, text: str) -> None:
    result = run_tumar("search", "-a", demo, "--", text)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_advanced_errors_are_one_clear_line(run_tumar, demo: Path) -> None:
    result = run_tumar("search", "-a", demo, "--advanced", "Zaisan AND (")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "not valid FTS5 syntax" in lines[0]
    assert ok(run_tumar, "search", "-a", demo, "--advanced", "Zaisan NOT hearing").strip()


def test_filters_from_the_command_line(run_tumar, demo: Path) -> None:
    cases = ok(run_tumar, "case", "list", "-a", demo)
    zaisan = next(line.split()[0] for line in cases.splitlines() if "Zaisan" in line)
    out = ok(run_tumar, "search", "-a", demo, "court", "--case", zaisan, "--type", "event",
             "--from", "2020-01", "--to", "2020-01")  # fmt: skip
    lines = [line for line in out.splitlines() if not line.startswith(" ")]
    assert lines and all("2020-01" in line and "Zaisan" in line for line in lines)
    bad = run_tumar("search", "-a", demo, "court", "--from", "soon")
    assert bad.returncode == 1 and "not a date" in bad.stderr


def test_reindex_gives_the_same_answers(run_tumar, demo: Path) -> None:
    queries = [("Tilek",), ("court", "--limit", "50"), ("伊犁",), ("Zharkent",)]
    before = [ok(run_tumar, "search", "-a", demo, *q) for q in queries]
    assert "records indexed" in ok(run_tumar, "reindex", "-a", demo)
    assert [ok(run_tumar, "search", "-a", demo, *q) for q in queries] == before


def test_duplicates_then_merge_then_verify(run_tumar, demo: Path) -> None:
    assert "No likely duplicates" in ok(run_tumar, "people", "duplicates", "-a", demo)
    new_id = ok(run_tumar, "person", "add", "Tlek Tabarik", "-a", demo).strip()
    out = ok(run_tumar, "people", "duplicates", "-a", demo)
    assert "Tilek Tabarak" in out and "Tlek Tabarik" in out and "why:" in out
    keep_id = out.splitlines()[0].split()[1]
    assert keep_id != new_id
    merged = ok(run_tumar, "people", "merge", keep_id, new_id, "-a", demo)
    assert f"Merged {new_id} into {keep_id}" in merged
    assert "No likely duplicates" in ok(run_tumar, "people", "duplicates", "-a", demo)
    assert new_id not in ok(run_tumar, "search", "-a", demo, "Tlek Tabarik", "--limit", "100")
    assert "OK" in ok(run_tumar, "verify", demo)
    same = run_tumar("people", "merge", keep_id, keep_id, "-a", demo)
    assert same.returncode == 1 and "themselves" in same.stderr
