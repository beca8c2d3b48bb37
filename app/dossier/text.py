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

from bidi import get_base_level, get_display
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.platypus import Paragraph
from reportlab.platypus import paragraph as rl_paragraph

from .glyphs import ShapingFont, logical_text

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
_ARABIC_WORD = re.compile(f"[{_ARABIC_CHARS}]+")


def _shape_by_font(word: list, *args: object, **kwargs: object) -> list:
    """ReportLab shapes a whole word with its first run's font, so "(伊宁市)" or "كەتتىم."
    would be shaped with Noto Sans and come out as empty boxes. Shape each run of one font
    on its own and join the pieces (a word's runs are drawn one after another anyway)."""
    if isinstance(word, ttfonts.ShapedFragWord):
        return word
    frags = word[1:]
    if any(hasattr(f, "cbDefn") for f, _ in frags) or len({f.fontName for f, _ in frags}) < 2:
        return _logical(_REPORTLAB_SHAPE(word, *args, **kwargs), frags)
    groups: list[list] = []
    for frag, text in frags:
        if groups and groups[-1][0][0].fontName == frag.fontName:
            groups[-1].append((frag, text))
        else:
            groups.append([(frag, text)])
    total = 0.0
    pieces: list = []
    shaped = False
    for group in groups:
        width = sum(pdfmetrics.stringWidth(t, f.fontName, f.fontSize) for f, t in group)
        result = _logical(_REPORTLAB_SHAPE([width, *group], *args, **kwargs), group)
        shaped = shaped or isinstance(result, ttfonts.ShapedFragWord)
        total += result[0]
        pieces.extend(result[1:])
    cls = ttfonts.makeShapedFragWord(word) if shaped else word.__class__
    return cls([total, *pieces])


_REPORTLAB_SHAPE = ttfonts.shapeFragWord


def _logical(result: list, frags: list) -> list:
    """A shaped word whose glyphs extract as the letters they came from (see glyphs.py)."""
    if not isinstance(result, ttfonts.ShapedFragWord):
        return result
    return logical_text(result, "".join(t for f, t in frags if not hasattr(f, "cbDefn")))


@functools.cache
def register_fonts() -> None:
    """Register the shipped fonts once per process, from the installed package."""
    folder = resources.files("tumar.resources").joinpath("fonts")
    for name, file_name in _FILES.items():
        with resources.as_file(folder.joinpath(file_name)) as path:
            pdfmetrics.registerFont(ShapingFont(name, str(path), shapable=True))
    rl_paragraph.shapeFragWord = _shape_by_font  # see _shape_by_font
    pdfmetrics.registerFontFamily(SANS, normal=SANS, bold=SANS_BOLD, italic=SANS,
                                  boldItalic=SANS_BOLD)  # fmt: skip


def has_arabic(text: str) -> bool:
    return _ARABIC_LETTER.search(text) is not None


def is_rtl(text: str) -> bool:
    """Does this text read right to left (its first strong letter is RTL, per UAX #9)?"""
    return has_arabic(text) and get_base_level(text) == 1


def visual(line: str, rtl: bool = False) -> str:
    """One line in drawing order (UAX #9 via python-bidi), except that each Arabic word keeps
    its letters in logical order: HarfBuzz joins and lays out a word's letters itself."""
    if not has_arabic(line):
        return line
    drawn = get_display(line, base_dir="R" if rtl else "L")
    return _ARABIC_WORD.sub(lambda m: m.group(0)[::-1], drawn)


def markup(text: str, bold: bool = False, rtl: bool = False) -> str:
    """ReportLab paragraph markup for plain text: lines in drawing order, XML-escaped, a
    font per script run, line breaks kept."""
    return "<br/>".join(_markup_line(visual(line, rtl), bold) for line in text.split("\n"))


def _markup_line(text: str, bold: bool) -> str:
    out: list[str] = []
    pos = 0
    for match in _RUN.finditer(text):
        out.append(escape(text[pos : match.start()]))
        if match.group("ar"):
            font = ARABIC_BOLD if bold else ARABIC
            out.append(f'<font name="{font}">{escape(match.group("ar"))}</font>')
        else:
            out.append(f'<font name="{CJK}">{escape(match.group("han"))}</font>')
        pos = match.end()
    out.append(escape(text[pos:]))
    return "".join(out)


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
    """Flowables for `text` in `style`. Each line break starts a paragraph of its own, so a
    testimony mixing a right-to-left and a left-to-right paragraph sets each its own way; a
    right-to-left paragraph is wrapped here (logical order) and drawn one right-aligned line
    at a time, so its lines stay in reading order."""
    if not has_arabic(text):
        return [Paragraph(markup(text, bold), style)]
    shaped = _shaped(style)
    rtl = ParagraphStyle(f"{style.name}-rtl", parent=shaped, alignment=TA_RIGHT, spaceAfter=0,
                         spaceBefore=0)  # fmt: skip
    flow: list = []
    block: list[str] = []

    def flush() -> None:
        if block:
            flow.append(Paragraph(markup("\n".join(block), bold), shaped))
            block.clear()

    for line in text.split("\n"):
        if width is None or not is_rtl(line):
            block.append(line)
            continue
        flush()
        flow += [Paragraph(markup(part, bold, rtl=True) or "&nbsp;", rtl)
                 for part in _rtl_lines(line, style, width)]  # fmt: skip
    flush()
    return flow


def cell(text: str, style: ParagraphStyle, bold: bool = False) -> Paragraph:
    """One Paragraph for a table cell (short text: names, places, labels)."""
    if not has_arabic(text):
        return Paragraph(markup(text, bold), style)
    if is_rtl(text) and "\n" not in text:
        return Paragraph(markup(text, bold, rtl=True), _shaped(style))
    return Paragraph(markup(text, bold), _shaped(style))
