"""Argon2id key derivation with parameters that are calibrated on creation and capped on read.

The header is plaintext and may have been written by an attacker; before we spend memory
and CPU on its numbers we check them against hard caps, so a hostile header cannot make
unlock take an hour or allocate 64 GiB.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw

from .errors import KdfParametersRejected

KDF_NAME = "argon2id"
KEY_LEN = 32
MIB = 1024

MIN_MEMORY_KIB = 64 * MIB  # the floor DESIGN.md asks for
MAX_MEMORY_KIB = 1024 * MIB  # 1 GiB: above what any calibration here produces
MAX_TIME_COST = 12
MAX_PARALLELISM = 8
SALT_LEN = 16

FAST_PROFILE = "fast"  # recorded in the slot's header entry so `verify` can report it

DEFAULT_MEMORY_KIB = 256 * MIB
TARGET_SECONDS = 1.0


@dataclass(frozen=True)
class KdfParams:
    memory_kib: int
    time_cost: int
    parallelism: int
    profile: str = "calibrated"  # or FAST_PROFILE: made without the ~1 s calibration

    def to_json(self) -> dict:
        data = {
            "name": KDF_NAME,
            "memory_kib": self.memory_kib,
            "time_cost": self.time_cost,
            "parallelism": self.parallelism,
        }
        if self.profile == FAST_PROFILE:
            data["profile"] = FAST_PROFILE
        return data

    @property
    def weak(self) -> bool:
        """The fast test profile, or settings as low as it (a header may not say so)."""
        return self.profile == FAST_PROFILE or (
            self.memory_kib <= MIN_MEMORY_KIB and self.time_cost <= 1
        )

    @classmethod
    def from_json(cls, data: object) -> KdfParams:
        if not isinstance(data, dict) or data.get("name") != KDF_NAME:
            raise KdfParametersRejected("The archive header names an unknown key-derivation method")
        values = []
        for key in ("memory_kib", "time_cost", "parallelism"):
            value = data.get(key)
            if not isinstance(value, int) or isinstance(value, bool):
                raise KdfParametersRejected(
                    f"The archive header's KDF setting {key} is not a number"
                )
            values.append(value)
        profile = FAST_PROFILE if data.get("profile") == FAST_PROFILE else "calibrated"
        params = cls(*values, profile=profile)
        params.check()
        return params

    def check(self) -> None:
        if not MIN_MEMORY_KIB <= self.memory_kib <= MAX_MEMORY_KIB:
            raise KdfParametersRejected(
                f"The archive header asks for {self.memory_kib // MIB} MiB of KDF memory; "
                f"Tumar accepts {MIN_MEMORY_KIB // MIB}–{MAX_MEMORY_KIB // MIB} MiB"
            )
        if not 1 <= self.time_cost <= MAX_TIME_COST:
            raise KdfParametersRejected(
                f"The archive header asks for {self.time_cost} KDF passes; "
                f"Tumar accepts 1–{MAX_TIME_COST}"
            )
        if not 1 <= self.parallelism <= MAX_PARALLELISM:
            raise KdfParametersRejected(
                f"The archive header asks for KDF parallelism {self.parallelism}; "
                f"Tumar accepts 1–{MAX_PARALLELISM}"
            )


def derive(secret: bytes, salt: bytes, params: KdfParams) -> bytes:
    params.check()
    return hash_secret_raw(
        secret=secret,
        salt=salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_LEN,
        type=Type.ID,
    )


def new_salt() -> bytes:
    return os.urandom(SALT_LEN)


def fast_params() -> KdfParams:
    """Smallest parameters still within DESIGN.md's floor; for tests and scripted demos only."""
    return KdfParams(memory_kib=MIN_MEMORY_KIB, time_cost=1, parallelism=1, profile=FAST_PROFILE)


def calibrate(target_seconds: float = TARGET_SECONDS) -> KdfParams:
    """Pick the pass count that makes one derivation take about `target_seconds` here."""
    parallelism = max(1, min(MAX_PARALLELISM, os.cpu_count() or 1))
    probe = KdfParams(DEFAULT_MEMORY_KIB, 3, parallelism)
    start = time.perf_counter()
    derive(b"calibration", new_salt(), probe)
    per_pass = max((time.perf_counter() - start) / probe.time_cost, 1e-3)
    passes = max(1, min(MAX_TIME_COST, round(target_seconds / per_pass)))
    return KdfParams(DEFAULT_MEMORY_KIB, passes, parallelism)


def params_for_profile(profile: str | None) -> KdfParams:
    """`TUMAR_KDF_PROFILE=fast` skips calibration (tests, demos); anything else calibrates."""
    if profile == "fast":
        return fast_params()
    return calibrate()
