"""Laying the dossier out as an unsigned PDF, in memory.

The PDF is built in memory (never a temp file: it holds record content) and handed to the
signer. A table of contents and PDF bookmarks come from the headings; every page carries a
footer with the page number and, for a confidential dossier, the confidential mark.
"""

from __future__ import annotations

import io

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from tumar.app.jobs import CancelToken

from . import sections
from .content import DossierContent, ExportMeta
from .identity import format_fingerprint
from .labels import Labels
from .photos import DerivedPhoto
from .styles import ACCENT, ALERT, FRAME_W, MARGIN, MUTED, PAGE_H, PAGE_W, RULE, make_styles
from .text import SANS, SANS_BOLD, register_fonts

# where the visible signature sits on the cover (x1, y1, x2, y2 in points, from bottom left)
SIGNATURE_BOX = (int(MARGIN), int(MARGIN + 12), int(PAGE_W - MARGIN), int(MARGIN + 12 + 80))


class _Doc(BaseDocTemplate):
    def __init__(self, out: io.BytesIO, content: DossierContent, lab: Labels,
                 cancel: CancelToken) -> None:  # fmt: skip
        super().__init__(
            out, pagesize=(PAGE_W, PAGE_H), leftMargin=MARGIN, rightMargin=MARGIN,
            topMargin=MARGIN + 6, bottomMargin=MARGIN + 8, title=lab["dossier"],
            author="Tumar", creator="Tumar", subject=lab["dossier"], initialFontName=SANS,
            lang=lab.lang,
        )  # fmt: skip
        self.lab = lab
        self.confidential = content.options.confidential
        self.case_ref = content.options.case_id[:13]
        self.cancel = cancel
        frame = Frame(MARGIN, MARGIN + 8, FRAME_W, PAGE_H - 2 * MARGIN - 14, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)  # fmt: skip
        cover_frame = Frame(MARGIN, SIGNATURE_BOX[3] + 10, FRAME_W,
                            PAGE_H - MARGIN - SIGNATURE_BOX[3] - 16, id="cover",
                            leftPadding=0, rightPadding=0, topPadding=0,
                            bottomPadding=0)  # fmt: skip
        self.addPageTemplates([
            PageTemplate("cover", [cover_frame], onPage=self._decorate),
            PageTemplate("body", [frame], onPage=self._decorate),
        ])  # fmt: skip

    def _decorate(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        self.cancel.raise_if_cancelled()
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, MARGIN - 2, PAGE_W - MARGIN, MARGIN - 2)
        canvas.setFont(SANS, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN, MARGIN - 12, f"Tumar · {self.lab['dossier']} · {self.case_ref}")
        canvas.drawRightString(PAGE_W - MARGIN, MARGIN - 12, f"{self.lab['page']} {doc.page}")
        if self.confidential:
            canvas.setFillColor(ALERT)
            canvas.rect(0, PAGE_H - 16, PAGE_W, 16, stroke=0, fill=1)
            canvas.setFillColor("white")
            canvas.setFont(SANS_BOLD, 8.5)
            canvas.drawCentredString(PAGE_W / 2, PAGE_H - 11.5, self.lab["confidential"].upper())
            canvas.setFillColor(ALERT)
            canvas.setFont(SANS_BOLD, 7.5)
            canvas.drawCentredString(PAGE_W / 2, MARGIN - 12, self.lab["confidential"])
        else:
            canvas.setFillColor(ACCENT)
            canvas.rect(0, PAGE_H - 6, PAGE_W, 6, stroke=0, fill=1)
        canvas.restoreState()

    def afterFlowable(self, flowable: object) -> None:
        if isinstance(flowable, sections.Heading):
            key = flowable.bookmark_key
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.toc_text, key, flowable.toc_level, closed=False)
            self.notify("TOCEntry", (flowable.toc_level, flowable.toc_text, self.page, key))


def render(
    content: DossierContent,
    meta: ExportMeta,
    photos: dict[str, DerivedPhoto],
    manifest_items: list[dict],
    cancel: CancelToken,
) -> bytes:
    register_fonts()
    rl_config.useA85 = 0  # images as plain DCTDecode: the JPEG bytes the manifest hashes
    st = make_styles()
    lab = Labels(content.options.lang)
    toc = TableOfContents(
        levelStyles=[st.toc1, st.toc2], dotsMinLevel=0,
        tableStyle=TableStyle([("FONTNAME", (0, 0), (-1, -1), SANS),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]),
    )  # fmt: skip
    story: list = sections.cover(content, meta, st, lab)
    story += [NextPageTemplate("body"), PageBreak(), sections.contents_heading(st, lab), toc,
              PageBreak()]  # fmt: skip
    story += sections.summary(content, st, lab)
    story += sections.people(content, st, lab)
    story += sections.timeline(content, st, lab)
    story += [PageBreak()] + sections.testimonies(content, photos, st, lab)
    story += sections.case_photos(content, photos, st, lab)

    def kind_label(kind: str) -> str:
        return lab[f"kind_{kind}"] if f"kind_{kind}" in lab else kind

    story += sections.manifest_table(manifest_items, meta, st, lab, kind_label)
    story += sections.custody(content, meta, st, lab)
    out = io.BytesIO()
    doc = _Doc(out, content, lab, cancel)
    doc.multiBuild(story)
    return out.getvalue()


def render_stamp(meta: ExportMeta, lab: Labels) -> bytes:
    """The visible signature block, as a one-page PDF the signer uses as its appearance."""
    register_fonts()
    x1, y1, x2, y2 = SIGNATURE_BOX
    w, h = x2 - x1, y2 - y1
    out = io.BytesIO()
    c = Canvas(out, pagesize=(w, h), initialFontName=SANS)
    c.setStrokeColor(ACCENT)
    c.setFillColor("#f1f4f8")
    c.setLineWidth(1)
    c.roundRect(0.5, 0.5, w - 1, h - 1, 4, stroke=1, fill=1)
    c.setFillColor(ACCENT)
    c.setFont(SANS_BOLD, 10)
    c.drawString(10, h - 18, f"{lab['signer']}: {meta.organisation}"[:90])
    c.setFillColor("#1b2430")
    c.setFont(SANS, 8)
    c.drawString(10, h - 32, f"{lab['fingerprint']}:")
    c.setFont(SANS, 7.5)
    c.drawString(10, h - 43, format_fingerprint(meta.fingerprint))
    c.setFont(SANS, 8)
    c.drawString(10, h - 57, f"{lab['exported']}: {meta.exported_display} · {lab['archive']}: "
                 f"{meta.archive_id}")  # fmt: skip
    c.setFillColor(MUTED)
    c.drawString(10, h - 70, lab["signature_box"])
    c.showPage()
    c.save()
    return out.getvalue()
