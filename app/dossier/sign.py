"""Signing a rendered dossier: manifest attached, PAdES signature, visible block on the cover.

One incremental update on top of ReportLab's PDF adds the manifest attachment and the
signature, so the signature covers the attachment too. The document is *certified* with "no
changes allowed": any later update (even a harmless-looking annotation) makes readers and
`tumar dossier verify` report the document as modified.
"""

from __future__ import annotations

import binascii
import io
import uuid
from typing import BinaryIO

from asn1crypto import x509 as asn1_x509
from pyhanko.keys import load_certs_from_pemder_data, load_private_key_from_pemder_data
from pyhanko.pdf_utils import embed, generic
from pyhanko.pdf_utils.content import ImportedPdfPage
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.layout import (
    AxisAlignment,
    BoxConstraints,
    InnerScaling,
    Margins,
    SimpleBoxLayoutRule,
)
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.stamp import StaticStampStyle
from pyhanko_certvalidator.registry import SimpleCertificateStore

from .identity import Identity
from .manifest import ATTACHMENT_NAME

FIELD_NAME = "TumarDossierSignature"


class _StampPage(ImportedPdfPage):
    """A page of an in-memory PDF as the signature's appearance (pyHanko's own class reads
    a file by name, and the stamp must not go through a temp file)."""

    def __init__(self, pdf: bytes) -> None:
        super().__init__(file_name="<memory>", page_ix=0)
        self._pdf = pdf

    def render(self) -> bytes:
        writer = self._ensure_writer
        xobj = writer.import_page_as_xobject(PdfFileReader(io.BytesIO(self._pdf)), page_ix=0)
        name = b"/Import" + binascii.hexlify(uuid.uuid4().bytes)
        self.resources.xobject[name.decode("ascii")] = xobj
        x1, y1, x2, y2 = xobj.get_object()["/BBox"]
        self.box = BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
        return name + b" Do"


def _signer(identity: Identity) -> signers.SimpleSigner:
    key = load_private_key_from_pemder_data(identity.key_pem, passphrase=None)
    cert = asn1_x509.Certificate.load(
        next(iter(load_certs_from_pemder_data(identity.cert_pem))).dump()
    )
    chain = list(load_certs_from_pemder_data(identity.chain_pem)) if identity.chain_pem else []
    return signers.SimpleSigner(
        signing_cert=cert,
        signing_key=key,
        cert_registry=SimpleCertificateStore.from_certs([cert, *chain]),
    )


def sign(
    pdf: bytes,
    identity: Identity,
    manifest_json: bytes,
    stamp_pdf: bytes,
    box: tuple[int, int, int, int],
    out: BinaryIO,
    reason: str,
) -> None:
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    embed.embed_file(
        writer,
        embed.FileSpec(
            file_spec_string=ATTACHMENT_NAME,
            file_name=ATTACHMENT_NAME,
            embedded_data=embed.EmbeddedFileObject.from_file_data(
                writer,
                data=manifest_json,
                mime_type="application/json",
                params=embed.EmbeddedFileParams(embed_size=True, embed_checksum=True),
            ),  # fmt: skip
            description="Tumar dossier manifest (items, SHA-256, audit head)",
            af_relationship=generic.NameObject("/Data"),
        ),
    )
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        certify=True,
        docmdp_permissions=fields.MDPPerm.NO_CHANGES,
        reason=reason,
        name=identity.organisation,
    )
    pdf_signer = signers.PdfSigner(
        meta,
        signer=_signer(identity),
        stamp_style=StaticStampStyle(
            background=_StampPage(stamp_pdf),
            border_width=0,
            background_opacity=1.0,
            background_layout=SimpleBoxLayoutRule(
                x_align=AxisAlignment.ALIGN_MIN,
                y_align=AxisAlignment.ALIGN_MIN,
                margins=Margins(0, 0, 0, 0),
                inner_content_scaling=InnerScaling.STRETCH_TO_FIT,
            ),
        ),
        new_field_spec=fields.SigFieldSpec(FIELD_NAME, on_page=0, box=box),
    )
    pdf_signer.sign_pdf(writer, output=out)
