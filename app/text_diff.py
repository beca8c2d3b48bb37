"""Which words of two versions of a text differ.

A person settling a conflict between two long testimonies must find the few words one
laptop changed in pages that are otherwise the same; both texts are shown whole, with
those words marked. Short values (a name, a date) are compared whole, and two texts with
little in common are just two different texts: marking most of their words helps nobody.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

#: words and the whitespace between them, so the pieces put back together are the text
_TOKENS = re.compile(r"\s+|\S+")
MIN_WORDS = 6  # fewer words in either text: the value is compared whole
MIN_SHARED = 0.3  # share of words in common below which the texts are just different
MAX_TOKENS = 40_000  # beyond this (a book), matching would hold up the window


@dataclass(frozen=True)
class Piece:
    text: str
    changed: bool


def _words(tokens: list[str]) -> int:
    return sum(1 for token in tokens if not token.isspace())


def _joined(pieces: list[Piece]) -> list[Piece]:
    """Neighbours of the same kind as one piece. Whitespace alone is never an edit (a
    doubled space is nothing anyone needs to see), but the space between two changed words
    is marked with them, so a changed phrase reads as one mark."""
    marks = [p.changed and not p.text.isspace() for p in pieces]
    for i in range(1, len(pieces) - 1):
        if pieces[i].text.isspace() and marks[i - 1] and marks[i + 1]:
            marks[i] = True
    out: list[Piece] = []
    for piece, changed in zip(pieces, marks, strict=True):
        if out and out[-1].changed == changed:
            out[-1] = Piece(out[-1].text + piece.text, changed)
        else:
            out.append(Piece(piece.text, changed))
    return out


def word_diff(mine: str, theirs: str) -> tuple[list[Piece], list[Piece]] | None:
    """Both texts cut into unchanged and changed pieces (joined, each is its text again),
    or None when marking words would not help."""
    a, b = _TOKENS.findall(mine), _TOKENS.findall(theirs)
    if min(_words(a), _words(b)) < MIN_WORDS or len(a) + len(b) > MAX_TOKENS:
        return None
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    opcodes = matcher.get_opcodes()
    shared = sum(_words(a[i1:i2]) for op, i1, i2, _j1, _j2 in opcodes if op == "equal")
    if 2 * shared < MIN_SHARED * (_words(a) + _words(b)):  # words, not the spaces between
        return None
    left: list[Piece] = []
    right: list[Piece] = []
    for op, i1, i2, j1, j2 in opcodes:
        same = op == "equal"
        if i2 > i1:
            left.append(Piece("".join(a[i1:i2]), not same))
        if j2 > j1:
            right.append(Piece("".join(b[j1:j2]), not same))
    return _joined(left), _joined(right)
