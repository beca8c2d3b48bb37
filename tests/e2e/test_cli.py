"""The `tumar` CLI end to end: real processes, real archives, real exit codes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.templates import init_copy

from .cli import PASSPHRASE as PASS
from .cli import run_tumar

FAST_WARNING = "tumar: WARNING: fast key derivation"


def ok(*args: str | Path, **kw) -> str:
    result = run_tumar(*args, **kw)
    assert result.code == 0, result.err
    # the suite runs with TUMAR_KDF_PROFILE=fast, which init/passwd/demo warn about
    assert [line for line in result.err.splitlines() if not line.startswith(FAST_WARNING)] == []
    return result.out


def form(**fields: object) -> dict[str, str]:
    """Record content as `--from-file -` JSON on standard input (never in argv)."""
    return {"stdin": json.dumps(fields, ensure_ascii=False)}


def assert_one_line_error(result, code: int, fragment: str) -> None:
    assert result.code == code, (result.code, result.out, result.err)
    assert "Traceback" not in result.err
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert fragment in lines[0]


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "field.tumar"
    init_copy(folder, PASS)  # `tumar init` itself: test_init_prints_recovery_code_that_opens
    return folder


def test_init_prints_recovery_code_that_opens(tmp_path: Path) -> None:
    folder = tmp_path / "a.tumar"
    out = ok("init", folder)
    code = out.strip().splitlines()[-1].strip()
    assert len(code.replace("-", "")) == 32
    assert ok("person", "list", "-a", folder, passphrase=code) == ""


def test_full_record_workflow(archive: Path, tmp_path: Path) -> None:
    a = ("-a", str(archive))
    person = ok(
        "person", "add", "--from-file", "-", *a,
        **form(display_name="Kaster Musakhan", birth_date="1989~", names=[
            "Қастер Мұсахан|Cyrl|transliteration", {"name": "Qaster Musakhanuly"}]),
    ).strip()  # fmt: skip
    shown = ok("person", "show", person[:8], *a)
    assert "Қастер Мұсахан  [Cyrl, transliteration]" in shown
    assert "Qaster Musakhanuly  [Latn, alias]" in shown
    assert "1989~" in shown
    case = ok("case", "add", "--from-file", "-", *a,
              **form(title="Zaisan hearing", court="Zaisan district court")).strip()  # fmt: skip
    ok("case", "link", case, person, "--role", "defendant", *a)
    ok("event", "add", "--case", case, "--kind", "arrest", "--person", person,
       "--from-file", "-", *a, **form(date="2019-10-14", place="Almaty"))  # fmt: skip
    ok("event", "add", "--case", case, "--kind", "detention", "--from-file", "-", *a,
       **form(date="2013-03/2017-11"))  # fmt: skip
    meta = tmp_path / "meta.json"
    meta.write_text('{"language": "kk", "recorded_at": "2019-10?"}', encoding="utf-8")
    testimony = ok(
        "testimony", "add", "--witness", person, "--case", case, "--consent", "lawyer_only",
        "--from-file", meta, *a, stdin="Мен шекарадан өттім.\n",
    ).strip()  # fmt: skip
    text_file = tmp_path / "translation.txt"
    text_file.write_text("I crossed the border.", encoding="utf-8")
    ok("testimony", "translate", testimony, "--file", text_file, "--from-file", "-", *a,
       **form(language="en"))  # fmt: skip
    ok("note", "add", "--case", case, *a, stdin="Ask for the court file\n")
    shown = ok("case", "show", case, *a)
    assert "Kaster Musakhan  (defendant)" in shown
    timeline = [line.split()[0] for line in shown.splitlines() if line.startswith("  20")]
    assert timeline == ["2013-03/2017-11", "2019-10-14"]
    assert "Testimonies: 1" in shown and "Notes: 1" in shown
    ok("testimony", "withdraw-consent", testimony, *a)
    assert "[consent withdrawn]" in ok("testimony", "list", *a)
    ok("person", "edit", person, "--from-file", "-", *a, **form(notes="livestock trader"))
    assert "livestock trader" in ok("person", "show", person, *a)
    ok("case", "edit", case, "--status", "closed", *a)
    edited = ok("case", "show", case, *a)
    assert "closed" in edited and "Zaisan district court" in edited
    ok("person", "delete", person, *a)
    assert ok("person", "list", *a) == ""
    assert "(deleted)" in ok("person", "list", "--deleted", *a)
    verified = ok("verify", archive)
    assert "OK" in verified


def test_deadlines_sorted_with_days_left(archive: Path) -> None:
    a = ("-a", str(archive))
    case = ok("case", "add", *a, stdin="Hearing watch").strip()
    today = dt.date.today()
    for days, kind in ((30, "hearing"), (9, "certificate_expires"), (-5, "arrest")):
        day = (today + dt.timedelta(days=days)).isoformat()
        ok("event", "add", "--case", case, "--kind", kind, "--from-file", "-", *a, **form(date=day))
    lines = ok("deadlines", *a).splitlines()
    assert [line.split()[0] for line in lines] == [
        (today + dt.timedelta(days=9)).isoformat(),
        (today + dt.timedelta(days=30)).isoformat(),
    ]
    assert "in 9 days" in lines[0] and "certificate_expires" in lines[0]
    assert "in 30 days" in lines[1]


def test_wrong_passphrase_exit_code_2(archive: Path) -> None:
    result = run_tumar("person", "list", "-a", archive, passphrase="not the passphrase")
    assert_one_line_error(result, 2, "The passphrase does not open this archive")


def test_errors_are_one_line(archive: Path, tmp_path: Path) -> None:
    a = ("-a", str(archive))
    case = ok("case", "add", *a, stdin="X").strip()
    bad_date = run_tumar("event", "add", "--case", case, "--kind", "hearing", "--from-file", "-",
                         *a, **form(date="soon"))  # fmt: skip
    assert_one_line_error(bad_date, 1, "'soon' is not a date")
    assert_one_line_error(run_tumar("person", "show", "ffffffff", *a), 1, "No person")
    assert_one_line_error(run_tumar("person", "show", "x", *a), 1, "not a record id")
    assert_one_line_error(run_tumar("person", "list"), 1, "Which archive?")
    assert_one_line_error(run_tumar("init", archive), 1, "already exists")
    assert_one_line_error(run_tumar("person", "list", "-a", tmp_path), 1, "not a Tumar archive")
    no_passphrase = run_tumar("case", "add", *a, stdin="Y", passphrase=None)
    assert_one_line_error(no_passphrase, 1, "No passphrase")
    assert_one_line_error(run_tumar("frobnicate"), 64, "invalid choice")


def test_passphrase_file_and_passwd(archive: Path, tmp_path: Path) -> None:
    old_file, new_file = tmp_path / "old", tmp_path / "new"
    old_file.write_text(PASS + "\n")
    new_file.write_text("brand new passphrase\n")
    ok("passwd", archive, "--passphrase-file", old_file, "--new-passphrase-file", new_file,
       passphrase=None)  # fmt: skip
    result = run_tumar("person", "list", "-a", archive, "--passphrase-file", old_file,
                       passphrase=None)  # fmt: skip
    assert_one_line_error(result, 2, "does not open")
    ok("person", "list", "-a", archive, "--passphrase-file", new_file, passphrase=None)


def test_passphrase_never_accepted_as_argument() -> None:
    result = run_tumar("person", "list", "--passphrase", "secret")
    assert result.code == 64


def test_demo_builds_archive_with_summary(tmp_path: Path) -> None:
    folder = tmp_path / "demo.tumar"
    out = ok("demo", folder)
    assert "person" in out and "testimony" in out
    deadlines = ok("deadlines", "-a", folder)
    assert "DEMO DEADLINE" in deadlines
    names = ok("person", "list", "-a", folder)
    assert "Kaster Musakhan" in names and "Tilek Tabarak" in names
    assert "OK" in ok("verify", folder)


def test_damaged_database_gives_one_line_and_no_sqlcipher_log(archive: Path) -> None:
    (archive / "archive.db").write_bytes(b"\x00" * 4096 + b"not a database" * 100)
    result = run_tumar("person", "list", "-a", archive)
    assert_one_line_error(result, 1, "archive.db cannot be opened")
    assert "ERROR" not in result.err and "CORE" not in result.err
