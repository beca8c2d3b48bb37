"""Archives built once per session and copied for each test that asks for one.

A copy of a locked archive folder (its three files) is a real archive: the same header, the
same SQLCipher databases, the same master key. So a test can start from an archive exactly
as a builder left it without paying again for Archive.create (two Argon2id key slots and
the schema), for the builder's writes, or for the `tumar` child processes that made it.
Every test gets its own copy, so nothing one test writes reaches another.

`Template.open_copy` unlocks the copy with the master key unwrapped once when the template
was made: Archive.open_with_key, the step Archive.open takes after the KDF (and the one the
window's unlock takes). Tests about creating, unlocking or re-keying archives, or about
their key slots, make their own archives instead.

A template made through app.lifecycle or the CLI also keeps the user data folder it was
made with (this computer's last-seen audit head, storage.last_seen); `copy_to` puts that
into the test's own user data folder, as if the test had made the archive there itself.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tumar.app import lifecycle
from tumar.storage.archive import Archive, unlock_key
from tumar.storage.header import read_header
from tumar.storage.kdf import fast_params

PASSPHRASE = "correct horse battery staple"
CLI_TIMEOUT_S = 60


def cli_env(passphrase: str | None, env: Mapping[str, str] | None = None) -> dict[str, str]:
    """A `tumar` child's environment: this process's without TUMAR_*, the passphrase in
    TUMAR_PASSPHRASE, the fast KDF profile, then `env` (which wins)."""
    child = {k: v for k, v in os.environ.items() if not k.startswith("TUMAR_")}
    if passphrase is not None:
        child["TUMAR_PASSPHRASE"] = passphrase
    child |= {"TUMAR_KDF_PROFILE": "fast", "PYTHONIOENCODING": "utf-8", **(env or {})}
    return child


def run_cli(
    *args: str | os.PathLike[str],
    passphrase: str | None = PASSPHRASE,
    input: str | None = None,  # noqa: A002 - mirrors subprocess.run
    env: Mapping[str, str] | None = None,
) -> subprocess.CompletedProcess:
    """Run the real `tumar` command line in a child process (text mode, status unchecked)."""
    return subprocess.run(
        [sys.executable, "-m", "tumar.app.cli.main", *map(str, args)],
        input="" if input is None else input,  # never the terminal's stdin
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=cli_env(passphrase, env),
        timeout=CLI_TIMEOUT_S,
        check=False,
    )


@dataclass(frozen=True)
class Template:
    folder: Path
    passphrase: str
    recovery_code: str
    master: bytes
    user_data: Path | None = None  # XDG_DATA_HOME it was made with (lifecycle, CLI)
    extra: Any = None  # what the builder returned (ids, ...)

    def copy_to(self, dest: Path, user_data: Path | None = None) -> Path:
        """This test's own copy at `dest`; the template's last-seen head goes into
        `user_data` (the test's XDG_DATA_HOME) when both have one."""
        shutil.copytree(self.folder, dest)
        if self.user_data is not None and user_data is not None:
            shutil.copytree(self.user_data, user_data, dirs_exist_ok=True)
        return dest

    def open_copy(self, dest: Path) -> Archive:
        """An unlocked copy (no head guard, like Archive.create/open without state_dir)."""
        self.copy_to(dest)
        return Archive.open_with_key(dest, read_header(dest), self.master)

    def open_app_copy(self, dest: Path) -> Archive:
        """An unlocked copy as app.lifecycle.open_archive leaves it: the head guard kept in
        this process's user data folder (XDG_DATA_HOME now), which gets the template's
        last-seen head first."""
        self.copy_to(dest, Path(os.environ["XDG_DATA_HOME"]))
        archive = Archive.open_with_key(dest, read_header(dest), self.master)
        archive.attach_guard(lifecycle.state_dir())
        return archive


class Templates:
    """The session's templates, by name and passphrase, each built on first use. A name
    stands for one builder: give every builder its own name."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.made: dict[tuple[str, str], Template] = {}

    def _slot(self, name: str) -> Path:
        return self.root / f"{len(self.made)}-{name}"

    def _done(self, name: str, template: Template) -> Template:
        self.made[name, template.passphrase] = template
        return template

    def get(
        self,
        name: str,
        build: Callable[[Archive], Any] | None = None,
        passphrase: str = PASSPHRASE,
    ) -> Template:
        """A new archive (Archive.create, fast KDF, no head guard) that `build` filled."""
        if (name, passphrase) in self.made:
            return self.made[name, passphrase]
        folder = self._slot(name) / "template.tumar"
        archive, code = Archive.create(folder, passphrase, fast_params())
        with archive:
            extra = build(archive) if build is not None else None
        _header, master = unlock_key(folder, passphrase)
        return self._done(name, Template(folder, passphrase, code, master, extra=extra))

    def get_app(
        self,
        name: str,
        passphrase: str = PASSPHRASE,
        build: Callable[[Archive], Any] | None = None,
    ) -> Template:
        """A new archive as app.lifecycle.create_archive makes it (signing identity, head
        guard in the template's own user data folder), fast KDF, that `build` filled."""
        if (name, passphrase) in self.made:
            return self.made[name, passphrase]
        slot = self._slot(name)
        folder, user_data = slot / "template.tumar", slot / "user-data"
        with pytest.MonkeyPatch.context() as env:
            env.setenv("XDG_DATA_HOME", str(user_data))
            env.setenv("TUMAR_KDF_PROFILE", "fast")
            archive, code = lifecycle.create_archive(folder, passphrase)
            with archive:
                extra = build(archive) if build is not None else None
        _header, master = unlock_key(folder, passphrase)
        return self._done(name, Template(folder, passphrase, code, master, user_data, extra))

    def get_cli(
        self,
        name: str,
        build: Callable[[Path, dict[str, str]], Any],
        passphrase: str = PASSPHRASE,
        folder_name: str = "template.tumar",
    ) -> Template:
        """An archive made by real `tumar` commands: `build(folder, env)` runs them with
        `env` added to their environment (the template's own user data folder, as every
        test's CLI children have theirs) and leaves the archive at `folder`. What it
        returns is the template's extra; a dict's "code" is taken as the recovery code."""
        if (name, passphrase) in self.made:
            return self.made[name, passphrase]
        slot = self._slot(name)
        folder, user_data = slot / folder_name, slot / "user-data"
        user_data.mkdir(parents=True)
        extra = build(folder, {"XDG_DATA_HOME": str(user_data)})
        _header, master = unlock_key(folder, passphrase)
        code = extra.get("code", "") if isinstance(extra, dict) else ""
        return self._done(name, Template(folder, passphrase, code, master, user_data, extra))


_SESSION: list[Templates] = []


def _tumar_init(passphrase: str) -> Callable[[Path, dict[str, str]], dict[str, str]]:
    def build(folder: Path, env: dict[str, str]) -> dict[str, str]:
        made = run_cli("init", folder, passphrase=passphrase, env=env)
        assert made.returncode == 0 and "Recovery code" in made.stdout, made.stderr
        return {"code": made.stdout.strip().splitlines()[-1].strip()}

    return build


def init_copy(dest: Path, passphrase: str = PASSPHRASE) -> str:
    """What `tumar init DEST` leaves, for tests where it is only the start: this test's
    own copy of the archive `tumar init` made once per session with `passphrase` (its
    last-seen head into this test's XDG_DATA_HOME, where the CLI children look). Returns
    the recovery code `init` printed. `init` itself is tested in tests/e2e/test_cli.py,
    test_rekey_cli.py and test_passphrase_strength.py."""
    template = session_templates().get_cli("tumar-init", _tumar_init(passphrase), passphrase)
    template.copy_to(dest, Path(os.environ["XDG_DATA_HOME"]))
    return template.recovery_code


def session_templates() -> Templates:
    """The session's templates, for plain helper functions that take no fixtures."""
    assert _SESSION, "the `templates` fixture (autouse, tests/conftest.py) is not set up"
    return _SESSION[0]


@pytest.fixture(scope="session", autouse=True)
def templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Templates]:
    """Autouse so helpers can reach it (session_templates); it builds nothing until asked."""
    _SESSION.append(Templates(tmp_path_factory.mktemp("templates")))
    yield _SESSION[0]
    _SESSION.clear()
