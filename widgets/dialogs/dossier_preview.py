"""The dossier preview in the window's language.

The export service writes its decisions in English (the CLI prints them as they are);
the person exporting from the window reads them in Russian or Kazakh. Each decision's
kind, description and reason is one of a small set of phrases from app/dossier (gather.py,
notes.py) with at most one name or value in it; those phrases are translated here and
tests/gui/test_dialogs_translations.py checks that a Russian preview has no English left.
Names and file names are record content and stay as written.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from tumar.app.dossier.content import Decision, Preview
from tumar.widgets.pages import labels


class DossierPreview(QObject):
    """Only a translation context (self.tr) for the preview's phrases."""

    def text(self, shown: Preview) -> str:
        lines = []
        for title, items in ((self.tr("Included (%1)"), shown.included),
                             (self.tr("Left out (%1)"), shown.left_out),
                             (self.tr("Anonymised (%1)"), shown.anonymised)):  # fmt: skip
            lines.append(title.replace("%1", str(len(items))))
            lines += [self._line(d) for d in items]
        if shown.confidential:
            lines.append(self.tr("Every page will be marked “Confidential — for legal counsel”."))
        return "\n".join(lines)

    def _line(self, d: Decision) -> str:
        return f"  {self._kind(d.kind)}: {self._what(d.what)} — {self._reason(d.reason)}"

    def _kind(self, kind: str) -> str:
        words = {"testimony": self.tr("testimony"), "media": self.tr("media"),
                 "person": self.tr("person"), "note": self.tr("note")}  # fmt: skip
        return words.get(kind, kind)

    def _what(self, what: str) -> str:
        if what == "on the case":
            return self.tr("on the case")
        for prefix, template in (("on the testimony by ", self.tr("on the testimony by %1")),
                                 ("by ", self.tr("by %1")), ("on ", self.tr("on %1"))):  # fmt: skip
            if what.startswith(prefix):
                return template.replace("%1", what[len(prefix) :])
        return what

    def _reason(self, reason: str) -> str:
        fixed = {
            "consent withdrawn": self.tr("consent withdrawn"),
            "no consent to share": self.tr("no consent to share"),
            "consent for legal counsel only; export with --confidential to include": self.tr(
                "consent for legal counsel only; tick “Confidential” to include"
            ),
            "in the case": self.tr("in the case"),
            "linked to a testimony that is left out": self.tr(
                "linked to a testimony that is left out"
            ),
            "linked to an included testimony": self.tr("linked to an included testimony"),
            "linked to the case": self.tr("linked to the case"),
            "testimony consent: anonymised": self.tr("testimony consent: anonymised"),
            "attached to an included record": self.tr("attached to an included record"),
            "a one-person dossier": self.tr("a one-person dossier"),
            "remarks about an anonymised person could identify them": self.tr(
                "remarks about an anonymised person could identify them"
            ),
            "attached to a testimony that is left out": self.tr(
                "attached to a testimony that is left out"
            ),
        }
        if reason in fixed:
            return fixed[reason]
        return (
            _with_value(reason, "consent: ", self.tr("consent: %1"), labels.consent)
            or _with_value(reason, "risk flag (", self.tr("risk flag (%1)"), labels.risk)
            or reason
        )


def _with_value(text: str, prefix: str, template: str, word: Callable[[str], str]) -> str | None:
    """`template` with %1 the translated value(s), when `text` is `prefix` + value(s)."""
    if not text.startswith(prefix):
        return None
    values = text[len(prefix) :].rstrip(")").split(",")
    return template.replace("%1", ", ".join(word(v.strip()) for v in values))


def preview_text(shown: Preview) -> str:
    return DossierPreview().text(shown)
