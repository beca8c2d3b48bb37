"""`tumar backup` and `tumar restore` show their progress on a terminal (stderr), and only
there: at 100k testimonies a restore is a minute with nothing else to watch."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

from tumar.app.sync import team
from tumar.storage.archive import Archive
from tumar.storage.kdf import fast_params
from tumar.storage.records import Person

PASS = "correct horse battery"


def _on_a_terminal(*args: str | Path) -> tuple[int, str, str]:
    """Run the CLI with stderr on a pseudo-terminal; (exit code, stdout, terminal text)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TUMAR_")}
    env.update(TUMAR_PASSPHRASE=PASS, TUMAR_KDF_PROFILE="fast", PYTHONIOENCODING="utf-8")
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "tumar.app.cli.main", *map(str, args)],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=slave, env=env,
    )  # fmt: skip
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    out = proc.stdout.read().decode() if proc.stdout else ""
    code = proc.wait(timeout=120)
    os.close(master)
    return code, out, seen.decode("utf-8", "replace")


def test_backup_and_restore_show_progress_on_a_terminal(tmp_path: Path) -> None:
    source = tmp_path / "a.tumar"
    with Archive.create(source, PASS, fast_params())[0] as archive:
        for i in range(3):
            archive.repo.insert(Person(display_name=f"Witness {i}"))
        identity = tmp_path / "id.txt"
        team.export_identity(archive, identity)
    bundle = tmp_path / "full.tumar-bundle"
    code, out, terminal = _on_a_terminal("backup", bundle, "-a", source)
    assert code == 0 and "Backup written" in out
    assert "100%" in terminal and "Bundle written" in terminal
    code, out, terminal = _on_a_terminal(
        "restore", bundle, tmp_path / "b.tumar", "--identity", identity
    )
    assert code == 0 and "Restored into" in out
    assert "Merging" in terminal and "Indexing for search" in terminal and "100%" in terminal
    assert "Witness" not in terminal  # progress says what is done, never record content
