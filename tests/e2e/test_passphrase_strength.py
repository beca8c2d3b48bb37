"""New passphrases are rated with zxcvbn; the fast KDF profile is loud and on record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .cli import run_tumar
from .test_cli import FAST_WARNING, assert_one_line_error, ok

PASS = "correct horse battery"


@pytest.mark.parametrize("weak", ["password", "12345678", "qwertyuiop"])
def test_init_refuses_the_weakest_passphrases(tmp_path: Path, weak: str) -> None:
    folder = tmp_path / "weak.tumar"
    result = run_tumar("init", folder, passphrase=weak)
    assert_one_line_error(result, 1, "too easy to guess")
    assert "common password" in result.err  # zxcvbn's reason, in plain words
    assert f"{weak} " not in result.err and f"{weak}'" not in result.err
    assert not folder.exists()


def test_passwd_refuses_a_weak_new_passphrase(tmp_path: Path) -> None:
    folder = tmp_path / "a.tumar"
    ok("init", folder)
    header = (folder / "tumar.json").read_bytes()
    new_file = tmp_path / "new"
    new_file.write_text("password\n")
    result = run_tumar("passwd", folder, "--new-passphrase-file", new_file)
    assert_one_line_error(result, 1, "too easy to guess")
    assert (folder / "tumar.json").read_bytes() == header
    ok("person", "list", "-a", folder)


def test_fast_profile_warns_is_recorded_and_verify_reports_it(tmp_path: Path) -> None:
    folder = tmp_path / "fast.tumar"
    created = run_tumar("init", folder)
    assert created.code == 0 and created.err.startswith(FAST_WARNING)
    slots = json.loads((folder / "tumar.json").read_text())["slots"]
    assert [s["kdf"].get("profile") for s in slots] == ["fast", "fast"]
    verified = ok("verify", folder)
    assert "NOTE: passphrase key slot" in verified and "fast test key derivation" in verified
    assert "OK" in verified
    # a calibrated passphrase slot (no TUMAR_KDF_PROFILE) ends the warning
    new_file = tmp_path / "new"
    new_file.write_text("\ufeffbrand new passphrase\n", encoding="utf-8")  # BOM, as Notepad
    changed = run_tumar(
        "passwd", folder, "--new-passphrase-file", new_file, env={"TUMAR_KDF_PROFILE": ""}
    )
    assert changed.code == 0 and changed.err == "", changed.err
    plain = tmp_path / "plain"
    plain.write_text("brand new passphrase\n", encoding="utf-8")
    verified = ok("verify", folder, "--passphrase-file", plain, passphrase=None)
    assert "fast test key" not in verified and "OK" in verified
