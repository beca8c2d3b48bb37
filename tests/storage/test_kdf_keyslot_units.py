"""kdf.py and keyslots.py against independent references: Argon2id and AES-GCM computed
with `cryptography` (not argon2-cffi, which the code uses), a slot pinned byte for byte, and
every check's exact message. A slot written today must open in every later version."""

from __future__ import annotations

import base64
import os
import re

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from tumar.storage import kdf, keyslots
from tumar.storage.errors import KdfParametersRejected
from tumar.storage.kdf import KdfParams

AID = "6f1c1c5e-3b5c-4a8e-9a57-8f0d1f9a2b10"
MASTER = bytes(range(32))
PINNED = {  # made by keyslots.wrap(MASTER, b"secret", AID, "recovery", fast_params())
    "id": "4527d11a83444dfbb23acd9660062cc2", "kind": "recovery",
    "kdf": {"name": "argon2id", "memory_kib": 65536, "time_cost": 1, "parallelism": 1},
    "salt": "pwOb4AHZzAV/QjypEeX/tQ==", "nonce": "Pym/8YNYXyCdp+er",
    "wrapped_key": "TGkzlbFO/A/pz5A8jbfWHMmbgYzlRPimIWDlB+J82pvwAr+iGVlN6QeBlUqJ7DZX",
}  # fmt: skip


def reference_kek(secret: bytes, salt: bytes, params: KdfParams) -> bytes:
    return Argon2id(
        salt=salt, length=32, iterations=params.time_cost, lanes=params.parallelism,
        memory_cost=params.memory_kib,
    ).derive(secret)  # fmt: skip


@pytest.mark.parametrize(
    "params", [kdf.fast_params(), KdfParams(memory_kib=72 * 1024, time_cost=2, parallelism=2)]
)
def test_derive_is_argon2id_with_exactly_these_settings(params: KdfParams) -> None:
    salt = bytes(range(16))
    assert kdf.derive(b"secret", salt, params) == reference_kek(b"secret", salt, params)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        (KdfParams(1024 * 1024 + 1, 1, 1),
         "The archive header asks for 1024 MiB of KDF memory; Tumar accepts 64–1024 MiB"),
        (KdfParams(64 * 1024 - 1, 1, 1),
         "The archive header asks for 63 MiB of KDF memory; Tumar accepts 64–1024 MiB"),
        (KdfParams(65536, 13, 1), "The archive header asks for 13 KDF passes; Tumar accepts 1–12"),
        (KdfParams(65536, 0, 1), "The archive header asks for 0 KDF passes; Tumar accepts 1–12"),
        (KdfParams(65536, 1, 9),
         "The archive header asks for KDF parallelism 9; Tumar accepts 1–8"),
        (KdfParams(65536, 1, 0),
         "The archive header asks for KDF parallelism 0; Tumar accepts 1–8"),
    ],
)  # fmt: skip
def test_cap_messages(params: KdfParams, message: str) -> None:
    with pytest.raises(KdfParametersRejected) as info:
        params.check()
    assert str(info.value) == message


def test_from_json_messages() -> None:
    with pytest.raises(KdfParametersRejected) as info:
        KdfParams.from_json({"name": "scrypt"})
    assert str(info.value) == "The archive header names an unknown key-derivation method"
    with pytest.raises(KdfParametersRejected) as info:
        KdfParams.from_json("argon2id")
    assert "unknown key-derivation method" in str(info.value)
    with pytest.raises(KdfParametersRejected) as info:
        KdfParams.from_json({**kdf.fast_params().to_json(), "parallelism": "1"})
    assert str(info.value) == "The archive header's KDF setting parallelism is not a number"
    assert KdfParams.from_json(kdf.fast_params().to_json()) == kdf.fast_params()


def test_fast_params_salt_and_profiles() -> None:
    assert kdf.fast_params() == KdfParams(memory_kib=65536, time_cost=1, parallelism=1,
                                          profile="fast")  # fmt: skip
    assert kdf.fast_params().to_json() == {
        "name": "argon2id", "memory_kib": 65536, "time_cost": 1, "parallelism": 1,
        "profile": "fast",
    }  # fmt: skip
    salts = {kdf.new_salt() for _ in range(3)}
    assert len(salts) == 3 and {len(s) for s in salts} == {16}
    assert kdf.params_for_profile("fast") == kdf.fast_params()


def test_calibration_uses_the_default_memory_and_this_machine_s_cores() -> None:
    lanes = max(1, min(8, os.cpu_count() or 1))
    slow = kdf.params_for_profile(None)  # anything but "fast" calibrates
    assert (slow.memory_kib, slow.parallelism) == (256 * 1024, lanes)
    assert kdf.calibrate(target_seconds=1e-6).time_cost == 1
    assert kdf.calibrate(target_seconds=10_000).time_cost == 12


def test_pinned_slot_opens_and_its_aad_is_the_documented_one() -> None:
    slot = keyslots.KeySlot.from_json(PINNED)
    assert slot.to_json() == PINNED
    assert keyslots.unwrap(slot, b"secret", AID) == MASTER
    assert keyslots.unwrap(slot, b"Secret", AID) is None
    # the same, computed without Tumar's code
    kek = reference_kek(b"secret", base64.b64decode(PINNED["salt"]), kdf.fast_params())
    aad = f"tumar-slot-v1|{AID}|{PINNED['id']}|recovery".encode()
    plain = AESGCM(kek).decrypt(
        base64.b64decode(PINNED["nonce"]), base64.b64decode(PINNED["wrapped_key"]), aad
    )
    assert plain == MASTER


def test_new_slots_are_fresh_and_well_formed() -> None:
    one = keyslots.wrap(MASTER, b"secret", AID, "passphrase", kdf.fast_params())
    two = keyslots.wrap(MASTER, b"secret", AID, "passphrase", kdf.fast_params())
    assert re.fullmatch(r"[0-9a-f]{32}", one.slot_id) and one.slot_id != two.slot_id
    assert one.salt != two.salt and one.nonce != two.nonce and len(one.nonce) == 12
    assert len(one.wrapped) == 48 and one.kind == "passphrase"
    master = keyslots.new_master_key()
    assert len(master) == 32 and master != keyslots.new_master_key()


def test_passphrases_are_nfc_utf8() -> None:
    assert keyslots.normalise_passphrase("Ayşe") == "Ayşe".encode()
    assert keyslots.normalise_passphrase("Ays\u0327e") == b"Ay\xc5\x9fe"


def test_recovery_codes() -> None:
    code = keyslots.new_recovery_code()
    assert re.fullmatch(r"([A-Z2-7]{4}-){7}[A-Z2-7]{4}", code), code
    assert code != keyslots.new_recovery_code()
    raw = code.replace("-", "")
    assert keyslots.normalise_recovery_code(code) == raw.encode()
    assert keyslots.normalise_recovery_code(" " + code.lower().replace("-", " ")) == raw.encode()
    assert keyslots.normalise_recovery_code(raw[:-1]) is None
    assert keyslots.normalise_recovery_code(raw + "A") is None
    assert keyslots.normalise_recovery_code("0" + raw[1:]) is None  # not base32
    assert keyslots.normalise_recovery_code("correct horse battery staple") is None


def test_calibration_arithmetic_with_a_scripted_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """The probe (3 passes, run for real) 'takes' 0.3 s on a scripted clock: 0.1 s a pass,
    so one second needs 10 passes. No wall-clock time is asserted."""
    readings = iter([100.0, 100.3])
    monkeypatch.setattr(kdf.time, "perf_counter", lambda: next(readings))
    assert kdf.calibrate(target_seconds=1.0).time_cost == 10
