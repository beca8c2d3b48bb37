"""Record content reaches commands from a JSON file, piped standard input or a terminal prompt.

Standard input is a real pipe or a real pseudo-terminal in a child process, never a fake.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tumar.app.cli.content_input import LIST, TEXT, Field, read_content
from tumar.storage.errors import InvalidInput

FIELDS = (
    Field("name", "Name", required=True),
    Field("names", "Other names", kind=LIST),
    Field("notes", "Notes", kind=TEXT),
)


@pytest.fixture
def piped_stdin(monkeypatch: pytest.MonkeyPatch):
    """Replace sys.stdin by the read end of a real OS pipe holding `data`."""

    def feed(data: bytes) -> None:
        read_fd, write_fd = os.pipe()
        os.write(write_fd, data)
        os.close(write_fd)
        monkeypatch.setattr(sys, "stdin", open(read_fd, encoding="utf-8"))  # noqa: SIM115

    return feed


def test_json_file_with_bom_gives_every_key(tmp_path: Path, piped_stdin) -> None:
    piped_stdin(b"")
    path = tmp_path / "p.json"
    data = {"name": "Қайша Ақан", "names": ["Qaisha Aqan", {"name": "كايشا", "script": "Arab"}]}
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(data, ensure_ascii=False).encode("utf-8"))
    assert read_content(FIELDS, str(path), what="person", main="name") == data


def test_json_from_stdin(piped_stdin) -> None:
    piped_stdin(json.dumps({"name": "Tilek", "notes": "two\nlines"}).encode())
    assert read_content(FIELDS, "-", main="name") == {"name": "Tilek", "notes": "two\nlines"}


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ('{"name": "Secret Witness", "nmae": "x"}', "unknown key(s) 'nmae'"),
        ('{"name": ["Secret Witness"]}', "'name' must be a string"),
        ('{"name": "Secret Witness", "names": [1]}', "'names' must be a list"),
        ('["Secret Witness"]', "must be one object"),
        ('{"name": "Secret Witness",', "not valid JSON"),
        ('{"notes": "Secret Witness"}', "has no 'name'"),
    ],
)
def test_bad_json_is_one_line_that_never_echoes_content(
    tmp_path: Path, piped_stdin, content: str, fragment: str
) -> None:
    piped_stdin(b"")
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        read_content(FIELDS, str(path), what="person", main="name")
    message = str(caught.value)
    assert fragment in message and "\n" not in message
    assert "Secret" not in message


def test_non_utf8_file_is_refused(tmp_path: Path, piped_stdin) -> None:
    piped_stdin(b"")
    path = tmp_path / "latin1.json"
    path.write_bytes('{"name": "Zhanar Müller"}'.encode("latin-1"))
    with pytest.raises(InvalidInput, match="not UTF-8"):
        read_content(FIELDS, str(path))


def test_piped_stdin_is_the_main_field_only(piped_stdin) -> None:
    piped_stdin("  Тілек Табарықұлы \n".encode())
    assert read_content(FIELDS, main="name") == {"name": "Тілек Табарықұлы"}


def test_empty_pipe_means_missing(piped_stdin) -> None:
    piped_stdin(b"\n")
    with pytest.raises(InvalidInput, match="standard input"):
        read_content(FIELDS, main="name")


def test_json_meta_with_main_text_from_the_pipe(tmp_path: Path, piped_stdin) -> None:
    piped_stdin("Мен шекарадан өттім.\n".encode())
    path = tmp_path / "meta.json"
    path.write_text('{"names": ["x"]}', encoding="utf-8")
    fields = (Field("text", "Text", required=True, kind=TEXT), FIELDS[1])
    got = read_content(fields, str(path), main="text")
    assert got == {"names": ["x"], "text": "Мен шекарадан өттім.\n"}


PROMPT_SCRIPT = """
import json, sys
from tumar.app.cli.content_input import LIST, TEXT, Field, read_content
fields = (Field("name", "Name", required=True), Field("names", "Other names", kind=LIST),
          Field("birth", "Birth date"), Field("notes", "Notes", kind=TEXT))
print(json.dumps(read_content(fields, main="name"), ensure_ascii=False))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pseudo-terminals")
def test_terminal_prompts_for_each_field() -> None:
    """A real pseudo-terminal as stdin: prompts on stderr, answers typed line by line."""
    master, slave = os.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-c", PROMPT_SCRIPT], stdin=slave, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )  # fmt: skip
    os.close(slave)
    answers = "Қайша Ақан\nQaisha Aqan\nKaisha Akan\n\n\nfirst line\nsecond\n.\n"
    os.write(master, answers.encode("utf-8"))
    out, err = proc.communicate(timeout=60)
    os.close(master)
    assert proc.returncode == 0, err
    assert json.loads(out) == {
        "name": "Қайша Ақан",
        "names": ["Qaisha Aqan", "Kaisha Akan"],
        "notes": "first line\nsecond\n",
    }
    prompts = err.decode()
    assert "Name: " in prompts and "Birth date (Enter to skip): " in prompts
