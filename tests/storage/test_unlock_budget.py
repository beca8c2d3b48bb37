"""Issue 8, item 4: junk key slots cannot make an unlock spend minutes and a gigabyte, the
slots are tried in a sensible order, and the databases are always SQLCipher 4's format.

kdf.derive is wrapped to count the work each attempt asks for; junk slots (at the per-slot
caps) are counted but not computed, so the test itself stays fast. The unlock loop under
test is the real one.
"""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

import pytest
import sqlcipher3

from tumar.storage import kdf, unlock
from tumar.storage.archive import ARCHIVE_DB, Archive
from tumar.storage.connection import PAGE_HMAC, derive_db_key, key_pragma
from tumar.storage.errors import KdfParametersRejected, WrongPassphrase
from tumar.storage.header import HEADER_NAME
from tumar.storage.kdf import fast_params

PASS = "correct horse battery staple"


def junk_slot(n: int) -> dict:
    return {
        "id": f"junk{n:02d}",
        "kind": "passphrase",
        "kdf": {"name": "argon2id", "memory_kib": kdf.MAX_MEMORY_KIB,
                "time_cost": kdf.MAX_TIME_COST, "parallelism": 1},
        "salt": base64.b64encode(os.urandom(16)).decode(),
        "nonce": base64.b64encode(os.urandom(12)).decode(),
        "wrapped_key": base64.b64encode(os.urandom(48)).decode(),
    }  # fmt: skip


@pytest.fixture
def spent(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    work: list[int] = []
    real = kdf.derive

    def counting(secret: bytes, salt: bytes, params: kdf.KdfParams) -> bytes:
        work.append(params.memory_kib * params.time_cost)
        if params.memory_kib == kdf.MAX_MEMORY_KIB:
            return bytes(kdf.KEY_LEN)  # a junk slot: counted, not computed
        return real(secret, salt, params)

    monkeypatch.setattr(kdf, "derive", counting)
    return work


@pytest.fixture
def junk_header(tmp_path: Path) -> tuple[Path, str]:
    """An archive whose header has 14 junk passphrase slots at the caps before its own."""
    folder = tmp_path / "junk.tumar"
    archive, code = Archive.create(folder, PASS, fast_params())
    archive.close()
    data = json.loads((folder / HEADER_NAME).read_text())
    data["slots"] = [junk_slot(n) for n in range(14)] + data["slots"]
    (folder / HEADER_NAME).write_text(json.dumps(data))
    return folder, code


def test_real_slot_is_tried_before_expensive_junk(junk_header, spent: list[int]) -> None:  # noqa: ANN001
    folder, code = junk_header
    Archive.open(folder, PASS).close()
    assert spent == [fast_params().memory_kib * fast_params().time_cost]
    spent.clear()
    Archive.open(folder, code).close()  # a recovery code goes to the recovery slot first
    assert len(spent) == 1


def test_wrong_passphrase_against_junk_slots_stays_within_the_budget(
    junk_header,  # noqa: ANN001
    spent: list[int],
) -> None:
    folder, _ = junk_header
    with pytest.raises((WrongPassphrase, KdfParametersRejected)):
        Archive.open(folder, "not the passphrase at all")
    assert sum(spent) <= unlock.UNLOCK_WORK_BUDGET
    assert len(spent) < 4  # not 15 derivations at 1 GiB and 12 passes each


def test_databases_use_sqlcipher_4_even_if_the_process_default_is_older(tmp_path: Path) -> None:
    setting = sqlcipher3.connect(":memory:")
    setting.execute("PRAGMA cipher_default_compatibility = 3")
    try:
        archive, _ = Archive.create(tmp_path / "v4.tumar", PASS, fast_params())
        master, archive_id = archive._master_key, archive.archive_id
        archive.close()
    finally:
        setting.execute("PRAGMA cipher_default_compatibility = 4")
        setting.close()
    raw = sqlcipher3.connect(str(tmp_path / "v4.tumar" / ARCHIVE_DB))
    try:
        raw.execute(f"PRAGMA key = {key_pragma(derive_db_key(master, archive_id, ARCHIVE_DB))}")
        raw.execute("PRAGMA cipher_compatibility = 4")
        raw.execute(f"PRAGMA cipher_hmac_algorithm = {PAGE_HMAC}")
        assert raw.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    finally:
        raw.close()
