"""Notes follow the record they are attached to (app/dossier/notes.py): case notes in a
whole-case dossier, notes on a person shown by name, notes on an included testimony; all
with protected names replaced; none with a left-out testimony or an anonymised person."""

from __future__ import annotations

from pathlib import Path

import pytest

from tumar.app import cases, people, testimonies
from tumar.app.dossier.content import DossierOptions
from tumar.app.dossier.export import export_job
from tumar.app.dossier.gather import gather, preview_of
from tumar.app.jobs import run_sync
from tumar.storage.archive import Archive
from tumar.storage.kdf import fast_params
from tumar.storage.records import Note

from .conftest import PASSPHRASE, poppler

ANON = "Гүлнар Жақыпова"  # consents to an anonymised testimony only
SHOWN = "Ерлан Сейітов"  # a public witness


@pytest.fixture(scope="module")
def archive_ids(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    folder = tmp_path_factory.mktemp("notes") / "a.tumar"
    archive, _code = Archive.create(folder, PASSPHRASE, fast_params())
    with archive:
        case = cases.add_case(archive, "Іс")
        anon = people.add_person(archive, ANON, notes="ANONFIELD lives in Zharkent").person
        shown = people.add_person(archive, SHOWN, notes=f"SHOWNFIELD knows {ANON}").person
        quiet = people.add_person(archive, "Болат Жанұлы").person
        for person in (anon, shown):
            cases.link_person(archive, case.id, person.id, "witness")

        def testimony(witness: str, scope: str) -> str:
            consent = testimonies.Consent(scope)
            return testimonies.add_testimony(archive, witness, f"Text {scope}",
                                             case_ids=[case.id], consent=consent).id  # fmt: skip

        t_anon, t_shown = testimony(anon.id, "anonymised"), testimony(shown.id, "public")
        t_none, t_lawyer = testimony(quiet.id, "none"), testimony(shown.id, "lawyer_only")
        add = testimonies.add_note
        ids = {
            "case": add(archive, f"CASENOTE ask {ANON}'s lawyer", case_id=case.id).id,
            "anon_person": add(archive, "ANONPERSONNOTE her brother", person_id=anon.id).id,
            "shown_person": add(archive, f"SHOWNPERSONNOTE met {ANON}", person_id=shown.id).id,
            "anon_t": add(archive, f"ANONTNOTE {ANON} cried", testimony_id=t_anon).id,
            "shown_t": add(archive, "SHOWNTNOTE recorded twice", testimony_id=t_shown).id,
            "none_t": add(archive, "NONETNOTE private", testimony_id=t_none).id,
            "lawyer_t": add(archive, "LAWYERTNOTE for counsel", testimony_id=t_lawyer).id,
        }
        deleted = add(archive, "DELETEDNOTE gone", testimony_id=t_shown)
        archive.repo.delete(Note, deleted.id)
        ids["case_id"], ids["shown"] = case.id, shown.id
    return folder, ids


def _export(folder: Path, options: DossierOptions, out: Path) -> str:
    with Archive.open(folder, PASSPHRASE) as archive:
        run_sync(export_job(archive, options, out))
    return poppler("pdftotext", "-enc", "UTF-8", out, "-")


def test_notes_follow_their_records_with_names_replaced(
    archive_ids: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    folder, ids = archive_ids
    text = _export(folder, DossierOptions(ids["case_id"]), tmp_path / "d.pdf")
    for marker in ("CASENOTE", "SHOWNPERSONNOTE", "SHOWNFIELD", "ANONTNOTE", "SHOWNTNOTE"):
        assert marker in text, marker
    for marker in ("ANONPERSONNOTE", "ANONFIELD", "Zharkent", "NONETNOTE", "LAWYERTNOTE",
                   "DELETEDNOTE"):  # fmt: skip
        assert marker not in text, marker
    for word in ANON.split():
        assert word not in text
    assert "CASENOTE ask Witness A's lawyer" in text
    assert "SHOWNPERSONNOTE met Witness A" in text and "ANONTNOTE Witness A cried" in text
    assert "Notes on people" in text and "Notes on this testimony" in text


def test_confidential_dossier_has_the_lawyer_only_notes(
    archive_ids: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    folder, ids = archive_ids
    options = DossierOptions(ids["case_id"], confidential=True, lang="kk")
    text = _export(folder, options, tmp_path / "c.pdf")
    assert "LAWYERTNOTE" in text and "NONETNOTE" not in text
    assert "Айғаққа жазбалар" in text and "Адамдар туралы жазбалар" in text


def test_preview_and_manifest_account_for_every_note(
    archive_ids: tuple[Path, dict[str, str]],
) -> None:
    folder, ids = archive_ids
    with Archive.open(folder, PASSPHRASE) as archive:
        content = gather(archive, DossierOptions(ids["case_id"]))
        one_person = gather(archive, DossierOptions(ids["case_id"], person_id=ids["shown"]))
    preview = preview_of(content)
    included = {d.record_id for d in preview.included if d.kind == "note"}
    left_out = {d.record_id: d.reason for d in preview.left_out if d.kind == "note"}
    assert included == {ids[k] for k in ("case", "shown_person", "anon_t", "shown_t")}
    assert set(left_out) == {ids[k] for k in ("anon_person", "none_t", "lawyer_t")}
    assert "anonymised" in left_out[ids["anon_person"]]
    assert "left out" in left_out[ids["none_t"]]
    hashed = {rid for rid, (kind, _h, _s) in content.record_hashes.items() if kind == "note"}
    assert hashed == included
    person_notes = {d.record_id for d in preview_of(one_person).included if d.kind == "note"}
    assert person_notes == {ids["shown_person"], ids["shown_t"]}
    assert not one_person.notes  # the case's notes speak of the whole case
