"""Dossiers judged with real tools: pdfsig, pdftotext, pdffonts, pdfimages, pdfdetach.

Two dossiers of the fixture archive (every consent scope, four scripts, GPS and rotated
photos): a default one, and a confidential Russian one with locations kept.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from PIL import Image

from tumar.app.dossier.verify import verify_file

from .conftest import KAISHA, LAWYER, MARKERS, NURLAN, TILEK, Fixture, export, poppler

BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def text_of(pdf: Path, page: int | None = None) -> str:
    """pdftotext output as extracted, bidi marks aside: shaped Arabic must come out as its
    letters (no NFKC here, which would hide presentation forms)."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    raw = poppler("pdftotext", *pages, "-enc", "UTF-8", pdf, "-")
    return BIDI_MARKS.sub("", raw)


def folded(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c)
    )


@pytest.fixture(scope="module")
def plain(dossier_archive: Fixture, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export(dossier_archive, tmp_path_factory.mktemp("plain") / "dossier.pdf")


@pytest.fixture(scope="module")
def confidential(dossier_archive: Fixture, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("conf") / "dossier.pdf"
    return export(dossier_archive, out, confidential=True, include_location=True, lang="ru")


@pytest.mark.parametrize("which", ["plain", "confidential"])
def test_pdfsig_reports_the_signature_valid(which: str, request: pytest.FixtureRequest) -> None:
    report = poppler("pdfsig", request.getfixturevalue(which))
    assert "Signature is Valid" in report
    assert "Total document signed" in report
    assert "ETSI.CAdES.detached" in report  # PAdES
    assert verify_file(request.getfixturevalue(which)).ok


def test_names_in_every_script_come_out_in_logical_order(plain: Path) -> None:
    text = text_of(plain)
    for name in NURLAN:  # Cyrillic, Latin, Arabic script, Chinese
        assert name in text, name
    assert LAWYER in text
    assert "伊犁哈萨克自治州" in text and "霍尔果斯" in text


def test_no_spelling_of_an_anonymised_witness_survives(plain: Path, confidential: Path) -> None:
    for pdf in (plain, confidential):
        text = folded(text_of(pdf))
        for name in [*KAISHA, *TILEK, "Кайша Акан", "Ақанқызы", "Tabarik", "kaísha ákan"]:
            for word in name.split():
                assert folded(word) not in text, (pdf.parent.name, word)
    plain_text = text_of(plain)
    assert "Witness A" in plain_text and "Witness B" in plain_text
    assert "Свидетель A" in text_of(confidential)


def test_consent_rules_decide_what_is_included(plain: Path, confidential: Path) -> None:
    plain_text, conf_text = text_of(plain), text_of(confidential)
    assert MARKERS["none"] not in plain_text + conf_text
    assert MARKERS["withdrawn"] not in plain_text + conf_text
    assert MARKERS["lawyer_only"] not in plain_text
    assert MARKERS["lawyer_only"] in conf_text
    assert "Bolat Zhanuly" not in plain_text + conf_text  # whose testimony is withheld


def test_confidential_mark_on_every_page(plain: Path, confidential: Path) -> None:
    pages = int(re.search(r"Pages:\s+(\d+)", poppler("pdfinfo", confidential)).group(1))
    assert pages >= 5
    for page in range(1, pages + 1):
        assert "Конфиденциально — для адвоката" in text_of(confidential, page), page
    assert "Confidential" not in text_of(plain)


def test_dates_are_written_as_people_say_them(plain: Path, confidential: Path) -> None:
    text = text_of(plain)
    for words in ("October 2019?", "autumn 2017", "March 2013 –", "November 2017",
                  "about January 2020", "Upcoming deadlines", "9 days left"):  # fmt: skip
        assert words in text, words
    assert "осень 2017 г." in text_of(confidential)


def test_every_font_is_embedded(plain: Path, confidential: Path) -> None:
    for pdf in (plain, confidential):
        listing = poppler("pdffonts", pdf).splitlines()[2:]
        assert listing
        names = " ".join(line.split()[0] for line in listing)
        for font in ("NotoSans-Regular", "NotoSans-Bold", "NotoSansArabic", "DroidSansFallback"):
            assert font in names, font
        for line in listing:
            assert line.split()[-5] == "yes", line  # the 'emb' column


def _images(pdf: Path, folder: Path) -> list[Image.Image]:
    folder.mkdir()
    poppler("pdfimages", "-j", pdf, folder / "img")
    return [Image.open(p) for p in sorted(folder.glob("img-*.jpg"))]


def test_photos_are_upright_stripped_and_only_the_consented_ones(
    plain: Path, confidential: Path, dossier_archive: Fixture, tmp_path: Path
) -> None:
    images = _images(plain, tmp_path / "plain")
    assert len(images) == 2  # GPS photo and rotated photo; the withheld one is not there
    for image in images:
        assert len(image.getexif()) == 0  # no EXIF at all, so no GPS
        assert "exif" not in image.info and "xmp" not in image.info
    rotated = dossier_archive.rotated_media
    assert rotated is not None and rotated.orientation == 6
    # stored sideways (portrait pixels); in the dossier it is upright (landscape)
    assert any(image.width > image.height for image in images)
    assert all(image.width <= 1400 and image.height <= 1400 for image in images)
    kept = _images(confidential, tmp_path / "conf")
    gps = [im for im in kept if im.getexif().get_ifd(0x8825)]
    assert len(gps) == 1  # --include-location keeps the location of the GPS photo
    text = text_of(plain)
    assert dossier_archive.gps_media.sha256 in text.replace("\n", "")  # type: ignore[union-attr]
    assert dossier_archive.withheld_media.sha256 not in text.replace("\n", "")  # type: ignore[union-attr]


def test_manifest_table_and_attachment_agree(
    plain: Path, dossier_archive: Fixture, tmp_path: Path
) -> None:
    assert "manifest.json" in poppler("pdfdetach", "-list", plain)
    poppler("pdfdetach", "-save", "1", "-o", tmp_path / "m.json", plain)
    manifest = json.loads((tmp_path / "m.json").read_text("utf-8"))
    ids = {item["id"] for item in manifest["items"]}
    assert dossier_archive.ids["t_kaisha"] in ids and dossier_archive.ids["t_none"] not in ids
    assert dossier_archive.withheld_media.id not in ids  # type: ignore[union-attr]
    flat = text_of(plain).replace("\n", "")
    for item in manifest["items"]:
        assert item["sha256"] in flat  # the printed manifest lists the same hashes
    assert manifest["export"]["audit_head"] in flat
    assert len(manifest["export"]["audit_head"]) == 64


def test_contents_and_bookmarks(plain: Path) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader

    with plain.open("rb") as fh:
        outlines = PdfFileReader(fh).root["/Outlines"]
        assert outlines["/Count"] != 0
        titles = []
        node = outlines["/First"]
        while node is not None:
            titles.append(str(node.get_object()["/Title"]))
            node = node.get_object().get("/Next")
    assert titles[:3] == ["Summary", "People and roles", "Timeline of events"]
    assert "Chain of custody" in titles
    assert "Contents" in text_of(plain, 2)


def test_cover_and_testimony_render_to_png(plain: Path, confidential: Path, tmp_path: Path) -> None:
    """Rendered for a person to look at (the files are kept in pytest's tmp folder); the
    Russian confidential cover too."""
    poppler("pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", plain, tmp_path / "cover")
    poppler("pdftoppm", "-r", "60", "-png", "-f", "4", "-l", "4", plain, tmp_path / "testimony")
    poppler("pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", confidential,
            tmp_path / "ru-cover")  # fmt: skip
    cover = Image.open(next(tmp_path.glob("cover*.png")))
    page = Image.open(next(tmp_path.glob("testimony*.png")))
    ru_cover = Image.open(next(tmp_path.glob("ru-cover*.png")))
    for image in (cover, page, ru_cover):
        grey = image.convert("L")
        assert grey.getextrema()[0] < 80  # there is dark text on the page, not a blank
