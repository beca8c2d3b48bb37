"""Snippets: a short window of a result's text with the matching words marked.

Why in Python and not FTS5's snippet(): snippet() re-runs the query for every result, and
a prefix query's cost grows with the archive (at 20k testimonies it took 0.5-1 ms per
result, most of a search's time). It can also only mark words matched as typed, while many
hits here come through another script or spelling ("Zharkent" -> "Жаркентте"). Working
on the page's ~20 texts only, this module finds the first match with one regular
expression (words as typed), falls back to comparing folded spellings and name keys word
by word, and marks every match inside the window.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tumar.storage.namefold import fold_name, name_tokens
from tumar.storage.search_repo import ELLIPSIS, MARK_CLOSE, MARK_OPEN
from tumar.storage.search_text import CJK_RUN

from .search_query import Term

SNIPPET_CHARS = 200
MAX_SCANNED_WORDS = 3000  # slow path (folded spellings): give up after this many words
_WORD = re.compile(r"\S+")
_EDGE_PUNCT = re.compile(r"^[^\w]+|[^\w]+$")
_OPERATORS = frozenset({"and", "or", "not", "near"})


@dataclass
class Needles:
    """The query's words in the forms a text word is compared with, computed once."""

    typed: tuple[str, ...]
    folded: tuple[str, ...]
    keys: frozenset[str]
    cjk: tuple[str, ...]
    seen: dict[str, bool] = field(default_factory=dict)  # word -> matches, per search

    @classmethod
    def of(
        cls, terms: list[Term], advanced: bool = False, spellings: list[str] | None = None
    ) -> Needles:
        """`spellings`: folded names the search was widened to (other spellings of a
        person the query named), marked like the query's own words."""
        words = [w for t in terms for w in t.words]
        if advanced:  # FTS5 operators are not words the user looks for
            words = [w for w in words if w.casefold() not in _OPERATORS]
        extra = [f for name in spellings or [] for f in name.split()]
        return cls(
            tuple(w.casefold() for w in words),
            tuple(dict.fromkeys([*(f for w in words for f in fold_name(w).split()), *extra])),
            frozenset(k for w in words for k in name_tokens(w)),
            tuple(r for t in terms for r in t.cjk),
        )

    def typed_pattern(self) -> re.Pattern[str] | None:
        """Matches a word that starts with a query word as typed (any letter case)."""
        if not self.typed:
            return None
        alternatives = "|".join(re.escape(w) for w in sorted(self.typed, key=len, reverse=True))
        return re.compile(rf"(?<![^\W_])(?:{alternatives})", re.IGNORECASE)

    def match(self, word: str) -> bool:
        """Does one word of a text match a query word as typed, folded, or as a name key?"""
        plain = _EDGE_PUNCT.sub("", word).casefold()
        if not plain or not self.typed:
            return False
        known = self.seen.get(plain)
        if known is None:
            known = self.seen[plain] = self._match(plain)
        return known

    def _match(self, plain: str) -> bool:
        if plain.startswith(self.typed):
            return True
        alphabetic = CJK_RUN.sub(" ", plain)
        if self.folded and any(p.startswith(self.folded) for p in fold_name(alphabetic).split()):
            return True
        return bool(self.keys.intersection(name_tokens(alphabetic)))


def _anchor(body: str, needles: Needles) -> int:
    """Where the first match starts (0 if none is found)."""
    starts = [i for i in (body.find(run) for run in needles.cjk) if i >= 0]
    pattern = needles.typed_pattern()
    typed = pattern.search(body) if pattern else None
    if typed:
        starts.append(typed.start())
    if not starts and needles.typed:
        for count, m in enumerate(_WORD.finditer(body)):
            if count >= MAX_SCANNED_WORDS:
                break
            if needles.match(m.group()):
                starts.append(m.start())
                break
    return min(starts, default=0)


def make_snippet(body: str, needles: Needles) -> str:
    """About SNIPPET_CHARS of `body` around the first match, matches between the marks."""
    anchor = _anchor(body, needles)
    start = max(0, anchor - SNIPPET_CHARS // 3)
    if start:
        space = body.find(" ", start, anchor)
        start = space + 1 if space >= 0 else start
    end = min(len(body), start + SNIPPET_CHARS)
    window = body[start:end]
    spans: list[tuple[int, int]] = []
    for run in needles.cjk:
        at = window.find(run)
        while at >= 0:
            spans.append((at, at + len(run)))
            at = window.find(run, at + len(run))
    for m in _WORD.finditer(window):
        if needles.match(m.group()):
            core = _EDGE_PUNCT.sub("", m.group())
            offset = m.start() + m.group().find(core)
            spans.append((offset, offset + len(core)))
    pieces: list[str] = [ELLIPSIS] if start else []
    cursor = 0
    for s, e in sorted(spans):
        if s < cursor:
            continue
        pieces += [window[cursor:s], MARK_OPEN, window[s:e], MARK_CLOSE]
        cursor = e
    pieces.append(window[cursor:])
    if end < len(body):
        pieces.append(ELLIPSIS)
    return " ".join("".join(pieces).split())
