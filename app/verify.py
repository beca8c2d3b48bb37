"""`tumar verify`: recompute everything that can prove the archive was not altered."""

from __future__ import annotations

from dataclasses import dataclass, field

from tumar.storage import audit
from tumar.storage.archive import Archive

from .media.verify_media import verify_media


@dataclass
class VerifyReport:
    audit_entries: int = 0
    records_checked: int = 0
    head_hash: str = ""
    integrity: str = ""
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_archive(archive: Archive) -> VerifyReport:
    report = VerifyReport()
    for name, conn in (("archive.db", archive.records_db), ("media.db", archive.media_db)):
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            report.problems.append(f"{name} failed SQLite's integrity check: {result}")
    chain = audit.verify(archive.records_db)
    report.audit_entries = chain.entries
    report.records_checked = chain.records
    report.head_hash = chain.head_hash
    report.problems.extend(chain.problems)
    report.problems.extend(verify_media(archive).problems)
    return report
