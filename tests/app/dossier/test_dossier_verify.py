"""`tumar dossier verify` without the archive: tampering of every kind is caught (and pdfsig
agrees), a valid dossier prints who signed it, when, and the audit head."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from tumar.app.dossier import manifest
from tumar.app.dossier.identity import format_fingerprint

from .conftest import Fixture, export, poppler


@pytest.fixture(scope="module")
def signed(dossier_archive: Fixture, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export(dossier_archive, tmp_path_factory.mktemp("signed") / "dossier.pdf")


def _verify(run_tumar, pdf: Path):  # type: ignore[no-untyped-def]
    # no archive, no passphrase: the child gets neither
    return run_tumar("dossier", "verify", pdf, env={"TUMAR_PASSPHRASE": ""})


def test_a_valid_dossier_names_signer_time_and_audit_head(run_tumar, signed: Path) -> None:  # type: ignore[no-untyped-def]
    done = _verify(run_tumar, signed)
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    assert "VALID" in out and "INVALID" not in out
    assert "Signer: " in out and "Tumar archive" in out
    assert re.search(r"Certificate fingerprint \(SHA-256\): ([0-9A-F]{2}:){31}[0-9A-F]{2}", out)
    assert re.search(r"Exported at: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", out)
    assert re.search(r"Audit head: #\d+ [0-9a-f]{64}", out)


def test_a_flipped_byte_in_the_signed_range_is_rejected(
    run_tumar, signed: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    data = bytearray(signed.read_bytes())
    at = data.index(b"ReportLab Generated") + 3  # inside the first signed byte range
    data[at] ^= 0x01
    bad = tmp_path / "flipped.pdf"
    bad.write_bytes(bytes(data))
    done = _verify(run_tumar, bad)
    assert done.returncode == 3
    assert "INVALID: the signed bytes were changed after signing" in done.stdout
    sig = poppler("pdfsig", bad)
    assert "Signature is Valid" not in sig
    assert "Digest Mismatch" in sig or "Signature is Invalid" in sig


def test_an_appended_incremental_update_is_rejected(
    run_tumar, signed: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    writer = IncrementalPdfFileWriter(io.BytesIO(signed.read_bytes()))
    writer.root["/Lang"] = generic.TextStringObject("xx")  # a "harmless" edit after signing
    writer.update_root()
    out = io.BytesIO()
    writer.write(out)
    bad = tmp_path / "appended.pdf"
    bad.write_bytes(out.getvalue())
    done = _verify(run_tumar, bad)
    assert done.returncode == 3
    assert "changed after signing (content was appended" in done.stdout
    assert "Not total document signed" in poppler("pdfsig", bad)


def test_a_truncated_file_is_rejected(run_tumar, signed: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "truncated.pdf"
    bad.write_bytes(signed.read_bytes()[: signed.stat().st_size * 2 // 3])
    done = _verify(run_tumar, bad)
    assert done.returncode == 3
    assert "INVALID" in done.stdout
    assert "Traceback" not in done.stderr


def test_a_manifest_that_does_not_list_the_pictures_is_rejected(
    run_tumar,
    dossier_archive: Fixture,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    real = manifest.items

    def without_embedded(*args, **kwargs):  # type: ignore[no-untyped-def]
        return [
            {k: v for k, v in i.items() if k != "embedded_sha256"} for i in real(*args, **kwargs)
        ]

    monkeypatch.setattr(manifest, "items", without_embedded)
    pdf = export(dossier_archive, tmp_path / "forged.pdf")
    assert "Signature is Valid" in poppler("pdfsig", pdf)  # the signature itself is fine
    done = _verify(run_tumar, pdf)
    assert done.returncode == 3
    assert "the embedded photos do not match the manifest" in done.stdout


def test_verify_needs_nothing_but_the_file(run_tumar, signed: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    done = run_tumar("dossier", "verify", tmp_path / "missing.pdf")
    assert done.returncode != 0 and done.stderr.startswith("tumar: Cannot read")
    not_pdf = tmp_path / "note.pdf"
    not_pdf.write_text("hello")
    done = _verify(run_tumar, not_pdf)
    assert done.returncode == 3 and "Traceback" not in done.stderr
    assert format_fingerprint("ab" * 32).count(":") == 31
