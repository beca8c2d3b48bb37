"""Fixtures shared by every test layer: fast key derivation, a fresh archive, the CLI.

All of them use real SQLCipher databases in pytest's tmp_path; nothing is mocked.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest

from tumar.storage.archive import Archive
from tumar.storage.kdf import KdfParams, fast_params

from .templates import CLI_TIMEOUT_S, PASSPHRASE, Templates, run_cli, templates

__all__ = ["CLI_TIMEOUT_S", "PASSPHRASE", "templates"]

# pytest-xdist workers (not in the default run) retitle themselves with setproctitle when it
# is installed (mutmut brings it), and setproctitle moves /proc/self/environ aside to make
# room for a long title unless SPT_NOENV is set, which test_hardening_forked reads. Set here,
# before any worker starts, so `pytest -n 2` gives the same answers as a plain run.
os.environ.setdefault("SPT_NOENV", "1")


@pytest.fixture(autouse=True)
def private_user_data(tmp_path_factory: pytest.TempPathFactory, monkeypatch) -> Path:
    """Each test gets its own user data folder (where the last-seen audit heads live, see
    storage.last_seen), inherited by `tumar` child processes; never the real ~/.local."""
    folder = tmp_path_factory.mktemp("user-data")
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    return folder


@pytest.fixture
def passphrase() -> str:
    return PASSPHRASE


@pytest.fixture
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> KdfParams:
    """TUMAR_KDF_PROFILE=fast for code that reads it; the same params for direct calls."""
    monkeypatch.setenv("TUMAR_KDF_PROFILE", "fast")
    return fast_params()


@pytest.fixture
def new_archive(tmp_path: Path, passphrase: str, templates: Templates) -> Iterator[Archive]:
    """An empty, unlocked archive at tmp_path/'test.tumar' (this test's own copy of one
    made once per session, see Template), closed at teardown.

    The recovery code is on `archive.recovery_code` for tests that need it.
    """
    template = templates.get("empty", passphrase=passphrase)
    archive = template.open_copy(tmp_path / "test.tumar")
    archive.recovery_code = template.recovery_code  # type: ignore[attr-defined]
    try:
        yield archive
    finally:
        archive.close()  # closing twice is harmless


RunTumar = Callable[..., subprocess.CompletedProcess]


@pytest.fixture
def run_tumar(passphrase: str) -> RunTumar:
    """Run the `tumar` CLI in a child process: run_tumar(*args, input=None, env=None).

    The child's environment is this process's without any TUMAR_* variable, plus
    TUMAR_PASSPHRASE (the `passphrase` fixture) and TUMAR_KDF_PROFILE=fast, plus `env`
    (which wins). Returns the CompletedProcess (text mode, exit status not checked).
    """

    def run(
        *args: str | os.PathLike[str],
        input: str | None = None,  # noqa: A002 - mirrors subprocess.run
        env: Mapping[str, str] | None = None,
    ) -> subprocess.CompletedProcess:
        return run_cli(*args, passphrase=passphrase, input=input, env=env)

    return run
