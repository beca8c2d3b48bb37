"""Child process for test_crash_consistency: write records in a loop until killed.

    python tests/storage/crash_writer.py ARCHIVE [SEED]      (passphrase in TUMAR_PASSPHRASE)

Prints "READY" once the archive is unlocked, then after every committed transaction one
line per record it wrote: "<action> <table> <id>" (action: create, update, delete). Each
line is flushed right after COMMIT returns, so every id the parent has read is committed;
a kill between COMMIT and the print only means that id goes unreported.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

from tumar.storage.archive import Archive
from tumar.storage.connection import transaction
from tumar.storage.records import (
    CONSENT_SCOPES,
    EVENT_KINDS,
    NAME_KINDS,
    Case,
    Event,
    Person,
    PersonName,
    Record,
    Testimony,
    TestimonyCase,
)

DATES = ("2019-10-14", "2019-10?", "2019~", "2020-01-XX", "2013-03/2017-11", "2018-05-02%")
NAMES = (("Тілек Табарықұлы", "Cyrl"), ("Tilek Tabarikuly", "Latn"), ("伊犁", "Hans"))
WORDS = "border camp hearing detained released sentence relatives Алматы Жаркент".split()


def emit(records: list[tuple[str, Record]]) -> None:
    sys.stdout.write("".join(f"{action} {rec.TABLE} {rec.id}\n" for action, rec in records))
    sys.stdout.flush()


def text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words))


class Writer:
    def __init__(self, archive: Archive, rng: random.Random) -> None:
        self.repo = archive.repo
        self.rng = rng
        # records from earlier rounds are fair game for updates and deletes
        self.people = [p.id for p in self.repo.find(Person)]
        self.cases = [c.id for c in self.repo.find(Case)]
        self.events = [e.id for e in self.repo.find(Event)]

    def date(self) -> str | None:
        """Sometimes a vague date (parsing EDTF is slow; events always have one)."""
        return self.rng.choice(DATES) if self.rng.random() < 0.2 else None

    def person(self) -> list[tuple[str, Record]]:
        rng, repo = self.rng, self.repo
        with transaction(repo.conn):
            person = repo.insert(
                Person(display_name=text(rng, 2), notes=text(rng, 30), birth_date=self.date())
            )
            names = [
                repo.insert(
                    PersonName(
                        person_id=person.id, name=name, script=script, kind=rng.choice(NAME_KINDS)
                    )
                )
                for name, script in rng.sample(NAMES, rng.randint(1, len(NAMES)))
            ]
        self.people.append(person.id)
        return [("create", person)] + [("create", n) for n in names]

    def case(self) -> list[tuple[str, Record]]:
        case = self.repo.insert(Case(title=text(self.rng, 4), summary=text(self.rng, 80)))
        self.cases.append(case.id)
        return [("create", case)]

    def event(self) -> list[tuple[str, Record]]:
        if not self.cases:
            return self.case()
        event = self.repo.insert(
            Event(
                case_id=self.rng.choice(self.cases),
                kind=self.rng.choice(EVENT_KINDS),
                date=self.rng.choice(DATES),
                place=text(self.rng, 2),
                description=text(self.rng, 20),
            )
        )
        self.events.append(event.id)
        return [("create", event)]

    def testimony(self) -> list[tuple[str, Record]]:
        if not self.people:
            return self.person()
        rng, repo = self.rng, self.repo
        with transaction(repo.conn):
            # long enough to span several pages, so a kill can land mid-transaction
            testimony = repo.insert(
                Testimony(
                    witness_id=rng.choice(self.people),
                    text=text(rng, rng.randint(50, 1500)),
                    consent_scope=rng.choice(CONSENT_SCOPES),
                    recorded_at=self.date(),
                )
            )
            written: list[tuple[str, Record]] = [("create", testimony)]
            if self.cases:
                link = repo.insert(
                    TestimonyCase(testimony_id=testimony.id, case_id=rng.choice(self.cases))
                )
                written.append(("create", link))
        return written

    def update(self) -> list[tuple[str, Record]]:
        if self.people and (not self.cases or self.rng.random() < 0.5):
            person = self.repo.get(Person, self.rng.choice(self.people))
            person.notes = text(self.rng, 40)
            return [("update", self.repo.update(person))]
        if not self.cases:
            return self.person()
        case = self.repo.get(Case, self.rng.choice(self.cases))
        case.summary, case.status = text(self.rng, 60), self.rng.choice(("open", "appeal"))
        return [("update", self.repo.update(case))]

    def delete(self) -> list[tuple[str, Record]]:
        pools = [(Person, self.people), (Case, self.cases), (Event, self.events)]
        pools = [(cls, ids) for cls, ids in pools if len(ids) > 1]
        if not pools:
            return self.person()
        cls, ids = self.rng.choice(pools)
        record_id = ids.pop(self.rng.randrange(len(ids)))
        return [("delete", self.repo.delete(cls, record_id))]


def main() -> None:
    folder = Path(sys.argv[1])
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else None)
    archive = Archive.open(folder, os.environ["TUMAR_PASSPHRASE"])
    writer = Writer(archive, rng)
    ops = (
        (writer.person, 3), (writer.case, 1), (writer.event, 2), (writer.testimony, 3),
        (writer.update, 3), (writer.delete, 1),
    )  # fmt: skip
    funcs, weights = zip(*ops, strict=True)
    sys.stdout.write("READY\n")
    sys.stdout.flush()
    while True:  # until SIGKILL: never closes the archive on purpose
        emit(rng.choices(funcs, weights)[0]())


if __name__ == "__main__":
    main()
