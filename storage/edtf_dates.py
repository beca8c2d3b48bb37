"""EDTF dates ("2019-10?", "2013-03/2017-11", "2017-23") and the bounds used to sort them.

Testimony dates are often vague; we keep the EDTF text exactly as entered and derive the
earliest and latest calendar day it can mean, so timelines sort and range searches work.
"""

from __future__ import annotations

import calendar
import datetime as dt
import time

import edtf
from edtf.parser.edtf_exceptions import EDTFParseException

from .errors import InvalidInput


def _day(value: time.struct_time | None) -> str | None:
    if value is None:
        return None
    year = max(1, min(9999, value.tm_year))
    month = max(1, min(12, value.tm_mon))
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, max(1, min(last, value.tm_mday))).isoformat()


def parse(text: str) -> tuple[str, str | None, str | None]:
    """Normalised EDTF text and its (lower, upper) ISO-day bounds; open ends give None."""
    cleaned = (text or "").strip()
    if not cleaned:
        raise InvalidInput("A date is empty")
    try:
        parsed = edtf.parse_edtf(cleaned)
    except (EDTFParseException, ValueError, TypeError, AttributeError, IndexError):
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
    if lower and upper and lower > upper:
        raise InvalidInput(f"The date range '{cleaned}' ends before it starts")
    return cleaned, lower, upper
