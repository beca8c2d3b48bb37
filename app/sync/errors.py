"""Errors of bundles and sync: each one line that says what to do, nothing changed."""

from __future__ import annotations

from tumar.storage.errors import TumarError


class BundleError(TumarError):
    """A bundle that cannot be used: damaged, forged, foreign, too new, or unreadable."""

    exit_code = 4


class BundleKeyError(BundleError):
    """Neither the passphrase nor any identity we hold opens the bundle."""

    exit_code = 2
