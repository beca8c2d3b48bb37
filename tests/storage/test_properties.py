"""Property tests for the hybrid logical clock and EDTF date bounds (hypothesis).

HLC: whatever the wall clock does, local timestamps strictly increase, a merged remote
timestamp is followed by later ones, and the text form sorts and parses like the tuple.
EDTF: every generated date form parses to exactly the calendar days it can mean, the
concrete day it was generated from lies within them, and malformed dates raise
InvalidInput and nothing else.
"""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tumar.storage.edtf_dates import parse
from tumar.storage.errors import InvalidInput
from tumar.storage.hlc import COUNTER_MAX, Clock, Timestamp

# EDTF parsing costs ~10 ms a date; on a loaded machine the default 200 ms deadline flakes
no_deadline = settings(deadline=None)

# ---- HLC ------------------------------------------------------------------------------

MAX_WALL = 10**13 - 10**6  # 13 digits (year 2286), with room for counter-overflow carries
walls = st.integers(min_value=0, max_value=MAX_WALL)
counters = st.integers(min_value=0, max_value=COUNTER_MAX)
replicas = st.text(alphabet="0123456789abcdef", min_size=32, max_size=32)
timestamps = st.builds(Timestamp, walls, counters, replicas)


class ScriptedWall:
    """A wall clock that returns the given readings in turn (jumping anywhere), then
    keeps returning the last one (a stuck clock)."""

    def __init__(self, readings: list[int]) -> None:
        self.readings, self.calls = readings, 0

    def __call__(self) -> int:
        value = self.readings[min(self.calls, len(self.readings) - 1)]
        self.calls += 1
        return value


@no_deadline
@given(
    replica=replicas,
    last=st.none() | timestamps,
    readings=st.lists(walls, min_size=1, max_size=60),
    extra=st.integers(min_value=0, max_value=40),
)
def test_hlc_now_strictly_increases_whatever_the_wall_clock_does(
    replica: str, last: Timestamp | None, readings: list[int], extra: int
) -> None:
    clock = Clock(replica, last, wall=ScriptedWall(readings))
    previous = last
    for _ in range(len(readings) + extra):
        stamp = clock.now()
        assert stamp.replica == replica
        assert 0 <= stamp.counter <= COUNTER_MAX
        if previous is not None:
            assert (stamp.wall_ms, stamp.counter) > (previous.wall_ms, previous.counter)
            assert str(stamp) > str(previous)
        previous = stamp


def test_hlc_counter_overflow_carries_into_the_milliseconds() -> None:
    replica = "a" * 32
    clock = Clock(replica, Timestamp(5_000, COUNTER_MAX - 1, replica), wall=lambda: 10)
    assert clock.now() == Timestamp(5_000, COUNTER_MAX, replica)
    assert clock.now() == Timestamp(5_001, 0, replica)
    assert clock.observe(Timestamp(5_001, COUNTER_MAX, "b" * 32)) == Timestamp(5_002, 0, replica)


@no_deadline
@given(
    replica=replicas,
    steps=st.lists(
        st.tuples(walls, st.none() | timestamps),  # (wall reading, remote to observe or None)
        min_size=1,
        max_size=60,
    ),
)
def test_hlc_observe_is_after_remote_and_after_previous_local(
    replica: str, steps: list[tuple[int, Timestamp | None]]
) -> None:
    readings = [wall for wall, _ in steps]
    clock = Clock(replica, wall=ScriptedWall(readings))
    previous: Timestamp | None = None
    for _, remote in steps:
        stamp = clock.now() if remote is None else clock.observe(remote)
        assert stamp.replica == replica and 0 <= stamp.counter <= COUNTER_MAX
        if remote is not None:
            # strictly later in (ms, counter): the replica id never has to break a tie
            assert (stamp.wall_ms, stamp.counter) > (remote.wall_ms, remote.counter)
        if previous is not None:
            assert stamp > previous
        previous = stamp
    # and after the merge, local time goes on from there
    assert clock.now() > previous


