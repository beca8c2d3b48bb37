"""Key slots: the master key wrapped under keys derived from what a person knows.

A slot holds AES-256-GCM(master key) under Argon2id(passphrase or recovery code). The
additional data binds each slot to its archive and its own id, so a slot copied from
another archive's header, or relabelled, fails to open instead of being misused.
"""

from __future__ import annotations

import base64
import binascii
import os
import secrets
import unicodedata
import uuid
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from . import kdf
from .errors import HeaderCorrupt

MASTER_KEY_LEN = 32
NONCE_LEN = 12
SLOT_KINDS = ("passphrase", "recovery")
RECOVERY_BYTES = 20  # 160 bits: far beyond guessing, still typeable from paper


@dataclass(frozen=True)
class KeySlot:
    slot_id: str
    kind: str
    kdf: kdf.KdfParams
    salt: bytes
    nonce: bytes
    wrapped: bytes
    #: the archive this slot was made for (plaintext, only to explain a refusal: a slot
    #: pasted from another archive's header fails to unwrap because of the AAD anyway)
    archive_id: str | None = None

    def to_json(self) -> dict:
        made_for = {"archive_id": self.archive_id} if self.archive_id else {}
        return {
            **made_for,
            "id": self.slot_id,
            "kind": self.kind,
            "kdf": self.kdf.to_json(),
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
            "wrapped_key": _b64(self.wrapped),
        }

    @classmethod
    def from_json(cls, data: object) -> KeySlot:
        if not isinstance(data, dict):
            raise HeaderCorrupt("A key slot in the archive header is damaged")
        slot_id, kind = data.get("id"), data.get("kind")
        if not isinstance(slot_id, str) or not 1 <= len(slot_id) <= 64:
            raise HeaderCorrupt("A key slot in the archive header has no valid id")
        if kind not in SLOT_KINDS:
            raise HeaderCorrupt("A key slot in the archive header has an unknown kind")
        params = kdf.KdfParams.from_json(data.get("kdf"))
        salt = _unb64(data.get("salt"), "salt")
        nonce = _unb64(data.get("nonce"), "nonce")
        wrapped = _unb64(data.get("wrapped_key"), "wrapped_key")
        if not 16 <= len(salt) <= 64 or len(nonce) != NONCE_LEN or len(wrapped) != 48:
            raise HeaderCorrupt("A key slot in the archive header has fields of the wrong size")
        made_for = data.get("archive_id")
        if made_for is not None and (not isinstance(made_for, str) or len(made_for) > 64):
            raise HeaderCorrupt("A key slot in the archive header has no valid archive id")
        return cls(slot_id, kind, params, salt, nonce, wrapped, made_for)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: object, field: str) -> bytes:
    if not isinstance(value, str):
        raise HeaderCorrupt(f"A key slot's {field} is missing from the archive header")
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise HeaderCorrupt(f"A key slot's {field} in the archive header is damaged") from None


def _aad(archive_id: str, slot_id: str, kind: str) -> bytes:
    return f"tumar-slot-v1|{archive_id}|{slot_id}|{kind}".encode()


def normalise_passphrase(passphrase: str) -> bytes:
    """NFC so the same passphrase typed on another keyboard layout/OS gives the same bytes."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def new_master_key() -> bytes:
    return secrets.token_bytes(MASTER_KEY_LEN)


def wrap(
    master_key: bytes, secret: bytes, archive_id: str, kind: str, params: kdf.KdfParams
) -> KeySlot:
    slot_id = uuid.uuid4().hex
    salt = kdf.new_salt()
    nonce = os.urandom(NONCE_LEN)
    kek = kdf.derive(secret, salt, params)
    wrapped = AESGCM(kek).encrypt(nonce, master_key, _aad(archive_id, slot_id, kind))
    return KeySlot(slot_id, kind, params, salt, nonce, wrapped, archive_id)


def unwrap(slot: KeySlot, secret: bytes, archive_id: str) -> bytes | None:
    """The master key, or None when `secret` is not this slot's."""
    kek = kdf.derive(secret, slot.salt, slot.kdf)
    try:
        aad = _aad(archive_id, slot.slot_id, slot.kind)
        return AESGCM(kek).decrypt(slot.nonce, slot.wrapped, aad)
    except InvalidTag:
        return None


def opens_as_foreign(slot: KeySlot, secret: bytes, archive_id: str) -> bool:
    """True when `slot` says it was made for another archive and `secret` opens it there:
    the passphrase is right, the header's slots are not this archive's."""
    if not slot.archive_id or slot.archive_id == archive_id:
        return False
    return unwrap(slot, secret, slot.archive_id) is not None


def new_recovery_code() -> str:
    raw = base64.b32encode(secrets.token_bytes(RECOVERY_BYTES)).decode("ascii")
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def normalise_recovery_code(text: str) -> bytes | None:
    """Recovery-code bytes if `text` looks like one (any case, spaces or dashes), else None."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    if len(cleaned) != RECOVERY_BYTES * 8 // 5:
        return None
    if any(ch not in "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567" for ch in cleaned):
        return None
    return cleaned.encode("ascii")
