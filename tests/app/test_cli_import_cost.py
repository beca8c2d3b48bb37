"""Every `tumar` command pays for what the CLI imports at start. ReportLab, pyHanko (with
aiohttp) and Qt take over a second together, so only the commands that use them import them;
edtf's grammar, zxcvbn's dictionaries and Pillow cost another ~0.15 s, which a command that
lists records does not need."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("reportlab", "pyhanko", "aiohttp", "PySide6", "edtf", "zxcvbn", "PIL")


def _loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(sorted(m for m in {HEAVY!r} if m in sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    return set(done.stdout.split())


def test_the_cli_parser_loads_no_pdf_or_qt_library() -> None:
    assert _loaded_after("import tumar.app.cli.main as m; m.build_parser()") == set()


def test_opening_an_archive_loads_none_of_them() -> None:
    assert _loaded_after("import tumar.app.cli.main as m; import tumar.storage.archive") == set()


def test_the_probe_sees_a_heavy_import() -> None:
    # the tests above could pass by never seeing anything: the dossier service does load them
    assert {"reportlab", "pyhanko"} <= _loaded_after("import tumar.app.dossier.export")
    parse_a_date = "from tumar.storage import edtf_dates as d; d.parse('2020-01-XX')"
    assert {"edtf"} <= _loaded_after(parse_a_date)
