"""The record content each CLI command accepts: JSON keys, prompts, required or not.

One table per record kind, so the README's "Record content" section, the prompts and the
`--from-file` JSON validation cannot drift apart. The keys are the record's own field names.
Dates are content too (a birth date, or an arrest date next to a place, can identify a
person), and so are tag names and language codes: only ids, paths, enumerations, numbers
and flags remain command-line arguments.
"""

from __future__ import annotations

from .content_input import LIST, TEXT, Field

NAMES_LABEL = "Other names, one per line: NAME or NAME|SCRIPT|KIND (Latn/Cyrl/Arab/Hans; legal/alias/transliteration/patronymic)"  # noqa: E501

PERSON = (
    Field("display_name", "Display name", required=True),
    Field("names", NAMES_LABEL, kind=LIST),
    Field("birth_date", "Birth date (EDTF, e.g. 1989~ or 1989-04?)"),
    Field("sex", "Sex or gender"),
    Field("risk_flags", "Risk flags, one per line (e.g. relatives_detained)", kind=LIST),
    Field("notes", "Notes", kind=TEXT),
)
PERSON_EDIT = tuple(Field(f.key, f.label, kind=f.kind) for f in PERSON)

CASE = (
    Field("title", "Title", required=True),
    Field("court", "Court"),
    Field("jurisdiction", "Jurisdiction"),
    Field("summary", "Summary", kind=TEXT),
)
CASE_EDIT = tuple(Field(f.key, f.label, kind=f.kind) for f in CASE)

EVENT = (
    Field("date", "Date (EDTF: 2020-01-21, 2019-10?, 2013-03/2017-11)", required=True),
    Field("place", "Place"),
    Field("source", "Source"),
    Field("description", "Description", kind=TEXT),
)

TESTIMONY = (
    Field("language", "Language (e.g. kk, ru, en)"),
    Field("recorded_at", "Recorded on (EDTF date)"),
    Field("recorded_where", "Recorded where"),
    Field("recorded_by", "Recorded by"),
    Field("source", "Source"),
    Field("consent_date", "Consent given on (EDTF date)"),
    Field("consent_how", "How consent was given (spoken, written, recorded)"),
    Field("text", "Testimony text", required=True, kind=TEXT),
)

TRANSLATION = (
    Field("language", "Language of the translation (e.g. en)", required=True),
    Field("translator", "Translator"),
    Field("text", "Translation", required=True, kind=TEXT),
)

NOTE = (Field("text", "Note", required=True, kind=TEXT),)

SEARCH = (
    Field("query", "Search for", required=True),
    Field("tag", "Only records with this tag"),
    Field("date_from", "Dated on or after (EDTF)"),
    Field("date_to", "Dated on or before (EDTF)"),
)
SEARCH_FILTERS = ("tag", "date_from", "date_to")

TAG = (Field("name", "Tag", required=True),)

ALL = {
    "person add": PERSON, "person edit": PERSON_EDIT, "case add": CASE, "case edit": CASE_EDIT,
    "event add": EVENT, "testimony add": TESTIMONY, "testimony translate": TRANSLATION,
    "note add": NOTE, "search": SEARCH, "tag add": TAG, "tag remove": TAG,
}  # fmt: skip
