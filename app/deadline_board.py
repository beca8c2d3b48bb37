"""Deadlines grouped the way a lawyer scans them: overdue, this week, later.

Why "overdue" is bounded: every past event is in the past (an arrest in 2019 is not
overdue); what needs attention is a dated event whose earliest day passed recently and
which nobody has moved yet. OVERDUE_DAYS bounds that window. Later deadlines come from
`deadlines.upcoming`, so the CLI's `tumar deadlines` and the window agree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tumar.storage.archive import Archive
from tumar.storage.records import Case, Event

from .deadlines import Deadline, upcoming

OVERDUE_DAYS = 30
WEEK_DAYS = 7
SOON_DAYS = 14  # the navigation badge counts deadlines within this many days


@dataclass
class DeadlineBoard:
    overdue: list[Deadline] = field(default_factory=list)  # days_left < 0
    this_week: list[Deadline] = field(default_factory=list)  # 0 … 7 days left
    later: list[Deadline] = field(default_factory=list)

    @property
    def due_soon(self) -> int:
        """Overdue ones plus those due within SOON_DAYS (the badge number)."""
        return len(self.overdue) + sum(
            1 for d in (*self.this_week, *self.later) if d.days_left <= SOON_DAYS
        )


def board(archive: Archive, today: dt.date | None = None) -> DeadlineBoard:
    today = today or dt.date.today()
    result = DeadlineBoard()
    for deadline in upcoming(archive, today):
        bucket = result.this_week if deadline.days_left <= WEEK_DAYS else result.later
        bucket.append(deadline)
    since = (today - dt.timedelta(days=OVERDUE_DAYS)).isoformat()
    cases = {c.id: c for c in archive.repo.find(Case)}
    for event in archive.repo.find(Event, order_by="date_lower"):
        lower = event.date_lower
        if not lower or not (since <= lower < today.isoformat()) or event.case_id not in cases:
            continue
        if event.kind not in ("hearing", "postponement", "deportation_order",
                              "certificate_expires", "other"):  # fmt: skip
            continue
        days = (dt.date.fromisoformat(lower) - today).days
        result.overdue.append(Deadline(event, cases[event.case_id], days))
    return result
