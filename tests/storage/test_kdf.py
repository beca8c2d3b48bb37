"""KDF calibration stays inside the caps and the DESIGN floor; profiles pick parameters."""

from __future__ import annotations

import pytest

from tumar.app.lifecycle import kdf_params
from tumar.storage import kdf


def test_calibration_respects_floor_and_caps() -> None:
    params = kdf.calibrate(target_seconds=0.05)
    params.check()
    assert params.memory_kib >= kdf.MIN_MEMORY_KIB
    assert 1 <= params.time_cost <= kdf.MAX_TIME_COST
    longer = kdf.calibrate(target_seconds=1000)
    assert longer.time_cost == kdf.MAX_TIME_COST  # never beyond what unlock accepts


def test_profiles(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TUMAR_KDF_PROFILE", "fast")
    assert kdf_params() == kdf.fast_params()
    assert kdf.fast_params().memory_kib == 64 * 1024


def test_derive_is_deterministic_and_salted() -> None:
    params = kdf.fast_params()
    salt = kdf.new_salt()
    assert kdf.derive(b"pass", salt, params) == kdf.derive(b"pass", salt, params)
    assert kdf.derive(b"pass", salt, params) != kdf.derive(b"pass", kdf.new_salt(), params)
    with pytest.raises(kdf.KdfParametersRejected):
        kdf.derive(b"pass", salt, kdf.KdfParams(1024, 1, 1))
