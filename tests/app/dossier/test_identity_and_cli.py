"""The signing identity (made once, kept encrypted, replaceable by an organisation's PKCS#12)
and the dossier CLI: preview with --dry-run, atomic writes, Cancel leaves nothing behind."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from tumar.app.dossier import identity
from tumar.app.dossier.content import DossierOptions
from tumar.app.dossier.export import export_job
from tumar.app.jobs import CancelToken, JobCancelled
from tumar.storage.archive import Archive
from tumar.storage.errors import InvalidInput

from .conftest import PASSPHRASE, Fixture, build, poppler


@pytest.fixture(scope="module")
def fx(tmp_path_factory: pytest.TempPathFactory) -> Fixture:
    return build(tmp_path_factory.mktemp("ident") / "case.tumar")


def _p12(org: str, password: bytes) -> bytes:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
                      x509.NameAttribute(NameOID.COMMON_NAME, "Legal team")])  # fmt: skip
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(key.public_key()).serial_number(7)
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )  # fmt: skip
    return pkcs12.serialize_key_and_certificates(
        b"team", key, cert, None, serialization.BestAvailableEncryption(password)
    )


def test_identity_is_made_once_and_kept_encrypted(fx: Fixture) -> None:
    with Archive.open(fx.folder, PASSPHRASE) as archive:
        first = identity.ensure(archive)
        assert identity.ensure(archive).fingerprint == first.fingerprint
        cert = first.certificate
        assert isinstance(cert.public_key(), ec.EllipticCurvePublicKey)
        assert cert.public_key().curve.name == "secp256r1"
        assert archive.archive_id in cert.subject.rfc4514_string()
    for name in ("archive.db", "media.db"):
        assert b"PRIVATE KEY" not in (fx.folder / name).read_bytes()
    assert sorted(p.name for p in fx.folder.iterdir()) == ["archive.db", "media.db", "tumar.json"]


def test_identity_cli_show_export_new_import(run_tumar, fx: Fixture, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    shown = run_tumar("identity", "show", "-a", fx.folder)
    assert shown.returncode == 0 and "Certificate fingerprint (SHA-256):" in shown.stdout
    pem = tmp_path / "signer.pem"
    assert run_tumar("identity", "export", pem, "-a", fx.folder).returncode == 0
    cert = x509.load_pem_x509_certificate(pem.read_bytes())
    assert identity.format_fingerprint(identity.fingerprint_of(cert)) in shown.stdout
    assert b"PRIVATE" not in pem.read_bytes()
    # the organisation name is content: from stdin, never argv
    new = run_tumar("identity", "new", "-a", fx.folder, input="Қазақстан Human Rights Bureau\n")
    assert new.returncode == 0, new.stderr
    assert "Organisation: Қазақстан Human Rights Bureau" in new.stdout
    # a PKCS#12 from the organisation, password from the environment (then from a file)
    p12 = tmp_path / "team.p12"
    p12.write_bytes(_p12("Legal Aid Almaty", b"s3cret pass"))
    wrong = run_tumar("identity", "import", p12, "-a", fx.folder,
                      env={"TUMAR_P12_PASSWORD": "nope"})  # fmt: skip
    assert wrong.returncode != 0 and "wrong password" in wrong.stderr
    assert "Traceback" not in wrong.stderr
    pw = tmp_path / "pw.txt"
    pw.write_text("s3cret pass\n")
    ok = run_tumar("identity", "import", p12, "--password-file", pw, "-a", fx.folder)
    assert ok.returncode == 0, ok.stderr
    assert "Organisation: Legal Aid Almaty" in ok.stdout
    with Archive.open(fx.folder, PASSPHRASE) as archive:
        assert identity.current(archive).organisation == "Legal Aid Almaty"  # type: ignore[union-attr]
    out = tmp_path / "signed-by-team.pdf"
    assert run_tumar("dossier", "export", fx.case_id, out, "-a", fx.folder).returncode == 0
    assert "Legal Aid Almaty" in poppler("pdfsig", out)
    verified = run_tumar("dossier", "verify", out)
    assert verified.returncode == 0 and "Legal Aid Almaty" in verified.stdout


def test_dry_run_prints_the_preview_and_writes_nothing(
    run_tumar, fx: Fixture, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "d.pdf"
    done = run_tumar("dossier", "export", fx.case_id[:13], out, "-a", fx.folder, "--dry-run")
    assert done.returncode == 0, done.stderr
    text = done.stdout
    assert "Left out (4):" in text
    assert "consent withdrawn" in text and "no consent to share" in text
    assert "export with --confidential to include" in text
    assert "Қайша Ақан → Witness B — testimony consent: anonymised" in text
    assert "Tilek Tabarikuly → Witness A — risk flag (relatives_detained)" in text
    assert "linked to a testimony that is left out" in text  # the withheld photo
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_bad_input_is_one_line_and_changes_nothing(run_tumar, fx: Fixture, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    existing = tmp_path / "there.pdf"
    existing.write_bytes(b"keep me")
    for args in (
        ("dossier", "export", fx.case_id, existing),
        ("dossier", "export", fx.case_id, tmp_path / "nofolder" / "x.pdf"),
        ("dossier", "export", "ffffffff", tmp_path / "x.pdf"),
        ("dossier", "export", fx.case_id, tmp_path / "x.pdf", "--person", "ffffffff"),
    ):
        done = run_tumar(*args, "-a", fx.folder)
        assert done.returncode != 0
        assert done.stderr.startswith("tumar: ") and done.stderr.count("\n") == 1, done.stderr
    assert existing.read_bytes() == b"keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["there.pdf"]


@pytest.mark.parametrize("stop_at", ["Preparing photo", "Signing"])
def test_cancel_leaves_no_partial_pdf(fx: Fixture, tmp_path: Path, stop_at: str) -> None:
    token = CancelToken()

    def progress(done: int, total: int, text: str) -> None:
        if text.startswith(stop_at):
            token.cancel()

    out = tmp_path / "cancelled.pdf"
    with Archive.open(fx.folder, PASSPHRASE) as archive:
        job = export_job(archive, DossierOptions(fx.case_id), out)
        with pytest.raises(JobCancelled):
            job(progress, token)
    assert list(tmp_path.iterdir()) == []


def test_a_failure_while_writing_leaves_no_partial_pdf(
    fx: Fixture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tumar.app.dossier import sign

    real = sign.sign

    def fail_midway(pdf, ident, manifest_json, stamp, box, out, reason):  # type: ignore[no-untyped-def]
        out.write(pdf[:1000])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(sign, "sign", fail_midway)
    out = tmp_path / "full-disk.pdf"
    with Archive.open(fx.folder, PASSPHRASE) as archive, pytest.raises(OSError):
        export_job(archive, DossierOptions(fx.case_id), out)(lambda *a: None, CancelToken())
    assert list(tmp_path.iterdir()) == []
    assert real is not fail_midway


def test_unknown_language_is_refused(fx: Fixture, tmp_path: Path) -> None:
    with Archive.open(fx.folder, PASSPHRASE) as archive, pytest.raises(InvalidInput):
        export_job(archive, DossierOptions(fx.case_id, lang="de"), tmp_path / "x.pdf")(
            lambda *a: None, CancelToken()
        )


def test_an_archive_that_skipped_migration_6_still_gets_an_identity(tmp_path: Path) -> None:
    """Schema 8 landed before 6: archives made in between have no signing_identity table."""
    from tumar.storage.kdf import fast_params

    archive, _ = Archive.create(tmp_path / "a.tumar", PASSPHRASE, fast_params())
    with archive:
        archive.records_db.execute("DROP TABLE signing_identity")
        made = identity.ensure(archive)
        assert identity.ensure(archive).fingerprint == made.fingerprint


def test_init_makes_the_identity(tmp_path: Path, fast_kdf: object) -> None:
    from tumar.app import lifecycle

    archive, _ = lifecycle.create_archive(tmp_path / "new.tumar", "a long enough passphrase ok")
    with archive:
        made = identity.current(archive)
        assert made is not None and made.source == "generated"
