"""A sync report in the window's language.

`tumar sync` prints MergeReport.lines() in English; the dialog says the same from the
report's numbers, through tr(), so a Kazakh window shows a Kazakh report. Replica ids,
record ids and HLC stamps are printed as they are.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from tumar.app.sync import errors
from tumar.app.sync import folder as sync_folder
from tumar.app.sync.merge import MergeReport
from tumar.widgets.pages import labels


def _fill(template: str, *values: object) -> str:
    """Qt's %1, %2, … placeholders (at most 9 here)."""
    for index, value in enumerate(values, 1):
        template = template.replace(f"%{index}", str(value))
    return template


class SyncReportText(QObject):
    """Only a translation context (self.tr) for the report's phrases."""

    def lines(self, report: sync_folder.SyncReport) -> list[str]:
        out = [line for merged in report.merged for line in self._merged(merged)]
        for skipped in report.skipped:
            reason = self._reason(skipped.kind) or skipped.message
            out.append(_fill(self.tr("Skipped %1: %2"), skipped.name, reason))
        return out

    def _reason(self, kind: str) -> str:
        """Why a bundle was not merged, and what to do, in the window's language ("" for
        a kind without words here: the CLI's English sentence is shown then)."""
        reasons = {
            errors.DAMAGED: self.tr(
                "the file is damaged or incomplete; copy it again from the laptop that wrote it"
            ),
            errors.WRONG_KEY: self.tr(
                "no key this laptop holds opens it; that laptop must add this laptop's key "
                "to its team"
            ),
            errors.OTHER_ARCHIVE: self.tr("it belongs to another archive"),
            errors.OWN: self.tr("it is this laptop's own bundle"),
            errors.REMOVED: self.tr(
                "its laptop was removed from the team; delete the file, or add the laptop again"
            ),
            errors.FORGED: self.tr(
                "it claims to come from a laptop but is signed by another key; refused"
            ),
            errors.CLOCK: self.tr(
                "the clock of the laptop that wrote it is more than a day ahead; correct its "
                "date and sync again"
            ),
            errors.WAITING: self.tr(
                "it assumes edits this laptop has not received yet; sync again after that "
                "laptop has seen this laptop's bundle"
            ),
            errors.CHANGING: self.tr("the file changed while it was read; sync again"),
            errors.NEWER: self.tr("a newer Tumar wrote it; update Tumar"),
        }
        return reasons.get(kind, "")

    def _merged(self, m: MergeReport) -> list[str]:
        if m.new_replica and m.dry_run:  # a preview pins nothing: say what the sync will do
            head = self.tr(
                "Bundle from replica %1 (a replica this archive has never seen; its key will be"
                " pinned when you sync)"
            )
        elif m.new_replica:
            head = self.tr(
                "Bundle from replica %1 (a replica this archive has never seen; its key is now"
                " pinned)"
            )
        else:
            head = self.tr("Bundle from replica %1")
        head = _fill(head, m.source[:8])
        if m.already_merged or m.applied is None:
            return [head, "  " + self.tr("nothing new")]
        r, applied = m.applied.records, m.applied
        counts = self.tr(
            "added %1, changed %2, deleted %3, older versions kept %4, already held %5"
        )
        imported = self.tr("audit entries imported %1, media added %2")
        out = [
            head,
            "  " + _fill(counts, r.added, r.changed, r.deleted, r.kept, r.unchanged),
            "  " + _fill(imported, applied.audit_entries, len(applied.media_added)),
        ]
        for table, record_id, winner, loser in r.conflicts:
            text = self.tr("conflict: %1 %2 (kept %3, other %4)")
            kind = labels.table(table).lower()  # mid-sentence
            out.append("  " + _fill(text, kind, record_id, winner[:17], loser[:17]))
        gone = applied.orphans
        if gone:
            if m.dry_run:
                text = self.tr(
                    "to be deleted with the deleted records they are attached to: notes %1, "
                    "events %2 (their text stays in history)"
                )
            else:
                text = self.tr(
                    "deleted with the deleted records they were attached to: notes %1, "
                    "events %2 (their text stays in history)"
                )
            out.append("  " + _fill(text, gone.notes, gone.events))
        return out


def report_lines(report: sync_folder.SyncReport) -> list[str]:
    return SyncReportText().lines(report)
