"""Every other laptop this archive's bundles are encrypted to, as one list for the window.

`team.members` alone would hide part of the truth: a laptop whose bundle this archive
merged is encrypted to as well (that is how a restored laptop joins), even before anyone
gave it a label. A person deciding who can read the team's bundles must see those too,
and be able to remove them (team.remove_member handles both kinds).
"""

from __future__ import annotations

from dataclasses import dataclass

from tumar.app.sync import team
from tumar.storage.archive import Archive


@dataclass(frozen=True)
class Laptop:
    recipient: str  # age1…
    label: str  # record content: whose laptop it is ("" when nobody named it)
    member: bool  # False: known only because this archive merged a bundle it wrote


def roster(archive: Archive) -> list[Laptop]:
    """Members in the order they were added, then laptops known only from a sync.
    This laptop's own key and the paper recovery code's key are left out: they are
    always recipients and cannot be removed."""
    own = team.keys(archive)
    mine = {own.recipient, own.recovery_recipient}
    members = [m for m in team.members(archive) if m.recipient not in mine]
    laptops = [Laptop(m.recipient, m.label, True) for m in members]
    named = {m.recipient for m in members}
    for recipient in team.recipients(archive):
        if recipient not in mine and recipient not in named:
            laptops.append(Laptop(recipient, "", False))
    return laptops


def short_recipient(recipient: str, head: int = 12, tail: int = 6) -> str:
    """`age1qyqszqgp…4a9xkm`: enough to tell keys apart and compare with the other laptop."""
    if len(recipient) <= head + tail + 1:
        return recipient
    return f"{recipient[:head]}…{recipient[-tail:]}"
