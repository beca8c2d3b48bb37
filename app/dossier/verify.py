"""`tumar dossier verify`: is this PDF the dossier its signer exported, byte for byte?

Needs no archive and no passphrase: a court clerk or a journalist can run it. It checks
1. the PAdES signature is cryptographically valid for the signer's certificate;
2. the signature covers the whole file: nothing was appended after signing, not even an
   incremental update (which PDF allows and which some readers show without warning);
3. the attached manifest is there, names this signer's certificate, and lists exactly the
   pictures embedded in the PDF (by the SHA-256 of each embedded image).
Trust in the signer is a separate question: the certificate is self-signed unless the
organisation imported one, so the report prints its fingerprint for the reader to compare
with the one the organisation published.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from tumar.storage.errors import InvalidInput

from .manifest import ATTACHMENT_NAME, FORMAT


@dataclass
class VerifyReport:
    problems: list[str] = field(default_factory=list)
    signer: str = ""
    fingerprint: str = ""
    signed_at: str = ""
    exported_at: str = ""
    audit_head: str = ""
    archive_id: str = ""
    items: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def _attachment(reader: PdfFileReader) -> bytes | None:
    try:
        names = reader.root["/Names"]["/EmbeddedFiles"]["/Names"]
    except (KeyError, TypeError):
        return None
    for i in range(0, len(names) - 1, 2):
        if str(names[i]) == ATTACHMENT_NAME:
            return names[i + 1].get_object()["/EF"]["/F"].get_object().data
    return None


def _pages(node: object) -> list:
    node = node.get_object()  # type: ignore[attr-defined]
    if node.get("/Type") == "/Pages":
        return [page for kid in node["/Kids"] for page in _pages(kid)]
    return [node]


def _jpeg_bytes(stream: object) -> bytes | None:
    """The JPEG file inside an image stream (DCTDecode, possibly under ASCII85)."""
    filters = stream.get("/Filter")  # type: ignore[attr-defined]
    names = [str(f) for f in filters] if isinstance(filters, list) else [str(filters)]
    data = stream.encoded_data  # type: ignore[attr-defined]
    if names == ["/DCTDecode"]:
        return data
    if names == ["/ASCII85Decode", "/DCTDecode"]:
        text = data.strip()
        text = text if text.startswith(b"<~") else b"<~" + text
        text = text if text.endswith(b"~>") else text + b"~>"
        return base64.a85decode(text, adobe=True)
    return None


def _embedded_images(reader: PdfFileReader) -> list[str]:
    """SHA-256 of every JPEG drawn on any page (the derived photo copies)."""
    digests: list[str] = []
    seen: set[int] = set()
    for page in _pages(reader.root["/Pages"]):
        resources = page.get("/Resources")
        xobjects = resources.get_object().get("/XObject") if resources else None
        if not xobjects:
            continue
        for ref in xobjects.get_object().values():
            key = getattr(ref, "idnum", id(ref))
            stream = ref.get_object()
            if key in seen or stream.get("/Subtype") != "/Image":
                continue
            seen.add(key)
            jpeg = _jpeg_bytes(stream)
            if jpeg is not None:
                digests.append(hashlib.sha256(jpeg).hexdigest())
    return digests


def _check_signature(reader: PdfFileReader, report: VerifyReport) -> str | None:
    sigs = reader.embedded_signatures
    if len(sigs) != 1:
        report.problems.append(f"expected one signature, found {len(sigs)}")
        return None
    sig = sigs[0]
    cert = sig.signer_cert
    report.fingerprint = hashlib.sha256(cert.dump()).hexdigest()
    report.signer = cert.subject.human_friendly
    try:
        status = validate_pdf_signature(
            sig, signer_validation_context=ValidationContext(
                trust_roots=[cert], allow_fetching=False
            ),
        )  # fmt: skip
    except (SignatureValidationError, PdfError, ValueError) as exc:
        report.problems.append(f"the signature could not be checked ({exc})")
        return None
    if status.signer_reported_dt:
        report.signed_at = status.signer_reported_dt.isoformat(timespec="seconds")
    if not status.intact:
        report.problems.append("the signed bytes were changed after signing")
    elif not status.valid:
        report.problems.append("the signature does not match the signer's certificate")
    if status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        report.problems.append(
            "the file was changed after signing (content was appended: an incremental update)"
        )
    elif status.modification_level not in (None, ModificationLevel.NONE):
        report.problems.append("the file was modified after signing")
    return report.fingerprint


def _check_manifest(reader: PdfFileReader, report: VerifyReport, fingerprint: str) -> None:
    raw = _attachment(reader)
    if raw is None:
        report.problems.append(f"the {ATTACHMENT_NAME} attachment is missing")
        return
    try:
        manifest = json.loads(raw)
        export = manifest["export"]
        items = manifest["items"]
    except (ValueError, KeyError, TypeError):
        report.problems.append(f"the {ATTACHMENT_NAME} attachment is not a Tumar manifest")
        return
    if manifest.get("format") != FORMAT:
        report.problems.append(f"unknown manifest format {manifest.get('format')!r}")
    report.exported_at = str(export.get("exported_at", ""))
    report.audit_head = f"#{export.get('audit_seq')} {export.get('audit_head', '')}"
    report.archive_id = str(export.get("archive_id", ""))
    report.items = len(items)
    if export.get("fingerprint") != fingerprint:
        report.problems.append("the manifest names a different signing certificate")
    listed = sorted(i["embedded_sha256"] for i in items if i.get("embedded_sha256"))
    if listed != sorted(_embedded_images(reader)):
        report.problems.append("the embedded photos do not match the manifest")


def verify_file(path: str | Path) -> VerifyReport:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InvalidInput(f"Cannot read {path}: {exc.strerror or exc}") from None
    report = VerifyReport()
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        fingerprint = _check_signature(reader, report)
        if fingerprint:
            _check_manifest(reader, report, fingerprint)
    except (PdfError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        report.problems.append(f"not a readable signed PDF (damaged or truncated: {exc})")
    return report
