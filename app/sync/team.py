"""The team roster and this replica's keys: who every bundle is encrypted to.

A bundle goes to every current member, to every replica whose bundle this archive merged
(it encrypted to us, so we encrypt to it: that is how a laptop restored from a backup joins
— the sync report names it as new first), to this replica's own identity, and to the
recovery recipient derived from the paper recovery code (storage.replica_keys), so the
paper alone opens this replica's bundles after the laptop is lost. Removing a member
protects only bundles written afterwards: what they already hold stays readable to them;
their own bundles are refused from then on (app.sync.merge says why).
"""

from __future__ import annotations

from pathlib import Path

import pyrage

from tumar.storage.archive import Archive
from tumar.storage.atomic import atomic_write_bytes
from tumar.storage.errors import InvalidInput, RecordNotFound
from tumar.storage.records import TeamMember
from tumar.storage.replica_keys import ReplicaKeys, load
from tumar.storage.sync_store import peer_recipients

REMOVAL_NOTE = (
    "Removed. Bundles written from now on are not encrypted to that laptop, and its "
    "bundles are no longer merged here; bundles it already has stay readable to it."
)


def keys(archive: Archive) -> ReplicaKeys:
    return load(archive.records_db)


def check_recipient(text: str) -> str:
    recipient = text.strip()
    try:
        pyrage.x25519.Recipient.from_str(recipient)
    except Exception:  # pyrage raises its own RecipientError or ValueError
        raise InvalidInput(
            "That is not an age recipient (it starts with age1…; "
            "run `tumar team key` on the other laptop)"
        ) from None
    return recipient


def members(archive: Archive) -> list[TeamMember]:
    return archive.repo.find(TeamMember, order_by="created_at")


def add_member(archive: Archive, recipient: str, label: str) -> TeamMember:
    recipient = check_recipient(recipient)
    if recipient == keys(archive).recipient:
        raise InvalidInput("That is this laptop's own key; it is always a recipient")
    if any(m.recipient == recipient for m in members(archive)):
        raise InvalidInput("That recipient is already a member of the team")
    return archive.repo.insert(TeamMember(recipient=recipient, label=label.strip()))


def remove_member(archive: Archive, recipient: str) -> TeamMember:
    """Tombstone the member; a laptop known only from its bundles gets a tombstoned entry,
    which (synced like any record) stops every replica encrypting to it."""
    recipient = check_recipient(recipient)
    if recipient == keys(archive).recipient:
        raise InvalidInput("That is this laptop's own key; it cannot be removed from the team")
    found = [m for m in members(archive) if m.recipient == recipient]
    if not found and recipient not in peer_recipients(archive.records_db):
        raise RecordNotFound("No team member has that recipient")
    if not found:
        found = [archive.repo.insert(TeamMember(recipient=recipient, label=""))]
    for member in found:
        archive.repo.delete(TeamMember, member.id)
    return found[0]


def recipients(archive: Archive) -> list[str]:
    """Everyone a team bundle is encrypted to, without duplicates, in a stable order."""
    own = keys(archive)
    found = [own.recipient]
    if own.recovery_recipient:
        found.append(own.recovery_recipient)
    found += [m.recipient for m in members(archive)]
    found += peer_recipients(archive.records_db)
    return list(dict.fromkeys(found))


def export_identity(archive: Archive, dest: Path) -> None:
    """Write the age identity (secret!) atomically, owner-only, never over a file."""
    dest = Path(dest)
    if dest.exists():
        raise InvalidInput(f"{dest} already exists; choose a new file name")
    own = keys(archive)
    text = f"# Tumar replica {archive.replica_id}\n# public key: {own.recipient}\n"
    atomic_write_bytes(dest, (text + own.age_identity + "\n").encode("ascii"))
