"""A test archive holding every consent scope, all four scripts and awkward photos.

Built once per test module (real SQLCipher archive, real photos imported through the real
importer); the dossiers exported from it are judged with poppler's tools.
"""

from __future__ import annotations

import datetime as dt
import io
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PIL import Image

from tumar.app import cases, people, testimonies
from tumar.app.dossier.content import DossierOptions
from tumar.app.dossier.export import export_job
from tumar.app.jobs import run_sync
from tumar.app.media.importer import Links, import_stream
from tumar.storage.archive import Archive
from tumar.storage.kdf import fast_params
from tumar.storage.records import Media

PHOTOS = Path(__file__).resolve().parents[2] / "data" / "photos"
PASSPHRASE = "correct horse battery staple"

# every spelling of the anonymised witness (consent: anonymised)
KAISHA = ["Қайша Ақан", "Qaisha Aqan", "Kaisha Akan", "قايشا اقان", "阿依夏阿肯"]
# every spelling of the witness with a risk flag (consent: public, anonymised anyway)
TILEK = ["Tilek Tabarikuly", "Тілек Табарықұлы"]
# a public witness, named, in four scripts
NURLAN = ["Нұрлан Қайрат", "Nurlan Qairat", "قايرات نۇرلان", "努尔兰"]
LAWYER = "Айгерім Сәрсенова"
MARKERS = {
    "lawyer_only": "LAWYERONLY statement about the hearing",
    "none": "NOCONSENT statement kept private",
    "withdrawn": "WITHDRAWN statement no longer shared",
}


@dataclass
class Fixture:
    folder: Path
    case_id: str
    ids: dict[str, str] = field(default_factory=dict)
    gps_media: Media | None = None
    rotated_media: Media | None = None
    withheld_media: Media | None = None


def _import(archive: Archive, data: bytes, name: str, links: Links, caption: str) -> Media:
    result = import_stream(archive, io.BytesIO(data), name, links)
    assert result.media is not None, result.error
    return archive.repo.update_fields(Media, result.media.id, {"caption": caption})


