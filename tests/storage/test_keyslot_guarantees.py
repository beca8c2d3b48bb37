"""Key slots and KDF settings: the promises made in keyslots.py and kdf.py, each pinned.

- a passphrase typed in decomposed Unicode (NFD, as some keyboards/OSes produce) opens an
  archive made with the composed form (NFC), and the other way round;
- unlock derives with the parameters stored in the slot (an archive made with calibrated,
  non-fast settings opens);
- a slot relabelled to another id or kind does not open (the AAD binds both);
- the KDF caps hold exactly at their limits: the limit is accepted, one more is refused.
"""

from __future__ import annotations

import dataclasses
import json
import unicodedata
from pathlib import Path

import pytest

from tumar.storage import kdf, keyslots
from tumar.storage.archive import Archive
from tumar.storage.errors import KdfParametersRejected, WrongPassphrase
from tumar.storage.kdf import KdfParams, fast_params

NFC = "Сәуле Қасымқызы — Ayşe Öztürk çiçek"
ARCHIVE_ID = "6f1c1c5e-3b5c-4a8e-9a57-8f0d1f9a2b10"


def test_passphrase_typed_decomposed_opens_an_archive_made_composed(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", NFC)
    assert nfd != NFC and nfd.encode() != NFC.encode()
    Archive.create(tmp_path / "a.tumar", NFC, fast_params())[0].close()
    Archive.open(tmp_path / "a.tumar", nfd).close()
    Archive.create(tmp_path / "b.tumar", nfd, fast_params())[0].close()
    Archive.open(tmp_path / "b.tumar", NFC).close()
    assert keyslots.normalise_passphrase(nfd) == NFC.encode("utf-8")


def test_unlock_uses_the_parameters_stored_in_the_slot(tmp_path: Path) -> None:
    """Calibrated archives have other settings than the fast profile; unlock must use the
    slot's own (here: more memory, 2 passes, 2 lanes), not any default."""
    calibrated = KdfParams(memory_kib=kdf.MIN_MEMORY_KIB + 8 * kdf.MIB, time_cost=2, parallelism=2)
    archive, code = Archive.create(tmp_path / "c.tumar", "calibrated passphrase", calibrated)
    archive.close()
    slots = json.loads((tmp_path / "c.tumar" / "tumar.json").read_text())["slots"]
    assert {json.dumps(s["kdf"], sort_keys=True) for s in slots} == {
        json.dumps(calibrated.to_json(), sort_keys=True)
    }
    Archive.open(tmp_path / "c.tumar", "calibrated passphrase").close()
    Archive.open(tmp_path / "c.tumar", code).close()


def test_each_kdf_parameter_changes_the_key() -> None:
    salt = bytes(16)
    base = fast_params()
    keys = {
        kdf.derive(b"secret", salt, p)
        for p in (
            base,
            dataclasses.replace(base, memory_kib=base.memory_kib + 1024),
            dataclasses.replace(base, time_cost=2),
            dataclasses.replace(base, parallelism=2),
        )
    }
    assert len(keys) == 4
    assert len(kdf.derive(b"secret", salt, base)) == kdf.KEY_LEN == 32


def _slot(kind: str = "passphrase") -> tuple[bytes, keyslots.KeySlot]:
    master = keyslots.new_master_key()
    return master, keyslots.wrap(master, b"the secret", ARCHIVE_ID, kind, fast_params())


def test_relabelled_slot_does_not_open() -> None:
    master, slot = _slot()
    assert keyslots.unwrap(slot, b"the secret", ARCHIVE_ID) == master
    assert keyslots.unwrap(slot, b"other secret", ARCHIVE_ID) is None
    for changed in (
        dataclasses.replace(slot, kind="recovery"),
        dataclasses.replace(slot, slot_id="0" * 32),
    ):
        assert keyslots.unwrap(changed, b"the secret", ARCHIVE_ID) is None
    other_archive = "0" * 8 + ARCHIVE_ID[8:]
    assert keyslots.unwrap(slot, b"the secret", other_archive) is None


def test_slot_relabelled_in_the_header_does_not_open(tmp_path: Path) -> None:
    folder = tmp_path / "r.tumar"
    archive, code = Archive.create(folder, "a long passphrase", fast_params())
    archive.close()
    header = folder / "tumar.json"
    original = header.read_text()

    def open_after(change) -> None:
        data = json.loads(original)
        change(data["slots"])
        header.write_text(json.dumps(data))
        with pytest.raises(WrongPassphrase):
            Archive.open(folder, secret)

    secret = "a long passphrase"
    open_after(lambda slots: [s.update(id="f" * 32) for s in slots if s["kind"] == "passphrase"])
    # the recovery slot relabelled as a passphrase slot, opened with the code typed exactly
    # as its slot bytes (so only the kind in the AAD can tell the two apart)
    secret = (keyslots.normalise_recovery_code(code) or b"").decode()
    open_after(lambda slots: [s.update(kind="passphrase") for s in slots])
    header.write_text(original)
    Archive.open(folder, secret).close()
    Archive.open(folder, "a long passphrase").close()


M = kdf.MIB
LIMITS = [  # (field, highest accepted, lowest accepted)
    ("memory_kib", 1024 * M, 64 * M),
    ("time_cost", 12, 1),
    ("parallelism", 8, 1),
]


@pytest.mark.parametrize(("field", "high", "low"), LIMITS)
def test_kdf_caps_accept_the_limit_and_refuse_one_more(field: str, high: int, low: int) -> None:
    base = fast_params().to_json()
    for value in (high, low):
        KdfParams.from_json({**base, field: value}).check()
    for value in (high + 1, low - 1):
        with pytest.raises(KdfParametersRejected):
            KdfParams.from_json({**base, field: value})
        with pytest.raises(KdfParametersRejected):
            kdf.derive(b"x", bytes(16), dataclasses.replace(fast_params(), **{field: value}))
    assert (kdf.MAX_MEMORY_KIB, kdf.MAX_TIME_COST, kdf.MAX_PARALLELISM) == (1024 * M, 12, 8)


@pytest.mark.parametrize("field", ["memory_kib", "time_cost", "parallelism"])
def test_kdf_setting_must_be_an_integer(field: str) -> None:
    for value in (True, 2.0, "2", None):
        with pytest.raises(KdfParametersRejected, match="not a number"):
            KdfParams.from_json({**fast_params().to_json(), field: value})


def test_header_just_over_a_cap_is_refused_before_deriving(tmp_path: Path) -> None:
    folder = tmp_path / "h.tumar"
    Archive.create(folder, "a long passphrase", fast_params())[0].close()
    original = (folder / "tumar.json").read_text()
    for field, high, _low in LIMITS:
        data = json.loads(original)
        for slot in data["slots"]:
            slot["kdf"][field] = high + 1
        (folder / "tumar.json").write_text(json.dumps(data))
        with pytest.raises(
            KdfParametersRejected, match=str(high + 1) if field != "memory_kib" else "1024"
        ):
            Archive.open(folder, "a long passphrase")
