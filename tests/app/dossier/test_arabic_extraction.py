"""Arabic-script Kazakh names copy and search as written: `pdftotext` of a dossier returns
them in logical order as ordinary letters, never private-use or presentation-form codes.

Kazakh ە (ae) and ى (alef maksura, dual-joining in Kazakh) have joined forms that Unicode
gave no code point; a PDF that maps those glyphs to U+E000… makes the name unfindable.
The text is compared raw: no NFKC, which would hide presentation forms.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from reportlab.platypus import SimpleDocTemplate

from tumar.app import cases, people, testimonies
from tumar.app.dossier.content import DossierOptions
from tumar.app.dossier.export import export_job
from tumar.app.dossier.styles import make_styles
from tumar.app.dossier.text import cell, para
from tumar.app.jobs import run_sync
from tumar.storage.archive import Archive
from tumar.storage.kdf import fast_params

from .conftest import PASSPHRASE, poppler

BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
NOT_LOGICAL = re.compile("[\ue000-\uf8ff\ufb50-\ufdff\ufe70-\ufeff]")
# ە initial (alone) and final; ى initial, medial and final; lam-alef and lam-ى ligatures
NAMES = ["ەرلان سەرىكۇلى", "بەكزات مىرزا", "ىسقاق ءمادينە"]
KAZAKH_LETTERS = "اٵبۆپتجحچدرزسشعفغقكگڭلمنەھوۇۋىيٸء"


def raw_text(pdf: Path) -> str:
    return BIDI_MARKS.sub("", poppler("pdftotext", "-enc", "UTF-8", pdf, "-"))


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("arabic")
    archive, _code = Archive.create(folder / "a.tumar", PASSPHRASE, fast_params())
    with archive:
        case = cases.add_case(archive, "ەرلان سەرىكۇلى: Құлжа", summary="بەكزات مىرزا")
        for index, name in enumerate(NAMES):
            person = people.add_person(
                archive, name, names=[people.NameInput(name, "Arab", "legal")]
            ).person
            cases.link_person(archive, case.id, person.id, "witness")
            testimonies.add_testimony(
                archive, person.id, f"{name}: مەن 2018 جىلى ۇيدەن كەتتىم.\n{NAMES[index - 1]}",
                case_ids=[case.id], language="kk-Arab",
                consent=testimonies.Consent("public", "2019-10-14"),
            )  # fmt: skip
        run_sync(export_job(archive, DossierOptions(case.id), folder / "d.pdf"))
    return folder / "d.pdf"


def test_kazakh_arabic_names_come_out_as_written(dossier: Path) -> None:
    text = raw_text(dossier)
    assert not NOT_LOGICAL.findall(text), sorted({hex(ord(c)) for c in NOT_LOGICAL.findall(text)})
    for name in NAMES:
        assert text.count(name) >= 3, name  # people table, testimony heading and text
    for word in ("مەن", "جىلى", "ۇيدەن", "كەتتىم"):
        assert word in text, word


def test_every_kazakh_letter_in_every_joining_position(tmp_path: Path) -> None:
    """Each letter alone, first, in the middle and last in a word, in a paragraph and in a
    table cell: each word is extracted as typed."""
    words = [w for ch in KAZAKH_LETTERS for w in (ch, f"{ch}ب", f"ب{ch}ب", f"ب{ch}")]
    st = make_styles()
    flow: list = []
    for start in range(0, len(words), 12):
        line = " ".join(words[start : start + 12])
        flow += [*para(line, st.body, 400), cell(line, st.cell)]
    SimpleDocTemplate(str(tmp_path / "letters.pdf")).build(flow)
    text = raw_text(tmp_path / "letters.pdf")
    assert not NOT_LOGICAL.findall(text)
    extracted = text.split()
    for word in words:
        assert extracted.count(word) >= 2, word
