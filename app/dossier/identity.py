"""The archive's signing identity: the key and certificate that sign its dossiers.

A dossier must be checkable by anyone without the archive, so it is signed with an X.509
certificate (PAdES). An archive makes its own: an ECDSA P-256 key and a self-signed
certificate naming the organisation and the archive id. An organisation that already has a
certificate (from a CA, or its own) imports it as PKCS#12 instead. The key never leaves the
encrypted archive.db; only the certificate can be exported (for readers to trust).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from tumar.storage import identity_store
from tumar.storage.archive import Archive
from tumar.storage.errors import InvalidInput

DEFAULT_ORGANISATION = "Tumar archive"
VALID_YEARS = 10
MAX_ORGANISATION_CHARS = 64  # X.509 upper bound for organizationName


@dataclass(frozen=True)
class Identity:
    """What a dossier is signed with; `fingerprint` is the certificate's SHA-256 (hex)."""

    organisation: str
    source: str
    created_at: str
    key_pem: bytes
    cert_pem: bytes
    chain_pem: bytes
    fingerprint: str

    @property
    def certificate(self) -> x509.Certificate:
        return x509.load_pem_x509_certificate(self.cert_pem)

    @property
    def subject(self) -> str:
        return self.certificate.subject.rfc4514_string({NameOID.SERIAL_NUMBER: "serialNumber"})

    @property
    def not_after(self) -> str:
        return self.certificate.not_valid_after_utc.date().isoformat()


def fingerprint_of(cert: x509.Certificate) -> str:
    return hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()


def format_fingerprint(fingerprint: str) -> str:
    """Colon-separated pairs, as certificate viewers show it, so a reader can compare."""
    return ":".join(fingerprint[i : i + 2] for i in range(0, len(fingerprint), 2)).upper()


def _from_stored(row: identity_store.StoredIdentity) -> Identity:
    return Identity(
        organisation=row.organisation,
        source=row.source,
        created_at=row.created_at,
        key_pem=row.key_pem.encode("ascii"),
        cert_pem=row.cert_pem.encode("ascii"),
        chain_pem=row.chain_pem.encode("ascii"),
        fingerprint=row.fingerprint,
    )


def _clean_organisation(name: str | None) -> str:
    text = " ".join((name or "").split())
    if not text:
        return DEFAULT_ORGANISATION
    if len(text) > MAX_ORGANISATION_CHARS:
        raise InvalidInput(
            f"An organisation name can have at most {MAX_ORGANISATION_CHARS} characters"
        )
    return text


def _self_signed(
    archive_id: str, organisation: str
) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, f"Tumar archive {archive_id}"[:64]),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
            x509.NameAttribute(NameOID.SERIAL_NUMBER, archive_id),
        ]
    )
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=365 * VALID_YEARS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )  # fmt: skip
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
        .sign(key, hashes.SHA256())
    )
    return key, cert


def _key_pem(key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey) -> str:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),  # archive.db itself is the encryption
    ).decode("ascii")


def _cert_pem(cert: x509.Certificate) -> str:
    return cert.public_bytes(serialization.Encoding.PEM).decode("ascii")


def current(archive: Archive) -> Identity | None:
    row = identity_store.active(archive.records_db)
    return _from_stored(row) if row else None


def create(archive: Archive, organisation: str | None = None) -> Identity:
    """A new key and self-signed certificate; an earlier identity is kept, inactive."""
    org = _clean_organisation(organisation)
    key, cert = _self_signed(archive.archive_id, org)
    row = identity_store.replace_active(
        archive.records_db,
        source="generated",
        organisation=org,
        key_pem=_key_pem(key),
        cert_pem=_cert_pem(cert),
        chain_pem="",
        fingerprint=fingerprint_of(cert),
    )
    return _from_stored(row)


def ensure(archive: Archive) -> Identity:
    """The active identity, made on first use for archives created before identities."""
    return current(archive) or create(archive)


def import_pkcs12(archive: Archive, data: bytes, password: str) -> Identity:
    """Use an organisation's own certificate; the archive's previous identity is kept."""
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(
            data, password.encode("utf-8") if password else None
        )
    except ValueError:
        raise InvalidInput(
            "The PKCS#12 file could not be opened: wrong password, or not a PKCS#12 file "
            "(nothing was changed)"
        ) from None
    if key is None or cert is None:
        raise InvalidInput("The PKCS#12 file holds no private key and certificate to sign with")
    if not isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
        raise InvalidInput("Only RSA and ECDSA keys can sign dossiers (nothing was changed)")
    if key.public_key().public_numbers() != cert.public_key().public_numbers():  # type: ignore[union-attr]
        raise InvalidInput("The certificate in the PKCS#12 file does not match its key")
    orgs = cert.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)
    cns = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    label = str((orgs or cns)[0].value) if (orgs or cns) else cert.subject.rfc4514_string()
    row = identity_store.replace_active(
        archive.records_db,
        source="imported",
        organisation=label,
        key_pem=_key_pem(key),
        cert_pem=_cert_pem(cert),
        chain_pem="".join(_cert_pem(c) for c in extra or []),
        fingerprint=fingerprint_of(cert),
    )
    return _from_stored(row)
