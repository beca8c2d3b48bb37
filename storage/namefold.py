"""Spelling-insensitive search keys for people's and place names.

Why this exists: in testimony and documents the same person is written in
Kazakh Cyrillic, Kazakh Arabic script (used in Xinjiang), several Latin
transliterations (English-style "Kh/Zh", 2021 Kazakh Latin "Q/ş/ä", Russian
"-ov"), and Chinese. A documenter searching for "Qaster Musakhanuly" must find
"Қастер Мұсахан". Exact-string search cannot do that, so we compare keys.

Two key levels, deliberately separate:

* :func:`fold_name` is *lossless about identity but not about spelling*: it
  removes script and transliteration-convention differences only. A Cyrillic,
  Arabic-script or Latin spelling of the same name that differs *only* by
  convention folds to the same string ("Қайша Ақан", "Qaisha Aqan",
  "Kaisha Akan" -> "kaisha akan"). Vowel choices ("Tilek"/"Tlek") and
  patronymics are kept, because they may be the only thing telling two people
  apart; the result stays readable.
* :func:`name_key` is *coarse*: it additionally drops patronymic/gender
  suffixes and vowels after the first letter, so honest spelling variants
  collide ("Tlek Tabarikuly" == "Тілек Табарақ" -> "tlk tbrk"). Different
  people can collide too; it is a candidate filter, never proof of identity.

Everything here is pure Python and total: any ``str`` yields a ``str`` made of
``[a-z0-9]`` tokens joined by single spaces ("" when nothing is foldable).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

__all__ = ["fold_name", "name_key", "name_tokens", "similarity", "strip_patronymic"]

# --- script tables ---------------------------------------------------------
# Targets are already in the canonical spelling (j for ж, h for х, i for ы/і)
# so that script conversion and Latin canonicalisation agree.

_CYRILLIC: dict[str, str] = {
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "ґ": "g",
    "д": "d", "е": "e", "ё": "io", "є": "ie", "ж": "j", "җ": "j", "з": "z",
    "ҙ": "z", "и": "i", "й": "i", "і": "i", "ї": "i", "ы": "i", "к": "k",
    "қ": "k", "ҡ": "k", "л": "l", "м": "m", "н": "n", "ң": "ng", "о": "o",
    "ө": "o", "п": "p", "р": "r", "с": "s", "ҫ": "s", "т": "t", "у": "u",
    "ұ": "u", "ү": "u", "ў": "u", "ф": "f", "х": "h", "һ": "h", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ь": "", "э": "e", "ю": "iu",
    "я": "ia",
}  # fmt: skip

# Kazakh Arabic script (töte jazu). The high hamza only marks a front-vowel
# word (ä/ö/ü/i); since front and back vowels fold together it is dropped.
# ع is Kazakh ğ (not Arabic ayn) and ه is read as ە: this archive's Arabic
# script is Kazakh, so Kazakh readings win over Arabic/Persian ones.
_ARABIC: dict[str, str] = {
    "ا": "a", "ٱ": "a", "أ": "a", "آ": "a", "إ": "i", "ب": "b", "پ": "p",
    "ت": "t", "ث": "s", "ج": "j", "چ": "ch", "ح": "h", "خ": "h", "د": "d",
    "ذ": "z", "ر": "r", "ز": "z", "ژ": "j", "س": "s", "ش": "sh", "ص": "s",
    "ض": "z", "ط": "t", "ظ": "z", "ع": "g", "غ": "g", "ف": "f", "ڤ": "v",
    "ق": "k", "ك": "k", "ک": "k", "گ": "g", "ڭ": "ng", "ل": "l", "م": "m",
    "ن": "n", "ه": "e", "ە": "e", "ې": "e", "ھ": "h", "ة": "a", "و": "o",
    "ۉ": "o", "ۆ": "v", "ۇ": "u", "ۈ": "u", "ۋ": "u", "ؤ": "u", "ى": "i",
    "ي": "i", "ی": "i", "ٴ": "", "ء": "", "ئ": "",
}  # fmt: skip

# Latin letters whose accent-stripped base would be wrong or missing.
# ñ is the 2021 Kazakh Latin letter for ң, hence "ng".
_LATIN_SPECIAL: dict[str, str] = {
    "ş": "sh", "ș": "sh", "š": "sh", "ç": "ch", "č": "ch", "ž": "j", "ñ": "ng",
    "ŋ": "ng", "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d",
    "þ": "th", "ł": "l", "ı": "i", "ħ": "h",
}  # fmt: skip

# Apostrophe-like marks sit *inside* words (Uzbek g', O'Brien, 2017 Kazakh
# Latin s'), so they join rather than split tokens.
_JOINERS = frozenset("'`´ʹʻʼʽ’‘")

_TABLE: dict[str, str] = {**_CYRILLIC, **_ARABIC, **_LATIN_SPECIAL}
_TABLE.update({c: "" for c in _JOINERS})

_SEP = " "


def _is_han(ch: str) -> bool:
    """True for CJK ideographs, the only characters sent to pypinyin."""
    cp = ord(ch)
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0x20000 <= cp <= 0x3134F
        or 0xF900 <= cp <= 0xFAFF
    )


@lru_cache(maxsize=1)
def _pinyin_func() -> Callable[[str], list[str]] | None:
    """Import pypinyin lazily: its dictionaries cost ~0.3 s and most names
    contain no Han characters. A missing install degrades to dropping Han."""
    try:
        from pypinyin import Style, lazy_pinyin
    except ImportError:  # pragma: no cover - declared dependency
        return None

    def convert(run: str) -> list[str]:
        return lazy_pinyin(run, style=Style.NORMAL, v_to_u=True)

    return convert


def _han_to_latin(run: str) -> str:
    """Each pinyin syllable becomes its own token: pypinyin cannot segment
    words reliably, and per-syllable tokens still score well against joined
    Latin spellings ("xi jin ping" vs "Xi Jinping") under token_set_ratio."""
    convert = _pinyin_func()
    if convert is None:
        return _SEP
    try:
        syllables = convert(run)
    except Exception:  # a search key must never raise
        return _SEP
    return _SEP + _SEP.join(_to_ascii(s) for s in syllables) + _SEP


def _char_to_ascii(ch: str) -> str:
    """Map one non-table character: strip diacritics, keep ASCII letters and
    digits, delete combining/format marks, turn anything else into a
    separator."""
    if ch.isascii():
        return ch if ch.isalnum() else _SEP
    cat = unicodedata.category(ch)
    if cat in ("Mn", "Mc", "Me", "Cf", "Lm"):
        # Combining accents, RTL/LTR marks, ZWJ, tatweel: inside a word, not
        # a word break.
        return ""
    if cat == "Nd":
        return str(unicodedata.decimal(ch, 0))
    out = []
    for part in unicodedata.normalize("NFD", ch):
        if part.isascii() and part.isalnum():
            out.append(part.lower())
        elif part in _TABLE:
            out.append(_TABLE[part])
        elif unicodedata.category(part) not in ("Mn", "Mc", "Me"):
            return _SEP
    return "".join(out)


def _to_ascii(text: str) -> str:
    """Script conversion to lower-case ASCII with spaces as the only separator."""
    pieces: list[str] = []
    han_run: list[str] = []
    for ch in text:
        if _is_han(ch):
            han_run.append(ch)
            continue
        if han_run:
            pieces.append(_han_to_latin("".join(han_run)))
            han_run.clear()
        mapped = _TABLE.get(ch)
        pieces.append(mapped if mapped is not None else _char_to_ascii(ch))
    if han_run:
        pieces.append(_han_to_latin("".join(han_run)))
    return "".join(pieces).lower()


# --- Latin canonicalisation ------------------------------------------------
# Rules only ever shorten a token or replace q/y/w (which no rule produces),
# so iterating to a fixed point terminates, and fold_name is idempotent by
# construction.

_DOUBLE = re.compile(r"([a-z])\1+")
# "Serikkyzy" (Serik + kyzy): keep the kk so name_key can strip "kizi" and
# still see the stem's final k; collapsing would leave "seri".
_KYZY_TAIL = re.compile(r"[iy]z[iy]")
_DIGRAPH = re.compile(r"gh|kh|zh|dj")
_DIGRAPH_TO = {"gh": "g", "kh": "h", "zh": "j", "dj": "j"}
_W = re.compile(r"w")
_VOWELS = frozenset("aeiou")


def _w_sub(token: str) -> str:
    """w next to a vowel is the Kazakh-Latin spelling of у (Sawytbay, Dawlet,
    Walikhan) -> u; elsewhere it is a German/Polish-style v (Wladimir)."""

    def repl(m: re.Match[str]) -> str:
        i = m.start()
        before = token[i - 1] if i > 0 else ""
        after = token[i + 1] if i + 1 < len(token) else ""
        return "u" if before in _VOWELS or after in _VOWELS else "v"

    return _W.sub(repl, token)


def _canon_token(token: str) -> str:
    """Collapse variant spellings: q->k, y->i, gh->g, kh->h, zh/dj->j,
    w->u/v, doubled letters, and word-initial ie->e (Yerlan/Ерлан)."""

    def collapse(m: re.Match[str]) -> str:
        ch = m.group(1)
        if ch == "k" and _KYZY_TAIL.fullmatch(m.string, m.end()):
            return "kk"
        return ch

    while True:
        new = _DOUBLE.sub(collapse, token)
        new = new.replace("q", "k").replace("y", "i")
        new = _w_sub(new)
        new = _DIGRAPH.sub(lambda m: _DIGRAPH_TO[m.group(0)], new)
        if new.startswith("ie") and len(new) > 2:
            new = new[1:]
        if new == token:
            return token
        token = new


def fold_name(text: str) -> str:
    """Fold a name to a readable Latin search key.

    Guarantee: spellings that differ only by script (Cyrillic, Kazakh Arabic,
    Han via pinyin) or by transliteration convention (q/k, kh/h, zh/j, y/i,
    ş/sh, ä/a, doubled letters, punctuation) give the same result. Vowel
    choices and patronymic suffixes are kept; use :func:`name_key` to ignore
    them. Output: ``[a-z0-9]`` tokens joined by single spaces, or "".
    """
    if not isinstance(text, str) or not text:
        return ""
    try:
        text = unicodedata.normalize("NFKC", text).casefold()
    except (UnicodeError, ValueError):  # pragma: no cover - defensive
        return ""
    tokens = (_canon_token(t) for t in _to_ascii(text).split())
    return " ".join(t for t in tokens if t)


# --- coarse key --------------------------------------------------------------

# Patronymic and gender endings, spelled as they look *after* folding
# (-uly/-ұлы -> uli, -kyzy/-қызы -> kizi, -uulu -> ulu, -oğlu -> oglu).
# Longest first so "-ovna" wins over "-ov".
_SUFFIXES: tuple[str, ...] = (
    "ovich", "evich", "ichna", "ovna", "evna", "kizi", "ogli", "oglu",
    "uli", "ulu", "ova", "eva", "ov", "ev",
)  # fmt: skip
_PATRONYMIC_WORDS = frozenset({"uli", "ulu", "kizi", "ogli", "oglu"})
_MIN_STEM = 3


def _strip_suffix(token: str) -> str:
    """Drop one patronymic/gender ending if a stem of >= 3 letters remains,
    so "Musakhanuly", "Musakhanov" and "Musakhan" share a stem while short
    names like "Lev" survive."""
    for suffix in _SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= _MIN_STEM:
            return token[: -len(suffix)]
    return token


def strip_patronymic(token: str) -> str:
    """One folded word without its patronymic or gendered ending ("akanova" -> "akan");
    used to redact a surname however it is declined."""
    return _strip_suffix(token)


def _skeleton(token: str) -> str:
    """First letter, then consonants only, repeats collapsed: vowels are where
    transliterations disagree most (Tilek/Tlek, Tabarak/Tabarik)."""
    out = [token[0]]
    for ch in token[1:]:
        if ch in _VOWELS or ch == out[-1]:
            continue
        out.append(ch)
    return "".join(out)


def name_tokens(text: str) -> list[str]:
    """The tokens of :func:`name_key`, in input order, for set comparison.

    Stand-alone patronymic words ("Musakhan uly") are dropped when other
    tokens remain, matching the attached form "Musakhanuly".
    """
    tokens = fold_name(text).split()
    kept = [t for t in tokens if t not in _PATRONYMIC_WORDS] or tokens
    return [_skeleton(_strip_suffix(t)) for t in kept]


def name_key(text: str) -> str:
    """Coarse cross-spelling key: fold, strip patronymic/gender suffixes,
    reduce each token to its consonant skeleton ("Tilek Tabarikuly" ->
    "tlk tbrk"). Token order is preserved; compare ``set(name_tokens(...))``
    for order-insensitive matching. Not idempotent on its own output
    (a skeleton such as "kh" folds further); key raw or folded text only.
    """
    return " ".join(name_tokens(text))


# --- scoring -----------------------------------------------------------------

#: Score for names whose name_key token sets are equal (or one contains the
#: other) but whose folds differ: above any "likely same person" threshold,
#: yet below the 100 reserved for names that fold identically.
KEY_MATCH_SCORE = 95.0


def similarity(a: str, b: str) -> float:
    """Score 0..100 for "probably the same name".

    Base: rapidfuzz ``token_set_ratio`` of the two folds. It ignores word
    order and scores a name contained in the other (extra patronymic or
    middle name, a partial search) as 100. If the name_key token sets are
    equal or one contains the other, the score is raised to
    ``KEY_MATCH_SCORE``; this is how vowel and suffix variants ("Tlek
    Tabarik" / "Tilek Tabarikuly") reach 95. Keys are not compared fuzzily:
    consonant skeletons are so short that partial overlaps of different
    people ("tlk tbrk" / "tlk srk") would look deceptively close.
    Returns 0.0 when either side folds to nothing.
    """
    from rapidfuzz import fuzz

    fa, fb = fold_name(a), fold_name(b)
    if not fa or not fb:
        return 0.0
    score = float(fuzz.token_set_ratio(fa, fb))
    ka, kb = set(name_tokens(fa)), set(name_tokens(fb))
    if ka <= kb or kb <= ka:
        score = max(score, KEY_MATCH_SCORE)
    return min(100.0, max(0.0, score))
