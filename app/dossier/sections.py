"""The dossier's sections as ReportLab flowables: cover, summary, people, timeline,
deadlines, testimonies, photos, manifest, custody.

Everything printed comes from DossierContent (already filtered and redacted) or ExportMeta;
labels come from the chosen language, record content is printed as written.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from tumar.app.edtf_words import describe

from .content import DossierContent, ExportMeta, PhotoEntry, TestimonyEntry
from .identity import format_fingerprint
from .labels import Labels
from .photos import DerivedPhoto
from .styles import FRAME_W, RULE, SHADE, Styles
from .text import SANS, cell, para

SIGNATURE_BOX_H = 30 * mm  # the cover keeps this much free at the bottom for the signature
PHOTO_MAX_H = 110 * mm


class _JpegReader(ImageReader):
    """The derived JPEG as ReportLab's image source, embedded as is (DCTDecode). ReportLab
    decodes an ImageReader's pixels only to name it; naming it by its JPEG bytes instead
    keeps 200 photos from costing gigabytes of decoded pixels."""

    def __init__(self, photo: DerivedPhoto) -> None:  # no super().__init__: nothing to open
        self.fileName = f"photo-{photo.sha256}"
        self._photo = photo
        self._image = None
        self._dataA = None
        self._transparent = None
        self.mode = "RGB"

    def getSize(self) -> tuple[int, int]:  # noqa: N802 - ReportLab's API
        return self._photo.width, self._photo.height

    def getRGBData(self) -> bytes:  # noqa: N802 - only used to name the image
        return self._photo.jpeg

    def jpeg_fh(self) -> io.BytesIO:
        return io.BytesIO(self._photo.jpeg)

    def getTransparent(self) -> None:  # noqa: N802
        return None


class PhotoFlowable(Flowable):
    def __init__(self, photo: DerivedPhoto, width: float, height: float) -> None:
        super().__init__()
        self.photo, self.width, self.height = photo, width, height
        self.hAlign = "LEFT"

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.drawImage(_JpegReader(self.photo), 0, 0, self.width, self.height)


class Heading(Paragraph):
    """A heading that also becomes a table-of-contents line and a PDF bookmark."""

    def __init__(self, text: str, style, level: int, key: str) -> None:  # type: ignore[no-untyped-def]
        from .text import markup

        super().__init__(markup(text, bold=True), style)
        self.toc_text = text
        self.toc_level = level
        self.bookmark_key = key


def _when(text: str | None, lab: Labels) -> str:
    if not text:
        return lab["none"]
    try:
        return describe(text, lab.lang)
    except ValueError:
        return text


def _kv_table(rows: list[tuple[str, str]], st: Styles, widths: tuple[float, float]) -> Table:
    data = [[cell(k, st.label), cell(v, st.cell)] for k, v in rows if v]
    table = Table(data, colWidths=list(widths), hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), SANS),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3), ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ]))  # fmt: skip
    return table


def _grid(data: list[list], widths: list[float], header: bool = True) -> Table:
    table = Table(data, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT")
    rules = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), SANS),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]  # fmt: skip
    if header:
        rules.append(("BACKGROUND", (0, 0), (-1, 0), SHADE))
    table.setStyle(TableStyle(rules))
    return table


def cover(c: DossierContent, meta: ExportMeta, st: Styles, lab: Labels) -> list[Flowable]:
    opts = c.options
    scope = lab["one_person"] if opts.person_id else lab["whole_case"]
    rows = [
        (lab["court"], c.court), (lab["jurisdiction"], c.jurisdiction),
        (lab["status"], lab.status(c.case_status)), (lab["scope"], scope),
        (lab["exported"], f"{meta.exported_display}"), (lab["archive_id"], meta.archive_id),
        (lab["signer"], meta.organisation),
        (lab["fingerprint"], format_fingerprint(meta.fingerprint)),
        (lab["audit_head"], f"#{meta.audit_seq} · {meta.audit_head}"),
    ]  # fmt: skip
    flow: list[Flowable] = [Spacer(1, 18 * mm), Paragraph(lab["dossier"].upper(), st.label)]
    flow += para(c.case_title, st.title, FRAME_W)
    flow.append(Spacer(1, 8 * mm))
    flow.append(_kv_table(rows, st, (48 * mm, FRAME_W - 48 * mm)))
    return flow


def contents_heading(st: Styles, lab: Labels) -> Paragraph:
    return Paragraph(lab["contents"], st.h1)


def summary(c: DossierContent, st: Styles, lab: Labels) -> list[Flowable]:
    flow: list[Flowable] = [Heading(lab["summary"], st.h1, 0, "summary")]
    flow += para(c.summary or lab["none"], st.body, FRAME_W)
    if c.notes:
        flow.append(Paragraph(lab["notes"], st.h3))
        for note in c.notes:
            flow += para(note, st.body, FRAME_W)
    return flow


def people(c: DossierContent, st: Styles, lab: Labels) -> list[Flowable]:
    flow: list[Flowable] = [Heading(lab["people"], st.h1, 0, "people")]
    data = [[cell(lab["name"], st.label), cell(lab["role"], st.label),
             cell(lab["names"], st.label)]]  # fmt: skip
    for p in c.people:
        roles = ", ".join(lab.role(r) for r in p.roles)
        if p.anonymised:
            spellings: Flowable = cell(lab["anonymised_note"], st.small)
        else:
            lines = [f"{name}  ({lab.script(script)}, {lab.name_kind(kind)})"
                     for name, script, kind in p.names]  # fmt: skip
            if p.birth_date:
                lines.append(f"{lab['born']}: {_when(p.birth_date, lab)}")
            spellings = cell("\n".join(lines), st.cell)
        data.append([cell(p.label, st.cell_bold), cell(roles, st.cell), spellings])
    flow.append(_grid(data, [48 * mm, 32 * mm, FRAME_W - 80 * mm]))
    noted = [p for p in c.people if p.notes]
    if noted:  # below the table: a table row cannot break across pages, a long note can
        flow.append(Heading(lab["notes_people"], st.h2, 1, "people-notes"))
        for p in noted:
            flow.append(cell(p.label, st.h3))
            for note in p.notes:
                flow += para(note, st.body, FRAME_W)
    return flow


def timeline(c: DossierContent, st: Styles, lab: Labels) -> list[Flowable]:
    flow: list[Flowable] = [Heading(lab["timeline"], st.h1, 0, "timeline")]
    data = [[cell(lab["date"], st.label), cell(lab["event"], st.label),
             cell(lab["place"], st.label)]]  # fmt: skip
    for e in c.events:
        text = lab.event(e.kind)
        if e.description:
            text += f"\n{e.description}"
        if e.people:
            text += f"\n({', '.join(e.people)})"
        if e.source:
            text += f"\n{lab['source']}: {e.source}"
        data.append([cell(_when(e.date, lab), st.cell_bold), cell(text, st.cell),
                     cell(e.place, st.cell)])  # fmt: skip
    flow.append(_grid(data, [40 * mm, FRAME_W - 85 * mm, 45 * mm]))
    if c.deadlines:
        flow.append(Heading(lab["deadlines"], st.h2, 1, "deadlines"))
        rows = [[cell(lab["date"], st.label), cell(lab["event"], st.label),
                 cell(lab["days_left"], st.label)]]  # fmt: skip
        for e, days in c.deadlines:
            rows.append([cell(_when(e.date, lab), st.cell_bold),
                         cell(f"{lab.event(e.kind)} {e.place}".strip(), st.cell),
                         cell(f"{days} {lab['days_left']}", st.cell)])  # fmt: skip
        flow.append(_grid(rows, [40 * mm, FRAME_W - 75 * mm, 35 * mm]))
    return flow


def photo_block(
    p: PhotoEntry, derived: DerivedPhoto | None, st: Styles, lab: Labels, location: bool
) -> Flowable:
    parts: list[Flowable] = []
    if derived is not None:
        scale = min(FRAME_W / derived.width, PHOTO_MAX_H / derived.height)
        parts += [PhotoFlowable(derived, derived.width * scale, derived.height * scale),
                  Spacer(1, 2 * mm)]  # fmt: skip
    m = p.media
    caption = p.caption or p.name
    parts += para(caption, st.cell_bold, FRAME_W)
    facts = [f"{lab['captured']}: {m.captured_at or lab['none']}",
             f"{lab['sha_original']}: {m.sha256}"]  # fmt: skip
    if location and m.has_gps and m.gps_lat is not None and m.gps_lon is not None:
        facts.append(f"{lab['location']}: {m.gps_lat:.6f}, {m.gps_lon:.6f}")
    if derived is not None:
        facts.append(lab["derived_gps"] if location else lab["derived"])
    else:
        facts.append(
            f"{lab['media_other']}: {lab.media_kind(m.kind)}, {m.mime}, {m.size} {lab['bytes']}"
        )
    parts.append(cell("\n".join(facts), st.small))
    parts.append(Spacer(1, 5 * mm))
    return KeepTogether(parts)


def testimony(
    t: TestimonyEntry, index: int, photos: dict[str, DerivedPhoto], st: Styles, lab: Labels,
    location: bool,
) -> list[Flowable]:  # fmt: skip
    title = f"{index}. {t.witness}"
    if t.recorded_at:
        title += f" — {_when(t.recorded_at, lab)}"
    flow: list[Flowable] = [CondPageBreak(60 * mm), Heading(title, st.h2, 1, f"t{index}")]
    consent = lab.consent(t.consent_scope)
    if t.consent_date:
        consent += f" ({lab['consent_date']} {_when(t.consent_date, lab)})"
    rows = [
        (lab["witness"], t.witness), (lab["recorded"], _when(t.recorded_at, lab)),
        (lab["recorded_where"], t.recorded_where), (lab["recorded_by"], t.recorded_by),
        (lab["language"], lab.language(t.language)), (lab["consent"], consent),
        ("SHA-256", t.record_hash),
    ]  # fmt: skip
    flow.append(_kv_table(rows, st, (35 * mm, FRAME_W - 35 * mm)))
    flow.append(Paragraph(lab["original"], st.h3))
    flow += para(t.text, st.body, FRAME_W)
    for tr in t.translations:
        who = f", {lab['translator']}: {tr.translator}" if tr.translator else ""
        heading = f"{lab['translation']} ({lab.language(tr.language)}{who})"
        flow.append(cell(heading, st.h3))  # escaped, a font per script: the translator's name
        flow += para(tr.text, st.body, FRAME_W)
    if t.notes:
        flow.append(Paragraph(lab["notes_testimony"], st.h3))
        for note in t.notes:
            flow += para(note, st.body, FRAME_W)
    for p in t.photos:
        flow.append(photo_block(p, photos.get(p.media.id), st, lab, location))
    return flow


def testimonies(c: DossierContent, photos: dict[str, DerivedPhoto], st: Styles,
                lab: Labels) -> list[Flowable]:  # fmt: skip
    flow: list[Flowable] = [Heading(lab["testimonies"], st.h1, 0, "testimonies")]
    if not c.testimonies:
        flow.append(Paragraph(lab["none"], st.body))
    for i, t in enumerate(c.testimonies, 1):
        flow += testimony(t, i, photos, st, lab, c.options.include_location)
    if c.left_out_count:
        flow.append(Paragraph(f"{lab['left_out_note']}{c.left_out_count}", st.small))
    return flow


def case_photos(c: DossierContent, photos: dict[str, DerivedPhoto], st: Styles,
                lab: Labels) -> list[Flowable]:  # fmt: skip
    if not c.case_photos:
        return []
    flow: list[Flowable] = [PageBreak(), Heading(lab["photos"], st.h1, 0, "photos")]
    for p in c.case_photos:
        flow.append(photo_block(p, photos.get(p.media.id), st, lab, c.options.include_location))
    return flow


def manifest_table(items: list[dict], meta: ExportMeta, st: Styles, lab: Labels,
                   kind_label: Callable[[str], str]) -> list[Flowable]:  # fmt: skip
    flow: list[Flowable] = [PageBreak(), Heading(lab["manifest"], st.h1, 0, "manifest")]
    data = [[cell(lab["type"], st.label), cell(lab["id"], st.label), cell("SHA-256", st.label),
             cell(lab["size"], st.label)]]  # fmt: skip
    for item in items:
        data.append([
            cell(kind_label(item["type"]), st.cell), Paragraph(item["id"], st.hash),
            Paragraph(item["sha256"], st.hash), cell(str(item["size"]), st.cell),
        ])  # fmt: skip
    flow.append(_grid(data, [22 * mm, 58 * mm, FRAME_W - 98 * mm, 18 * mm]))
    flow.append(Spacer(1, 4 * mm))
    flow.append(cell(f"{lab['audit_head']}: #{meta.audit_seq} · {meta.audit_head}", st.cell))
    flow.append(Paragraph(lab["manifest_note"], st.small))
    return flow


def custody(c: DossierContent, meta: ExportMeta, st: Styles, lab: Labels) -> list[Flowable]:
    opts = c.options
    chosen = [lab["opt_confidential"]] if opts.confidential else []
    chosen += [lab["opt_location"]] if opts.include_location else []
    rows = [
        (lab["exported_at"], meta.exported_display), (lab["archive_id"], meta.archive_id),
        (lab["replica"], meta.replica_id), (lab["exported_by"], meta.subject),
        (lab["fingerprint"], format_fingerprint(meta.fingerprint)),
        (lab["audit_head"], meta.audit_head), (lab["audit_entries"], str(meta.audit_seq)),
        (lab["tumar_version"], meta.version), (lab["options"], "; ".join(chosen)),
        (lab["left_out"], str(c.left_out_count) if c.left_out_count else ""),
    ]  # fmt: skip
    flow: list[Flowable] = [PageBreak(), Heading(lab["custody"], st.h1, 0, "custody")]
    flow.append(_kv_table(rows, st, (52 * mm, FRAME_W - 52 * mm)))
    flow.append(Spacer(1, 6 * mm))
    flow += para(lab["custody_note"], st.body, FRAME_W)
    return flow
