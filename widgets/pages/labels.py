"""Translated words for stored enumerations (roles, event kinds, consent, statuses).

Stored values stay English identifiers; only the window shows them in the UI language.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


def _tr(text: str) -> str:
    return QCoreApplication.translate("Labels", text) if text else ""


def role(value: str) -> str:
    return _tr(
        {
            "witness": QT_TRANSLATE_NOOP("Labels", "witness"),
            "victim": QT_TRANSLATE_NOOP("Labels", "victim"),
            "detainee": QT_TRANSLATE_NOOP("Labels", "detainee"),
            "defendant": QT_TRANSLATE_NOOP("Labels", "defendant"),
            "relative": QT_TRANSLATE_NOOP("Labels", "relative"),
            "lawyer": QT_TRANSLATE_NOOP("Labels", "lawyer"),
            "judge": QT_TRANSLATE_NOOP("Labels", "judge"),
            "interviewer": QT_TRANSLATE_NOOP("Labels", "interviewer"),
            "other": QT_TRANSLATE_NOOP("Labels", "other"),
        }.get(value, value)
    )


def event_kind(value: str) -> str:
    return _tr(
        {
            "border_crossing": QT_TRANSLATE_NOOP("Labels", "Border crossing"),
            "detention": QT_TRANSLATE_NOOP("Labels", "Detention"),
            "arrest": QT_TRANSLATE_NOOP("Labels", "Arrest"),
            "hearing": QT_TRANSLATE_NOOP("Labels", "Hearing"),
            "postponement": QT_TRANSLATE_NOOP("Labels", "Postponement"),
            "sentence": QT_TRANSLATE_NOOP("Labels", "Sentence"),
            "release": QT_TRANSLATE_NOOP("Labels", "Release"),
            "deportation_order": QT_TRANSLATE_NOOP("Labels", "Deportation order"),
            "certificate_issued": QT_TRANSLATE_NOOP("Labels", "Certificate issued"),
            "certificate_expires": QT_TRANSLATE_NOOP("Labels", "Certificate expires"),
            "relative_detained": QT_TRANSLATE_NOOP("Labels", "Relative detained"),
            "other": QT_TRANSLATE_NOOP("Labels", "Other event"),
        }.get(value, value)
    )


def consent(value: str) -> str:
    return _tr(
        {
            "none": QT_TRANSLATE_NOOP("Labels", "No consent"),
            "lawyer_only": QT_TRANSLATE_NOOP("Labels", "Lawyers only"),
            "anonymised": QT_TRANSLATE_NOOP("Labels", "Anonymised"),
            "public": QT_TRANSLATE_NOOP("Labels", "Public"),
        }.get(value, value)
    )


def consent_explanation(value: str) -> str:
    return _tr(
        {
            "none": QT_TRANSLATE_NOOP("Labels", "Kept in the archive only; never leaves it."),
            "lawyer_only": QT_TRANSLATE_NOOP(
                "Labels", "May go into a confidential dossier for legal counsel, nowhere else."
            ),
            "anonymised": QT_TRANSLATE_NOOP(
                "Labels", "May be shared with every name of the witness removed."
            ),
            "public": QT_TRANSLATE_NOOP("Labels", "May be shared as it is."),
        }.get(value, "")
    )


def case_status(value: str) -> str:
    return _tr(
        {
            "open": QT_TRANSLATE_NOOP("Labels", "Open"),
            "closed": QT_TRANSLATE_NOOP("Labels", "Closed"),
            "appeal": QT_TRANSLATE_NOOP("Labels", "Appeal"),
            "monitoring": QT_TRANSLATE_NOOP("Labels", "Monitoring"),
        }.get(value, value)
    )


def risk(value: str) -> str:
    return _tr(
        {
            "relatives_detained": QT_TRANSLATE_NOOP("Labels", "Relatives detained"),
            "under_surveillance": QT_TRANSLATE_NOOP("Labels", "Under surveillance"),
            "travel_ban": QT_TRANSLATE_NOOP("Labels", "Travel ban"),
            "threatened": QT_TRANSLATE_NOOP("Labels", "Threatened"),
            "detained": QT_TRANSLATE_NOOP("Labels", "In detention"),
        }.get(value, value.replace("_", " "))
    )


def media_kind(value: str) -> str:
    return _tr(
        {
            "image": QT_TRANSLATE_NOOP("Labels", "Photo"),
            "video": QT_TRANSLATE_NOOP("Labels", "Video"),
            "audio": QT_TRANSLATE_NOOP("Labels", "Audio"),
            "file": QT_TRANSLATE_NOOP("Labels", "File"),
        }.get(value, value)
    )


def field(table: str, name: str) -> str:
    """A record field's name in the history view."""
    return _tr(
        {
            "display_name": QT_TRANSLATE_NOOP("Labels", "Display name"),
            "birth_date": QT_TRANSLATE_NOOP("Labels", "Birth date"),
            "sex": QT_TRANSLATE_NOOP("Labels", "Sex"),
            "notes": QT_TRANSLATE_NOOP("Labels", "Notes"),
            "risk_flags": QT_TRANSLATE_NOOP("Labels", "Risks"),
            "name": QT_TRANSLATE_NOOP("Labels", "Name"),
            "script": QT_TRANSLATE_NOOP("Labels", "Script"),
            "kind": QT_TRANSLATE_NOOP("Labels", "Kind"),
            "title": QT_TRANSLATE_NOOP("Labels", "Title"),
            "status": QT_TRANSLATE_NOOP("Labels", "Status"),
            "jurisdiction": QT_TRANSLATE_NOOP("Labels", "Jurisdiction"),
            "court": QT_TRANSLATE_NOOP("Labels", "Court"),
            "summary": QT_TRANSLATE_NOOP("Labels", "Summary"),
            "role": QT_TRANSLATE_NOOP("Labels", "Role"),
            "date": QT_TRANSLATE_NOOP("Labels", "Date"),
            "place": QT_TRANSLATE_NOOP("Labels", "Place"),
            "description": QT_TRANSLATE_NOOP("Labels", "Description"),
            "source": QT_TRANSLATE_NOOP("Labels", "Source"),
            "text": QT_TRANSLATE_NOOP("Labels", "Text"),
            "language": QT_TRANSLATE_NOOP("Labels", "Language"),
            "recorded_at": QT_TRANSLATE_NOOP("Labels", "Recorded on"),
            "recorded_where": QT_TRANSLATE_NOOP("Labels", "Recorded where"),
            "recorded_by": QT_TRANSLATE_NOOP("Labels", "Recorded by"),
            "consent_scope": QT_TRANSLATE_NOOP("Labels", "Consent"),
            "consent_date": QT_TRANSLATE_NOOP("Labels", "Consent given on"),
            "consent_how": QT_TRANSLATE_NOOP("Labels", "How consent was given"),
            "consent_withdrawn": QT_TRANSLATE_NOOP("Labels", "Consent withdrawn"),
            "translator": QT_TRANSLATE_NOOP("Labels", "Translator"),
            "caption": QT_TRANSLATE_NOOP("Labels", "Caption"),
            "deleted": QT_TRANSLATE_NOOP("Labels", "Deleted"),
            "person_id": QT_TRANSLATE_NOOP("Labels", "Person"),
            "case_id": QT_TRANSLATE_NOOP("Labels", "Case"),
            "witness_id": QT_TRANSLATE_NOOP("Labels", "Witness"),
            "testimony_id": QT_TRANSLATE_NOOP("Labels", "Testimony"),
            "event_id": QT_TRANSLATE_NOOP("Labels", "Event"),
            "tag_id": QT_TRANSLATE_NOOP("Labels", "Tag"),
            "media_id": QT_TRANSLATE_NOOP("Labels", "Media file"),
            "label": QT_TRANSLATE_NOOP("Labels", "Label"),
            "recipient": QT_TRANSLATE_NOOP("Labels", "Key"),
            "original_name": QT_TRANSLATE_NOOP("Labels", "File name"),
            # a media file's record (its history, and a clash between two laptops' copies)
            "sha256": QT_TRANSLATE_NOOP("Labels", "Fingerprint (SHA-256)"),
            "size": QT_TRANSLATE_NOOP("Labels", "Size (bytes)"),
            "mime": QT_TRANSLATE_NOOP("Labels", "File type"),
            "imported_at": QT_TRANSLATE_NOOP("Labels", "Imported on"),
            "imported_by": QT_TRANSLATE_NOOP("Labels", "Imported on laptop"),
            "unreadable": QT_TRANSLATE_NOOP("Labels", "Unreadable"),
            "unreadable_reason": QT_TRANSLATE_NOOP("Labels", "Why it is unreadable"),
            "exif": QT_TRANSLATE_NOOP("Labels", "Photo metadata (EXIF)"),
            "camera": QT_TRANSLATE_NOOP("Labels", "Camera"),
            "lens": QT_TRANSLATE_NOOP("Labels", "Lens"),
            "captured_at": QT_TRANSLATE_NOOP("Labels", "Taken on"),
            "orientation": QT_TRANSLATE_NOOP("Labels", "Orientation"),
            "has_gps": QT_TRANSLATE_NOOP("Labels", "Has a location"),
            "gps_lat": QT_TRANSLATE_NOOP("Labels", "Latitude"),
            "gps_lon": QT_TRANSLATE_NOOP("Labels", "Longitude"),
            "gps_alt": QT_TRANSLATE_NOOP("Labels", "Altitude (m)"),
            "width": QT_TRANSLATE_NOOP("Labels", "Width (pixels)"),
            "height": QT_TRANSLATE_NOOP("Labels", "Height (pixels)"),
            "duration_s": QT_TRANSLATE_NOOP("Labels", "Duration (seconds)"),
            "codec": QT_TRANSLATE_NOOP("Labels", "Codec"),
            "target_table": QT_TRANSLATE_NOOP("Labels", "Kind of tagged record"),
            "target_id": QT_TRANSLATE_NOOP("Labels", "Tagged record"),
        }.get(name, name.replace("_", " "))
    )


