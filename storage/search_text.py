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
from operator import itemgetter

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

#: A folded-word cache lives with an open archive (Repository) or one rebuild, and is
#: dropped with it, so decrypted vocabulary never lingers in a module-level cache.
FoldCache = dict[str, tuple[frozenset[str], frozenset[str]]]
_FOLDS, _PLAIN = itemgetter(0), itemgetter(1)


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


def _word_info(word: str, cache: FoldCache) -> tuple[frozenset[str], frozenset[str]]:
    info = cache.get(word)
    if info is None:
        alphabetic = CJK_RUN.sub(" ", word)  # Han is searched by substring, not by pinyin
        info = (frozenset(fold_name(alphabetic).split()), _plain_tokens(alphabetic))
        cache[word] = info
    return info


def folded_words(texts: Iterable[str], cache: FoldCache | None = None) -> str:
    """Sorted, space-joined folds of the words in `texts` that the plain index lacks.

    Sorted so that rebuilding the index from the same records gives byte-identical rows.
    The per-word work runs in C (set difference against the cache, map and union over the
    cached pairs): this is called for every record on the write path, in restore and in
    verify, and a Python loop over every word was most of a 100k-testimony rebuild.
    """
    cache = {} if cache is None else cache
    words: set[str] = set()  # each distinct word once: a testimony repeats most of its words
    for text in texts:
        if text:
            words.update(unicodedata.normalize("NFC", text).split())
    for word in words.difference(cache):
        _word_info(word, cache)
    infos = list(map(cache.__getitem__, words))
    folds = set().union(*map(_FOLDS, infos))
    if not folds:
        return ""
    folds.difference_update(*map(_PLAIN, infos))
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
