"""`tumar` with arguments is the CLI as before, and does not load Qt."""

from __future__ import annotations

import os
import subprocess
import sys


def test_cli_arguments_run_the_cli_without_importing_qt() -> None:
    code = (
        "import sys\n"
        "from tumar.widgets import launch\n"
        "try:\n"
        "    launch.main(['--help'])\n"
        "except SystemExit as exc:\n"
        "    print('exit', exc.code)\n"
        "print('qt', 'PySide6' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert "exit 0" in done.stdout, done.stderr
    assert "qt False" in done.stdout
    assert "usage: tumar" in done.stdout


def test_no_display_is_one_line_not_a_qt_abort() -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}  # fmt: skip
    code = "import sys\nfrom tumar.widgets import launch\nsys.exit(launch.main([]))\n"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env,
        check=False,
    )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "no desktop display" in done.stderr
