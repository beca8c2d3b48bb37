"""Which notes go into a dossier: a note follows the record it is attached to.

Notes are the documenters' working remarks, attached to a case, a person or a testimony
(the schema has no notes on events). A lawyer reading a dossier expects the remarks that
explain the included material, and no remark that undoes a consent decision:

- case notes: in a whole-case dossier (a one-person dossier leaves them out: they speak
  of the whole case, including people that dossier does not show);
- notes on a person: with that person, when the person is shown by name; a person shown
  as "Witness A" gets none, because remarks about someone (where they live, who their
  relatives are) identify them even with every name replaced;
- notes on a testimony: with the testimony, redacted like its text; left out with a
  left-out testimony (no consent, withdrawn, lawyers only without --confidential);
- every included note has every protected name replaced, as all other text does;
- deleted notes never appear. Each decision is in the preview, each included note in the
  manifest.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tumar.storage.records import Note, Person, Testimony

if TYPE_CHECKING:
    from .gather import _Gatherer


def _attached(g: _Gatherer, **where: str) -> list[Note]:
    notes = g.repo.find(Note, where)
    return sorted(notes, key=lambda n: (n.created_at, n.id))


def _include(g: _Gatherer, note: Note, what: str) -> str:
    g.keep_hash("note", note)
    g.note("included", "note", note.id, what, "attached to an included record")
    return g.anon.redact(note.text)


def case_notes(g: _Gatherer, case_id: str) -> list[str]:
    notes = _attached(g, case_id=case_id)
    if g.options.person_id:
        for n in notes:
            g.note("left out", "note", n.id, "on the case", "a one-person dossier")
        return []
    return [_include(g, n, "on the case") for n in notes]


def person_notes(g: _Gatherer, person: Person) -> list[str]:
    """The person's own notes field, then the notes attached to them; none for a person
    shown under a label."""
    notes = _attached(g, person_id=person.id)
    if person.id in g.label_of:
        for n in notes:
            g.note("left out", "note", n.id, f"on {g.label_of[person.id]}",
                   "remarks about an anonymised person could identify them")  # fmt: skip
        return []
    own = [g.anon.redact(person.notes)] if person.notes.strip() else []
    return own + [_include(g, n, f"on {person.display_name}") for n in notes]


def testimony_notes(g: _Gatherer, testimony: Testimony, included: bool) -> list[str]:
    notes = _attached(g, testimony_id=testimony.id)
    what = f"on the testimony by {g.person_name(testimony.witness_id)}"
    if not included:
        for n in notes:
            g.note("left out", "note", n.id, what, "attached to a testimony that is left out")
        return []
    return [_include(g, n, what) for n in notes]
