"""Turning whatever a user typed into FTS5 expressions that cannot fail.

Why this exists: FTS5 has its own query language, in which `"`, `(`, `*`, `-`, `:`, `^`,
`AND`/`OR`/`NOT`/`NEAR` mean something, and a stray one is a syntax error. People type
names, quotes and punctuation, so the simple search never passes their text through:

1. Text is split into *terms*: a balanced "quoted phrase" is one term, everything else is
   split at whitespace. A lone `"` is just a separator.
2. A term keeps only word characters (letters, digits, combining marks); runs of CJK
   characters are split off, because those scripts go to the trigram index.
3. Every word string reaches FTS5 quoted ("..." with inner quotes doubled), so operators
   and keywords typed by the user are only ever words. Strings that would hold no word
   character are never emitted (an empty string would make FTS5 match nothing).

Each term matches a document if any alternative does: the words as typed (prefix match on
the last word of at least 3 letters, so inflected forms — Kazakh and Russian case endings —
are found), the namefold spelling of the term (cross-script: "Zharkent" finds "Жаркент"),
or the coarse name key against people's names ("Tlek Tabarik" finds "Тілек Табарақ").
All terms must match.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from tumar.storage.namefold import fold_name, name_tokens
from tumar.storage.search_text import CJK_RUN, is_cjk

MAX_QUERY_CHARS = 500
MAX_TERMS = 16
PREFIX_MIN_CHARS = 3
TRIGRAM_CHARS = 3
TEXT_COLUMNS = "{title body keys}"
PHRASE_COLUMNS = "{title body}"  # columns whose words are in the order written


@dataclass
class Term:
    """One thing the user asked for: a word, a quoted phrase, or both kinds of script."""

    text: str
    phrase: bool
    words: list[str] = field(default_factory=list)  # alphabetic words, as typed
    cjk: list[str] = field(default_factory=list)  # runs of CJK characters


def clean(text: object) -> str:
    """Any input -> NFC text of bounded length without unencodable surrogates."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    text = text.encode("utf-8", "replace").decode("utf-8")
    return unicodedata.normalize("NFC", text)[:MAX_QUERY_CHARS]


def _is_word_char(ch: str) -> bool:
    category = unicodedata.category(ch)
    return category[0] in "LNM" or category == "Co"


def _has_letter(text: str) -> bool:
    return any(unicodedata.category(c)[0] in "LN" or unicodedata.category(c) == "Co" for c in text)


def _split_words(text: str) -> tuple[list[str], list[str]]:
    """Alphabetic word runs and CJK runs of `text`; punctuation and symbols dropped."""
    words: list[str] = []
    cjk: list[str] = []
    run: list[str] = []
    for ch in [*text, " "]:
        if _is_word_char(ch) or is_cjk(ch):
            run.append(ch)
            continue
        if run:
            joined = "".join(run)
            words.extend(p for p in CJK_RUN.split(joined) if _has_letter(p))
            cjk.extend(CJK_RUN.findall(joined))
            run.clear()
    return words, cjk


def parse(text: object) -> list[Term]:
    """Terms of a simple query, at most MAX_TERMS, in the order typed."""
    text = clean(text)
    pieces: list[tuple[str, bool]] = []
    parts = text.split('"')
    if len(parts) % 2 == 0:  # odd number of quotes: the last one stands alone
        parts[-2:] = [parts[-2] + " " + parts[-1]]
    for i, part in enumerate(parts):
        if i % 2 == 1:
            pieces.append((part, True))
        else:
            pieces.extend((word, False) for word in part.split())
    terms: list[Term] = []
    for piece, phrase in pieces:
        words, cjk = _split_words(piece)
        if words or cjk:
            terms.append(Term(piece, phrase and len(words) > 1, words, cjk))
    return terms[:MAX_TERMS]


def quote(text: str) -> str:
    """An FTS5 string literal: everything inside is a word to the tokenizer."""
    return '"' + text.replace('"', '""') + '"'


def _string(tokens: list[str]) -> str:
    star = "*" if len(tokens[-1]) >= PREFIX_MIN_CHARS else ""
    return quote(" ".join(tokens)) + star


def _all(strings: list[str]) -> str:
    return strings[0] if len(strings) == 1 else "(" + " AND ".join(strings) + ")"


def term_expression(term: Term) -> str | None:
    """FTS5 expression for the alphabetic part of one term, or None if it has none."""
    if not term.words:
        return None
    typed = [w.casefold() for w in term.words]
    alternatives = [f"{TEXT_COLUMNS} : {_typed(term)}"]
    folded = fold_name(" ".join(term.words)).split()
    if folded and folded != typed:
        # A phrase stays a phrase in every spelling. The `keys` column holds folded words
        # sorted, not in text order, so a folded phrase is only looked for where the
        # order is the text's own; a cross-script phrase may then find nothing, but never
        # a text with the words apart.
        columns = PHRASE_COLUMNS if term.phrase else TEXT_COLUMNS
        alternatives.append(f"{columns} : {_words(folded, term.phrase)}")
    text = f"({' OR '.join(alternatives)})"
    keys = name_tokens(" ".join(term.words))
    if keys:
        text = f"({text} OR {{nkeys}} : {_all([quote(k) for k in keys])})"
    return text


def _typed(term: Term) -> str:
    return _words([w.casefold() for w in term.words], term.phrase)


def _words(words: list[str], phrase: bool) -> str:
    """The words next to each other in this order (a phrase), or each anywhere."""
    return _string(words) if phrase else _all([_string([w]) for w in words])


def words_expression(terms: list[Term]) -> str | None:
    parts = [e for e in (term_expression(t) for t in terms) if e]
    return " AND ".join(parts) if parts else None


def trigram_runs(terms: list[Term]) -> list[str]:
    """CJK runs long enough to have a trigram: each must occur as a substring."""
    return [r for t in terms for r in t.cjk if len(r) >= TRIGRAM_CHARS]


def short_cjk(terms: list[Term]) -> list[str]:
    """CJK runs of 1-2 characters: too short for one trigram (see m0003_search)."""
    return [r for t in terms for r in t.cjk if len(r) < TRIGRAM_CHARS]


def name_query_keys(terms: list[Term]) -> str | None:
    """An nkeys expression when the whole query could be a person's name (>= 2 words,
    no CJK): used to widen the search to every spelling of the matching people."""
    if any(t.cjk for t in terms):
        return None
    keys = name_tokens(" ".join(w for t in terms for w in t.words))
    if len(keys) < 2:
        return None
    return "{nkeys} : " + _all([quote(k) for k in keys])


def spelling_expression(folded_names: list[str]) -> str | None:
    """Alternatives that find any of these (folded) full names in text, any script."""
    options = []
    for name in folded_names:
        tokens = name.split()
        if len(tokens) >= 2:
            options.append(f"{TEXT_COLUMNS} : {_all([_string([t]) for t in tokens])}")
    return " OR ".join(options) if options else None
