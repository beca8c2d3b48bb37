"""Run the real `tumar` command line in a child process, as a user or script would."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

PASSPHRASE = "correct horse battery"  # what run_tumar passes unless told otherwise


@dataclass
class Result:
    code: int
    out: str
    err: str


def run_tumar(
    *args: str | Path,
    passphrase: str | None = PASSPHRASE,
    stdin: str | None = None,
    env: dict[str, str] | None = None,
) -> Result:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("TUMAR_")}
    full_env["TUMAR_KDF_PROFILE"] = "fast"
    if passphrase is not None:
        full_env["TUMAR_PASSPHRASE"] = passphrase
    full_env.update(env or {})
    proc = subprocess.run(
        [sys.executable, "-m", "tumar.app.cli.main", *map(str, args)],
        input=stdin if stdin is not None else "",
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)
