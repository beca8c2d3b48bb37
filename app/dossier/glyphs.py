"""Shaped glyphs that copy and search as the letters they were shaped from.

HarfBuzz turns Arabic-script letters into joined forms (initial, medial, final) and
ligatures. ReportLab writes each shaped glyph as the first character the font's cmap maps
to it, and when the cmap maps none (Kazakh ە in final form, ى in medial form, and other
forms Unicode never gave a presentation-form code point) it invents a private-use code
(U+E000…). The PDF's ToUnicode map then says "U+E000", and `pdftotext`, a reader's search
and copy-paste return garbage where a name should be: a lawyer cannot find a witness's
name in their own dossier.

So every shaped glyph is written with a code of its own whose ToUnicode entry is the text
it was shaped from, in logical order: the cluster of characters HarfBuzz reports for it
(one letter, or two for lam-alef). A glyph drawn for different texts gets a code per text.
This is the font's cmap plus the GSUB substitutions actually used, read back from the
shaper itself rather than guessed from tables.
"""

from __future__ import annotations

import unicodedata

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, ShapedStr, TTFont

_PRIVATE_FIRST, _PRIVATE_LAST = 0xE000, 0xF8FF


class ShapingFont(TTFont):
    """A TrueType font whose ToUnicode map names the logical text of each shaped glyph."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.logical: dict[int, str] = {}  # code written in the PDF -> the text it shows
        self._codes: dict[tuple[int, str], int] = {}  # (glyph id, text) -> code
        self._next = _PRIVATE_FIRST

    def code_for(self, char: str, text: str) -> str:
        """The character to write for the glyph ReportLab wrote as `char`, so that it
        extracts as `text`."""
        code = ord(char)
        if self.logical.get(code, char) == text:
            return char
        face = self.face
        glyph = face.charToGlyph[code]
        key = (glyph, text)
        if key not in self._codes:
            while self._next in face.charToGlyph:
                self._next += 1
            if self._next > _PRIVATE_LAST:  # a font with ~6,400 shaped forms in one process
                return char
            new = self._next
            face.charToGlyph[new] = glyph
            face.glyphToChar.setdefault(glyph, []).append(new)
            face.charWidths[new] = face.charWidths[code]
            self.logical[new] = text
            self._codes[key] = new
        return chr(self._codes[key])

    def addObjects(self, doc) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 - ReportLab's API
        """ReportLab's objects, then each subset's ToUnicode map rewritten with the logical
        text of our codes (ReportLab's own map only knows one code point per glyph)."""
        state = self.state.get(doc)
        subsets = [list(s) for s in state.subsets] if state is not None else []
        super().addObjects(doc)
        for n, subset in enumerate(subsets):
            if not any(code in self.logical for code in subset):
                continue
            base = b"".join((SUBSETN(n), b"+", self.face.name, self.face.subfontNameX))
            name = base.decode("pdfdoc")
            stream = doc.idToObject.get(f"toUnicodeCMap:{name}")
            if stream is not None:  # (a ReportLab that names it otherwise: tests would say)
                stream.content = self._cmap(name, subset)

    def _cmap(self, name: str, subset: list[int]) -> str:
        pairs = [
            f"<{i:02X}> <{self.logical.get(code, chr(code)).encode('utf-16-be').hex().upper()}>"
            for i, code in enumerate(subset)
        ]
        return "\n".join([
            "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
            "/CIDSystemInfo", f"<< /Registry ({name})", f"/Ordering ({name})",
            "/Supplement 0", ">> def", f"/CMapName /{name} def", "/CMapType 2 def",
            "1 begincodespacerange", f"<00> <{len(subset) - 1:02X}>", "endcodespacerange",
            f"{len(subset)} beginbfchar", *pairs, "endbfchar", "endcmap",
            "CMapName currentdict /CMap defineresource pop", "end", "end",
        ])  # fmt: skip


def _as_extracted(cluster: str) -> str:
    """Poppler (pdftotext, and the viewers built on it) spreads a glyph's several letters
    left to right across the glyph, then reverses each right-to-left word as a whole; so a
    right-to-left ligature's letters are stored in reverse, to come out in logical order."""
    if len(cluster) > 1 and unicodedata.bidirectional(cluster[0]) in ("R", "AL"):
        return cluster[::-1]
    return cluster


def logical_text(result: list, text: str) -> list:
    """`result` (a word ReportLab shaped from `text`) with each glyph's character replaced
    by one that extracts as the glyph's cluster of `text`. A cluster drawn with several
    glyphs gives its text to the first; the others keep what ReportLab chose."""
    frags = result[1:]
    clusters = sorted(
        {d.cluster for _, s in frags if isinstance(s, ShapedStr) for d in s.__shapeData__}
        | {len(text)}
    )
    clusters = [c for c in clusters if c <= len(text)]
    ends = dict(zip(clusters, clusters[1:], strict=False))
    seen: set[int] = set()
    out = [result[0]]
    for frag, string in frags:
        if not isinstance(string, ShapedStr) or not string.__shapeData__:
            out.append((frag, string))
            continue
        font = pdfmetrics.getFont(frag.fontName)
        chars = []
        for char, data in zip(string, string.__shapeData__, strict=False):
            start = data.cluster
            if isinstance(font, ShapingFont) and start in ends and start not in seen:
                seen.add(start)
                char = font.code_for(char, _as_extracted(text[start : ends[start]]))
            chars.append(char)
        out.append((frag, ShapedStr("".join(chars), shapeData=string.__shapeData__)))
    return result.__class__(out)
