"""Uncertain dates for editors: is this EDTF valid, and how does it read in words.

Why here and not in the window: the editors must accept exactly what the services
accept (storage.edtf_dates), and the plain-language reading comes from the dossier's
`app.edtf_words` when it is present, so the window and the PDF say the same words.
"""

from __future__ import annotations

import importlib

from tumar.storage import edtf_dates
from tumar.storage.errors import InvalidInput


def check(text: str) -> tuple[str, str | None, str | None]:
    """(normalised EDTF, earliest ISO day, latest ISO day); raises InvalidInput."""
    return edtf_dates.parse(text.strip())


def is_valid(text: str) -> bool:
    try:
        check(text)
    except InvalidInput:
        return False
    return True


def reading(text: str, lang: str = "en") -> str:
    """Plain words for an EDTF date ("about 1989"); "" when there is nothing to read."""
    if not text.strip():
        return ""
    try:
        words = importlib.import_module("tumar.app.edtf_words")
        return str(words.describe(text.strip(), lang))
    except (ImportError, AttributeError):
        pass
    except Exception:  # noqa: BLE001 - an unreadable date falls back to its bounds
        pass
    _, lower, upper = check(text)
    if lower and upper and lower != upper:
        return f"{lower} – {upper}"
    return lower or upper or text.strip()
