"""Pure-Python text helpers shared by the index (storage/fts.py) and the query builder.

Why a separate module: the index and the query side must cut and fold text the same way,
or a folded word stored at write time would never equal the folded word looked up at query
time. Nothing here touches the database.

Three kinds of derived text are produced for a document:

* ``cjk_text`` — only the runs of Chinese/Japanese/Korean characters. Those scripts have no
  spaces, so the word tokenizer sees a whole clause as one "word"; they go to the trigram
  index instead (substring search).
* ``folded_words`` — for alphabetic scripts, the namefold spelling of every word whose fold
  differs from how the unicode61 tokenizer already indexes it ("Жаркент" -> "jarkent",
  "Qorğas" -> "korgas"). Querying the fold of what the user typed then finds the same word
  in another script or transliteration. A set, not a sequence: phrase queries use the
  original text, folds are matched word by word.
* name keys — for people only; see storage/fts.py.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from itertools import chain

from .namefold import fold_name

# Han (incl. extensions and compatibility), kana, Hangul syllables and jamo, bopomofo.
_CJK_CLASS = (
    "\u1100-\u11ff\u3040-\u30ff\u3100-\u312f\u3130-\u318f\u31a0-\u31bf\u31f0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff\uf900-\ufaff"
    "\uff66-\uff9f\U00020000-\U0003134f"
)
CJK_RUN = re.compile(f"[{_CJK_CLASS}]+")
_CJK_CHAR = re.compile(f"[{_CJK_CLASS}]")
_NOT_CJK = re.compile(f"[^{_CJK_CLASS}]+")
# what unicode61 (remove_diacritics 2) would roughly index for a Latin word
_NOT_WORD = re.compile(r"[\W_]+")


class FoldCache:
    """What each word met so far contributes to `folded_words`, and who owns which token.

    Lives with an open archive (Repository) or one rebuild and is dropped with it, so
    decrypted vocabulary never lingers in a module-level cache.

    Why this shape: a document's folds are the union of its words' folds minus the tokens
    the plain index already has for *any* of its words. Kept per word as "folds minus its
    own plain tokens" (empty for most words), the union is over mostly empty tuples; and a
    fold that is another word's plain token is rare, so instead of subtracting every word's
    plain tokens per document, `owners` says which words have a token and only the few
    folds found there are checked against the document's words. Same result, about half
    the work of set algebra over every word (see bench/RESULTS.md, issue 8)."""

    __slots__ = ("extra", "owners")

    def __init__(self) -> None:
        self.extra: dict[str, tuple[str, ...]] = {}
        self.owners: dict[str, set[str]] = {}

    def __len__(self) -> int:
        return len(self.extra)

    def clear(self) -> None:
        self.extra.clear()
        self.owners.clear()

    def learn(self, word: str) -> None:
        alphabetic = CJK_RUN.sub(" ", word)  # Han is searched by substring, not by pinyin
        plain = _plain_tokens(alphabetic)
        self.extra[word] = tuple(frozenset(fold_name(alphabetic).split()) - plain)
        for token in plain:
            self.owners.setdefault(token, set()).add(word)


def is_cjk(ch: str) -> bool:
    return bool(_CJK_CHAR.match(ch))


#: appended to CJK text so that the last character, too, starts a trigram
CJK_PAD = "  "


def cjk_text(*parts: str) -> str:
    """The CJK runs of `parts`, space-separated and padded (empty when there are none).

    Each stretch of other text is replaced by one space and the ends stripped: the same
    text as joining CJK_RUN.findall's runs, about 40 % cheaper (it runs for every document
    on the write path, in restore and in verify). No CJK character is whitespace, so the
    strip only takes the spaces put there."""
    runs = [text for part in parts if part and (text := _NOT_CJK.sub(" ", part).strip())]
    return " ".join(runs) + CJK_PAD if runs else ""


def _plain_tokens(word: str) -> frozenset[str]:
    """Approximately the tokens unicode61 with remove_diacritics makes of `word`."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return frozenset(t for t in _NOT_WORD.split(stripped) if t)


def folded_words(texts: Iterable[str], cache: FoldCache | None = None) -> str:
    """Sorted, space-joined folds of the words in `texts` that the plain index lacks.

    Sorted so that rebuilding the index from the same records gives byte-identical rows.
    The per-word work runs in C (map over the cache, chain over its tuples): this is
    called for every record on the write path, in restore and in verify, and a Python loop
    over every word was most of a 100k-testimony rebuild.
    """
    cache = FoldCache() if cache is None else cache
    words: set[str] = set()  # each distinct word once: a testimony repeats most of its words
    for text in texts:
        if text:
            words.update(unicodedata.normalize("NFC", text).split())
    extra = cache.extra
    try:
        folds = set(chain.from_iterable(map(extra.__getitem__, words)))
    except KeyError:  # words met for the first time
        for word in words.difference(extra):
            cache.learn(word)
        folds = set(chain.from_iterable(map(extra.__getitem__, words)))
    if not folds:
        return ""
    owners = cache.owners
    for fold in [f for f in folds if f in owners]:
        if not words.isdisjoint(owners[fold]):  # another word of the text indexes it plainly
            folds.discard(fold)
    return " ".join(sorted(folds))


def unique(items: Iterable[str]) -> list[str]:
    """Items in first-seen order without repeats or blanks."""
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out
