"""A Russian or Kazakh dossier shows no English word of Tumar's own: statuses, roles,
event kinds, consent scopes, name kinds, scripts and languages are all translated.

The archive here holds every stored value of every enumeration, and its record content
is Cyrillic only, so any Latin word left in the PDF is Tumar's (or an allowed technical
token such as "SHA-256" or the verify command).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tumar.app import cases, people, testimonies
from tumar.app.dossier import vocab
from tumar.app.dossier.content import DossierOptions
from tumar.app.dossier.export import export_job
from tumar.app.jobs import run_sync
from tumar.storage import records
from tumar.storage.archive import Archive
from tumar.storage.kdf import fast_params

from .conftest import PASSPHRASE, poppler

# technical tokens a lawyer needs verbatim (the verify command, hash and format names), the
# certificate's subject as issued ("O=Tumar archive,CN=…,serialNumber=…": the organisation
# name is the archive's to set) and the record content's one Latin-script name
ALLOWED = {"tumar", "dossier", "verify", "file", "pdf", "pades", "sha", "utc", "id",
           "manifest", "json", "archive", "cn", "serialnumber", "serik", "bekov"}  # fmt: skip
STORED = {
    "status": records.CASE_STATUSES, "role": records.ROLES, "event": records.EVENT_KINDS,
    "consent": records.CONSENT_SCOPES, "name_kind": records.NAME_KINDS,
    "script": records.SCRIPTS,
}  # fmt: skip


def test_every_stored_value_has_words_in_every_language() -> None:
    from tumar.widgets.editors.person_editor import RISK_FLAGS

    for kind, values in [*STORED.items(), ("risk", RISK_FLAGS)]:
        for value in values:
            words = vocab.VOCAB[kind][value]
            assert all(words) and len(set(words[1:])) >= 1, (kind, value)
            for lang in ("ru", "kk"):
                assert not re.search("[A-Za-z]", vocab.word(kind, value, lang)), (kind, value)


@pytest.fixture(scope="module")
def archive_folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("vocab") / "a.tumar"
    archive, _code = Archive.create(folder, PASSPHRASE, fast_params())
    with archive:
        case = cases.add_case(archive, "Дело о задержании", status="appeal",
                              court="Алматинский городской суд", jurisdiction="Казахстан",
                              summary="Краткое изложение дела.")  # fmt: skip
        names = [people.NameInput("Serik Bekov", "Latn", "transliteration"),
                 people.NameInput("Серік Беков", "Cyrl", "legal"),
                 people.NameInput("سەرىك بەكوۆ", "Arab", "alias"),
                 people.NameInput("Серік Бекұлы", "Other", "patronymic"),
                 people.NameInput("谢里克", "Hans", "transliteration"),
                 people.NameInput("謝里克", "Hant", "transliteration")]  # fmt: skip
        main = people.add_person(archive, "Серік Беков", names=names, birth_date="1980").person
        everyone = [main.id]
        for index, role in enumerate(records.ROLES):
            person = people.add_person(archive, f"Адам Нөмір{index}").person
            cases.link_person(archive, case.id, person.id, role)
            everyone.append(person.id)
        cases.link_person(archive, case.id, main.id, "witness")
        for kind in records.EVENT_KINDS:
            cases.add_event(archive, case.id, kind, "2030-01-10", place="Алматы",
                            description="Описание", people=everyone[:2])  # fmt: skip
        for scope, language in (("public", "kk"), ("lawyer_only", "kk-Arab"),
                                ("anonymised", "ru")):  # fmt: skip
            witness = main.id if scope == "public" else everyone[1]
            t = testimonies.add_testimony(
                archive, witness, "Показание свидетеля.", case_ids=[case.id],
                language=language, recorded_at="2019-10?", recorded_where="Алматы",
                consent=testimonies.Consent(scope, "2019-10-14"),
            )  # fmt: skip
            testimonies.add_translation(archive, t.id, "en", "Перевод.", translator="Айгерім")
        risky = people.add_person(archive, "Тілек Табарықұлы",
                                  risk_flags=list(vocab.VOCAB["risk"])).person  # fmt: skip
        cases.link_person(archive, case.id, risky.id, "victim")
    return folder, case.id


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_no_english_enumeration_word_remains(
    archive_folder: tuple[Path, str], tmp_path: Path, lang: str
) -> None:
    folder, case_id = archive_folder
    out = tmp_path / f"{lang}.pdf"
    with Archive.open(folder, PASSPHRASE) as archive:
        options = DossierOptions(case_id, confidential=True, lang=lang)
        run_sync(export_job(archive, options, out))
    text = poppler("pdftotext", "-enc", "UTF-8", out, "-")
    poppler("pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", out, tmp_path / "cover")
    assert any(tmp_path.glob("cover*.png"))  # the cover, for a person to look at
    words = {w.casefold() for w in re.findall(r"[A-Za-z]{2,}", text)}
    for kind, table in vocab.VOCAB.items():
        if kind == "media_kind":  # no media here ("file" is in the verify command)
            continue
        for value, (english, *_rest) in table.items():
            for token in {value, value.replace("_", " "), english}:
                assert not re.search(rf"\b{re.escape(token)}\b", text, re.I), (kind, token)
    hexes = {w for w in words if re.fullmatch("[0-9a-f]+", w)}
    assert not words - ALLOWED - hexes, sorted(words - ALLOWED - hexes)
    for code in ("kk", "ru", "en", "Latn", "Cyrl", "Arab", "Hans", "Hant"):
        assert code.casefold() not in words, code