def build(folder: Path) -> Fixture:
    archive, _code = Archive.create(folder, PASSPHRASE, fast_params())
    with archive:
        kaisha = people.add_person(
            archive, KAISHA[0],
            names=[people.NameInput(KAISHA[1], "Latn", "transliteration"),
                   people.NameInput(KAISHA[2], "Latn", "alias"),
                   people.NameInput(KAISHA[3], "Arab", "transliteration"),
                   people.NameInput(KAISHA[4], "Hans", "transliteration")],
        ).person  # fmt: skip
        tilek = people.add_person(
            archive, TILEK[0], names=[people.NameInput(TILEK[1], "Cyrl", "legal")],
            risk_flags=["relatives_detained"],
        ).person  # fmt: skip
        nurlan = people.add_person(
            archive, NURLAN[0],
            names=[people.NameInput(NURLAN[1], "Latn", "transliteration"),
                   people.NameInput(NURLAN[2], "Arab", "transliteration"),
                   people.NameInput(NURLAN[3], "Hans", "transliteration")],
        ).person  # fmt: skip
        lawyer = people.add_person(archive, LAWYER).person
        quiet = people.add_person(archive, "Bolat Zhanuly").person
        case = cases.add_case(
            archive, "Kaisha Akan and others: detention in Ili (伊犁)",
            court="Алматы аудандық соты", jurisdiction="Kazakhstan",
            summary="Қайша Ақанқызы and QAISHA AQAN's neighbour Nurlan Qairat describe the "
            "camps of 伊犁哈萨克自治州. Tilek's brother is still detained.",
        )  # fmt: skip
        for person, role in ((kaisha, "witness"), (tilek, "victim"), (nurlan, "witness"),
                             (lawyer, "lawyer")):  # fmt: skip
            cases.link_person(archive, case.id, person.id, role)
        today = dt.date.today()
        cases.add_event(archive, case.id, "border_crossing", "2019-10?",
                        place="Хоргос / 霍尔果斯",
                        description="قايشا اقان crossed with Nurlan Qairat",
                        people=[kaisha.id, nurlan.id])  # fmt: skip
        cases.add_event(archive, case.id, "detention", "2013-03/2017-11", place="Құлжа",
                        description="Тілек Табарықұлы held in a camp")  # fmt: skip
        cases.add_event(archive, case.id, "arrest", "2017-23", description="kaísha ákan arrested")
        cases.add_event(archive, case.id, "hearing", (today + dt.timedelta(days=9)).isoformat(),
                        place="Алматы", description="Appeal hearing")  # fmt: skip
        t_kaisha = testimonies.add_testimony(
            archive, kaisha.id,
            "Менің атым Қайша Ақан. Ақанқызы деп те жазады. Мені 2017 жылы Іледе ұстады.",
            case_ids=[case.id], language="kk", recorded_at="2019-11-02",
            recorded_where="Алматы", recorded_by=LAWYER,
            consent=testimonies.Consent("anonymised", "2019-11-02", "oral, recorded"),
        )  # fmt: skip
        testimonies.add_translation(
            archive, t_kaisha.id, "en",
            "My name is Kaisha Akan (also spelled Qaisha). I was detained in Ili in 2017.",
            translator="Nurlan Qairat",
        )  # fmt: skip
        testimonies.add_translation(archive, t_kaisha.id, "ru", "Меня зовут Кайша Акан.")
        t_tilek = testimonies.add_testimony(
            archive, tilek.id, "Tilek Tabarikuly: my brother Tabarik is in a camp.",
            case_ids=[case.id], language="en", recorded_at="2020-01~",
            consent=testimonies.Consent("public", "2020-01-05"),
        )  # fmt: skip
        t_nurlan = testimonies.add_testimony(
            archive, nurlan.id,
            "قايرات نۇرلان: مەن 2018 جىلى ۇيدەن كەتتىم.\nI left Ghulja (伊宁市) in 2018.",
            case_ids=[case.id], language="kk-Arab", recorded_at="2019-10-14",
            consent=testimonies.Consent("public", "2019-10-14"),
        )  # fmt: skip
        t_lawyer_only = testimonies.add_testimony(
            archive, lawyer.id, MARKERS["lawyer_only"], case_ids=[case.id],
            consent=testimonies.Consent("lawyer_only"),
        )  # fmt: skip
        t_none = testimonies.add_testimony(
            archive, quiet.id, MARKERS["none"], case_ids=[case.id],
            consent=testimonies.Consent("none"),
        )  # fmt: skip
        t_withdrawn = testimonies.add_testimony(
            archive, quiet.id, MARKERS["withdrawn"], case_ids=[case.id],
            consent=testimonies.Consent("public", withdrawn=True),
        )  # fmt: skip
        testimonies.add_note(archive, "Ask KAISHA AKAN's lawyer for the court file.",
                             case_id=case.id)  # fmt: skip
        fx = Fixture(folder, case.id, {"kaisha": kaisha.id, "tilek": tilek.id,
                                        "nurlan": nurlan.id, "quiet": quiet.id,
                                        "t_kaisha": t_kaisha.id, "t_tilek": t_tilek.id,
                                        "t_nurlan": t_nurlan.id, "t_none": t_none.id,
                                        "t_withdrawn": t_withdrawn.id,
                                        "t_lawyer_only": t_lawyer_only.id})  # fmt: skip
        fx.gps_media = _import(
            archive, (PHOTOS / "gps" / "DSCN0010.jpg").read_bytes(), "DSCN0010.jpg",
            Links(testimony_ids=(t_kaisha.id,)), "The street where 阿依夏阿肯 lived",
        )  # fmt: skip
        fx.rotated_media = _import(
            archive, (PHOTOS / "orientation" / "landscape_6.jpg").read_bytes(),
            "landscape_6.jpg", Links(case_ids=(case.id,)), "Court building, Almaty",
        )  # fmt: skip
        withheld = io.BytesIO()
        Image.new("RGB", (64, 48), (200, 30, 30)).save(withheld, "JPEG")
        fx.withheld_media = _import(
            archive, withheld.getvalue(), "withheld.jpg",
            Links(case_ids=(case.id,), testimony_ids=(t_none.id,)), "Withheld photo",
        )  # fmt: skip
    return fx


@pytest.fixture(scope="module")
def dossier_archive(tmp_path_factory: pytest.TempPathFactory) -> Fixture:
    return build(tmp_path_factory.mktemp("dossier") / "case.tumar")


def export(fx: Fixture, out: Path, **options: object) -> Path:
    with Archive.open(fx.folder, PASSPHRASE) as archive:
        run_sync(export_job(archive, DossierOptions(fx.case_id, **options), out))  # type: ignore[arg-type]
    return out


def poppler(*args: str | Path) -> str:
    done = subprocess.run([str(a) for a in args], capture_output=True, text=True, check=False,
                          timeout=120)  # fmt: skip
    return done.stdout + done.stderr
