"""What `media export` may write: consent first, then no metadata unless asked.

A copy that leaves the archive is beyond Tumar's protection, so two defaults guard it:

* **Consent.** A media item linked to testimonies is covered by what those witnesses agreed
  to. If every linked testimony has consent `none` or has been withdrawn, no witness allowed
  it to leave: export is refused unless the user says `force`. Links to cases or people do
  not grant consent, so they do not lift the refusal. An item linked to no testimony is not
  covered by any consent record and is exported as asked.
* **Metadata.** Images are re-encoded without EXIF, GPS, XMP, IPTC, comments and embedded
  previews (see strip.py). Other files (video, audio, documents) may hold a location, names or
  an author that Tumar cannot remove, so they leave only as the exact original, on request.
  `original` writes the exact bytes and the caller warns about what they carry.
"""

from __future__ import annotations

from dataclasses import dataclass

from tumar.storage.archive import Archive
from tumar.storage.errors import InvalidInput
from tumar.storage.records import Media, MediaLink, Testimony

from .strip import STRIPPABLE_MIMES

ORIGINAL_WARNING = (
    "this copy is the exact original: it keeps any GPS location, capture time, camera and "
    "other metadata, and it is not encrypted"
)


@dataclass(frozen=True)
class ExportPlan:
    strip_metadata: bool
    consent_overridden: bool  # exported despite every linked testimony's consent (force)


def consent_refusal(archive: Archive, media: Media) -> str | None:
    """Why no witness allows this item to leave the archive, or None when one does (or no
    testimony is linked)."""
    links = archive.repo.find(MediaLink, {"media_id": media.id})
    testimony_ids = sorted({link.testimony_id for link in links if link.testimony_id})
    if not testimony_ids:
        return None
    for testimony_id in testimony_ids:
        testimony = archive.repo.get(Testimony, testimony_id, include_deleted=True)
        if testimony.consent_scope != "none" and not testimony.consent_withdrawn:
            return None
    return (
        f"Media {media.id} belongs to testimonies whose witnesses gave no consent or "
        "withdrew it, so it must not leave the archive"
    )


def plan_export(archive: Archive, media: Media, *, original: bool, force: bool) -> ExportPlan:
    """Decide how to export `media`; raise a one-line InvalidInput when it must not be."""
    refusal = consent_refusal(archive, media)
    if refusal and not force:
        raise InvalidInput(f"{refusal}; add --force only if you are sure (nothing was written)")
    if original:
        return ExportPlan(strip_metadata=False, consent_overridden=bool(refusal))
    if media.unreadable or media.mime not in STRIPPABLE_MIMES:
        raise InvalidInput(
            f"Media {media.id} is a {media.kind} file; Tumar can remove metadata (location, "
            "camera, names) only from images. Add --original to export the exact file with "
            "whatever it holds (nothing was written)"
        )
    return ExportPlan(strip_metadata=True, consent_overridden=bool(refusal))
