"""Finding the key slot a secret opens, within a bounded amount of key-derivation work.

Each slot's Argon2id settings are capped (storage.kdf), but a header may hold up to 16
slots: sixteen junk slots at the cap would make one unlock take minutes at 1 GiB each.
So one unlock spends at most UNLOCK_WORK_BUDGET (memory × passes, summed over the slots
it tries), and tries the slots in an order that reaches real ones first: the kind the
secret looks like (a recovery code is 32 base-32 characters), cheapest first within a
kind — Tumar's own slots are calibrated to about one second, junk made to stall is not.
"""

from __future__ import annotations

from . import keyslots
from .errors import KdfParametersRejected, WrongPassphrase
from .header import Header
from .kdf import MAX_MEMORY_KIB, MAX_TIME_COST

#: KiB × passes: one slot at the per-slot caps (1 GiB, 12 passes) plus a third more, so
#: any single legitimate slot always fits; about 15 s of Argon2id on a slow laptop.
UNLOCK_WORK_BUDGET = MAX_MEMORY_KIB * MAX_TIME_COST * 4 // 3


def slot_work(slot: keyslots.KeySlot) -> int:
    return slot.kdf.memory_kib * slot.kdf.time_cost


def attempt_order(header: Header, secret: str) -> list[tuple[keyslots.KeySlot, bytes]]:
    """(slot, secret bytes) pairs in the order they are tried."""
    phrase = keyslots.normalise_passphrase(secret)
    code = keyslots.normalise_recovery_code(secret)
    by_cost = sorted(header.slots, key=slot_work)
    passphrase = [(s, phrase) for s in by_cost if s.kind == "passphrase"]
    if code is None:
        return passphrase
    return [(s, code) for s in by_cost if s.kind == "recovery"] + passphrase


def unlock_master_key(header: Header, secret: str) -> tuple[bytes, keyslots.KeySlot]:
    spent = 0
    for slot, material in attempt_order(header, secret):
        spent += slot_work(slot)
        if spent > UNLOCK_WORK_BUDGET:
            raise KdfParametersRejected(
                "The passphrase opened none of the key slots Tumar tries in one unlock; the "
                "passphrase is wrong, or the archive header holds slots Tumar did not make"
            )
        key = keyslots.unwrap(slot, material, header.archive_id)
        if key is not None:
            return key, slot
    raise WrongPassphrase()
