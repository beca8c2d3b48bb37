"""`tumar demo`: an archive built from a publicly reported case (resources/demo/demo.json).

The facts are summaries of press reports; deadlines are computed relative to today so
the deadline view always has something to show, and are labelled as invented.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import textwrap
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from tumar.storage.archive import Archive
from tumar.storage.connection import transaction

from . import cases, people, testimonies
from .lifecycle import create_archive
from .media.importer import Links, import_stream


@dataclass
class DemoSummary:
    folder: Path
    recovery_code: str
    counts: dict[str, int]


def load_demo_data() -> dict[str, Any]:
    text = resources.files("tumar.resources").joinpath("demo/demo.json").read_text("utf-8")
    return json.loads(text)


def populate(archive: Archive, data: dict[str, Any], today: dt.date | None = None) -> None:
    today = today or dt.date.today()
    sources = data["sources"]
    person_ids: dict[str, str] = {}
    case_ids: dict[str, str] = {}
    with transaction(archive.repo.conn):
        for p in data["people"]:
            names = [people.NameInput(n["name"], n["script"], n["kind"]) for n in p["names"]]
            notes = p["notes"]
            if p.get("source"):
                notes = f"{notes}\n\nSource: {sources[p['source']]}"
            detail = people.add_person(
                archive,
                p["display_name"],
                names=names,
                birth_date=p.get("birth_date"),
                sex=p.get("sex"),
                notes=notes,
                risk_flags=p.get("risk_flags", []),
            )
            person_ids[p["key"]] = detail.person.id
        for c in data["cases"]:
            case = cases.add_case(
                archive,
                c["title"],
                status=c["status"],
                jurisdiction=c["jurisdiction"],
                court=c["court"],
                summary=c["summary"],
            )
            case_ids[c["key"]] = case.id
            for link in c["people"]:
                cases.link_person(archive, case.id, person_ids[link["person"]], link["role"])
            for e in c["events"]:
                cases.add_event(
                    archive,
                    case.id,
                    e["kind"],
                    e["date"],
                    place=e.get("place", ""),
                    description=e.get("description", ""),
                    source=sources.get(e.get("source") or "", ""),
                    people=[person_ids[k] for k in e.get("people", [])],
                )
            for n in c.get("notes", []):
                testimonies.add_note(archive, n["text"], case_id=case.id)
        for t in data["testimonies"]:
            consent = t["consent"]
            testimony = testimonies.add_testimony(
                archive,
                person_ids[t["witness"]],
                t["text"],
                case_ids=[case_ids[k] for k in t["cases"]],
                language=t["language"],
                recorded_at=t["recorded_at"],
                recorded_where=t["recorded_where"],
                recorded_by=t["recorded_by"],
                source=sources.get(t.get("source") or "", ""),
                consent=testimonies.Consent(
                    consent["scope"], consent["date"], consent["how"], consent["withdrawn"]
                ),
            )
            for tr in t.get("translations", []):
                testimonies.add_translation(
                    archive, testimony.id, tr["language"], tr["text"], tr.get("translator", "")
                )
        for u in data["upcoming"]:
            day = today + dt.timedelta(days=int(u["offset_days"]))
            cases.add_event(
                archive,
                case_ids[u["case"]],
                u["kind"],
                day.isoformat(),
                place=u.get("place", ""),
                description=u["description"],
                source="Tumar demo data (invented date)",
            )
    add_demo_photos(archive, data.get("photos", []), case_ids, person_ids)


def _demo_photo(label: str, colour: str) -> bytes:
    """A plain-coloured JPEG saying "demo image": drawn in memory, never a real photo."""
    image = Image.new("RGB", (800, 600), colour)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=28)
    draw.rectangle((20, 20, 779, 579), outline="white", width=6)
    draw.text((400, 260), "demo image", fill="white", font=font, anchor="mm")
    small = ImageFont.load_default(size=18)
    for row, text in enumerate(textwrap.wrap(label.replace("\u2014", "-"), 56)[:4]):
        draw.text((400, 330 + 28 * row), text, fill="white", font=small, anchor="mm")
    buf = io.BytesIO()
    image.save(buf, format="JPEG", quality=85)
    return buf.getvalue()


def add_demo_photos(
    archive: Archive,
    photos: list[dict[str, Any]],
    case_ids: dict[str, str],
    person_ids: dict[str, str],
) -> None:
    """Import the placeholder photos through the real import path, linked like real ones."""
    for number, photo in enumerate(photos, start=1):
        links = Links(
            case_ids=(case_ids[photo["case"]],) if photo.get("case") else (),
            person_ids=(person_ids[photo["person"]],) if photo.get("person") else (),
        )
        data = _demo_photo(photo["label"], photo["colour"])
        import_stream(archive, io.BytesIO(data), f"demo-image-{number}.jpg", links)


def build_demo(folder: Path, passphrase: str, today: dt.date | None = None) -> DemoSummary:
    archive, code = create_archive(folder, passphrase)
    with archive:
        populate(archive, load_demo_data(), today)
        counts = archive.repo.count()
    return DemoSummary(Path(folder), code, counts)
