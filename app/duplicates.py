"""Possible duplicate people, and merging two records of the same person into one.

Why: the same man is entered as "Kaster Musakhan" by one documenter and "Qaster
Musakhanuly" or "Қастер Мұсахан" by another. Tumar only *proposes* pairs — with a score
and the reason in words — because two different people can share a name; a human decides,
and a merge keeps every old version and says in the audit log that it happened.

Scoring: candidate pairs come from blocking (people who share a name-key token, or a pair
of tokens when a single token is too common), then the best `namefold.similarity` over
all their names (0-100: 100 = same spelling up to script/convention, 95 = same consonant
key, lower = fuzzy). Evidence beyond names moves the score a little: the same birth date
(+5) or a shared case (+3) add to it; birth dates that cannot be the same day subtract 20.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass, field, fields

from tumar.storage import audit, edtf_dates
from tumar.storage.archive import Archive
from tumar.storage.canonical import record_hash
from tumar.storage.connection import transaction
from tumar.storage.errors import InvalidInput
from tumar.storage.namefold import KEY_MATCH_SCORE, fold_name, similarity
from tumar.storage.records import (
    BY_TABLE,
    ENVELOPE,
    Case,
    CasePerson,
    Person,
    PersonName,
    Record,
    Tagging,
)
from tumar.storage.repository import to_row

DEFAULT_MIN_SCORE = 80.0
#: a single name-key token shared by more people than this is too common to block on alone
MAX_BLOCK = 50
SAME_BIRTH_BONUS, SHARED_CASE_BONUS, DIFFERENT_BIRTH_PENALTY = 5.0, 3.0, 20.0


@dataclass(frozen=True)
class DuplicateCandidate:
    keep: Person  # the older record, proposed to keep
    drop: Person
    score: float
    reasons: tuple[str, ...]

    @property
    def reason(self) -> str:
        return "; ".join(self.reasons)


def _bounds(value: str | None) -> tuple[str, str] | None:
    if not value:
        return None
    try:
        _, lower, upper = edtf_dates.parse(value)
    except InvalidInput:
        return None
    return (lower or "0001-01-01", upper or "9999-12-31")


def _blocks(names: dict[str, list[PersonName]]) -> set[tuple[str, str]]:
    """Pairs of person ids that share a rare name-key token or a pair of tokens."""
    by_token: dict[str, set[str]] = defaultdict(set)
    by_pair: dict[tuple[str, str], set[str]] = defaultdict(set)
    for person_id, person_names in names.items():
        for n in person_names:
            tokens = sorted(set(n.name_key.split()))
            for token in tokens:
                by_token[token].add(person_id)
            for pair in itertools.combinations(tokens, 2):
                by_pair[pair].add(person_id)
    pairs: set[tuple[str, str]] = set()
    blocks = [b for b in by_token.values() if len(b) <= MAX_BLOCK] + list(by_pair.values())
    for block in blocks:
        for a, b in itertools.combinations(sorted(block), 2):
            pairs.add((a, b))
    return pairs


def _name_evidence(a: list[PersonName], b: list[PersonName]) -> tuple[float, str]:
    best, why = 0.0, ""
    for x, y in itertools.product(a, b):
        score = similarity(x.name, y.name)
        if score > best:
            best = score
            if fold_name(x.name) == fold_name(y.name):
                kind = "the same name in another script or spelling"
            elif score >= KEY_MATCH_SCORE:
                kind = f"the same name up to vowels and endings (key '{x.name_key}')"
            else:
                kind = "similar names"
            why = f"“{x.name}” and “{y.name}”: {kind} ({score:.0f})"
    return best, why


def find_duplicates(
    archive: Archive, min_score: float = DEFAULT_MIN_SCORE
) -> list[DuplicateCandidate]:
    """Candidate pairs scoring at least `min_score`, best first."""
    repo = archive.repo
    people = {p.id: p for p in repo.find(Person)}
    names: dict[str, list[PersonName]] = defaultdict(list)
    for n in repo.find(PersonName):
        if n.person_id in people:
            names[n.person_id].append(n)
    cases: dict[str, set[str]] = defaultdict(set)
    for link in repo.find(CasePerson):
        cases[link.person_id].add(link.case_id)
    case_titles = {c.id: c.title for c in repo.find(Case)}
    result = []
    for a, b in _blocks(names):
        score, why = _name_evidence(names[a], names[b])
        if score < min_score - SAME_BIRTH_BONUS - SHARED_CASE_BONUS:
            continue
        reasons = [why]
        pa, pb = people[a], people[b]
        ba, bb = _bounds(pa.birth_date), _bounds(pb.birth_date)
        if ba and bb and pa.birth_date == pb.birth_date:
            score += SAME_BIRTH_BONUS
            reasons.append(f"same birth date {pa.birth_date}")
        elif ba and bb and (ba[1] < bb[0] or bb[1] < ba[0]):
            score -= DIFFERENT_BIRTH_PENALTY
            reasons.append(f"different birth dates ({pa.birth_date} / {pb.birth_date})")
        shared = sorted(case_titles[c] for c in cases[a] & cases[b] if c in case_titles)
        if shared:
            score += SHARED_CASE_BONUS
            reasons.append("both in case " + ", ".join(f"“{t}”" for t in shared))
        score = max(0.0, min(100.0, score))
        if score >= min_score:
            keep, drop = sorted((pa, pb), key=lambda p: (p.created_at, p.id))
            result.append(DuplicateCandidate(keep, drop, round(score, 1), tuple(reasons)))
    return sorted(result, key=lambda c: (-c.score, c.keep.id, c.drop.id))


# ---- merge ----------------------------------------------------------------------------


@dataclass
class MergeReport:
    keep_id: str
    drop_id: str
    moved: dict[str, int] = field(default_factory=dict)  # table -> records re-pointed
    duplicates_removed: dict[str, int] = field(default_factory=dict)  # same link twice

    def count(self, bucket: dict[str, int], table: str) -> None:
        bucket[table] = bucket.get(table, 0) + 1


#: tables holding records in their own right: re-pointed, never deduplicated
_CONTENT_TABLES = frozenset({"testimony", "note"})
_PERSON_COLUMNS = ("person_id", "witness_id")


def _same_link(a: Record, b: Record) -> bool:
    """Two link records saying the same thing (after re-pointing) are one."""
    if isinstance(a, PersonName):
        return " ".join(a.name.split()) == " ".join(b.name.split())  # type: ignore[attr-defined]
    skip = set(ENVELOPE) | set(a.DERIVED)
    return all(getattr(a, f.name) == getattr(b, f.name) for f in fields(a) if f.name not in skip)


def _references(archive: Archive, person_id: str) -> list[tuple[Record, str]]:
    """Every live record pointing at the person, with the field that points."""
    found: list[tuple[Record, str]] = []
    for cls in BY_TABLE.values():
        names = {f.name for f in fields(cls)}
        for column in _PERSON_COLUMNS:
            if column in names:
                found += [(r, column) for r in archive.repo.find(cls, {column: person_id})]
    for tagging in archive.repo.find(Tagging, {"target_table": "person", "target_id": person_id}):
        found.append((tagging, "target_id"))
    return found


def _merged_fields(keep: Person, drop: Person) -> Person:
    keep.birth_date = keep.birth_date or drop.birth_date
    keep.sex = keep.sex or drop.sex
    keep.risk_flags = list(dict.fromkeys([*keep.risk_flags, *drop.risk_flags]))
    if drop.notes.strip() and drop.notes.strip() not in keep.notes:
        keep.notes = f"{keep.notes.rstrip()}\n\n{drop.notes.strip()}".strip()
    return keep


def merge_people(archive: Archive, keep_id: str, drop_id: str) -> MergeReport:
    """Move everything of `drop_id` to `keep_id`, then tombstone `drop_id`; one transaction.

    Names, case and event links, testimonies (as witness), notes, tags and media links are
    re-pointed through the Repository, so each change has its history copy and audit
    entry; a link the kept person already has is tombstoned instead of doubled. Empty
    fields of the kept person are filled from the dropped one. Two "merge" audit entries
    (one per person) close the operation.
    """
    if keep_id == drop_id:
        raise InvalidInput("A person cannot be merged with themselves")
    repo = archive.repo
    report = MergeReport(keep_id, drop_id)
    with transaction(repo.conn):
        keep, drop = repo.get(Person, keep_id), repo.get(Person, drop_id)
        existing: dict[str, list[Record]] = defaultdict(list)
        for record, _column in _references(archive, keep_id):
            existing[record.TABLE].append(record)
        for record, column in _references(archive, drop_id):
            setattr(record, column, keep_id)
            twin = record.TABLE not in _CONTENT_TABLES and any(
                _same_link(record, other) for other in existing[record.TABLE]
            )
            if twin:
                repo.delete(type(record), record.id)
                report.count(report.duplicates_removed, record.TABLE)
            else:
                existing[record.TABLE].append(repo.update(record))
                report.count(report.moved, record.TABLE)
        keep = repo.update(_merged_fields(keep, drop))
        drop = repo.delete(Person, drop_id)
        for person in (drop, keep):
            audit.append(
                repo.conn,
                device=repo.device,
                action="merge",
                table=Person.TABLE,
                record_id=person.id,
                rec_hash=record_hash(Person.TABLE, to_row(person)),
            )
    return report
