"""`tumar search`, `tumar reindex`, `tumar people duplicates|merge` as real processes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.templates import Templates, run_cli


def _make_demo(folder: Path, env: dict[str, str]) -> None:
    result = run_cli("demo", folder, env=env)
    assert result.returncode == 0, result.stderr


@pytest.fixture
def demo(templates: Templates, tmp_path: Path, private_user_data: Path) -> Path:
    """This test's own copy of the archive `tumar demo` made once per session (the
    command itself is tested in test_cli.py); most tests here only search it."""
    template = templates.get_cli("search-cli-demo", _make_demo, folder_name="demo.tumar")
    return template.copy_to(tmp_path / "demo.tumar", private_user_data)


def ok(run_tumar, *args: str | Path, query: str | None = None) -> str:
    """The query goes in on standard input, as a user's would (never in argv)."""
    result = run_tumar(*args, input=query)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def test_search_any_spelling_with_snippet_and_type(run_tumar, demo: Path) -> None:
    out = ok(run_tumar, "search", "-a", demo, query="Tlek Tabarik")
    assert "person" in out and "Tilek Tabarak" in out
    assert "⟦Tilek⟧ ⟦Tabarak⟧" in out  # not a terminal: plain markers
    out = ok(run_tumar, "search", "-a", demo, "--type", "testimony", query="Қастер Мұсахан")
    lines = [line for line in out.splitlines() if not line.startswith(" ")]
    assert lines and all(line.startswith("testimony") for line in lines)
    assert "Testimony by Kaster Musakhan" in out


@pytest.mark.parametrize("text", ['"', "(", "AND", "NOT", "*", ":", "🙂", "-x"])
def test_any_text_is_a_valid_query(run_tumar, demo: Path, text: str) -> None:
    result = run_tumar("search", "-a", demo, input=text)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_advanced_errors_are_one_clear_line(run_tumar, demo: Path) -> None:
    result = run_tumar("search", "-a", demo, "--advanced", input="Zaisan AND (")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "not valid FTS5 syntax" in lines[0]
    assert ok(run_tumar, "search", "-a", demo, "--advanced", query="Zaisan NOT hearing").strip()


def test_filters_from_json(run_tumar, demo: Path) -> None:
    cases = ok(run_tumar, "case", "list", "-a", demo)
    zaisan = next(line.split()[0] for line in cases.splitlines() if "Zaisan" in line)
    filters = '{"query": "court", "date_from": "2020-01", "date_to": "2020-01"}'
    out = ok(run_tumar, "search", "-a", demo, "--case", zaisan, "--type", "event",
             "--from-file", "-", query=filters)  # fmt: skip
    lines = [line for line in out.splitlines() if not line.startswith(" ")]
    assert lines and all("2020-01" in line and "Zaisan" in line for line in lines)
    bad = run_tumar("search", "-a", demo, "--from-file", "-",
                    input='{"query": "court", "date_from": "soon"}')  # fmt: skip
    assert bad.returncode == 1 and "not a date" in bad.stderr


def test_reindex_gives_the_same_answers(run_tumar, demo: Path) -> None:
    queries = [("Tilek", ()), ("court", ("--limit", "50")), ("伊犁", ()), ("Zharkent", ())]
    before = [ok(run_tumar, "search", "-a", demo, *o, query=q) for q, o in queries]
    assert "records indexed" in ok(run_tumar, "reindex", "-a", demo)
    assert [ok(run_tumar, "search", "-a", demo, *o, query=q) for q, o in queries] == before


def test_duplicates_then_merge_then_verify(run_tumar, demo: Path) -> None:
    assert "No likely duplicates" in ok(run_tumar, "people", "duplicates", "-a", demo)
    new_id = ok(run_tumar, "person", "add", "-a", demo, query="Tlek Tabarik").strip()
    out = ok(run_tumar, "people", "duplicates", "-a", demo)
    assert "Tilek Tabarak" in out and "Tlek Tabarik" in out and "why:" in out
    keep_id = out.splitlines()[0].split()[1]
    assert keep_id != new_id
    merged = ok(run_tumar, "people", "merge", keep_id, new_id, "-a", demo)
    assert f"Merged {new_id} into {keep_id}" in merged
    assert "No likely duplicates" in ok(run_tumar, "people", "duplicates", "-a", demo)
    assert new_id not in ok(run_tumar, "search", "-a", demo, "--limit", "100", query="Tlek Tabarik")
    assert "OK" in ok(run_tumar, "verify", demo)
    same = run_tumar("people", "merge", keep_id, keep_id, "-a", demo)
    assert same.returncode == 1 and "themselves" in same.stderr
