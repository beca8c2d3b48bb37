"""Anonymisation: every spelling of every name of a protected person becomes "Witness A".

A witness whose relatives are still in reach of the state they fled may be named in a
testimony by a translator, a relative's statement or a photo caption, in any script and any
transliteration. Exact-string replacement would miss "Qaisha Aqan" when the record says
"Қайша Ақан", so text is compared word by word through the same folding search uses
(`storage.namefold`): script, case, diacritics and transliteration conventions fold away.

Two passes per text: first whole names (every recorded spelling as a run of words), then
single words of those names, also with a patronymic or gendered ending ("Akanova" for
"Akan"), so a surname alone cannot slip through. Chinese names are matched as runs of two
or more characters only: one syllable alone is far too common. Over-redacting a word that
merely shares a name's spelling is the price; leaking a name is not acceptable.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from tumar.storage.namefold import fold_name, strip_patronymic

_JOINERS = frozenset("'`´ʹʻʼʽ’‘")
_MIN_SINGLE = 3  # shorter words alone ("Li", "Ai") are not redacted outside full names


def _is_han(ch: str) -> bool:
    cp = ord(ch)
    return 0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x3134F


def _is_word_char(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LMN" or ch in _JOINERS


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    fold: str
    han: bool
    head: str = ""  # the fold of the part before an apostrophe ("Akanova's" -> "akanova")
    head_end: int = 0  # where that part ends in the text


def tokens(text: str) -> list[_Token]:
    """Words with their spans; each Han character is a word of its own."""
    out: list[_Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if _is_han(ch):
            out.append(_Token(i, i + 1, fold_name(ch), True))
            i += 1
            continue
        if not _is_word_char(ch):
            i += 1
            continue
        j = i
        while j < n and _is_word_char(text[j]) and not _is_han(text[j]):
            j += 1
        word = text[i:j]
        folded = fold_name(word)
        if folded:
            cut = next((k for k, c in enumerate(word) if c in _JOINERS), len(word))
            head = fold_name(word[:cut]) if cut < len(word) else folded
            out.append(_Token(i, j, folded, False, head, i + cut))
        i = j
    return out


@dataclass
class _Protected:
    label: str
    runs: list[tuple[str, ...]]  # each spelling (and each Han sub-run) as folded words
    words: set[str]  # folded single words of alphabetic spellings
    stems: set[str]  # the same without patronymic/gender endings


class Anonymiser:
    """Replaces the names of the people it is given, in any text, with their labels."""

    def __init__(self) -> None:
        self._people: list[_Protected] = []

    def protect(self, label: str, spellings: Iterable[str]) -> None:
        runs: list[tuple[str, ...]] = []
        words: set[str] = set()
        for spelling in spellings:
            toks = tokens(spelling)
            if not toks:
                continue
            runs.append(tuple(t.fold for t in toks))
            han = [t.fold for t in toks if t.han]
            if len(han) >= 2:
                runs.append(tuple(han))
            words.update(t.fold for t in toks if not t.han and len(t.fold) >= _MIN_SINGLE)
        stems = {strip_patronymic(w) for w in words}
        runs.sort(key=len, reverse=True)
        self._people.append(_Protected(label, runs, words, stems))

    @property
    def active(self) -> bool:
        return bool(self._people)

    @staticmethod
    def _matches(fold: str, person: _Protected) -> bool:
        return fold in person.words or strip_patronymic(fold) in person.stems

    def _owner(self, tok: _Token) -> tuple[int, bool] | None:
        """Whose name this single word is, and whether only its part before an apostrophe
        matched ("Akan's": the name is replaced, the "'s" kept)."""
        if tok.han or len(tok.fold) < _MIN_SINGLE:
            return None
        for index, person in enumerate(self._people):
            if self._matches(tok.fold, person):
                return index, False
            if tok.head and tok.head != tok.fold and self._matches(tok.head, person):
                return index, True
        return None

    def redact(self, text: str) -> str:
        if not self._people or not text:
            return text
        toks = tokens(text)
        owner: list[int | None] = [None] * len(toks)
        folds = [t.fold for t in toks]
        for index, person in enumerate(self._people):
            for run in person.runs:
                size = len(run)
                for i in range(len(toks) - size + 1):
                    if owner[i] is None and tuple(folds[i : i + size]) == run:
                        for k in range(i, i + size):
                            owner[k] = index
        ends = [t.end for t in toks]
        for i, tok in enumerate(toks):
            if owner[i] is None:
                found = self._owner(tok)
                if found is not None:
                    owner[i] = found[0]
                    ends[i] = tok.head_end if found[1] else tok.end
        return self._rewrite(text, toks, owner, ends)

    def _rewrite(
        self, text: str, toks: list[_Token], owner: list[int | None], ends: list[int]
    ) -> str:
        """Adjacent words of one person (joined only by spaces, hyphens or a middle dot)
        become one label: "Қайша Ақанқызы" -> "Witness A", not "Witness A Witness A"."""
        pieces: list[str] = []
        pos = 0
        i = 0
        while i < len(toks):
            who = owner[i]
            if who is None:
                i += 1
                continue
            j = i
            while (
                j + 1 < len(toks)
                and owner[j + 1] == who
                and ends[j] == toks[j].end
                and text[toks[j].end : toks[j + 1].start].strip(" -‐·・\u00a0") == ""
            ):
                j += 1
            pieces.append(text[pos : toks[i].start])
            pieces.append(self._people[who].label)
            pos = ends[j]
            i = j + 1
        pieces.append(text[pos:])
        return "".join(pieces)
