"""Odd input never crashes or hangs: one line on stderr, a non-zero exit, nothing changed.

Driven through the real `tumar` command in a child process (bytes where the input is not
UTF-8), on real archives, FIFOs and devices.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CLI_TIMEOUT_S, PASSPHRASE
from tests.templates import Templates
from tumar.app.cli import archive_commands, main
from tumar.storage.archive import Archive
from tumar.storage.connection import derive_db_key, open_database, transaction
from tumar.storage.header import read_header
from tumar.storage.kdf import fast_params
from tumar.storage.keyslots import normalise_passphrase, unwrap
from tumar.storage.records import Note, Person

CLI = [sys.executable, "-m", "tumar.app.cli.main"]


def _qaisha(archive: Archive) -> str:
    return archive.repo.insert(Person(display_name="Qaisha Aqan")).id


@pytest.fixture
def archive(tmp_path: Path, templates: Templates) -> tuple[Path, str]:
    """A closed archive holding one person: this test's own copy of one made once."""
    template = templates.get("odd-input", _qaisha, PASSPHRASE)
    return template.copy_to(tmp_path / "a.tumar"), template.extra


def raw_run(*args: bytes | str, stdin: bytes = b"", env: dict | None = None):
    """The CLI with bytes arguments, bytes stdin and a bytes environment."""
    base = {
        **{os.fsencode(k): os.fsencode(v) for k, v in os.environ.items() if "TUMAR" not in k},
        b"TUMAR_PASSPHRASE": PASSPHRASE.encode(), b"TUMAR_KDF_PROFILE": b"fast",
    }  # fmt: skip
    return subprocess.run(
        [*CLI, *args], input=stdin, capture_output=True, env={**base, **(env or {})},
        timeout=CLI_TIMEOUT_S, check=False,
    )  # fmt: skip


def one_line(stderr: bytes | str, *words: str) -> str:
    text = stderr.decode("utf-8", "replace") if isinstance(stderr, bytes) else stderr
    assert "Traceback" not in text
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


@pytest.mark.parametrize(
    "header",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"format": "tumar-archive", "format_version": 1' + "0" * 5000 + "}",
    ],
    ids=["nested-brackets", "5000-digit-integer"],
)
def test_hostile_header_is_one_line(archive, run_tumar, header: str) -> None:
    folder, _ = archive
    (folder / "tumar.json").write_text(header)
    result = run_tumar("person", "list", "-a", folder)
    assert result.returncode == 1
    one_line(result.stderr, "damaged")


def test_passphrase_file_that_is_a_device_or_fifo_is_refused(archive, run_tumar, tmp_path) -> None:
    folder, _ = archive
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for path in ("/dev/zero", fifo):
        result = run_tumar("person", "list", "-a", folder, "--passphrase-file", path)
        assert result.returncode == 1
        one_line(result.stderr, "not a regular file")


def test_passphrase_file_not_utf8_is_one_line(archive, tmp_path) -> None:
    folder, _ = archive
    secret = tmp_path / "pass.txt"
    secret.write_bytes(b"\xff\xfe latin-1 passphrase \xe9\n")
    result = raw_run("person", "list", "-a", str(folder), "--passphrase-file", str(secret))
    assert result.returncode == 1
    one_line(result.stderr, "not UTF-8")


def test_passphrase_variable_not_utf8_is_one_line(archive) -> None:
    folder, _ = archive
    result = raw_run("person", "list", "-a", str(folder), env={b"TUMAR_PASSPHRASE": b"\xff\xfe"})
    assert result.returncode == 1
    one_line(result.stderr, "TUMAR_PASSPHRASE", "not UTF-8")


def test_text_file_that_is_a_device_or_fifo_is_refused(archive, run_tumar, tmp_path) -> None:
    folder, person = archive
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for path in ("/dev/zero", fifo):
        result = run_tumar("note", "add", "--person", person, "--file", path, "-a", folder)
        assert result.returncode == 1
        one_line(result.stderr, "not a regular file")


def test_stdin_not_utf8_is_one_line(archive) -> None:
    folder, person = archive
    result = raw_run("note", "add", "--person", person, "-a", str(folder), stdin=b"caf\xe9\n")
    assert result.returncode == 1
    one_line(result.stderr, "not UTF-8")


