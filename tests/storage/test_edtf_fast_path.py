"""The regex fast path for plain dates must agree with the edtf library wherever both answer."""

from __future__ import annotations

import pytest

from tumar.storage import edtf_dates


def _library_bounds(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple | None:
    edtf_dates.parse.cache_clear()
    with monkeypatch.context() as m:
        m.setattr(edtf_dates, "_plain_bounds", lambda _text: None)
        m.setattr(edtf_dates, "_plain_interval_bounds", lambda _text: None)
        try:
            return edtf_dates.parse(text)[1:]
        except edtf_dates.InvalidInput:
            return None
        finally:
            edtf_dates.parse.cache_clear()


SAMPLES = (
    [
        f"{year}-{month:02d}-{day:02d}{q}"
        for year in (1900, 2000, 2019, 2020)
        for month in (1, 2, 4, 12)
        for day in (1, 28, 29, 30, 31)
        for q in ("", "?", "~")
    ]
    + [f"{year}{q}" for year in (1989, 2019) for q in ("", "%")]
    + [f"2019-{month:02d}{q}" for month in range(1, 13) for q in ("", "~")]
)


INTERVALS = [
    f"{a}/{b}"
    for a in ("2013-03", "2019", "2019-10-14", "2019-10~", "..")
    for b in ("2017-11", "2020", "2019-10-20", "2020-01?", "..")
]


def _fast(text: str) -> tuple | None:
    return edtf_dates._plain_bounds(text) or edtf_dates._plain_interval_bounds(text)


def test_fast_path_agrees_with_library(monkeypatch: pytest.MonkeyPatch) -> None:
    answered = 0
    for text in SAMPLES + INTERVALS:
        fast = _fast(text)
        if fast is not None:  # where the fast path answers, it answers like the library
            assert fast == _library_bounds(text, monkeypatch), text
            answered += 1
    assert answered > len(SAMPLES) * 3 // 4  # the fast path really is used


@pytest.mark.parametrize(
    "text", ["2019-21", "2019-02-29", "0000", "2019-00", "2019-13", "2020/2019", "../..", "a/b"]
)
def test_fast_path_leaves_other_forms_to_the_library(text: str) -> None:
    assert _fast(text) is None
