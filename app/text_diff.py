"""Which words of two versions of a text differ.

A person settling a conflict between two long testimonies must find the few words one
laptop changed in pages that are otherwise the same; both texts are shown whole, with
those words marked. Short values (a name, a date) are compared whole, and two texts with
little in common are just two different texts: marking most of their words helps nobody.

Words are matched without the spaces between them (a space repeats at every other
position, and difflib's matching is quadratic in how often a token repeats: pages of
testimony took seconds), after the words both texts start and end with are set aside;
the spaces go back with the word before them, so the pieces rebuild each text exactly.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

_WORD = re.compile(r"\S+")
MIN_WORDS = 6  # fewer words in either text: the value is compared whole
MIN_SHARED = 0.3  # share of words in common below which the texts are just different
MAX_WORDS = 12_000  # both texts together beyond this (a book): compared whole
#: difflib's work grows with the pairs of equal words it must weigh (count in one text
#: times count in the other, summed over the words): beyond this (≈ 0.3 s here) the
#: texts are compared whole rather than freezing the window (a word repeated pages long)
MAX_PAIRS = 2_000_000


@dataclass(frozen=True)
class Piece:
    text: str
    changed: bool


def _ends(a: list[str], b: list[str]) -> tuple[int, int]:
    """How many words both lists start with, and end with (not overlapping)."""
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    return head, tail


def _spans(text: str, starts: list[int], runs: list[tuple[int, int, bool]]) -> list[Piece]:
    """Pieces of `text` for runs of its words (first, end, changed): a run reaches to the
    next word, so it carries the spaces after it; the text's leading spaces go first,
    unmarked. A changed run's trailing spaces are unmarked too. A changed phrase is one
    run, spaces included, so it reads as one mark (difflib never puts two unequal runs
    side by side: an equal run always separates them)."""
    pieces: list[Piece] = []
    if starts and starts[0] > 0:
        pieces.append(Piece(text[: starts[0]], False))
    for first, end, changed in runs:
        if first == end:
            continue
        piece = text[starts[first] : starts[end] if end < len(starts) else len(text)]
        body = piece.rstrip()
        if changed and body != piece:
            pieces += [Piece(body, True), Piece(piece[len(body) :], False)]
        else:
            pieces.append(Piece(piece, changed))
    out: list[Piece] = []
    for piece in pieces:
        if out and out[-1].changed == piece.changed:
            out[-1] = Piece(out[-1].text + piece.text, piece.changed)
        else:
            out.append(piece)
    return out


def word_diff(mine: str, theirs: str) -> tuple[list[Piece], list[Piece]] | None:
    """Both texts cut into unchanged and changed pieces (joined, each is its text again),
    or None when marking words would not help."""
    found_a, found_b = list(_WORD.finditer(mine)), list(_WORD.finditer(theirs))
    a, b = [m.group() for m in found_a], [m.group() for m in found_b]
    if min(len(a), len(b)) < MIN_WORDS or len(a) + len(b) > MAX_WORDS:
        return None
    head, tail = _ends(a, b)
    middle_a, middle_b = a[head : len(a) - tail], b[head : len(b) - tail]
    in_b = Counter(middle_b)
    if sum(n * in_b[word] for word, n in Counter(middle_a).items()) > MAX_PAIRS:
        return None
    matcher = SequenceMatcher(None, middle_a, middle_b, False)
    runs_a: list[tuple[int, int, bool]] = [(0, head, False)]
    runs_b: list[tuple[int, int, bool]] = [(0, head, False)]
    shared = head + tail
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        same = op == "equal"
        shared += (i2 - i1) if same else 0
        runs_a.append((head + i1, head + i2, not same))
        runs_b.append((head + j1, head + j2, not same))
    if 2 * shared < MIN_SHARED * (len(a) + len(b)):
        return None
    runs_a.append((len(a) - tail, len(a), False))
    runs_b.append((len(b) - tail, len(b), False))
    left = _spans(mine, [m.start() for m in found_a], runs_a)
    right = _spans(theirs, [m.start() for m in found_b], runs_b)
    return left, right
