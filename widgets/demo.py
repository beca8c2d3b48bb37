"""The demo archive the first start opens: public facts (resources/demo), a public
passphrase, kept in the user's data folder (platformdirs).

The passphrase is no secret: it is printed in the terminal and shown on this archive's
unlock screen only, so a newcomer can try everything without inventing one.
"""

from __future__ import annotations

import sys
from pathlib import Path

from platformdirs import user_data_path

from tumar.app import demo
from tumar.app.jobs import CancelToken, Progress

DEMO_PASSPHRASE = "try tumar with public demo data"
DEMO_FOLDER_NAME = "Demo archive.tumar"


def demo_folder() -> Path:
    return user_data_path("tumar", appauthor=False) / DEMO_FOLDER_NAME


def is_demo(folder: Path) -> bool:
    try:
        return Path(folder).resolve() == demo_folder().resolve()
    except OSError:
        return False


def demo_exists() -> bool:
    return (demo_folder() / "tumar.json").is_file()


def build_demo_job(progress: Progress, cancel: CancelToken) -> Path:
    """Create the demo archive (a job: the KDF and the demo photos take a few seconds)."""
    folder = demo_folder()
    folder.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    progress(0, 1, "")
    demo.build_demo(folder, DEMO_PASSPHRASE)
    progress(1, 1, "")
    return folder


def announce(stream=None) -> None:
    """Tell the terminal where the demo is and how to open it."""
    out = stream or sys.stdout
    print(f"Demo archive: {demo_folder()}", file=out)
    print(f"Demo passphrase (public, for the demo only): {DEMO_PASSPHRASE}", file=out)
    out.flush()
