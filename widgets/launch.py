"""The `tumar` console command: no arguments opens the window, anything else is the CLI.

PySide6 is imported only when the window opens, so every CLI command starts as fast as
before and works on machines without a display.
"""

from __future__ import annotations

import multiprocessing
import os
import sys


def _no_display() -> bool:
    """On Linux without X11/Wayland (an SSH session, a server) Qt would abort with a
    core-dump message; say it in one line instead."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main(argv: list[str] | None = None) -> int:
    # a frozen build (PyInstaller) starts the restore's helper process (spawn) by running
    # this executable again: freeze_support hands that run to multiprocessing; a no-op else
    multiprocessing.freeze_support()
    args = sys.argv[1:] if argv is None else list(argv)
    if args:
        from tumar.app.cli.main import main as cli_main

        return cli_main(args)
    if _no_display():
        sys.stderr.write(
            "tumar: no desktop display found, so the window cannot open here; "
            "run it in a desktop session, or use the command line (tumar --help)\n"
        )
        return 1
    from tumar.widgets.app import run_window

    return run_window()


if __name__ == "__main__":
    sys.exit(main())
