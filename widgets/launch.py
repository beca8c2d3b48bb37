"""The `tumar` console command: no arguments opens the window, anything else is the CLI.

PySide6 is imported only when the window opens, so every CLI command starts as fast as
before and works on machines without a display.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    if args:
        from tumar.app.cli.main import main as cli_main

        return cli_main(args)
    from tumar.widgets.app import run_window

    return run_window()


if __name__ == "__main__":
    sys.exit(main())
