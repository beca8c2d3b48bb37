"""Replica keys, the recovery identity, and the team roster."""

from __future__ import annotations

from pathlib import Path

import pyrage
import pytest

from tumar.app.sync import team
from tumar.storage import bech32
from tumar.storage.archive import Archive
from tumar.storage.errors import InvalidInput
from tumar.storage.kdf import fast_params
from tumar.storage.rekey import new_recovery_code, rekey
from tumar.storage.replica_keys import recovery_identity, recovery_recipient

from .support import PASS, new_archive


def test_each_archive_has_its_own_keys_kept_inside(tmp_path: Path) -> None:
    a, _ = new_archive(tmp_path / "a.tumar")
    b, _ = new_archive(tmp_path / "b.tumar")
    with a, b:
        ka, kb = team.keys(a), team.keys(b)
        assert ka.recipient.startswith("age1") and ka.recipient != kb.recipient
        assert ka.verify_key_hex != kb.verify_key_hex
        identity = ka.age_identity
    for path in (tmp_path / "a.tumar").iterdir():
        assert identity.encode() not in path.read_bytes()


def test_recovery_code_rebuilds_the_recovery_identity(tmp_path: Path) -> None:
    archive, code = new_archive(tmp_path / "a.tumar")
    with archive:
        stored = team.keys(archive).recovery_recipient
    assert stored == recovery_recipient(code)
    assert stored == recovery_recipient(code.lower().replace("-", " "))
    identity = recovery_identity(code)
    assert identity is not None and identity.startswith("AGE-SECRET-KEY-1")
    message = pyrage.encrypt(b"x", [pyrage.x25519.Recipient.from_str(stored)])
    assert pyrage.decrypt(message, [pyrage.x25519.Identity.from_str(identity)]) == b"x"
    assert recovery_identity("not a recovery code") is None


def test_bech32_matches_age_encoding() -> None:
    generated = pyrage.x25519.Identity.generate()
    text = str(generated)
    # decode via pyrage, re-encode ours from the same bytes: equal strings
    raw = _bech32_payload(text)
    assert bech32.encode("age-secret-key-", raw).upper() == text


def _bech32_payload(text: str) -> bytes:
    charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
    data = [charset.index(c) for c in text.lower().split("1", 1)[1][:-6]]
    acc = bits = 0
    out = bytearray()
    for value in data:
        acc, bits = (acc << 5) | value, bits + 5
        if bits >= 8:
            bits -= 8
            out.append((acc >> bits) & 0xFF)
    return bytes(out)


def test_recovery_recipient_is_learned_on_recovery_unlock(tmp_path: Path) -> None:
    archive, code = new_archive(tmp_path / "a.tumar")
    with archive:
        archive.records_db.execute("DELETE FROM meta WHERE key = 'recovery_recipient'")
    with Archive.open(tmp_path / "a.tumar", PASS) as reopened:
        assert team.keys(reopened).recovery_recipient is None
    with Archive.open(tmp_path / "a.tumar", code) as reopened:
        assert team.keys(reopened).recovery_recipient == recovery_recipient(code)


def test_roster_add_list_remove(tmp_path: Path) -> None:
    archive, _ = new_archive(tmp_path / "a.tumar")
    other = str(pyrage.x25519.Identity.generate().to_public())
    with archive:
        member = team.add_member(archive, other, "Aigul's laptop")
        assert [m.label for m in team.members(archive)] == ["Aigul's laptop"]
        assert other in team.recipients(archive)
        with pytest.raises(InvalidInput):
            team.add_member(archive, other, "again")
        with pytest.raises(InvalidInput):
            team.add_member(archive, "age1notakey", "x")
        with pytest.raises(InvalidInput):
            team.add_member(archive, team.keys(archive).recipient, "self")
        with pytest.raises(InvalidInput, match="own key"):
            team.remove_member(archive, team.keys(archive).recipient)
        team.remove_member(archive, other)
        assert other not in team.recipients(archive)
        assert archive.repo.history(type(member), member.id)  # removal is a kept version


def test_export_identity_refuses_to_overwrite(tmp_path: Path) -> None:
    archive, _ = new_archive(tmp_path / "a.tumar")
    dest = tmp_path / "id.txt"
    with archive:
        team.export_identity(archive, dest)
        assert dest.stat().st_mode & 0o077 == 0
        with pytest.raises(InvalidInput):
            team.export_identity(archive, dest)
        assert team.keys(archive).age_identity in dest.read_text()


def test_a_new_recovery_code_replaces_the_bundle_recipient(tmp_path: Path) -> None:
    """After `rekey` or `recovery-code new`, later bundles must open with the new code."""
    folder = tmp_path / "a.tumar"
    archive, first = new_archive(folder)
    archive.close()
    second = new_recovery_code(folder, PASS, fast_params(), state_dir=tmp_path / "state")
    with Archive.open(folder, PASS) as reopened:
        assert team.keys(reopened).recovery_recipient == recovery_recipient(second)
    third = rekey(folder, PASS, PASS + " anew", fast_params(), state_dir=tmp_path / "state")
    with Archive.open(folder, PASS + " anew") as reopened:
        assert team.keys(reopened).recovery_recipient == recovery_recipient(third)
    assert len({recovery_recipient(c) for c in (first, second, third)}) == 3


def test_a_recovery_unlock_heals_a_stale_recipient(tmp_path: Path) -> None:
    archive, code = new_archive(tmp_path / "a.tumar")
    with archive:
        archive.records_db.execute(
            "UPDATE meta SET value = 'age1stale' WHERE key = 'recovery_recipient'"
        )
    with Archive.open(tmp_path / "a.tumar", code) as reopened:
        assert team.keys(reopened).recovery_recipient == recovery_recipient(code)
