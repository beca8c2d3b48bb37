"""The manifest: every included item with its SHA-256, attached to the PDF as JSON.

Record hashes are the ones the audit chain holds for the exported version of each record,
so a manifest line can be traced to the archive's history; a photo is listed by the SHA-256
of its original file and of the derived copy embedded in the PDF, which lets anyone check
that the pictures in the PDF are the ones the manifest names.
"""

from __future__ import annotations

import json
from dataclasses import asdict

from .content import DossierContent, ExportMeta
from .photos import DerivedPhoto

FORMAT = "tumar-dossier-manifest/1"
ATTACHMENT_NAME = "manifest.json"


def items(content: DossierContent, photos: dict[str, DerivedPhoto]) -> list[dict]:
    out: list[dict] = []
    media_ids = {p.media.id for p in content.all_photos}
    for record_id, (kind, digest, size) in content.record_hashes.items():
        if kind == "media":
            continue
        out.append({"type": kind, "id": record_id, "sha256": digest, "size": size})
    for photo in content.all_photos:
        m = photo.media
        item = {"type": "media", "id": m.id, "sha256": m.sha256, "size": m.size,
                "mime": m.mime}  # fmt: skip
        derived = photos.get(m.id)
        if derived is not None:
            item["embedded_sha256"] = derived.sha256
            item["embedded_size"] = len(derived.jpeg)
        out.append(item)
    assert len({i["id"] for i in out if i["type"] == "media"}) == len(media_ids)
    return out


def build(content: DossierContent, meta: ExportMeta, item_list: list[dict]) -> bytes:
    opts = content.options
    document = {
        "format": FORMAT,
        "export": asdict(meta),
        "case_id": opts.case_id,
        "person_id": opts.person_id,
        "options": {"confidential": opts.confidential,
                    "include_location": opts.include_location, "lang": opts.lang},
        "left_out": content.left_out_count,
        "items": item_list,
    }  # fmt: skip
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
