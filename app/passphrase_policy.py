"""Which new passphrases the CLI accepts: zxcvbn's estimate, said in plain words.

An archive is only as strong as its passphrase: Argon2id makes each guess cost about a
second, but `password` or `12345678` are among the first guesses any attacker tries. The
threshold matches the window's create screen (zxcvbn score 3 of 4: "safely unguessable,
moderate protection from an offline attack"), so the CLI and the GUI refuse the same ones.
"""

from __future__ import annotations

from zxcvbn import zxcvbn

from tumar.storage.errors import InvalidInput

ACCEPT_SCORE = 3
SCORED_CHARS = 100  # zxcvbn's cost grows with length; the first 100 characters decide


def weakness(passphrase: str) -> str | None:
    """Why `passphrase` is too easy to guess, or None when it is strong enough."""
    result = zxcvbn(passphrase[:SCORED_CHARS])
    if int(result["score"]) >= ACCEPT_SCORE:
        return None
    feedback = result.get("feedback") or {}
    parts = [feedback.get("warning") or "", *(feedback.get("suggestions") or [])]
    advice = (
        " ".join(p for p in parts if p) or "Add another word or two. Uncommon words are better."
    )
    return f"This passphrase is too easy to guess. {advice}"


def check_new_passphrase(passphrase: str) -> None:
    """Raise a one-line InvalidInput for a passphrase an attacker would guess early."""
    reason = weakness(passphrase)
    if reason:
        raise InvalidInput(f"{reason} Nothing was changed.")
