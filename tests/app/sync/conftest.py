"""Sync tests make their second and third laptops by restoring a backup (support.join),
and app.sync.restore derives the new archive's keys with the profile TUMAR_KDF_PROFILE
names, exactly as `tumar restore` does. The calibrated Argon2id profile cost ≈ 2.3 s per
restore here and tests nothing these tests are about; every other test's archives use the
fast profile (tests/conftest.py), and the KDF itself is tested in tests/storage."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def fast_restores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TUMAR_KDF_PROFILE", "fast")