def test_argument_not_utf8_is_one_line(archive) -> None:
    folder, _ = archive
    result = raw_run("person", "show", b"01a2\xff", "-a", str(folder))
    assert result.returncode == 1
    one_line(result.stderr, "not UTF-8")


def test_archive_path_not_utf8_works(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path) + b"/\xd0\x9a\xff.tumar"
    made = raw_run("init", folder)
    assert made.returncode == 0, made.stderr
    added = raw_run("person", "add", "-a", folder, stdin=b"Tilek Tabarikuly\n")
    assert added.returncode == 0, added.stderr
    listed = raw_run("person", "list", "-a", folder)
    assert b"Tilek Tabarikuly" in listed.stdout


def test_text_from_files_and_stdin_keeps_its_exact_bytes(archive, run_tumar, tmp_path) -> None:
    folder, person = archive
    text = "line one\r\nline two\r\n\r\nend"
    source = tmp_path / "note.txt"
    source.write_bytes(text.encode())
    by_file = run_tumar("note", "add", "--person", person, "--file", source, "-a", folder)
    by_stdin = raw_run("note", "add", "--person", person, "-a", str(folder), stdin=text.encode())
    assert by_file.returncode == 0 and by_stdin.returncode == 0, by_file.stderr
    with Archive.open(folder, PASSPHRASE) as opened:
        stored = {n.id: n.text for n in opened.repo.find(Note)}
    assert stored[by_file.stdout.strip()] == text
    assert stored[by_stdin.stdout.decode().strip()] == text


def test_edtf_set_with_thousands_of_members_is_refused_quickly(
    archive, run_tumar, tmp_path
) -> None:
    folder, _ = archive
    members = ",".join(f"19{i % 100:02d}-01-01" for i in range(3000))
    content = tmp_path / "person.json"
    content.write_text(json.dumps({"display_name": "Someone", "birth_date": f"[{members}]"}))
    result = run_tumar("person", "add", "--from-file", content, "-a", folder)
    assert result.returncode == 1
    one_line(result.stderr, "too long")


def test_damaged_hlc_high_water_mark(archive, run_tumar) -> None:
    folder, _ = archive
    header = read_header(folder)
    slot = next(s for s in header.slots if s.kind == "passphrase")
    master = unwrap(slot, normalise_passphrase(PASSPHRASE), header.archive_id)
    assert master is not None
    key = derive_db_key(master, header.archive_id, "archive.db")
    conn = open_database(folder / "archive.db", key, create=False, cache_kib=1024)
    with transaction(conn):
        before = conn.execute("SELECT max(hlc) FROM person").fetchone()[0]
        conn.execute("UPDATE meta SET value = 'garbage' WHERE key = 'hlc_last'")
    conn.close()
    added = run_tumar("person", "add", "-a", folder, input="Tilek Tabarikuly")
    assert added.returncode == 0, added.stderr
    with Archive.open(folder, PASSPHRASE) as opened:
        assert opened.repo.get(Person, added.stdout.strip()).hlc > before


def test_output_into_a_closed_pipe_is_quiet(tmp_path: Path) -> None:
    folder = tmp_path / "many.tumar"
    made, _code = Archive.create(folder, PASSPHRASE, fast_params())
    with made:
        for i in range(1500):
            made.repo.insert(Person(display_name=f"Person {i:05d} with a fairly long name"))
    env = {**os.environ, "TUMAR_PASSPHRASE": PASSPHRASE, "TUMAR_KDF_PROFILE": "fast"}
    done = subprocess.run(
        f"{' '.join(CLI)} person list -a '{folder}' | head -n 1",
        shell=True, capture_output=True, text=True, env=env, timeout=CLI_TIMEOUT_S, check=False,
    )  # fmt: skip
    assert done.stdout.count("\n") == 1
    assert done.stderr == "", done.stderr


def test_unexpected_error_is_one_line_naming_only_its_type(
    archive, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _ = archive

    def broken(args) -> int:
        raise RuntimeError("Secret Witness lives at 12 Abay Street")

    monkeypatch.setattr(archive_commands, "cmd_deadlines", broken)
    monkeypatch.setenv("TUMAR_PASSPHRASE", PASSPHRASE)
    assert main.main(["deadlines", "-a", str(folder)]) == 1
    err = capsys.readouterr().err
    line = one_line(err, "RuntimeError")
    assert "Secret" not in line and "Abay" not in line