def action(value: str) -> str:
    return _tr(
        {
            "create": QT_TRANSLATE_NOOP("Labels", "Created"),
            "update": QT_TRANSLATE_NOOP("Labels", "Changed"),
            "delete": QT_TRANSLATE_NOOP("Labels", "Deleted"),
            "merge": QT_TRANSLATE_NOOP("Labels", "Merged"),
            "import": QT_TRANSLATE_NOOP("Labels", "Imported"),
        }.get(value, value)
    )


def table(value: str) -> str:
    return _tr(
        {
            "person": QT_TRANSLATE_NOOP("Labels", "Person"),
            "person_name": QT_TRANSLATE_NOOP("Labels", "Name"),
            "case_file": QT_TRANSLATE_NOOP("Labels", "Case"),
            "case_person": QT_TRANSLATE_NOOP("Labels", "Person in case"),
            "event": QT_TRANSLATE_NOOP("Labels", "Event"),
            "testimony": QT_TRANSLATE_NOOP("Labels", "Testimony"),
            "testimony_case": QT_TRANSLATE_NOOP("Labels", "Testimony in case"),
            "translation": QT_TRANSLATE_NOOP("Labels", "Translation"),
            "note": QT_TRANSLATE_NOOP("Labels", "Note"),
            "media": QT_TRANSLATE_NOOP("Labels", "Media"),
        }.get(value, value)
    )


def name_kind(value: str) -> str:
    return _tr(
        {
            "legal": QT_TRANSLATE_NOOP("Labels", "legal"),
            "alias": QT_TRANSLATE_NOOP("Labels", "alias"),
            "transliteration": QT_TRANSLATE_NOOP("Labels", "transliteration"),
            "patronymic": QT_TRANSLATE_NOOP("Labels", "patronymic form"),
        }.get(value, value)
    )