@no_deadline
@given(timestamps, timestamps)
def test_hlc_text_sorts_like_the_tuple(a: Timestamp, b: Timestamp) -> None:
    assert (str(a) < str(b)) == (a < b)
    assert (str(a) == str(b)) == (a == b)


@no_deadline
@given(timestamps)
def test_hlc_text_round_trips(stamp: Timestamp) -> None:
    assert Timestamp.parse(str(stamp)) == stamp
    assert len(str(stamp)) == 13 + 1 + 4 + 1 + 32


@no_deadline
@given(st.text(max_size=60))
def test_hlc_parse_rejects_other_text_with_value_error(text: str) -> None:
    try:
        stamp = Timestamp.parse(text)
    except ValueError:
        return
    assert str(stamp) == text


# ---- EDTF -----------------------------------------------------------------------------

MIN_DAY, MAX_DAY = dt.date(1, 1, 1), dt.date(9999, 12, 31)
days = st.dates(min_value=MIN_DAY, max_value=MAX_DAY)
QUALIFIERS = ("", "?", "~", "%")


def month_bounds(day: dt.date) -> tuple[dt.date, dt.date]:
    last = calendar.monthrange(day.year, day.month)[1]
    return day.replace(day=1), day.replace(day=last)


def years_bounds(first: int, last: int) -> tuple[dt.date, dt.date]:
    return dt.date(max(1, first), 1, 1), dt.date(min(9999, last), 12, 31)


