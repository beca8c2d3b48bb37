"""Page geometry and paragraph styles of the dossier: one place, every style on our fonts.

A style left on ReportLab's default (Helvetica) would put a font into the PDF that is not
embedded, and some readers would then substitute it; so every style names a shipped font.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from .text import SANS, SANS_BOLD, register_fonts

PAGE_W, PAGE_H = A4
MARGIN = 20 * mm
FRAME_W = PAGE_W - 2 * MARGIN
INK = colors.HexColor("#1b2430")
MUTED = colors.HexColor("#5b6675")
RULE = colors.HexColor("#c9d1db")
ACCENT = colors.HexColor("#1f4e79")
ALERT = colors.HexColor("#a4161a")
SHADE = colors.HexColor("#f1f4f8")


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    body: ParagraphStyle
    label: ParagraphStyle
    small: ParagraphStyle
    hash: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    toc1: ParagraphStyle
    toc2: ParagraphStyle
    center_small: ParagraphStyle


def make_styles() -> Styles:
    register_fonts()

    def style(name: str, **kw: object) -> ParagraphStyle:
        kw.setdefault("fontName", SANS)
        kw.setdefault("textColor", INK)
        return ParagraphStyle(name, **kw)  # type: ignore[arg-type]

    return Styles(
        title=style("title", fontName=SANS_BOLD, fontSize=24, leading=30, spaceAfter=6),
        subtitle=style("subtitle", fontSize=13, leading=18, textColor=MUTED, spaceAfter=18),
        h1=style("h1", fontName=SANS_BOLD, fontSize=16, leading=21, spaceBefore=4,
                 spaceAfter=10, textColor=ACCENT),
        h2=style("h2", fontName=SANS_BOLD, fontSize=12.5, leading=17, spaceBefore=12,
                 spaceAfter=6, textColor=INK),
        h3=style("h3", fontName=SANS_BOLD, fontSize=10, leading=14, spaceBefore=8,
                 spaceAfter=3, textColor=MUTED),
        body=style("body", fontSize=10, leading=14.5, spaceAfter=6, alignment=TA_LEFT),
        label=style("label", fontName=SANS_BOLD, fontSize=8.5, leading=11, textColor=MUTED),
        small=style("small", fontSize=8, leading=10.5, textColor=MUTED, spaceAfter=4),
        hash=style("hash", fontSize=7, leading=9, textColor=INK, wordWrap="CJK"),
        cell=style("cell", fontSize=9, leading=12),
        cell_bold=style("cell_bold", fontName=SANS_BOLD, fontSize=9, leading=12),
        toc1=style("toc1", fontName=SANS_BOLD, fontSize=11, leading=16, leftIndent=0),
        toc2=style("toc2", fontSize=9.5, leading=13, leftIndent=14, textColor=MUTED),
        center_small=style("center_small", fontSize=8, leading=10, alignment=TA_CENTER,
                           textColor=MUTED),
    )  # fmt: skip
