"""Key slots, pinned where the first mutation run found them loose: each refusal's exact
message (a reworded or lower-cased one is a changed user-facing text), the archive id a slot
records, and `opens_as_foreign`, which tells "this header belongs to another archive" apart
from "wrong passphrase"."""

from __future__ import annotations

import base64

import pytest

from tumar.storage import keyslots
from tumar.storage.errors import HeaderCorrupt
from tumar.storage.kdf import fast_params

AID = "6f1c1c5e-3b5c-4a8e-9a57-8f0d1f9a2b10"
OTHER = "0b0e3c1a-2f4d-4c8b-9d1e-5a6b7c8d9e0f"
MASTER = bytes(range(32))


def slot_json(**changes: object) -> dict:
    data = {
        "id": "a" * 32, "kind": "passphrase", "kdf": fast_params().to_json(),
        "salt": base64.b64encode(bytes(16)).decode(), "nonce": base64.b64encode(bytes(12)).decode(),
        "wrapped_key": base64.b64encode(bytes(48)).decode(),
    }  # fmt: skip
    data.update(changes)
    return data


REFUSED = [
    ("x", "A key slot in the archive header is damaged"),
    (slot_json(id=""), "A key slot in the archive header has no valid id"),
    (slot_json(kind="master"), "A key slot in the archive header has an unknown kind"),
    (slot_json(salt=None), "A key slot's salt is missing from the archive header"),
    (slot_json(nonce="***"), "A key slot's nonce in the archive header is damaged"),
    (slot_json(wrapped_key=None), "A key slot's wrapped_key is missing from the archive header"),
    (slot_json(wrapped_key="*"), "A key slot's wrapped_key in the archive header is damaged"),
    (slot_json(wrapped_key=base64.b64encode(bytes(47)).decode()),
     "A key slot in the archive header has fields of the wrong size"),
    (slot_json(archive_id=7), "A key slot in the archive header has no valid archive id"),
    (slot_json(archive_id="a" * 65), "A key slot in the archive header has no valid archive id"),
]  # fmt: skip


@pytest.mark.parametrize(("data", "message"), REFUSED)
def test_each_refusal_has_its_exact_message(data: object, message: str) -> None:
    with pytest.raises(HeaderCorrupt) as info:
        keyslots.KeySlot.from_json(data)
    assert str(info.value) == message


def test_archive_id_up_to_64_characters_is_kept() -> None:
    slot = keyslots.KeySlot.from_json(slot_json(archive_id="a" * 64))
    assert slot.archive_id == "a" * 64
    assert slot.to_json()["archive_id"] == "a" * 64
    assert keyslots.KeySlot.from_json(slot_json()).archive_id is None


def test_a_new_slot_records_the_archive_it_was_made_for() -> None:
    slot = keyslots.wrap(MASTER, b"secret", AID, "passphrase", fast_params())
    assert slot.archive_id == AID
    assert slot.to_json()["archive_id"] == AID
    assert keyslots.KeySlot.from_json(slot.to_json()) == slot


def test_opens_as_foreign_only_for_another_archive_s_slot_and_the_right_secret() -> None:
    theirs = keyslots.wrap(MASTER, b"secret", OTHER, "passphrase", fast_params())
    assert keyslots.opens_as_foreign(theirs, b"secret", AID) is True
    assert keyslots.opens_as_foreign(theirs, b"wrong", AID) is False
    # a slot made for this archive, or one that does not say, is never "foreign"
    assert keyslots.opens_as_foreign(theirs, b"secret", OTHER) is False
    unlabelled = keyslots.KeySlot.from_json({**theirs.to_json(), "archive_id": None})
    assert unlabelled.archive_id is None
    assert keyslots.opens_as_foreign(unlabelled, b"secret", AID) is False
