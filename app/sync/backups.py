"""Full backups kept in a folder: their names, keeping the newest N, and clearing what an
interrupted backup left there. One place for `tumar backup` and the window's Backup dialog.

Names carry the date and the first 8 characters of the replica id, never a case or a
person: a stick's file listing is readable by whoever finds the stick.
"""

from __future__ import annotations

import datetime as dt
import glob
from pathlib import Path

from tumar.storage.atomic import remove_stale_temps

from .folder import SUFFIX


def _pattern(replica: str) -> str:
    return f"tumar-backup-*-{replica[:8]}{SUFFIX}"


def backup_name(replica: str) -> str:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
    return f"tumar-backup-{stamp}-{replica[:8]}{SUFFIX}"


def rotate(folder: Path, replica: str, keep: int) -> list[Path]:
    """Keep this replica's `keep` newest backups in `folder` (0: all); returns the removed."""
    if keep <= 0:
        return []
    old = sorted(Path(folder).glob(_pattern(replica)))[:-keep]
    for path in old:
        path.unlink()
    return old


def clear_interrupted(folder: Path, replica: str, name: str = "") -> list[Path]:
    """Temp files this replica's backups (and a backup to the file `name`) left in `folder`
    when a power cut or a pulled stick stopped them (storage.atomic.remove_stale_temps);
    returns those removed."""
    removed = remove_stale_temps(folder, _pattern(replica))
    if name:
        removed += remove_stale_temps(folder, glob.escape(name))
    return removed
