"""EDTF dates ("2019-10?", "2013-03/2017-11", "2017-23") and the bounds used to sort them.

Testimony dates are often vague; we keep the EDTF text exactly as entered and derive the
earliest and latest calendar day it can mean, so timelines sort and range searches work.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
import time
from collections.abc import Callable
from typing import Any

from .errors import InvalidInput


def _silent(*_args: object, **_kwargs: object) -> None:
    return None


@functools.cache
def _edtf() -> tuple[Callable[[str], Any], type[Exception]]:
    """(edtf.parse_edtf, its parse error), imported on first use: edtf builds its pyparsing
    grammar at import (~0.1 s), which every CLI command would pay, while plain dates
    (2019-10-14, 2019-10, ranges of them) never need it.

    edtf prints the text it failed to parse to stdout; a typed date can be sensitive and
    must not end up in a terminal log, so that module's print is shadowed (thread-safe,
    unlike redirecting sys.stdout) before the parser is ever called.

    pyparsing's packrat cache (edtf turns it on) keeps the last parse's text and its
    failures until the next parse, and re-raising a cached failure gives it a traceback:
    the caller's frames, with the database cursors they hold, then stay alive, and SQLite
    cannot finish closing the archive (its WAL was left behind). So the cache is emptied
    after every parse."""
    import edtf
    from edtf.parser import parser_classes
    from edtf.parser.edtf_exceptions import EDTFParseException
    from pyparsing import ParserElement

    parser_classes.print = _silent  # type: ignore[attr-defined]

    def parse_edtf(text: str) -> Any:
        try:
            return edtf.parse_edtf(text)
        finally:
            ParserElement.reset_cache()

    return parse_edtf, EDTFParseException


# a complete calendar day anywhere in the text (qualifiers ?~% removed first)
_FULL_DAY = re.compile(r"(?<![\dX])(\d{4})-(\d{2})-(\d{2})(?![\dX])")


def _day(value: time.struct_time | None) -> str | None:
    if value is None:
        return None
    year = max(1, min(9999, value.tm_year))
    month = max(1, min(12, value.tm_mon))
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, max(1, min(last, value.tm_mday))).isoformat()


def _all_days_exist(text: str) -> bool:
    """edtf accepts the 29th of February in every year (and _day would quietly move it to
    the 28th); a day that does not exist in its month is a typo, not a vague date."""
    for year, month, day in _FULL_DAY.findall(re.sub(r"[?~%]", "", text)):
        y, m, d = int(year), int(month), int(day)
        if 1 <= m <= 12 and d > calendar.mdays[m] + (m == 2 and calendar.isleap(y)):
            return False
    return True


_PARTLY_UNSPECIFIED = re.compile(r"^(\d{4})-([\dX]{2})-([\dX]{2})[?~%]?$")


def _unspecified_digit_bounds(text: str) -> tuple[str, str] | None:
    """Bounds for dates like 2019-10-1X or 2019-1X-XX, which edtf parses but cannot bound:
    each X ranges over its digits, clamped to real months and days."""
    match = _PARTLY_UNSPECIFIED.match(text)
    if not match or "X" not in text:
        return None
    year = int(match.group(1))
    month_lo = max(1, min(12, int(match.group(2).replace("X", "0")) or 1))
    month_hi = max(1, min(12, int(match.group(2).replace("X", "9"))))
    day_lo = max(1, int(match.group(3).replace("X", "0")))
    last = calendar.monthrange(year, month_hi)[1]
    day_hi = min(last, int(match.group(3).replace("X", "9")))
    if "X" in match.group(3)[:1]:
        day_hi = last
    lower = dt.date(year, month_lo, min(day_lo, calendar.monthrange(year, month_lo)[1]))
    return lower.isoformat(), dt.date(year, month_hi, max(1, day_hi)).isoformat()


_PLAIN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?[?~%]?$")


def _plain_bounds(text: str) -> tuple[str, str] | None:
    """Year, month or day (optionally qualified): most dates people type. Bounded directly,
    because the edtf parser costs milliseconds per call and bulk imports repeat it."""
    match = _PLAIN.match(text)
    if not match:
        return None
    year = int(match.group(1))
    if year == 0:
        return None
    if match.group(2) is None:
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    month = int(match.group(2))
    if not 1 <= month <= 12:
        return None  # 21-41 are EDTF seasons/quarters: leave them to the parser
    last = calendar.monthrange(year, month)[1]
    if match.group(3) is None:
        return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"
    day = int(match.group(3))
    if not 1 <= day <= last:
        return None  # let the parser path report it as not a date
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    return iso, iso


def _plain_interval_bounds(text: str) -> tuple[str | None, str | None] | None:
    """'2013-03/2017-11', '2019/..', '../2020-01': intervals of plain dates, bounded without
    the parser; anything else (or a reversed range) goes the slow, checked way."""
    if text.count("/") != 1:
        return None
    start, end = text.split("/")
    lower = upper = None
    if start != "..":
        first = _plain_bounds(start)
        if first is None:
            return None
        lower = first[0]
    if end != "..":
        last = _plain_bounds(end)
        if last is None:
            return None
        upper = last[1]
    if lower is None and upper is None or (lower and upper and lower > upper):
        return None
    return lower, upper


#: the edtf parser's time grows steeply with a set's size ("[d1,d2,…]" with 3,000 members
#: took minutes); real dates are short, so longer text is refused before parsing
MAX_DATE_CHARS = 200
MAX_SET_MEMBERS = 20


@functools.lru_cache(maxsize=4096)
def parse(text: str) -> tuple[str, str | None, str | None]:
    """Normalised EDTF text and its (lower, upper) ISO-day bounds; open or unknown ends
    give None. Cached: edtf's parser costs ~10 ms a call and timelines repeat dates."""
    cleaned = (text or "").strip()
    if not cleaned:
        raise InvalidInput("A date is empty")
    plain = _plain_bounds(cleaned) or _plain_interval_bounds(cleaned)
    if plain is not None:
        return cleaned, plain[0], plain[1]
    if len(cleaned) > MAX_DATE_CHARS or cleaned.count(",") >= MAX_SET_MEMBERS:
        raise InvalidInput(
            f"That date is too long for Tumar (at most {MAX_DATE_CHARS} characters and "
            f"{MAX_SET_MEMBERS} dates in a set); give a range such as 2013-03/2017-11 instead"
        )
    parse_edtf, parse_error = _edtf()
    try:
        parsed = parse_edtf(cleaned)
        if not _all_days_exist(cleaned):
            raise ValueError(cleaned)
    except (parse_error, ValueError, TypeError, AttributeError, IndexError):
        raise InvalidInput(
            f"'{cleaned}' is not a date Tumar understands; use e.g. 2019-10-14, 2019-10, "
            "2019-10? (uncertain), 2019~ (approximate) or 2013-03/2017-11 (a range)"
        ) from None
    try:
        lower = _day(parsed.lower_strict())
    except (ValueError, OverflowError, AttributeError, TypeError):
        lower = None
    try:
        upper = _day(parsed.upper_strict())
    except (ValueError, OverflowError, AttributeError, TypeError):
        upper = None
    if lower is None and upper is None:
        lower, upper = _unspecified_digit_bounds(cleaned) or (None, None)
    # "2019-10-14/" and "/2019" have an unknown end; edtf invents one ten years away
    if cleaned.endswith("/"):
        upper = None
    if cleaned.startswith("/"):
        lower = None
    if lower and upper and lower > upper:
        raise InvalidInput(f"The date range '{cleaned}' ends before it starts")
    return cleaned, lower, upper