def render(day: dt.date, form: str) -> tuple[str, dt.date, dt.date]:
    """`day` written in one EDTF form, and the first and last day that form means."""
    y = day.year
    if form == "day":
        return day.isoformat(), day, day
    if form == "month":
        return f"{y:04d}-{day.month:02d}", *month_bounds(day)
    if form == "year":
        return f"{y:04d}", *years_bounds(y, y)
    if form == "day-XX":
        return f"{y:04d}-{day.month:02d}-XX", *month_bounds(day)
    if form == "month-XX":
        return f"{y:04d}-XX", *years_bounds(y, y)
    if form == "month-day-XX":
        return f"{y:04d}-XX-XX", *years_bounds(y, y)
    if form == "decade-X":
        return f"{y // 10:03d}X", *years_bounds(y // 10 * 10, y // 10 * 10 + 9)
    if form == "century-XX":
        return f"{y // 100:02d}XX", *years_bounds(y // 100 * 100, y // 100 * 100 + 99)
    raise AssertionError(form)


PLAIN_FORMS = ("day", "month", "year")
UNSPECIFIED_FORMS = ("day-XX", "month-XX", "month-day-XX", "decade-X", "century-XX")


def assert_valid_bounds(text: str, lower: str | None, upper: str | None) -> None:
    for bound in (lower, upper):
        if bound is not None:
            assert dt.date.fromisoformat(bound).isoformat() == bound, (text, bound)
    if lower is not None and upper is not None:
        assert lower <= upper, text


@no_deadline
@given(
    day=days, form=st.sampled_from(PLAIN_FORMS + UNSPECIFIED_FORMS), q=st.sampled_from(QUALIFIERS)
)
def test_edtf_single_dates_span_exactly_what_they_mean(day: dt.date, form: str, q: str) -> None:
    text, first, last = render(day, form)
    text += q
    normalised, lower, upper = parse(text)
    assert normalised == text
    assert_valid_bounds(text, lower, upper)
    assert (lower, upper) == (first.isoformat(), last.isoformat()), text
    assert lower <= day.isoformat() <= upper


@st.composite
def intervals(draw: st.DrawFn) -> tuple[str, dt.date, dt.date, str, str]:
    """'start/end' from two ordered days, each end in its own form. Level 1 forms may carry
    a qualifier; unspecified (X) forms go without (edtf 5.0.2 rejects mixing the two)."""
    a, b = sorted((draw(days), draw(days)))
    if draw(st.booleans()):
        start, end = (
            render(d, draw(st.sampled_from(PLAIN_FORMS)))[0] + draw(st.sampled_from(QUALIFIERS))
            for d in (a, b)
        )
    else:
        forms = st.sampled_from(("day", "day-XX", "decade-X"))
        start, end = (render(d, draw(forms))[0] for d in (a, b))
    return f"{start}/{end}", a, b, start, end


@no_deadline
@given(intervals())
def test_edtf_interval_spans_start_lower_to_end_upper(
    case: tuple[str, dt.date, dt.date, str, str],
) -> None:
    text, a, b, start, end = case
    normalised, lower, upper = parse(text)
    assert normalised == text
    assert_valid_bounds(text, lower, upper)
    assert lower == parse(start)[1] and upper == parse(end)[2], text
    assert lower <= a.isoformat() <= b.isoformat() <= upper


@no_deadline
@given(day=days, form=st.sampled_from(PLAIN_FORMS))
def test_edtf_open_intervals_have_one_open_end(day: dt.date, form: str) -> None:
    text, first, last = render(day, form)
    assert parse(f"{text}/..")[1:] == (first.isoformat(), None)
    assert parse(f"../{text}")[1:] == (None, last.isoformat())


def impossible_days() -> st.SearchStrategy[str]:
    def day_past_month_end(day: dt.date, extra: int) -> str:
        last = calendar.monthrange(day.year, day.month)[1]
        return f"{day.year:04d}-{day.month:02d}-{last + extra:02d}"

    return st.builds(day_past_month_end, days, st.integers(min_value=1, max_value=99 - 31))


bad_months = st.builds(
    lambda y, m, tail: f"{y:04d}-{m:02d}{tail}",
    st.integers(min_value=1, max_value=9999),
    st.sampled_from([0, *range(13, 21), *range(42, 100)]),  # 21-41 are seasons
    st.sampled_from(["", "-01", "-15"]),
)
reversed_intervals = st.builds(
    lambda a, b: f"{max(a, b).isoformat()}/{min(a, b).isoformat()}", days, days
).filter(lambda text: text.split("/")[0] != text.split("/")[1])
garbage = st.sampled_from(
    ["", " ", "yesterday", "2019-1-5", "19-10-10", "20190101", "2019-10-14T25:00:00", "1e5",
     "2019//2020", "//", "?", "XX", "2019??", "[2019-10-01..", "Y2019"]
)  # fmt: skip


@no_deadline
@given(st.one_of(impossible_days(), bad_months, reversed_intervals, garbage))
def test_edtf_invalid_dates_raise_invalid_input(text: str) -> None:
    with pytest.raises(InvalidInput):
        parse(text)


def test_edtf_february_29th_only_in_leap_years() -> None:
    assert parse("2020-02-29")[1:] == ("2020-02-29", "2020-02-29")
    assert parse("2000-02-29")[1:] == ("2000-02-29", "2000-02-29")
    for text in ("2019-02-29", "1900-02-29", "2019-02-29?", "2019-02-29/2019-03"):
        with pytest.raises(InvalidInput):
            parse(text)


edtf_alphabet = st.sampled_from(list("0123456789-/?~%X.[]{},YSEp ") + ["..", "T", ":"])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=30), st.lists(edtf_alphabet, max_size=25).map("".join)))
def test_edtf_any_text_gives_bounds_or_invalid_input(text: str) -> None:
    try:
        normalised, lower, upper = parse(text)
    except InvalidInput:
        return
    assert normalised == text.strip() and normalised
    assert_valid_bounds(text, lower, upper)


@pytest.mark.parametrize(
    ("text", "lower", "upper"),
    [
        ("2019-10-1X", "2019-10-10", "2019-10-19"),
        ("2019-1X-XX", "2019-10-01", "2019-12-31"),
        ("2019-02-2X", "2019-02-20", "2019-02-28"),
        ("2020-0X-3X", "2020-01-30", "2020-09-30"),
    ],
)
def test_edtf_partly_unspecified_digits_have_bounds(text: str, lower: str, upper: str) -> None:
    """edtf 5.0.2 gives no bounds for these; storage/edtf_dates.py derives them."""
    assert parse(text)[1:] == (lower, upper)
