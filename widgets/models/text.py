"""Text direction of record content: Arabic-script names are shown right-to-left.

Why not leave it to Qt: a list row or a label takes its direction from the UI language,
so an Arabic-script name in an English window would be laid out left-to-right and its
punctuation would jump to the wrong end. The first strong character decides, as in the
Unicode bidi algorithm's paragraph rule.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import Qt


def is_rtl(text: str) -> bool:
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def direction(text: str) -> Qt.LayoutDirection:
    return Qt.LayoutDirection.RightToLeft if is_rtl(text) else Qt.LayoutDirection.LeftToRight


def alignment(text: str) -> Qt.AlignmentFlag:
    side = Qt.AlignmentFlag.AlignRight if is_rtl(text) else Qt.AlignmentFlag.AlignLeft
    return side | Qt.AlignmentFlag.AlignVCenter


def html_dir(text: str) -> str:
    """The dir attribute for a span holding `text` in rich text."""
    return "rtl" if is_rtl(text) else "ltr"


def isolate(text: str) -> str:
    """Record text inside a translated sentence, kept in its own direction (an Arabic-script
    name in a Russian question) and cut to one short line."""
    return "\u2068" + " ".join(text.split())[:80] + "\u2069"
