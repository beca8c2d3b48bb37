"""Issue 8, item 3 at the command line: `tumar rekey`, `tumar recovery-code new`, and a
`passwd` that says plainly what it does not revoke."""

from __future__ import annotations

import re
from pathlib import Path

CODE = re.compile(r"^\s+([A-Z2-7]{4}(?:-[A-Z2-7]{4}){7})$", re.MULTILINE)
NEW = "a completely different passphrase"


def codes(text: str) -> list[str]:
    return CODE.findall(text)


def test_rekey_prints_a_new_code_once_and_revokes_the_old_secrets(
    run_tumar,  # noqa: ANN001
    tmp_path: Path,
    passphrase: str,
) -> None:
    folder = tmp_path / "cli.tumar"
    made = run_tumar("init", folder)
    assert made.returncode == 0, made.stderr
    [old_code] = codes(made.stdout)

    done = run_tumar("rekey", folder, env={"TUMAR_NEW_PASSPHRASE": NEW})
    assert done.returncode == 0, done.stderr
    [new_code] = codes(done.stdout)
    assert new_code != old_code
    assert sorted(p.name for p in folder.iterdir()) == ["archive.db", "media.db", "tumar.json"]

    assert run_tumar("verify", folder).returncode == 2  # the old passphrase
    assert run_tumar("verify", folder, env={"TUMAR_PASSPHRASE": old_code}).returncode == 2
    for secret in (NEW, new_code):
        result = run_tumar("verify", folder, env={"TUMAR_PASSPHRASE": secret})
        assert result.returncode == 0, result.stdout + result.stderr
        assert "warning" not in result.stderr


def test_recovery_code_new_and_passwd_say_what_they_revoke(
    run_tumar,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    folder = tmp_path / "cli.tumar"
    [old_code] = codes(run_tumar("init", folder).stdout)
    issued = run_tumar("recovery-code", "new", folder)
    assert issued.returncode == 0, issued.stderr
    [new_code] = codes(issued.stdout)
    assert "tumar rekey" in issued.stdout
    assert run_tumar("head", folder, env={"TUMAR_PASSPHRASE": old_code}).returncode == 2
    assert run_tumar("head", folder, env={"TUMAR_PASSPHRASE": new_code}).returncode == 0

    changed = run_tumar("passwd", folder, env={"TUMAR_NEW_PASSPHRASE": NEW})
    assert changed.returncode == 0, changed.stderr
    assert "does not revoke" in changed.stdout and "tumar rekey" in changed.stdout
