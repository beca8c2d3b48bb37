"""EDTF dates as people say them: "October 2019?", "about 2019", "March 2013 – November 2017".

Witnesses rarely know exact days, so records keep EDTF text ("2019-10?", "2017-23"); a lawyer,
a judge or the person typing the date wants to read it back in words. Used by the dossier's
timeline and by the window's live preview under date fields. Only the wording lives here:
validity and bounds come from `storage.edtf_dates`, so this never accepts a date the archive
would refuse.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from tumar.storage import edtf_dates
from tumar.storage.errors import InvalidInput

from .edtf_lexicon import LEXICON, Lexicon

__all__ = ["describe", "InvalidInput"]

# one calendar date with optional unspecified digits and EDTF qualifiers anywhere
_DATE = re.compile(r"^(?P<y>[\dX]{4})(?:-(?P<m>[\dX]{2})(?:-(?P<d>[\dX]{2}))?)?$")
_QUALIFIERS = re.compile(r"[?~%]")


@dataclass(frozen=True)
class _Point:
    """One date with the precision it was given at and how sure the witness was."""

    text: str  # the date without qualifiers
    uncertain: bool
    approximate: bool


def _point(raw: str) -> _Point:
    marks = set(_QUALIFIERS.findall(raw))
    return _Point(
        text=_QUALIFIERS.sub("", raw),
        uncertain=bool(marks & {"?", "%"}),
        approximate=bool(marks & {"~", "%"}),
    )


def _bare(text: str, lex: Lexicon) -> str | None:
    """Words for a date without qualifiers, or None when it is not a shape we word."""
    match = _DATE.match(text)
    if not match:
        return None
    year_s, month_s, day_s = match.group("y"), match.group("m"), match.group("d")
    if "X" in year_s:
        if month_s is not None:
            return None
        if year_s == "XXXX":
            return lex.year_unknown
        if re.fullmatch(r"\d{3}X", year_s):
            return lex.decade(int(year_s[:3]) * 10)
        if re.fullmatch(r"\d{2}XX", year_s):
            return lex.century_span(int(year_s[:2]) * 100)
        return None
    year = int(year_s)
    if month_s is None:
        return lex.year(year)
    if month_s == "XX":
        return lex.month_unknown(lex.year(year)) if day_s in (None, "XX") else None
    if "X" in month_s:
        return None
    month = int(month_s)
    if 21 <= month <= 41:
        return lex.season(month, year) if day_s is None else None
    if not 1 <= month <= 12:
        return None
    if day_s is None:
        return lex.month(month, year)
    if day_s == "XX":
        return lex.day_unknown(lex.month(month, year))
    if "X" in day_s:
        low = max(1, int(day_s.replace("X", "0")))
        high = int(day_s.replace("X", "9"))
        return lex.day_span(low, high, month, year)
    return lex.day(int(day_s), month, year)


def _qualified(raw: str, lex: Lexicon) -> str | None:
    point = _point(raw)
    words = _bare(point.text, lex)
    if words is None:
        return None
    if point.approximate:
        words = lex.about(words)
    if point.uncertain:
        words = lex.uncertain(words)
    return words


def _interval(text: str, lex: Lexicon) -> str | None:
    start, end = text.split("/", 1)
    if "/" in end:
        return None
    if start in ("", "..") and end in ("", ".."):
        return None
    if start == "":
        first = lex.start_unknown
    elif start == "..":
        first = lex.start_open
    else:
        first = _qualified(start, lex)
    if end == "":
        last = lex.end_unknown
    elif end == "..":
        last = lex.end_open
    else:
        last = _qualified(end, lex)
    if first is None or last is None:
        return None
    if _is_year(start) and _is_year(end):
        return lex.year_range(int(start), int(end))
    return lex.span(first, last)


def _is_year(text: str) -> bool:
    return re.fullmatch(r"\d{4}", text) is not None


def _set(text: str, lex: Lexicon) -> str | None:
    one_of = text.startswith("[")
    items = [item.strip() for item in text[1:-1].split(",") if item.strip()]
    if not items:
        return None
    words: list[str] = []
    for item in items:
        if ".." in item:
            low, _, high = item.partition("..")
            if low and high:
                a, b = _qualified(low, lex), _qualified(high, lex)
                if a is None or b is None:
                    return None
                words.append(lex.one_in(lex.span(a, b)) if one_of else lex.span(a, b))
                continue
            if high:
                b = _qualified(high, lex)
                if b is None:
                    return None
                words.append(lex.or_earlier(b))
                continue
            a = _qualified(low, lex)
            if a is None:
                return None
            words.append(lex.or_later(a))
            continue
        single = _qualified(item, lex)
        if single is None:
            return None
        words.append(single)
    return lex.either(words) if one_of else lex.all_of(words)


def _from_bounds(text: str, lex: Lexicon) -> str:
    """Shapes we do not word (partly unspecified years, odd sets): say the days it can mean.
    Years beyond 9999 or before year 1 have no calendar days here, so they stay as typed."""
    if text.startswith("-") or re.search(r"[YES]", text):
        return text
    _, lower, upper = edtf_dates.parse(text)
    if not (lower and upper):
        return text
    # say whole years or months when the bounds fall on their edges
    if lower[5:] == "01-01" and upper[5:] == "12-31":
        lower, upper = lower[:4], upper[:4]
    elif lower[8:] == "01" and upper == _month_end(upper):
        lower, upper = lower[:7], upper[:7]
    if lower == upper:
        return _bare(lower, lex) or text
    return lex.between(_bare(lower, lex) or lower, _bare(upper, lex) or upper)


def _month_end(iso_day: str) -> str:
    year, month = int(iso_day[:4]), int(iso_day[5:7])
    return f"{iso_day[:7]}-{calendar.monthrange(year, month)[1]:02d}"


def describe(edtf: str, lang: str = "en") -> str:
    """The date in words in English, Russian or Kazakh (`en`, `ru`, `kk`; anything else is
    read as its first two letters and falls back to English).

    Empty text gives "". Text that is not a date Tumar accepts raises `InvalidInput` with the
    same one-line message the archive gives, so a live preview can show it as is."""
    text = (edtf or "").strip()
    if not text:
        return ""
    lex = LEXICON.get((lang or "en")[:2].lower(), LEXICON["en"])
    edtf_dates.parse(text)  # raises InvalidInput for anything the archive would refuse
    if text[0] in "[{" and text[-1] in "]}":
        words = _set(text, lex)
    elif "/" in text:
        words = _interval(text, lex)
    else:
        words = _qualified(text, lex)
    return words if words is not None else _from_bounds(text, lex)
