"""The demo archive (a publicly reported case) exports, signs and verifies in every language."""

from __future__ import annotations

from pathlib import Path

import pytest

from tumar.app.cases import list_cases
from tumar.app.demo import build_demo
from tumar.app.dossier.content import DossierOptions
from tumar.app.dossier.export import export_job
from tumar.app.dossier.verify import verify_file
from tumar.app.jobs import run_sync
from tumar.storage.archive import Archive
from tumar.storage.records import Person, PersonName

from .conftest import poppler
from .test_dossier_pdf import folded, text_of


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_demo_dossier(tmp_path: Path, fast_kdf: object, lang: str) -> None:
    build_demo(tmp_path / "demo.tumar", "demo passphrase")
    out = tmp_path / f"demo-{lang}.pdf"
    with Archive.open(tmp_path / "demo.tumar", "demo passphrase") as archive:
        case = list_cases(archive)[0]
        run_sync(export_job(archive, DossierOptions(case.id, lang=lang), out))
        risky = [p for p in archive.repo.find(Person) if p.risk_flags]
        spellings = [
            n.name for p in risky for n in archive.repo.find(PersonName, {"person_id": p.id})
        ]
    assert risky and spellings
    report = poppler("pdfsig", out)
    assert "Signature is Valid" in report and "Total document signed" in report
    assert verify_file(out).ok
    text = folded(text_of(out))
    for spelling in spellings:
        assert folded(spelling) not in text, spelling
    assert {"en": "Chain of custody", "ru": "Цепочка хранения", "kk": "Сақтау тізбегі"}[
        lang
    ] in text_of(out)
