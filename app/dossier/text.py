"""Fonts and paragraphs for every script a case holds: Latin, Kazakh Cyrillic, Arabic, Chinese.

ReportLab draws each run of text in one font, so text is cut into runs by script and each
run gets a font that has its glyphs (Noto Sans; Noto Sans Arabic; Droid Sans Fallback for
Han), all TrueType shipped in resources/fonts and embedded (subset) in the PDF.

Arabic script (Kazakh töte jazu) is right-to-left and joined: HarfBuzz (uharfbuzz, through
ReportLab's `shaping`) picks the joined letter forms and lays each word out right to left;
the order of *words* is ours to set. python-bidi's algorithm decides whether a paragraph
reads right to left; inside a left-to-right line an Arabic run's words are put in visual
order, and a right-to-left paragraph is wrapped into lines first (logical order), then each
line is put in visual order. Drawing words in visual order keeps the PDF's text extractable
in logical order (`pdftotext` reverses right-to-left words back).
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from xml.sax.saxutils import escape

from bidi import get_base_level
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph

SANS, SANS_BOLD = "TumarSans", "TumarSans-Bold"
ARABIC, ARABIC_BOLD = "TumarArabic", "TumarArabic-Bold"
CJK = "TumarCJK"
_FILES = {
    SANS: "NotoSans-Regular.ttf",
    SANS_BOLD: "NotoSans-Bold.ttf",
    ARABIC: "NotoSansArabic-Regular.ttf",
    ARABIC_BOLD: "NotoSansArabic-Bold.ttf",
    CJK: "DroidSansFallbackFull.ttf",
}

_ARABIC_CHARS = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_HAN_CHARS = (
    "\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u31a0-\u31ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
)
# an Arabic run: Arabic words and the spaces/punctuation between them (not at the ends)
_RUN = re.compile(
    rf"(?P<ar>[{_ARABIC_CHARS}]+(?:[\s\u060c\u061b\u061f.,:;!?()«»\-]+[{_ARABIC_CHARS}]+)*)"
    rf"|(?P<han>[{_HAN_CHARS}]+)"
)
_ARABIC_LETTER = re.compile(f"[{_ARABIC_CHARS}]")


@functools.cache
def register_fonts() -> None:
    """Register the shipped fonts once per process, from the installed package."""
    folder = resources.files("tumar.resources").joinpath("fonts")
    for name, file_name in _FILES.items():
        with resources.as_file(folder.joinpath(file_name)) as path:
            pdfmetrics.registerFont(TTFont(name, str(path), shapable=name != CJK))
    pdfmetrics.registerFontFamily(SANS, normal=SANS, bold=SANS_BOLD, italic=SANS,
                                  boldItalic=SANS_BOLD)  # fmt: skip


def has_arabic(text: str) -> bool:
    return _ARABIC_LETTER.search(text) is not None


def is_rtl(text: str) -> bool:
    """Does this text read right to left (its first strong letter is RTL, per UAX #9)?"""
    return has_arabic(text) and get_base_level(text) == 1


def _visual_words(run: str) -> str:
    """An Arabic run's words in visual (left-to-right drawing) order; HarfBuzz lays out the
    letters of each word, so only the word order changes."""
    return " ".join(reversed(run.split()))


def markup(text: str, bold: bool = False) -> str:
    """ReportLab paragraph markup for plain text: XML-escaped, fonts per script, line breaks
    kept, Arabic runs in visual order."""
    out: list[str] = []
    pos = 0
    for match in _RUN.finditer(text):
        out.append(escape(text[pos : match.start()]))
        if match.group("ar"):
            font = ARABIC_BOLD if bold else ARABIC
            out.append(f'<font name="{font}">{escape(_visual_words(match.group("ar")))}</font>')
        else:
            out.append(f'<font name="{CJK}">{escape(match.group("han"))}</font>')
        pos = match.end()
    out.append(escape(text[pos:]))
    return "".join(out).replace("\n", "<br/>")


def _shaped(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-shaped", parent=style, shaping=1)


def _rtl_lines(text: str, style: ParagraphStyle, width: float) -> list[str]:
    """Greedy wrap in logical order; the Arabic font's unshaped widths slightly overestimate
    joined text, which only makes lines a little shorter."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current: list[str] = []
        for word in paragraph.split():
            trial = " ".join([*current, word])
            if current and pdfmetrics.stringWidth(trial, ARABIC, style.fontSize) > width * 0.95:
                lines.append(" ".join(current))
                current = [word]
            else:
                current.append(word)
        lines.append(" ".join(current))
    return lines


def para(text: str, style: ParagraphStyle, width: float | None = None, bold: bool = False) -> list:
    """Flowables for `text` in `style`: one Paragraph, or for a right-to-left paragraph one
    right-aligned Paragraph per line (wrapped here, so lines stay in reading order)."""
    if not has_arabic(text):
        return [Paragraph(markup(text, bold), style)]
    shaped = _shaped(style)
    if not is_rtl(text) or width is None:
        return [Paragraph(markup(text, bold), shaped)]
    rtl = ParagraphStyle(f"{style.name}-rtl", parent=shaped, alignment=TA_RIGHT, spaceAfter=0,
                         spaceBefore=0)  # fmt: skip
    lines = _rtl_lines(text, style, width)
    flow = [Paragraph(markup(line, bold) or "&nbsp;", rtl) for line in lines]
    if flow:
        last = ParagraphStyle(f"{style.name}-rtl-last", parent=rtl, spaceAfter=style.spaceAfter)
        flow[-1] = Paragraph(markup(lines[-1], bold) or "&nbsp;", last)
    return flow


def cell(text: str, style: ParagraphStyle, bold: bool = False) -> Paragraph:
    """One Paragraph for a table cell (short text: names, places, labels)."""
    return Paragraph(markup(text, bold), _shaped(style) if has_arabic(text) else style)
